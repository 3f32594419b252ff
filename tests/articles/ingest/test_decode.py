import pytest

from articles.ingest import IngestError, decode_article_bytes


def test_utf8_with_bom_and_crlf_is_normalised():
    assert decode_article_bytes("\ufeffHeadline\r\n\r\nText\r\n".encode()) == "Headline\n\nText\n"


def test_stray_control_characters_are_removed():
    assert decode_article_bytes(b"Head\x0bline\n\nText") == "Headline\n\nText"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "file is empty"),
        (b"  \n\n \t", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        ("Grève à l’usine".encode("latin-1", "replace"), "not UTF-8"),
        (b"x" * (5 * 1024 * 1024 + 1), "too large"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data, message):
    with pytest.raises(IngestError, match=message):
        decode_article_bytes(data)


def test_limit_is_inclusive():
    assert len(decode_article_bytes(b"H\n\n" + b"x" * (5 * 1024 * 1024 - 3))) == 5 * 1024 * 1024
