"""
What a site's robots.txt allows: takes its text and the archive's product
token, gives ``allows(url)`` and the Crawl-delay asked for (protego reads
the rules as RFC 9309 and the major crawlers do: wildcards, ``$``, longest
match wins).
"""

from dataclasses import dataclass

from protego import Protego


@dataclass(frozen=True)
class RobotsRules:
    token: str
    parser: Protego | None = None  # None: no rules (robots.txt missing)

    @classmethod
    def parse(cls, text, token):
        return cls(token, Protego.parse(text))

    @classmethod
    def allow_all(cls, token):
        return cls(token)

    def allows(self, url):
        return self.parser is None or self.parser.can_fetch(url, self.token)

    @property
    def crawl_delay(self):
        return (self.parser.crawl_delay(self.token) if self.parser else None) or 0.0
