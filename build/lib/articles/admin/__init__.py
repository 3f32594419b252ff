"""
The editors' admin: adding coverage (paste or upload), reviewing the quotes
found in it, correcting articles without losing anyone's work, merging
duplicate people and outlets.

Every change an editor makes is recorded (django-simple-history: who, when,
what); two editors saving the same article cannot overwrite each other
(optimistic locking, ``articles.locking``); what editors fix survives
re-imports (``Article.locked_fields``) and re-extraction
(``Quote.edited_by_editor``, ``Article.suppressed_quotes``).

One module per kind of record; importing them registers their admins on the
site (``strikewatch.sign_in_throttle.EditorsAdminSite``).
"""

from . import articles, feeds, people, quotes, sources, strikes  # noqa: F401  (registers the admins)
