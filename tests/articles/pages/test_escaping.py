"""Hostile text from an imported article never becomes markup: not in the body, the head or JSON-LD."""

import json

import pytest
from lxml import html as lxml_html

from articles.models import Person

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def hostile(make_article, add_quote, make_person, outlet):
    outlet.name = 'Bad & "Co" <b>News</b>'
    outlet.save()
    article = make_article(
        f"Strike {HOSTILE} ends",
        [
            f"He said “{HOSTILE} & more</p>” loudly.",
            "Second <img src=x onerror=alert(2)> paragraph.",
        ],
        byline=f"Mal {HOSTILE} Lory",
        url="https://example.com/story?a=1&b=<x>",
    )
    person = make_person(
        f"Evil {HOSTILE} Person", description='"><svg onload=alert(3)>', kind=Person.Kind.PERSON
    )
    quote = add_quote(article, f"{HOSTILE} & more</p>", speaker=person)
    return article, quote


def scripts(page):
    """The page's inline scripts (its own static files, ``<script src="/static/...">``, aside)."""
    return [
        script
        for script in lxml_html.fromstring(page).xpath("//script")
        if not (script.get("src") or "").startswith("/static/")
    ]


def test_article_page_escapes_everything_an_import_brought(client, hostile):
    article, _quote = hostile
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<svg onload" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # The only script on the page is the JSON-LD data block, and it cannot be closed early.
    found = scripts(page)
    assert [s.get("type") for s in found] == ["application/ld+json"]
    assert "</script" not in found[0].text and "\\u003c/script\\u003e" in found[0].text
    data = json.loads(found[0].text)
    assert data["headline"] == article.headline
    # Meta tags carry the text escaped in their attributes.
    tree = lxml_html.fromstring(page)
    assert tree.xpath("string(//meta[@name='citation_title']/@content)") == article.headline
    assert (
        tree.xpath("string(//meta[@property='og:site_name']/@content)") == 'Bad & "Co" <b>News</b>'
    )


def test_quote_and_person_pages_escape_the_speaker_and_the_words(client, hostile):
    _article, quote = hostile
    for url in (quote.get_absolute_url(), quote.speaker.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page
        assert "<svg onload" not in page
        assert [s.get("type") for s in scripts(page)] == ["application/ld+json"]
        tree = lxml_html.fromstring(page)
        assert quote.speaker.name in tree.text_content()


def test_feeds_escape_the_headline(client, hostile):
    _article, _quote = hostile
    body = client.get("/feed/").content.decode()
    assert HOSTILE not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
