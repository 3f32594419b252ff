"""
Citations for StrikeWatch's articles and quotes: APA 7, MLA 9 and Chicago 17
(notes and bibliography) as text and HTML, and BibTeX, RIS and CSL-JSON
downloads. Plain Python: the pages build a ``CitedArticle`` from the models.

    item = CitedArticle(headline=..., authors=split_byline(article.byline), ...)
    format_citations(item)["apa"].html
    content, content_type, extension = export_citation(item, "ris")
"""

from .exports import EXPORT_FORMATS, citation_key, citation_key_words, export_citation
from .model import CitedArticle, Formatted
from .names import split_byline
from .styles import format_citations

__all__ = [
    "EXPORT_FORMATS",
    "CitedArticle",
    "Formatted",
    "citation_key",
    "citation_key_words",
    "export_citation",
    "format_citations",
    "split_byline",
]
