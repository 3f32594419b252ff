"""
Feeds carry text, not markup: whatever an article's words are, angle brackets
and ``javascript:`` links included, a feed reader shows them as words. Checked
twice on every feed the site has: as feedparser reads it, and in the raw XML,
where an RSS ``<description>`` and an Atom ``<summary type="html">`` are HTML
once the XML is decoded.
"""

import feedparser
import pytest
from lxml import etree
from lxml import html as lxml_html

from articles.models import Quote, Strike

SCRIPT = "<script>alert('feed')</script>"
LINK = '<a href="javascript:alert(1)">read more</a>'
HOSTILE_LEAD = f"Nurses walked out {SCRIPT} and said {LINK} on Tuesday & stayed out."
HOSTILE_QUOTE = f"We are {SCRIPT} short-staffed {LINK} every night,"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def hostile(make_article, make_person):
    strike = Strike.objects.create(name="Mercy Nurses Strike", employer="Mercy General")
    article = make_article(
        headline=f"Nurses {SCRIPT} walk out",
        paragraphs=[HOSTILE_LEAD, f"“{HOSTILE_QUOTE}” said Dana Ruiz, a nurse."],
        strike=strike,
    )
    person = make_person()
    Quote.objects.create(
        article=article,
        paragraph=2,
        start=1,
        end_paragraph=2,
        end=1 + len(HOSTILE_QUOTE),
        text=HOSTILE_QUOTE,
        speaker=person,
        cue="said Dana Ruiz",
    )
    return article, person


def every_feed(article, person):
    feeds = []
    for suffix in ("", "atom/"):
        feeds += [
            f"/feed/{suffix}",
            f"/strikes/{article.strike.slug}/feed/{suffix}",
            f"/sources/{article.source.slug}/feed/{suffix}",
            f"/people/{person.slug}/feed/{suffix}",
        ]
    return feeds


def html_fields(raw):
    """The text of every element a reader renders as HTML, XML-decoded once (as a reader does)."""
    root = etree.fromstring(raw)
    fields = [element.text or "" for element in root.iter("description")]
    fields += [
        element.text or ""
        for element in root.iter(f"{ATOM}summary", f"{ATOM}content")
        if element.get("type", "text") == "html"
    ]
    return fields


def test_every_feed_is_covered(hostile):
    from articles import urls

    feed_routes = [p for p in urls.urlpatterns if "feed" in str(p.pattern)]
    assert len(every_feed(*hostile)) == len(feed_routes)


def test_no_markup_from_article_text_reaches_a_reader_in_the_raw_xml(client, hostile):
    for url in every_feed(*hostile):
        raw = client.get(url).content
        fields = html_fields(raw)
        assert fields, url
        for field in fields:
            # Escaped once more than XML needs: the HTML has no tag or attribute at all.
            assert "<" not in field and ">" not in field, (url, field)
            document = lxml_html.fragment_fromstring(field or " ", create_parent="div")
            assert document.findall(".//script") == [], url
            assert not [a for a in document.iter("a") if a.get("href")], url
        assert b"<script" not in raw.lower() and b"<![cdata[" not in raw.lower(), url


def test_feedparser_reads_the_articles_words_as_text(client, hostile):
    article, _person = hostile
    for url in every_feed(*hostile):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo, (url, feed.get("bozo_exception"))
        (entry,) = feed.entries
        assert entry.summary_detail.type == "text/html", url
        rendered = lxml_html.fragment_fromstring(entry.summary, create_parent="div")
        assert rendered.findall(".//script") == [] and rendered.findall(".//a") == [], url
        # What a reader displays: the article's words, brackets and all.
        assert SCRIPT in rendered.text_content() and LINK in rendered.text_content(), url
        # Titles are plain text (feedparser: text/plain), shown as the words they are.
        assert entry.title_detail.type == "text/plain", url


def test_the_coverage_description_is_the_lead_as_words(client, hostile):
    feed = feedparser.parse(client.get("/feed/atom/").content)
    (entry,) = feed.entries
    shown = lxml_html.fragment_fromstring(entry.summary, create_parent="div").text_content()
    assert shown == HOSTILE_LEAD
