"""
Links for lists of results, made without a ``reverse()`` per link.

A page of twenty quotes links to each quote, its article, outlet and speaker:
eighty ``reverse()`` calls, a good part of the page's time. Each URL name here
is reversed once (per URL configuration and script prefix) with a marker in
place of its one argument; a link is then the text around the marker with
the value in between. Values the URL pattern would not take as they are
(or that would need quoting) go through ``reverse()`` as usual, so a link is
always what ``reverse()`` would have made.

    >>> links = current()
    >>> links.quote(42)
    '/quotes/42/'
"""

import re
import threading

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

_MARKER = "0918273645"  # digits only: both the int and the slug converters take it
_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
_NUMBER = re.compile(r"[0-9]+\Z")

# (method name, URL name, its argument, what the argument may be written as unchanged)
_LINKS = (
    ("quote", "articles:quote_detail", "pk", _NUMBER),
    ("article", "articles:article_detail", "slug", _SLUG),
    ("source", "articles:source_detail", "slug", _SLUG),
    ("person", "articles:person_detail", "slug", _SLUG),
)


class _Link:
    __slots__ = ("name", "argument", "accepts", "head", "tail")

    def __init__(self, name, argument, accepts):
        self.name, self.argument, self.accepts = name, argument, accepts
        url = reverse(name, kwargs={argument: _MARKER})
        head, found, tail = url.partition(_MARKER)
        if not found or _MARKER in tail:  # a pattern that changes its argument: always reverse()
            self.accepts = re.compile(r"(?!)")
        self.head, self.tail = head, tail

    def __call__(self, value):
        text = str(value)
        if self.accepts.match(text):
            return f"{self.head}{text}{self.tail}"
        return reverse(self.name, kwargs={self.argument: value})


class Links:
    """The links of one URL configuration and script prefix: ``quote(pk)``, ``article(slug)``, ``source(slug)``, ``person(slug)``."""

    def __init__(self):
        for attribute, name, argument, accepts in _LINKS:
            setattr(self, attribute, _Link(name, argument, accepts))


_made = {}
_lock = threading.Lock()


def current():
    """The Links for this request's URL configuration and script prefix (made once per process)."""
    key = (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    links = _made.get(key)
    if links is None:
        links = Links()
        with _lock:
            if len(_made) > 16:  # tests switch URL configurations: stay small
                _made.clear()
            _made[key] = links
    return links
