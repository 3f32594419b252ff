"""
People's and organisations' names as the citation styles need them: a byline
split into its authors, and each author split into given and family names
(``nameparser`` does the splitting; this module decides what is a person).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nameparser import HumanName

from articles.quotes.lexicon import CREDIT_ROLES, NAME_SUFFIXES
from articles.quotes.names import looks_like_person as person_name_test

_BY = re.compile(r"^(?:(?:written|story|reporting|words|text|posted)\s+)?by\b[\s:]*", re.IGNORECASE)
# Credits are separated by commas, semicolons, "and", "&", "with", pipes, bullets, dashes.
_CREDIT_SEPARATORS = re.compile(
    r"\s*(?:[,;|•·/—–]|\s(?:and|&|with)\s|\s-\s|\s&|&\s)\s*", re.IGNORECASE
)


@dataclass(frozen=True)
class Name:
    """A creator's name. Organisations keep their name whole in ``literal``."""

    given: str = ""
    family: str = ""
    suffix: str = ""
    literal: str = ""

    @property
    def is_organization(self) -> bool:
        return bool(self.literal)

    @property
    def natural(self) -> str:
        """Given name first, as in running text and Chicago notes ("Martin Luther King Jr.")."""
        if self.literal:
            return self.literal
        return " ".join(part for part in (self.given, self.family, self.suffix) if part)

    @property
    def sort_key_word(self) -> str:
        """The word a reference list files this name under."""
        return self.literal or self.family or self.given


def looks_like_person(name: str) -> bool:
    """
    A credit names a person when it reads as a person's full name: two to five
    capitalised words, no organisation word, role or digit ("Kathy Anderson",
    "Corrine McIntosh Sako", "Vincent de la Cruz", but not "The Associated
    Press", "KCRA 3" or "Reuters"). The test is the text pipeline's one
    (``articles.quotes.names.looks_like_person``); a byline needs two words.
    """
    return person_name_test(name, min_words=2)


def parse_name(name: str, *, organization: bool | None = None) -> Name:
    """
    Split a person's name into given/family/suffix (titles such as "Dr." are
    dropped, as APA 7 §9.8 and CMOS 14.73 ask); keep an organisation's name whole.
    ``organization`` forces the choice when the caller knows (a Person's kind).
    """
    name = " ".join(name.split())
    if organization is None:
        organization = not looks_like_person(name)
    if organization:
        return Name(literal=name)
    parsed = HumanName(name)
    given = " ".join(part for part in (parsed.first, parsed.middle) if part)
    family = parsed.last
    if not family:  # a single name ("Madonna") files under itself
        given, family = "", given
    return Name(given=given, family=family, suffix=parsed.suffix)


def split_byline(byline: str) -> tuple[str, ...]:
    """
    The people a byline credits, in order:
    "By Jane Doe and John Roe, Staff Writers" -> ("Jane Doe", "John Roe").

    Roles, desks and the outlet's own credit ("Staff Writer", "The Sacramento
    Bee", "KCRA 3 Staff") are dropped. A byline that credits only an
    organisation ("By The Associated Press") returns that organisation, since
    it is then the author (APA 7 §9.11, MLA 9 §5.17).
    """
    text = " ".join((byline or "").split())
    text = _BY.sub("", text).strip(" ,;:-–—|")
    if not text:
        return ()
    shouting = text.isupper()
    people: list[str] = []
    organizations: list[str] = []
    for credit in _CREDIT_SEPARATORS.split(text):
        credit = _BY.sub("", credit.strip(" ,;:")).strip()
        last_word = credit.rsplit(" ", 1)[-1].casefold()
        if credit.endswith(".") and last_word not in NAME_SUFFIXES and len(last_word) > 2:
            credit = credit[:-1]  # a sentence's period, not "Jr." or an initial
        if credit.casefold().startswith("and "):
            credit = credit[4:].strip()
        if not credit:
            continue
        if shouting:  # "BY JANE DOE" -> "Jane Doe"
            credit = credit.title()
        if credit.casefold().rstrip(".") in {s.rstrip(".") for s in NAME_SUFFIXES} and people:
            people[-1] = f"{people[-1]} {credit}"
            continue
        words = {w.casefold().strip(".") for w in credit.split()}
        if words & CREDIT_ROLES or credit.casefold().startswith(("special to", "for the", "for ")):
            continue
        if looks_like_person(credit):
            people.append(credit)
        elif credit[0].isupper():
            organizations.append(credit)
    credits = people or organizations[:1]
    return tuple(dict.fromkeys(credits))
