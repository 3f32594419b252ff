"""RSS 2.0 and Atom feeds parse cleanly with feedparser and carry the right entries."""

import feedparser
import pytest
from django.db.models import F

from articles.models import Article, Quote

BASE = "http://testserver"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


def expected_feeds(kcra, bee):
    """(url, expected version prefix, entry links) for every feed, newest first."""
    strike, bee_source, kcra_source = bee.strike, bee.source, kcra.source
    both = [
        f"{BASE}{bee.get_absolute_url()}",
        f"{BASE}{kcra.get_absolute_url()}",
    ]  # the undated one last
    person = Quote.objects.published().exclude(speaker=None).first().speaker
    newest_first = (
        F("article__published_at").desc(nulls_last=True),
        "-article_id",
        "paragraph",
        "start",
    )
    quotes = Quote.objects.published().filter(speaker=person).order_by(*newest_first)
    person_links = [f"{BASE}{q.get_absolute_url()}" for q in quotes]
    feeds = []
    for suffix, version in (("", "rss20"), ("atom/", "atom10")):
        feeds += [
            (f"/feed/{suffix}", version, both),
            (f"/strikes/{strike.slug}/feed/{suffix}", version, both),
            (f"/sources/{bee_source.slug}/feed/{suffix}", version, [both[0]]),
            (f"/sources/{kcra_source.slug}/feed/{suffix}", version, [both[1]]),
            (f"/people/{person.slug}/feed/{suffix}", version, person_links),
        ]
    return feeds


def test_every_feed_parses_and_lists_the_right_entries(client, seeded):
    for url, version, links in expected_feeds(*seeded):
        response, feed = parse(client, url)
        assert feed.version == version, url
        assert [entry.link for entry in feed.entries] == links, url
        assert all(entry.title for entry in feed.entries)
        expected_type = "application/atom+xml" if version == "atom10" else "application/rss+xml"
        assert response["Content-Type"].startswith(expected_type)


def test_feed_entries_carry_headline_date_and_author(client, seeded):
    _kcra, bee = seeded
    _response, feed = parse(client, f"/sources/{bee.source.slug}/feed/")
    (entry,) = feed.entries
    assert entry.title == bee.headline
    assert entry.author == "Kathy Anderson"
    assert entry.published_parsed[:5] == (2022, 8, 26, 12, 25)  # 5:25 a.m. Pacific, in UTC
    assert {tag.term for tag in entry.tags} == {"The Sacramento Bee", bee.strike.name}


def test_a_person_feed_is_their_quotes(client, seeded):
    quote = (
        Quote.objects.published().exclude(speaker=None).select_related("speaker", "article").first()
    )
    _response, feed = parse(client, f"/people/{quote.speaker.slug}/feed/atom/")
    titles = [entry.title for entry in feed.entries]
    assert any(quote.text[:40] in title for title in titles)
    assert all(title.startswith(f"{quote.speaker.name}: “") for title in titles)


@pytest.mark.parametrize(
    "url", ["/sources/no-such-outlet/feed/", "/people/nobody/feed/atom/", "/strikes/none/feed/"]
)
def test_feeds_for_unknown_things_are_404(client, seeded, url):
    assert client.get(url).status_code == 404


def test_drafts_stay_out_of_feeds(client, seeded):
    kcra, bee = seeded
    Article.objects.filter(pk=kcra.pk).update(status=Article.Status.DRAFT)
    _response, feed = parse(client, "/feed/atom/")
    assert [entry.link for entry in feed.entries] == [f"{BASE}{bee.get_absolute_url()}"]
    assert client.get(f"/sources/{kcra.source.slug}/feed/").status_code == 404
