"""
What ``articles.importer.find_same_story`` asks of the archive: the articles
at any spelling of a URL (oldest first), the first article with some bytes,
the articles imported under a file name (newest first), and an outlet's
articles around a story's day (undated, of the same headline, or within a
day of it; newest first, at most ``SAME_OUTLET_CANDIDATES``).

``Lookups`` asks the database each question as it comes (one file, the
admin, a feed). ``BatchLookups`` reads the answers for a whole batch of an
import in four queries, then answers from memory: the batch is written
under the identity lock, so what it read stays true but for its own writes.
The articles the batch creates are added to what was read (``created``);
once one of its writes changes articles already read (an update, an outlet's
new clock moving dates: ``stale``), every later question is asked of the
database again (an outlet new to the batch's too), the new articles the
caller holds back written first, so that the answers are always those one
query per file would give.
"""

from datetime import timedelta

from django.db import connection
from django.db.models import Q

from .ingest.identity import url_variants
from .models import Article

# How many of an outlet's articles around a story's date are compared with it.
SAME_OUTLET_CANDIDATES = 500


class Lookups:
    """Each question asked of the database as it comes."""

    stale = True  # nothing kept: what the archive holds now is always read

    def added(self, article):
        """An article just created: the database answers with it already."""

    def at_url(self, variants):
        return Article.objects.filter(url__in=variants).order_by("pk")

    def with_hash(self, content_hash):
        return Article.objects.filter(content_hash=content_hash).order_by("pk").first()

    def under_key(self, key):
        return Article.objects.filter(import_key=key).order_by("-pk")

    def near(self, parsed, source):
        """The outlet's articles around the story's day (or undated, or of the same headline)."""
        nearby = Q(published_on__isnull=True) | Q(headline__iexact=parsed.headline)
        day = _day(parsed)
        if day is not None:
            nearby |= Q(published_on__range=(day - timedelta(days=1), day + timedelta(days=1)))
        return Article.objects.filter(nearby, source=source).order_by("-pk")[
            :SAME_OUTLET_CANDIDATES
        ]


def _day(parsed):
    return parsed.published_at.date() if parsed.published_at is not None else None


# An outlet's articles near each of many stories, in one statement: for each story (its
# position ``n``), the same rows, in the same order, as ``Lookups.near`` reads for it.
NEAR_MANY = f"""
SELECT v.n, a.id
FROM unnest(%s::int[], %s::bigint[], %s::date[], %s::text[]) AS v(n, source_id, day, headline)
CROSS JOIN LATERAL (
    SELECT id FROM {Article._meta.db_table} AS article
    WHERE article.source_id = v.source_id
      AND (article.published_on IS NULL
           OR UPPER(article.headline::text) = UPPER(v.headline)
           OR article.published_on BETWEEN v.day - 1 AND v.day + 1)
    ORDER BY article.id DESC
    LIMIT {SAME_OUTLET_CANDIDATES}
) AS a
ORDER BY v.n, a.id DESC
"""


class BatchLookups:
    """
    The answers for a batch of stories, read together: ``stories`` is a list
    of ``(parsed, content_hash, key, source)`` (source: the outlet's Source
    row as the batch starts, or None); ``named``, when the caller has read
    them already, the articles imported under the stories' keys;
    ``before_asking``, called before a question goes to the database (the
    caller writes the new articles it holds back).
    """

    def __init__(self, stories, *, named=None, before_asking=None):
        self.stale = False
        self.created = []  # the batch's new articles, oldest first
        self._before_asking = before_asking
        stories = list(stories)
        urls = sorted(
            {variant for story in stories if story[0].url for variant in url_variants(story[0].url)}
        )
        self._at_urls = list(Article.objects.filter(url__in=urls).order_by("pk")) if urls else []
        self._hashes = {}
        hashes = sorted({story[1] for story in stories if story[1]})
        for article in Article.objects.filter(content_hash__in=hashes).order_by("-pk"):
            self._hashes[article.content_hash] = article  # the first by pk wins
        self._keys = {}
        if named is None:
            keys = sorted({story[2] for story in stories if story[2]})
            named = Article.objects.filter(import_key__in=keys).order_by("-pk")
        for article in named:
            self._keys.setdefault(article.import_key, []).append(article)
        self._near = {}
        self._read_near(stories)

    def _read_near(self, stories):
        """``Lookups.near`` of every story with an outlet, by (source id, day, headline)."""
        wanted = {}
        for parsed, _hash, _key, source in stories:
            if source is not None:
                wanted.setdefault((source.pk, _day(parsed), parsed.headline), len(wanted))
        if not wanted:
            return
        ids_by_n = {}
        with connection.cursor() as cursor:
            cursor.execute(
                NEAR_MANY,
                [
                    list(wanted.values()),
                    [source_id for source_id, _day_, _headline in wanted],
                    [day for _source_id, day, _headline in wanted],
                    [headline for _source_id, _day_, headline in wanted],
                ],
            )
            for n, article_id in cursor.fetchall():
                ids_by_n.setdefault(n, []).append(article_id)
        rows = Article.objects.in_bulk({pk for ids in ids_by_n.values() for pk in ids})
        for question, n in wanted.items():
            self._near[question] = [rows[pk] for pk in ids_by_n.get(n, ())]

    def added(self, article):
        """An article the batch created: every later answer includes it."""
        self.created.append(article)
        if article.url:
            self._at_urls.append(article)
        self._hashes.setdefault(article.content_hash, article)
        if article.import_key:
            self._keys.setdefault(article.import_key, []).insert(0, article)

    def _database(self):
        if self._before_asking is not None:
            self._before_asking()
        return Lookups()

    def at_url(self, variants):
        if self.stale:
            return self._database().at_url(variants)
        variants = set(variants)
        return [article for article in self._at_urls if article.url in variants]

    def with_hash(self, content_hash):
        if self.stale:
            return self._database().with_hash(content_hash)
        return self._hashes.get(content_hash)

    def under_key(self, key):
        if self.stale:
            return self._database().under_key(key)
        return list(self._keys.get(key, ()))

    def near(self, parsed, source):
        read = self._near.get((source.pk, _day(parsed), parsed.headline))
        if self.stale or read is None:  # or an outlet new to the batch
            return self._database().near(parsed, source)
        mine = []
        for article in reversed(self.created):
            if article.source_id != source.pk:
                continue
            is_near = _near_day(article, parsed)
            if is_near is None:  # a headline only the database compares as it does
                return self._database().near(parsed, source)
            if is_near:
                mine.append(article)
        return (mine + read)[:SAME_OUTLET_CANDIDATES]


def _near_day(article, parsed):
    """
    Whether a new article of the story's outlet is one ``Lookups.near``
    reads: undated, within a day, or the same headline in any case; None
    when that takes the database's own case folding (letters beyond ASCII).
    """
    day = _day(parsed)
    if article.published_on is None:
        return True
    if day is not None and day - timedelta(days=1) <= article.published_on <= day + timedelta(
        days=1
    ):
        return True
    if not (article.headline.isascii() and parsed.headline.isascii()):
        return None
    return article.headline.upper() == parsed.headline.upper()
