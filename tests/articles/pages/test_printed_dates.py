"""
Dates as the outlet printed them: a time keeps the UTC offset it was printed
with (page, archive month, citations, exports, JSON-LD, feeds all agree on
the day), a new outlet takes the zone its first dated story printed, and a
date given without a time stays a date everywhere.
"""

import json
import re

import feedparser
import pytest

from articles.importer import import_article_bytes
from articles.models import Source

pytestmark = pytest.mark.django_db

EVENING = "2026-11-30T21:00:00-08:00"


def story(published, source="Oakland Ledger", headline="Dockworkers walk out at the Port"):
    text = (
        f"Source: {source}\nPublished: {published}\n\n{headline}\n\n"
        "Hundreds of dockworkers walked off the job at the Port of Oakland after talks over "
        "automation broke down.\n\n"
        "“We are not going to be replaced by machines,” said Luis Ortega, a crane operator.\n"
    )
    return import_article_bytes(text.encode(), key=f"{headline}.txt").article


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def json_ld(body):
    return [json.loads(block) for block in re.findall(r'ld\+json">(.*?)</script>', body)]


def test_a_new_outlet_takes_the_zone_its_first_dated_story_printed(db):
    article = story(EVENING)
    assert article.source.timezone == "America/Los_Angeles"
    assert article.published_offset == -480
    assert article.published_on.isoformat() == "2026-11-30"


def test_the_printed_evening_is_november_30_everywhere(client):
    article = story(EVENING)
    body = page(client, article.get_absolute_url())
    assert '<time datetime="2026-11-30T21:00:00-08:00">Nov. 30, 2026, 9 p.m. PST</time>' in body
    assert "UTC" not in body
    assert "(2026, November 30)" in body  # APA
    assert "30 Nov. 2026" in body  # MLA
    assert "November 30, 2026" in body  # Chicago
    assert json_ld(body)[0]["datePublished"] == EVENING
    assert '<meta property="article:published_time" content="2026-11-30T21:00:00-08:00">' in body
    assert '<meta name="citation_date" content="2026-11-30">' in body
    assert article.headline in page(client, "/archive/2026/11/")
    assert article.headline not in client.get("/archive/2026/12/").content.decode()
    quote = article.quotes.get()
    quote_page = page(client, quote.get_absolute_url())
    assert "UTC" not in quote_page
    assert "(2026, November 30)" in quote_page


@pytest.mark.parametrize(
    "fmt, expected",
    [
        ("bibtex", "date = {2026-11-30}"),
        ("ris", "DA  - 2026/11/30/"),
        ("csl-json", '"date-parts": [\n        [\n          2026,\n          11,\n          30'),
    ],
)
def test_the_exports_give_the_printed_day(client, fmt, expected):
    article = story(EVENING)
    assert expected in page(client, f"{article.get_absolute_url()}cite/{fmt}/")


def test_a_printed_offset_is_kept_when_the_outlets_zone_is_another(client):
    new_york = Source.objects.create(name="The Harbor Times", timezone="America/New_York")
    article = story(EVENING, source=new_york.name)
    article.refresh_from_db()
    assert article.source == new_york
    assert new_york.timezone == "America/New_York"  # an editor's zone is never replaced
    body = page(client, article.get_absolute_url())
    assert "Nov. 30, 2026, 9 p.m. -08:00" in body
    assert "UTC" not in body
    assert article.published_on.isoformat() == "2026-11-30"


def test_an_outlet_with_dated_stories_keeps_its_zone(db):
    first = story("2026-11-02T10:00", source="Valley Wire", headline="Bus drivers vote")
    assert first.source.timezone == "UTC"  # no clock printed: not known yet
    second = story(EVENING, source="Valley Wire")
    second.source.refresh_from_db()
    assert second.source.timezone == "UTC"  # its first dated story printed none


def test_a_zone_named_by_its_abbreviation_is_the_outlets_zone(db):
    article = story("Nov. 30, 2026 9:00 p.m. EST", source="The Lakeside Courier")
    assert article.source.timezone == "America/New_York"


def test_a_date_without_a_time_is_a_date_everywhere(client):
    article = story("2026-11-29")
    assert article.published_date_only
    body = page(client, article.get_absolute_url())
    assert '<time datetime="2026-11-29">Nov. 29, 2026</time>' in body
    for invented in ("midnight", "12 a.m.", "T00:00"):
        assert invented not in body
    assert json_ld(body)[0]["datePublished"] == "2026-11-29"
    assert "(2026, November 29)" in body
    assert "DA  - 2026/11/29/" in page(client, f"{article.get_absolute_url()}cite/ris/")

    rss = client.get("/feed/").content
    entry = next(e for e in feedparser.parse(rss).entries if e.title == article.headline)
    assert "published" not in entry  # no invented time...
    assert entry["updated"] == "2026-11-29"  # ...the day itself (feedparser reads dc:date so)
    assert b">2026-11-29</dc:date>" in rss
    atom = client.get("/feed/atom/").content
    assert b">2026-11-29</dc:date>" in atom
    assert b"<published>2026-11-29" not in atom


def test_a_date_without_a_time_does_not_move_when_the_outlets_zone_changes(client):
    article = story("2026-11-29", source="Valley Wire")
    article.source.timezone = "Pacific/Auckland"
    article.source.save()
    article.refresh_from_db()
    assert article.published_on.isoformat() == "2026-11-29"
    assert "Nov. 29, 2026" in page(client, article.get_absolute_url())
