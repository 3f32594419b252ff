"""
Text an editor submits in the admin: an uploaded file or pasted text.

Takes the upload's name, size and stream (or the pasted text) and the size
limit; gives a ``Submission``: the text in the seed format ``parse_article``
reads, and what identifies it on re-import (content hash and import key). A
saved web page, uploaded as .html or pasted as page source, is read with
trafilatura first (``articles.ingest.html``). Raises IngestError with a reason
fit to show the editor.
"""

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

from .decode import MAX_ARTICLE_BYTES, decode_article_bytes
from .errors import IngestError
from .html import html_to_article_text, looks_like_html

# What an upload's name may end in, and how its bytes are read.
UPLOAD_SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}
MAX_KEY_LENGTH = 255  # Article.import_key


@dataclass(frozen=True)
class Submission:
    text: str  # the seed format
    content_hash: str  # SHA-256: the same text is never added twice
    import_key: str  # the file name (or "pasted:<hash>"): a later import of it updates the article


def read_upload(name, stream, *, size, max_bytes=MAX_ARTICLE_BYTES, headline=""):
    """An uploaded .txt file or saved .html page; ``headline`` is the editor's, if they gave one."""
    name = PurePath(name).name
    if size > max_bytes:
        raise IngestError(
            f"file is too large ({size / 1024 / 1024:.1f} MB; "
            f"the limit is {max_bytes / 1024 / 1024:.0f} MB)"
        )
    kind = UPLOAD_SUFFIXES.get(PurePath(name).suffix.lower())
    if kind is None:
        raise IngestError("upload a .txt file or a saved .html page")
    data = stream.read(max_bytes + 1)
    if kind == "html":
        text = html_to_article_text(data, max_bytes=max_bytes, headline=headline)
    else:
        text = decode_article_bytes(data, max_bytes=max_bytes)
        if is_page_source(text):  # a saved page misnamed .txt
            text = html_to_article_text(data, max_bytes=max_bytes, headline=headline)
    return Submission(text, hashlib.sha256(data).hexdigest(), name[:MAX_KEY_LENGTH])


def read_paste(text, *, max_bytes=MAX_ARTICLE_BYTES, headline=""):
    """Text pasted into the admin: the seed format, or a page's source."""
    data = text.encode("utf-8")
    text = decode_article_bytes(data, max_bytes=max_bytes)
    if is_page_source(text):  # the editor pasted a page's source
        text = html_to_article_text(data, max_bytes=max_bytes, headline=headline)
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Submission(text, content_hash, f"pasted:{content_hash[:24]}")


def is_page_source(text):
    """Whether text is a web page's HTML rather than an article."""
    return text.lstrip().startswith("<") and looks_like_html(text)
