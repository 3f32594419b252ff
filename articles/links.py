"""
The address of a public page, for links a page carries by the dozen (the
``get_absolute_url`` of articles, quotes, people, outlets and strikes).

``url_for(name, **kwargs)`` gives what ``django.urls.reverse`` gives, kept in
the process: an address is a function of the URL configuration, the script
prefix, the name and its arguments alone, all of them in the key, so a kept
address is never stale (a changed slug is another key). Reversing walks the
URL namespaces and checks the pattern, tens of microseconds; a page of search
results links each result's quote, article, outlet and speaker, a hundred
links in which the same outlets and people recur from page to page.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# Addresses kept per process: a few hundred kilobytes at most.
KEPT_ADDRESSES = 8192


def url_for(viewname, **kwargs):
    """``reverse(viewname, kwargs=kwargs)``, from memory when it was reversed before."""
    return _reversed(
        get_urlconf() or settings.ROOT_URLCONF,
        get_script_prefix(),
        viewname,
        tuple(sorted(kwargs.items())),
    )


@functools.lru_cache(maxsize=KEPT_ADDRESSES)
def _reversed(urlconf, prefix, viewname, arguments):
    # ``prefix`` is in the key only: reverse() reads the same script prefix itself.
    return reverse(viewname, urlconf=urlconf, kwargs=dict(arguments))
