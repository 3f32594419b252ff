"""Saved web pages to the seed format (articles.ingest.html): main text and metadata from the page alone."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from articles.ingest import IngestError, parse_article
from articles.ingest.html import extract_page, html_to_article_text

from .fixture_articles import SACBEE_PAGE, SAVED_PAGES


def page(body, head="", charset="utf-8"):
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}">{head}</head>'
        f"<body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    )


def test_saved_page_gives_main_text_without_page_furniture():
    extracted = extract_page(SACBEE_PAGE)
    assert extracted.title == "Mercy General nurses walk out over staffing"
    assert extracted.paragraphs[0].startswith(
        "Hundreds of nurses walked off the job at Mercy General"
    )
    assert extracted.paragraphs[-1] == (
        "“Nobody wants to be out here, but we have run out of other ways to be heard,” Lopez said."
    )
    assert len(extracted.paragraphs) == 5
    everything = "\n".join(extracted.paragraphs)
    for furniture in (
        "Subscribe for $1",
        "Related stories",
        "Privacy policy",
        "Sports",
        "dataLayer",
    ):
        assert furniture not in everything


def test_saved_page_metadata_comes_from_the_page():
    extracted = extract_page(SACBEE_PAGE)
    assert extracted.author == "Jane Okafor"
    assert extracted.url == "https://www.sacbee.com/news/local/article272901234.html"
    assert extracted.published == "2023-03-14T08:30:00-07:00"
    # The host names a known outlet: its canonical name, not whatever the page calls itself.
    assert extracted.outlet_name == "The Sacramento Bee"


def test_seed_text_parses_like_an_imported_file():
    parsed = parse_article(html_to_article_text(SACBEE_PAGE))
    assert parsed.headline == "Mercy General nurses walk out over staffing"
    assert parsed.outlet.name == "The Sacramento Bee"
    assert parsed.byline == "Jane Okafor"
    assert parsed.url == "https://www.sacbee.com/news/local/article272901234.html"
    assert parsed.published_at == datetime(
        2023, 3, 14, 8, 30, tzinfo=ZoneInfo("America/Los_Angeles")
    )
    assert parsed.from_header == {"source", "published", "url", "byline"}
    assert len(parsed.paragraphs) == 5


def test_headline_repeated_at_the_top_of_the_text_is_not_a_paragraph():
    html = page(
        "<h1>Teachers vote to strike</h1><p>Teachers in the district voted on Monday to authorize a strike "
        "if no contract is reached by the end of the month.</p><p>The vote passed with 94 percent in favour, "
        "according to the union, which represents about 3,000 teachers.</p>",
        head="<title>Teachers vote to strike</title>",
    )
    extracted = extract_page(html.encode())
    assert extracted.title == "Teachers vote to strike"
    assert extracted.paragraphs[0].startswith("Teachers in the district voted")


def test_several_authors_make_one_byline():
    html = page(
        "<p>Dock workers at three ports stopped work on Friday in a dispute over automation of the cranes "
        "that load and unload container ships along the coast.</p>",
        head='<title>Dock workers stop work</title><meta name="author" content="Ana Ruiz; Tom Becker; Li Wei">',
    )
    assert extract_page(html.encode()).byline == "Ana Ruiz, Tom Becker and Li Wei"


def test_date_without_a_time_is_left_to_the_outlet_time_zone():
    html = page(
        "<p>Bus drivers in the city began an open-ended strike on Monday morning after talks over pay and "
        "scheduling broke down late on Sunday night.</p>",
        head='<title>Bus drivers strike</title><meta property="article:published_time" content="2023-05-02">',
    )
    extracted = extract_page(html.encode())
    assert extracted.published == "2023-05-02"


def test_page_declaring_another_character_set_is_decoded_with_it():
    html = page(
        "<p>Caf\u00e9 workers at the Gare du Nord walked out on Thursday, demanding the same pay as "
        "the station\u2019s other staff, their union said in a statement.</p>",
        head="<title>Caf\u00e9 workers walk out</title>",
        charset="windows-1252",
    )
    extracted = extract_page(html.encode("windows-1252"))
    assert extracted.title == "Café workers walk out"
    assert "Café workers at the Gare du Nord" in extracted.paragraphs[0]
    assert "station’s other staff" in extracted.paragraphs[0]


def test_page_without_a_title_takes_the_editors_headline():
    html = page(
        "<p>Hotel housekeepers picketed outside three downtown hotels on Saturday, the second weekend of "
        "protests over workloads since the hotels cut daily room cleaning.</p>"
    )
    with pytest.raises(IngestError, match="no title"):
        html_to_article_text(html.encode())
    text = html_to_article_text(html.encode(), headline="Housekeepers picket downtown hotels")
    assert parse_article(text).headline == "Housekeepers picket downtown hotels"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        (b"<html><body><p>caf\xe9</p></body></html>", "not UTF-8"),
        (
            b'<html><head><meta charset="klingon-8"></head><body><p>x</p></body></html>',
            "character set",
        ),
        (b"Just a line of text with no markup at all.\n", "does not look like an HTML page"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
        (b"   \n  ", "empty"),
    ],
)
def test_what_is_not_an_article_page_is_refused_with_a_reason(data, reason):
    with pytest.raises(IngestError, match=reason):
        extract_page(data)


def test_page_over_the_size_limit_is_refused_before_parsing():
    data = page("<p>" + "word " * 300 + "</p>").encode()
    with pytest.raises(IngestError, match="too large"):
        extract_page(data, max_bytes=1000)


def test_publication_dates_of_the_saved_pages_are_as_printed():
    """Day, time and offset as each page printed them (benchmarks/page_dates.py scores the same)."""
    expected = json.loads((SAVED_PAGES / "published_dates.json").read_text())
    assert len(expected) >= 9
    for name, published in expected.items():
        page_date = extract_page((SAVED_PAGES / name).read_bytes()).published
        assert page_date == published, name


def test_a_page_that_gives_only_a_day_gives_no_time():
    published = extract_page((SAVED_PAGES / "date_in_text_only.html").read_bytes()).published
    assert published == "2024-03-12"
    parsed = parse_article(
        html_to_article_text((SAVED_PAGES / "date_in_text_only.html").read_bytes())
    )
    assert parsed.published.has_time is False


def test_time_and_offset_come_from_the_pages_own_markup_for_the_day_htmldate_found():
    published = extract_page((SAVED_PAGES / "jsonld_offset_evening.html").read_bytes()).published
    assert published == "2026-11-30T21:00:00-08:00"  # JSON-LD datePublished; htmldate keeps the day
