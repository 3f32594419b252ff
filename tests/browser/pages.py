"""
The pages the quality gates check and the journeys visit: their names, the
screen sizes, and where each one is once the seeds are imported.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from articles.models import Withdrawal
from articles.withdrawals import QUOTE_CORRECTED_AWAY

# The speaker the journeys look for: Sarah Soroken, quoted by KCRA 3.
SPEAKER = "Soroken"
STRIKE_SLUG = "kaiser-permanente-mental-health-strike-2022"
DESK = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = {"desk": DESK, "phone": PHONE}


@dataclass
class SeededSite:
    """The live site with the seeds imported, and the paths of the pages the gates check."""

    url: str
    kcra: object  # articles.models.Article (KCRA 3)
    bee: object  # articles.models.Article (The Sacramento Bee)
    quote: object  # a published quote of the speaker above
    pages: dict[str, str] = field(default_factory=dict)  # page name -> path
    broken: dict[str, str] = field(default_factory=dict)  # page name -> why it cannot be checked

    def path(self, name):
        """The path of a named page; fails the calling test (only) if it could not be set up."""
        if name in self.broken:
            pytest.fail(f"the {name} page cannot be checked: {self.broken[name]}", pytrace=False)
        return self.pages[name]


# Every page the accessibility and HTML gates check, by name. The first seven
# are the main pages (home, one of each kind of record, search); the rest are
# the other reading pages a visitor reaches from the site's navigation, the 404
# page and the 410 page of a quote a correction withdrew.
PAGE_NAMES = (
    "home", "article", "quote", "person", "source", "strike", "search",
    "article-bee", "strike-list", "source-list", "person-list", "quote-list",
    "article-list", "archive", "archive-month", "not-found", "withdrawn-quote",
    "article-part",
)  # fmt: skip
NOT_FOUND_PAGES = {"not-found"}
GONE_PAGES = {"withdrawn-quote"}
# A quote id no quote has: its page is the withdrawn quote's (see ``gate_pages``).
WITHDRAWN_QUOTE_PATH = "/quotes/0/"


def expected_status(name):
    """What a gate page answers: 404 for the missing page, 410 for the withdrawn one, else 200."""
    return 404 if name in NOT_FOUND_PAGES else 410 if name in GONE_PAGES else 200


# Layout changes with the screen, so the seven main pages are checked at both
# sizes; the other pages share their templates' parts and are checked on a desk.
MAIN_PAGES = PAGE_NAMES[:7]
PAGE_VIEWPORTS = [(name, "desk") for name in PAGE_NAMES] + [(name, "phone") for name in MAIN_PAGES]


def long_article(kcra):
    """
    A story too long for one page (read in parts), in words no other test looks
    for, dated before the seeds so that it lists last.
    """
    from datetime import datetime

    from articles.models import Article

    article, _created = Article.objects.get_or_create(
        slug="hearing-transcript-in-parts",
        defaults={
            "headline": "Hearing transcript in parts",
            "source": kcra.source,
            "published_at": datetime(2001, 5, 1, 12, tzinfo=ZoneInfo("UTC")),
            "status": Article.Status.PUBLISHED,
            "paragraphs": [
                f"Testimony continued, item {number}, on the committee's calendar."
                for number in range(1, 401)
            ],
        },
    )
    return article


def gate_pages(kcra, bee, quote, strike):
    pages = {
        "home": reverse("articles:home"),
        "article": kcra.get_absolute_url(),
        "quote": quote.get_absolute_url(),
        "person": quote.speaker.get_absolute_url(),
        "source": kcra.source.get_absolute_url(),
        "strike": strike.get_absolute_url(),
        "article-bee": bee.get_absolute_url(),
        "strike-list": reverse("articles:strike_list"),
        "source-list": reverse("articles:source_list"),
        "person-list": reverse("articles:person_list"),
        "quote-list": reverse("articles:quote_list"),
        "article-list": reverse("articles:article_list"),
        "archive": reverse("articles:archive"),
        "not-found": "/articles/no-such-article-here/",
        "withdrawn-quote": WITHDRAWN_QUOTE_PATH,
        "article-part": f"{long_article(kcra).get_absolute_url()}?part=2",
    }
    # The page a quote's URL keeps once a correction took its words out of the article.
    Withdrawal.objects.update_or_create(
        path=WITHDRAWN_QUOTE_PATH,
        defaults={
            "kind": Withdrawal.Kind.QUOTE,
            "title": quote.speaker.name,
            "text": quote.text,
            "speaker": quote.speaker.name,
            "paragraph": quote.paragraph,
            "article_path": kcra.get_absolute_url(),
            "article_headline": kcra.headline,
            "outlet": kcra.source.name,
            "reason": QUOTE_CORRECTED_AWAY,
        },
    )
    dated = next((article for article in (bee, kcra) if article.published_at), None)
    if dated:  # the month page that lists it, by its outlet's calendar
        local = dated.published_at.astimezone(ZoneInfo(dated.source.timezone or settings.TIME_ZONE))
        pages["archive-month"] = reverse(
            "articles:archive_month", kwargs={"year": local.year, "month": local.month}
        )
    try:
        pages["search"] = f"{reverse('search:search')}?{urlencode({'q': SPEAKER})}"
    except NoReverseMatch:
        pass
    return pages
