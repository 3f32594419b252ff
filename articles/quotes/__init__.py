"""Quote extraction for StrikeWatch: plain Python, no Django.

``extract_quotes(paragraphs)`` finds each direct quotation of an article once,
repairs scraping damage in its marks, and attributes it to a person or an
organisation (or leaves it unattributed); ``infer_side`` places a speaker in a
dispute from the article's description of them. Modules: ``marks`` (quote
marks, repair, multi-paragraph joins), ``sentences`` (masking, sentence
splitting), ``names``/``speakers`` (entities and resolution), ``attribution``
(cues), ``fragments`` (quote vs fragment vs scare quote), ``sides``.
"""

from .extract import extract_quotes
from .finding import QuoteFinding
from .sides import infer_side

__all__ = ["QuoteFinding", "extract_quotes", "infer_side"]
