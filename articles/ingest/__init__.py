"""
Turning article files into clean records, without Django.

``read_article_file`` decodes and validates bytes; ``parse_article`` splits a
text in the seed format into headline, paragraphs and metadata, dropping page
furniture and run-together leads on the way.
"""

from .decode import MAX_ARTICLE_BYTES, decode_article_bytes
from .errors import IngestError
from .outlets import Outlet, lookup_outlet
from .parse import ParsedArticle, parse_article

__all__ = [
    "MAX_ARTICLE_BYTES",
    "IngestError",
    "Outlet",
    "ParsedArticle",
    "decode_article_bytes",
    "lookup_outlet",
    "parse_article",
]
