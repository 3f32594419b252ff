"""The optional header block, and texts the parser refuses with a reason."""

import pytest

from articles.ingest import IngestError, parse_article


def test_header_block_overrides_inference():
    text = (
        "Source: The Sacramento Bee\nPublished: 2022-09-01T08:00:00-07:00\n"
        "URL: https://www.sacbee.com/news/article1.html\nByline: Jane Reporter\n\n"
        "Headline here\n\nKCRA 3 reached out to the company.\n"
    )
    parsed = parse_article(text)
    assert parsed.outlet.name == "The Sacramento Bee"
    assert parsed.published_at.isoformat() == "2022-09-01T08:00:00-07:00"
    assert parsed.url == "https://www.sacbee.com/news/article1.html"
    assert parsed.byline == "Jane Reporter"
    assert parsed.headline == "Headline here"
    assert parsed.from_header == {"source", "published", "url", "byline"}


def test_header_without_timezone_uses_outlet_zone():
    parsed = parse_article("Source: KCRA 3\nPublished: 2022-09-01 08:00\n\nHeadline\n\nText.")
    assert parsed.published_at.utcoffset().total_seconds() == -7 * 3600


def test_headline_looking_like_a_header_is_a_headline():
    parsed = parse_article("Breaking: nurses walk out\n\nNurses walked out on Monday.")
    assert parsed.headline == "Breaking: nurses walk out"


@pytest.mark.parametrize(
    "text, message",
    [
        ("Source: KCRA 3\n\n", "no headline"),
        ("x" * 400 + "\n\nMore text.", "no headline"),
        ("Just a headline\n", "no article text"),
        ("Published: someday\n\nHeadline\n\nText.", "Published header is not a date"),
        ("URL: not a url\n\nHeadline\n\nText.", "URL header is not a web address"),
    ],
)
def test_unusable_text_is_refused_with_a_reason(text, message):
    with pytest.raises(IngestError, match=message):
        parse_article(text)
