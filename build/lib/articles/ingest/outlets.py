"""
Outlets the importer can recognise from the way they refer to themselves.

Scraped text rarely names its outlet plainly: a TV station writes "KCRA 3
reached out ...", a newspaper "covers healthcare for The Bee". The table maps
those short forms to one canonical outlet, with the time zone it dates its
stories in. Outlets not listed still import: ``guess_outlet`` builds one from
the name as written.
"""

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str = "other"  # one of Source.Kind's values
    homepage_url: str = ""
    timezone: str = "UTC"
    aliases: tuple[str, ...] = field(default=())


KNOWN_OUTLETS = (
    Outlet("KCRA 3", "tv", "https://www.kcra.com", "America/Los_Angeles", ("KCRA", "KCRA-TV")),
    Outlet(
        "The Sacramento Bee",
        "newspaper",
        "https://www.sacbee.com",
        "America/Los_Angeles",
        ("Sacramento Bee", "The Bee", "SacBee"),
    ),
    Outlet(
        "Los Angeles Times",
        "newspaper",
        "https://www.latimes.com",
        "America/Los_Angeles",
        ("The Los Angeles Times", "L.A. Times", "LA Times"),
    ),
    Outlet(
        "San Francisco Chronicle",
        "newspaper",
        "https://www.sfchronicle.com",
        "America/Los_Angeles",
        ("The Chronicle", "The San Francisco Chronicle"),
    ),
    Outlet("KQED", "radio", "https://www.kqed.org", "America/Los_Angeles"),
    Outlet("CalMatters", "online", "https://calmatters.org", "America/Los_Angeles"),
    Outlet(
        "The Associated Press",
        "wire",
        "https://apnews.com",
        "America/New_York",
        ("Associated Press", "AP"),
    ),
    Outlet("Reuters", "wire", "https://www.reuters.com", "UTC"),
    Outlet(
        "The New York Times",
        "newspaper",
        "https://www.nytimes.com",
        "America/New_York",
        ("New York Times",),
    ),
    Outlet(
        "The Washington Post",
        "newspaper",
        "https://www.washingtonpost.com",
        "America/New_York",
        ("Washington Post",),
    ),
    Outlet("NPR", "radio", "https://www.npr.org", "America/New_York"),
    Outlet(
        "The Guardian", "newspaper", "https://www.theguardian.com", "Europe/London", ("Guardian",)
    ),
    Outlet("BBC News", "tv", "https://www.bbc.co.uk/news", "Europe/London", ("BBC",)),
)

_BY_NAME = {
    key.casefold(): outlet for outlet in KNOWN_OUTLETS for key in (outlet.name, *outlet.aliases)
}

# US broadcast call signs ("KCRA", "WGN-TV", "KQED 88.5"), and words that mark a newspaper or station.
CALL_SIGN = r"[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?(?: \d{1,2}(?:\.\d)?)?"
_OUTLET_WORDS = re.compile(
    r"\b(?:Times|Post|Bee|News|Journal|Tribune|Herald|Gazette|Chronicle|Press|Daily|Star|"
    r"Sun|Globe|Register|Examiner|Courier|Dispatch|Observer|Inquirer|Reporter|Record|Radio|"
    r"TV|Television|Channel|Network|Magazine|Wire|Mercury|Sentinel|Bulletin|Union-Tribune|"
    # networks and wires named in station and site names ("NBC Bay Area", "Thomson Reuters"),
    # and Spanish-language outlets ("Noticias Telemundo", "El Diario")
    r"NBC|CBS|ABC|FOX|CNN|PBS|NPR|BBC|Reuters|Telemundo|Univision|Noticias|Diario|Periódico)\b"
    # a site named by its domain: "fox5sandiego.com"
    r"|^[a-z0-9][a-z0-9-]{1,60}\.(?:com|org|net|news|co\.uk|ca|com\.au)$"
)


def lookup_outlet(name: str) -> Outlet | None:
    return _BY_NAME.get(name.strip().casefold())


def looks_like_outlet(name: str) -> bool:
    return bool(lookup_outlet(name) or re.fullmatch(CALL_SIGN, name) or _OUTLET_WORDS.search(name))


def guess_outlet(name: str) -> Outlet:
    """The known outlet for ``name``, or a new one typed from the shape of the name."""
    name = " ".join(name.split())
    known = lookup_outlet(name)
    if known:
        return known
    if re.fullmatch(CALL_SIGN, name):
        kind = "tv"
    elif re.search(r"\b(?:Radio|FM|AM)\b", name):
        kind = "radio"
    elif re.search(r"\b(?:TV|Television|Channel)\b", name):
        kind = "tv"
    elif _OUTLET_WORDS.search(name):
        kind = "newspaper"
    else:
        kind = "other"
    return Outlet(name, kind)
