"""
Copies of one story shown as one search result.

Takes the ranked keys of a search's matches; gives them in groups, best
first: a group is the best-ranked match and the matches that are copies of
it. Articles are copies when they are linked by ``SyndicatedCopy`` (one
wire story in several papers; the links are followed from copy to copy);
quotes are copies when they have the same words (``Quote.fingerprint``) in
articles that are copies. Only matches are grouped: the copies a result
lists are the other outlets' copies that the query found too.

Whether the archive has any copies at all is kept in the process (most
searches then cost nothing more), dropped as ``search.labels`` drops names.
"""

from django.db.models import Exists, OuterRef, Q

from articles.models import Quote, SyndicatedCopy

from . import labels
from .documents import ARTICLE, QUOTE

_any = labels.Kept(SyndicatedCopy.objects.exists)


def forget(**signal_kwargs):
    """Forget whether the archive has copies (receives ``content_changed``; tests)."""
    _any.forget()


def archive_has_copies():
    return _any.get()


def group(keys):
    """
    ``keys`` ((kind, pk) pairs, best first) as a list of groups, each a list of
    keys, best first; the groups in the order of their best key.
    """
    keys = list(keys)
    if len(keys) < 2 or not archive_has_copies():
        return [[key] for key in keys]
    article_of, fingerprint = {}, {}
    # Only matches in articles that have a copy can be grouped: the rest are read no further.
    has_copy = Exists(
        SyndicatedCopy.objects.filter(
            Q(article_id=OuterRef("article_id")) | Q(other_id=OuterRef("article_id"))
        )
    )
    quote_ids = [pk for kind, pk in keys if kind == QUOTE]
    if quote_ids:
        rows = (
            Quote.objects.filter(pk__in=quote_ids)
            .filter(has_copy)
            .values_list("pk", "article_id", "fingerprint")
        )
        for pk, article_id, words in rows:
            article_of[(QUOTE, pk)] = article_id
            fingerprint[(QUOTE, pk)] = words
    for kind, pk in keys:
        if kind == ARTICLE:
            article_of[(kind, pk)] = pk
    if not article_of:
        return [[key] for key in keys]
    article_ids = set(article_of.values())
    pairs = SyndicatedCopy.objects.filter(
        article_id__in=article_ids, other_id__in=article_ids
    ).values_list("article_id", "other_id")
    parent = {}

    def root(article_id):
        while parent.get(article_id, article_id) != article_id:
            article_id = parent[article_id]
        return article_id

    for low, high in pairs:
        a, b = root(low), root(high)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups = {}
    for key in keys:
        article_id = article_of.get(key)
        if article_id is None:  # no copies (or gone since it was indexed): a result of its own
            groups[("alone", key)] = [key]
            continue
        story = (key[0], root(article_id), fingerprint.get(key))
        groups.setdefault(story, []).append(key)
    return list(groups.values())
