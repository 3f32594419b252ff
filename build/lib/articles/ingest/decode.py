"""Bytes to text, refusing what is not an article rather than storing mojibake."""

import unicodedata

from .errors import IngestError

MAX_ARTICLE_BYTES = 5 * 1024 * 1024

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = {i for i in range(32) if chr(i) not in "\t\n\r\f"} | {127}
_STRIP_CONTROL = dict.fromkeys(_CONTROL)


def decode_article_bytes(data: bytes, *, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    if len(data) > max_bytes:
        raise IngestError(
            f"file is too large ({len(data) / 1024 / 1024:.1f} MB; the limit is "
            f"{max_bytes / 1024 / 1024:.0f} MB)"
        )
    if not data.strip():
        raise IngestError("file is empty")
    sample = data[:8192]
    if b"\x00" in sample or sum(b in _CONTROL for b in sample) > max(2, len(sample) * 0.01):
        raise IngestError("file looks binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"file is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 and import it again"
        ) from None
    # A few stray control characters are scraping debris, not content.
    text = text.translate(_STRIP_CONTROL)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return unicodedata.normalize("NFC", text)
