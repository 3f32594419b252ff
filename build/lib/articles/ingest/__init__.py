"""
Turning article files into clean records, without Django (the
``plain-pipeline`` import contract holds it to that).

``decode_article_bytes`` decodes and validates bytes; ``parse_article`` splits
a text in the seed format into headline, paragraphs and metadata, dropping
page furniture and run-together leads on the way (its stages: ``parse``,
``furniture``, ``repeats``, ``outlet_mentions``, ``dates``). Around it: saved
web pages (``html``), what an editor submits (``submitted``), paragraphs
(``paragraphs``), where a quote's words stand (``anchoring``), differences
between versions (``diff``), what stays the same between versions of a story
and its quotes (``identity``) and outlets' time zones (``zones``).
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
