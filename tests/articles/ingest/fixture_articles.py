"""
Shared by the tests of the parser on fixture articles: the folders of realistic
articles with expected output (scraped pages with furniture, clean stories with
none), saved web pages, and the helpers the rule-by-rule tests use to put one
paragraph inside a story.
"""

import json
from datetime import datetime
from pathlib import Path

from articles.ingest import decode_article_bytes, parse_article

HERE = Path(__file__).resolve().parent
# Each folder: NAME.txt with NAME.expected.json (headline, every paragraph that must
# remain, and the byline, outlet and date where the text states them); its README
# says what it covers and how the parser did on it the first time.
SCRAPED_FOLDERS = ("scraped_by_outlet", "scraped_by_page_kind")  # pages with furniture to drop
CLEAN_FOLDERS = ("clean_by_outlet", "clean_by_story_shape")  # stories with none: nothing may go
# Web pages saved from a browser, as editors upload them.
SAVED_PAGES = HERE / "saved_pages"
SACBEE_PAGE = (SAVED_PAGES / "sacbee_nurses.html").read_bytes()


def fixture_files(*folders):
    return [path for folder in folders for path in sorted((HERE / folder).glob("*.txt"))]


def load(path):
    parsed = parse_article(decode_article_bytes(path.read_bytes()))
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    return parsed, expected


def assert_stated_metadata(parsed, expected):
    if "outlet" in expected:
        assert parsed.outlet is not None and parsed.outlet.name == expected["outlet"]
    if "byline" in expected:
        assert parsed.byline == expected["byline"]
    if "published_at" in expected:
        assert parsed.published_at is not None
        stated = expected["published_at"]
        if "T" not in stated:  # only the day is stated
            assert parsed.published_at.date().isoformat() == stated
            return
        want = datetime.fromisoformat(stated)
        if want.tzinfo is None:  # a wall-clock time without a zone
            assert parsed.published_at.replace(tzinfo=None) == want
        else:
            assert parsed.published_at == want


STORY = "Nurses walked off the job on Monday at Mercy General over staffing levels."
LAST = "Talks are scheduled to resume on Thursday, a federal mediator said."


def parse_around(paragraph, *, before=(STORY,), after=(LAST,)):
    """``paragraph`` inside a short story: a headline, ``before``, it, ``after``."""
    return parse_article(
        "\n\n".join(["Nurses strike at Mercy General", *before, paragraph, *after])
    )


def kept(paragraph, **where):
    return paragraph in parse_around(paragraph, **where).paragraphs


def assert_dropped(paragraph, reason=None, **where):
    parsed = parse_around(paragraph, **where)
    assert paragraph not in parsed.paragraphs
    assert STORY in parsed.paragraphs and LAST in parsed.paragraphs
    if reason:
        assert (reason, paragraph) in parsed.dropped


def assert_kept(paragraph, **where):
    parsed = parse_around(paragraph, **where)
    assert paragraph in parsed.paragraphs, parsed.dropped
