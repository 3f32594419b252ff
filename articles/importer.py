"""
Storing parsed articles: the one path by which files, pasted text and uploads
become Article rows, for ``import_articles`` (``import_article_files``: many
files in batches, one transaction each, parsed in worker processes), a single
file (``import_article_file``) and the admin (``parse_article_text``, then
``import_parsed_article`` with what the form parsed) alike: each file's writes
are ``_store``'s, whichever way it came. Parsing itself is ``articles.ingest``;
quotes are then extracted by ``articles.quote_sync``.

An article is who it is, not what its file is called (``find_same_story``,
the one rule for every way in): the same original URL is the same article;
so is, from the same outlet, the same headline on the same day or most of
the same text. A file's name is only a hint: a changed file is the article
its name held if it is still that story, while a different story under the
same name is added as a new article, and the same story under another name
adds nothing; each is said in one line (``ImportResult.note``). The same
text from another outlet is that outlet's own article (a syndicated copy).

Importing is idempotent (an unchanged file is recognised by its hash and
touches nothing), safe to run twice at once (one import at a time decides
identities, under a PostgreSQL advisory lock) and respects editors: a field
an editor changed is listed in ``Article.locked_fields`` and a re-import
leaves it alone; quotes an editor added or corrected survive re-extraction,
and every other quote keeps its id while its words stay.
"""

import hashlib
import re
import threading
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from itertools import islice
from pathlib import Path

from django.db import DataError, IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from .ingest import MAX_ARTICLE_BYTES, IngestError, decode_article_bytes, parse_article
from .ingest.dates import Dated
from .ingest.errors import shown
from .ingest.files import file_parser
from .ingest.identity import (
    LITTLE_OF_THE_TEXT,
    MOST_OF_THE_TEXT,
    headline_key,
    shared_text,
    url_key,
    url_variants,
)
from .ingest.outlets import lookup_outlet
from .ingest.zones import zone_for_offset
from .models import Article, Correction, SlugBook, Source, Strike
from .quote_sync import sync_many, sync_quotes, take_sides
from .reading import read_files
from .signals import announce_content_change, articles_written, writing_together
from .story_lookups import BatchLookups, Lookups
from .syndication import link_copies, link_many

# The site-wide strike words: a text that uses none is not strike coverage (strike
# matching here; which feed entries watch_feeds fetches, articles.feed_watch).
STRIKE_WORDS = re.compile(
    r"\b(?:strik\w*|picket\w*|walkouts?|walked out|work stoppage)\b", re.IGNORECASE
)
# The PostgreSQL advisory lock under which articles, outlets and the people quoted in them
# are identified and created: two imports at once take turns there, so neither adds what
# the other just added. Taken first in an import's transaction, before any row lock.
IDENTITY_LOCK = 0x53574944  # "SWID"


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SAME_STORY = "same story"  # already in the archive under another name: nothing written


@dataclass
class ImportResult:
    outcome: Outcome
    article: Article
    quotes: int = 0
    note: str = ""  # one line for whoever imports: what the file turned out to be


@dataclass(frozen=True)
class SameStory:
    """An article already in the archive that a parsed article is, and why it is."""

    article: Article
    because: str  # "the same original URL", "the same outlet, headline and date", ...

    def describe(self):
        return f"“{self.article.headline}” ({self.article.get_absolute_url()}): {self.because}"


def check_fits(parsed):
    """
    Refuse, with a reason fit to show, header values longer than the columns
    they go in (a 300-character Source:, a 2,500-character URL:).
    """
    limits = (
        ("source", "Source", parsed.outlet.name if parsed.outlet else "", Source, "name"),
        ("url", "URL", parsed.url, Article, "url"),
        ("byline", "Byline", parsed.byline, Article, "byline"),
        ("strike", "Strike", parsed.strike, Strike, "slug"),
    )
    for key, label, value, model, column in limits:
        limit = model._meta.get_field(column).max_length
        if key in parsed.from_header and len(value) > limit:
            raise IngestError(
                f"the {label} header is {len(value):,} characters long; at most {limit:,} fit"
            )


_remembered = threading.local()


@contextmanager
def remembering_outlets_and_strikes():
    """
    Within a batch of an import (under the identity lock, where outlets are
    only created by the import itself): each outlet's Source row, and the
    strikes, are read once rather than once per file.
    """
    if getattr(_remembered, "rows", None) is not None:
        yield
        return
    _remembered.rows = {}
    _remembered.before_redating = None
    try:
        yield
    finally:
        _remembered.rows = None
        _remembered.before_redating = None


def _remember(key, read):
    rows = getattr(_remembered, "rows", None)
    if rows is None:
        return read()
    if key not in rows:
        rows[key] = read()
    return rows[key]


def _forget_outlets():
    rows = getattr(_remembered, "rows", None)
    if rows is not None:
        rows.clear()


def existing_source_for(outlet):
    """The Source row for an outlet, matched by name or alias; None when new (or no outlet)."""
    if outlet is None:
        return None
    names = [outlet.name, *outlet.aliases]
    return _remember(
        ("source", outlet.name, tuple(outlet.aliases)),
        lambda: (
            Source.objects.filter(Q(name__iexact=outlet.name) | Q(aliases__overlap=names))
            .order_by("pk")
            .first()
        ),
    )


def zone_from_story(published):
    """The time zone a story's printed clock names ("PDT", "-08:00"), or ""."""
    if published is None or not published.has_time:
        return ""
    if published.stated_zone and published.stated_zone != "UTC":
        return published.stated_zone
    if published.stated_offset:  # "Z" or +00:00 is a machine's clock: it names no zone
        return zone_for_offset(published.stated_offset, published.moment)
    return ""


def source_for(outlet, published=None):
    """
    The Source row for an outlet, created if new; None when the outlet is not
    known. An outlet whose clock is not known yet (UTC, no dated story) takes
    the zone its first dated story printed (``zone_from_story``).
    """
    if outlet is None:
        return None
    source = existing_source_for(outlet)
    printed_zone = zone_from_story(published)
    if source is None:
        zone = outlet.timezone if outlet.timezone != "UTC" else printed_zone or "UTC"
        _forget_outlets()
        return Source.objects.create(
            name=outlet.name,
            kind=outlet.kind,
            homepage_url=outlet.homepage_url,
            timezone=zone,
            aliases=list(outlet.aliases),
        )
    if (
        printed_zone
        and lookup_outlet(source.name) is None
        and source.timezone == "UTC"
        and _remember(("zone unknown", source.pk), source.zone_is_unknown)
    ):
        before = getattr(_remembered, "before_redating", None)
        if before is not None:  # a batch's new articles are written first, to be redated too
            before()
        source.timezone = printed_zone
        source.save(update_fields=["timezone", "updated_at"])  # its stories may move a day
        _forget_outlets()
    return source


def strike_for(parsed):
    """
    The strike an article covers: named in its header, or else the strike
    whose match terms the text uses most, among those running around the
    article's date.
    """
    if parsed.strike:
        try:
            return Strike.objects.get(slug=parsed.strike)
        except Strike.DoesNotExist:
            raise IngestError(
                f"the Strike header names no known strike: {shown(parsed.strike)}"
            ) from None
    text = "\n".join([parsed.headline, *parsed.paragraphs])
    if not STRIKE_WORDS.search(text):
        return None
    best, best_hits = None, 0
    for strike in _remember("strikes", lambda: list(Strike.objects.exclude(match_terms=[]))):
        if parsed.published_at and strike.start_date:
            day = parsed.published_at.date()
            last_day = strike.end_date or strike.start_date + timedelta(days=365)
            if not strike.start_date - timedelta(days=60) <= day <= last_day + timedelta(days=90):
                continue
        hits = sum(len(re.findall(rf"\b{re.escape(term)}\b", text)) for term in strike.match_terms)
        if hits > best_hits:
            best, best_hits = strike, hits
    return best


def publication_fields(published):
    """
    ``Article.PUBLICATION_FIELDS`` for a ``Dated``: the moment; the offset the
    story printed (none for "Z": a machine's clock), or for a date given
    without a time, the offset of the clock its midnight was placed on, so
    that the date never moves.
    """
    if published is None:
        return {"published_at": None, "published_offset": None, "published_date_only": False}
    offset = published.stated_offset if published.has_time else published.moment.utcoffset()
    keep = offset is not None and (bool(offset) or not published.has_time)
    return {
        "published_at": published.moment,
        "published_offset": int(offset.total_seconds() // 60) if keep else None,
        "published_date_only": not published.has_time,
    }


def imported_fields(parsed, *, source=None):
    """What a parsed article sets on its row: the fields of ``Article.IMPORTED_FIELDS``."""
    values = {
        "headline": parsed.headline[:500],
        "byline": parsed.byline[:300],
        "url": parsed.url or None,
        "paragraphs": parsed.paragraphs,
        "source": source if source is not None else source_for(parsed.outlet, parsed.published),
    }
    fields = {name: values[name] for name in Article.IMPORTED_FIELDS if name != "published_at"}
    return {**fields, **publication_fields(parsed.published)}


# Identity ------------------------------------------------------------------------------


def hold_identity_lock():
    """Wait for, then hold until the transaction ends, the archive's identity lock."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IDENTITY_LOCK])


def _same_outlet(parsed, article):
    """
    False when both outlets are known and differ (the same text is then a
    syndicated copy), unless an editor set the article's outlet.
    """
    if parsed.outlet is None or article.source_id is None or "source" in article.locked_fields:
        return True
    source = existing_source_for(parsed.outlet)
    return source is not None and source.pk == article.source_id


def _same_story_as_file(parsed, article):
    """
    A changed file is still the story its name held unless clearly different:
    another headline and little text in common (or another outlet's copy).
    """
    if not _same_outlet(parsed, article):
        return False
    if headline_key(parsed.headline) == headline_key(article.headline):
        return True
    return shared_text(parsed.paragraphs, article.paragraphs) >= LITTLE_OF_THE_TEXT


def _same_outlet_story(parsed, article):
    """Why ``article`` (of the same outlet) is the story ``parsed`` is, or ""."""
    same_headline = headline_key(parsed.headline) == headline_key(article.headline)
    dated = parsed.published is not None and article.published_on is not None
    if same_headline and dated and parsed.published.moment.date() == article.published_on:
        return "the same outlet, headline and date"
    shared = shared_text(parsed.paragraphs, article.paragraphs)
    if same_headline and not dated and shared >= LITTLE_OF_THE_TEXT:
        return "the same outlet and headline"
    if shared >= MOST_OF_THE_TEXT:
        return "the same outlet and text"
    return ""


def find_same_story(parsed, *, source=None, content_hash="", key=None, lookups=None):
    """
    The article already in the archive that ``parsed`` (a ``ParsedArticle``)
    is, as a ``SameStory``, or None. The one identity rule, for files, the
    admin, fetching by URL and feeds alike: ``find_same_story(parsed)``, with
    ``source`` when an editor chose the outlet (else the parsed outlet's Source
    row), the file's ``content_hash`` and its name ``key`` when there is a
    file. In order:

    1. the same original URL (``url_key``: scheme, "www." and tracking
       parameters aside);
    2. the same bytes (``content_hash``);
    3. an article imported under the same file name ``key`` that is still
       this story: the same headline, or not little of the text in common,
       and not another outlet's copy;
    4. from the same outlet: the same headline on the same day, or the same
       headline and text in common when either is undated, or most of the
       same text;
    5. with no outlet known: the same headline and most of the same text.

    The same text from another outlet is not the same story: it is that
    outlet's syndicated copy. ``lookups`` (``articles.story_lookups``) asks
    the archive: a batch of an import reads its files' answers together.
    """
    lookups = lookups or Lookups()
    if source is None:
        source = existing_source_for(parsed.outlet)
    if parsed.url:
        article = article_at_url(parsed.url, lookups=lookups)
        if article is not None:
            return SameStory(article, "the same original URL")
    if content_hash:
        article = lookups.with_hash(content_hash)
        if article is not None:
            return SameStory(article, "the same text")
    if key:
        for article in lookups.under_key(key):
            if _same_story_as_file(parsed, article):
                return SameStory(article, "the same file name and story")
    if source is not None:
        for article in lookups.near(parsed, source):
            because = _same_outlet_story(parsed, article)
            if because:
                return SameStory(article, because)
    elif parsed.outlet is None:
        same_headline = Article.objects.filter(
            source__isnull=True, headline__iexact=parsed.headline
        ).order_by("pk")
        for article in same_headline:
            if shared_text(parsed.paragraphs, article.paragraphs) >= MOST_OF_THE_TEXT:
                return SameStory(article, "the same headline and text, no outlet known")
    return None


def article_at_url(url, *, lookups=None):
    """
    The article already archived under ``url`` (``url_key``: scheme, "www.",
    a trailing slash, the fragment and tracking parameters do not matter), or
    None: whichever way a story arrives again (a file, added by URL, found in
    a feed), the same original URL is the same article.
    """
    if not url:
        return None
    wanted = url_key(url)
    for article in (lookups or Lookups()).at_url(url_variants(url)):
        if url_key(article.url) == wanted:
            return article
    return None


# Importing -----------------------------------------------------------------------------


def import_article_bytes(data, *, key, status=None, force=False):
    """
    Import one article file's bytes under ``key`` (its file name). Raises
    IngestError, with a reason fit to show the person importing, for anything
    that cannot become an article; nothing is written then.
    """
    text = decode_article_bytes(data)
    content_hash = hashlib.sha256(data).hexdigest()
    if not force:
        unchanged = _unchanged_file(key, content_hash)
        if unchanged is not None:
            return ImportResult(Outcome.UNCHANGED, unchanged)
    file = _File(Path(key), content_hash=content_hash, parsed=parse_article(text), key=key)
    check_fits(file.parsed)
    with transaction.atomic():
        hold_identity_lock()
        _store([file], status=status, force=force)
        take_sides(file.speakers)
    if file.error is not None:
        raise file.error
    return file.result


def _unchanged_file(key, content_hash):
    """The article already imported from this very file (name and bytes), or None."""
    return Article.objects.filter(import_key=key, content_hash=content_hash).order_by("pk").first()


def _store(files, *, status, force, speakers_to_place=None):
    """
    The writes of a batch of files (or of one), under the identity lock; sets
    each file's ``result``, or its ``error`` when it cannot be imported. In
    two steps:

    1. each file's article, in order, in its own savepoint: the article it is
       (``find_same_story``, which sees the articles of the files before it)
       created or updated;
    2. the quotes of all the articles written, extracted together
       (``sync_many``), and their copies linked (``link_many``).

    The people quoted are added to ``speakers_to_place`` (given: a set), or
    to each file's ``speakers``, for the caller to take their sides
    (``take_sides``) once.
    """
    with remembering_outlets_and_strikes(), writing_together():
        known = _Known.read(files, force)
        _remembered.before_redating = known.dates_moving
        for file in files:
            try:
                check_fits(file.parsed)
                if len(files) == 1:
                    with transaction.atomic():
                        file.result = _store_article(file, known, status=status, force=force)
                else:  # a value the database refuses fails the batch: see _write_batch
                    file.result = _store_article(file, known, status=status, force=force)
            except IngestError as error:
                file.error = error
            except DataError as error:
                if len(files) > 1:
                    raise
                file.error = _refused(error)
        known.write_new()
        written = [
            file
            for file in files
            if file.result is not None and file.result.outcome in (Outcome.CREATED, Outcome.UPDATED)
        ]
        articles = [file.result.article for file in written]
        new = {file.result.article.pk for file in written if file.result.outcome is Outcome.CREATED}
        placed = set() if speakers_to_place is None else speakers_to_place
        # What the worker processes found in each file, for the articles written from it.
        reads = {file.result.article.pk: file.read for file in written if file.read is not None}
        counts = sync_many(articles, new=new, speakers_to_place=placed, reads=reads)
        if speakers_to_place is None:
            for file in files:
                file.speakers = placed
        for file, (found, _kept) in zip(written, counts, strict=True):
            file.result.quotes = found
        link_many(articles, new=new, reads=reads)


def _refused(error):
    """A value the database refused, as the IngestError that names it."""
    reason = str(error).splitlines()[0] if str(error) else ""
    return IngestError(reason or "a value the database refused")


class _Known:
    """
    What a batch's files are known as already: the articles imported from
    the same name and bytes (unchanged files), the first article imported
    under each name (whose namesake a new story is), and for a batch of many
    files what ``find_same_story`` asks about them (``BatchLookups``). Kept
    up to date as the batch writes, so that each file sees the files before
    it, as if they had been imported one at a time.
    """

    def __init__(self, files):
        self.unchanged = {}
        self.first_of_name = {}
        self.lookups = Lookups()
        self.new = []  # created, not yet written (``create``)
        # One file's slug is chosen as it is saved (``PermanentSlugMixin``, which retries
        # should another process take it first); a batch's are read together.
        self.slugs = (
            SlugBook(
                Article,
                [file.parsed.headline[:500] for file in files],
                max_length=Article.slug_max_length,
            )
            if len(files) > 1
            else None
        )

    def slug(self, headline):
        return self.slugs.take(headline) if self.slugs is not None else ""

    @classmethod
    def read(cls, files, force):
        known = cls(files)
        keys = {file.key for file in files}
        # Every article imported under the batch's names, newest first: the first of each
        # name, the unchanged files (the first by pk of a name and bytes) and the lookups.
        named = list(Article.objects.filter(import_key__in=keys).order_by("-pk"))
        for article in named:
            known.first_of_name[article.import_key] = article
            if not force:
                known.unchanged[article.import_key, article.content_hash] = article
        if len(files) > 1:
            known.lookups = BatchLookups(
                [
                    (
                        file.parsed,
                        file.content_hash,
                        file.key,
                        existing_source_for(file.parsed.outlet),
                    )
                    for file in files
                ],
                named=named,
                before_asking=known.write_new,
            )
        return known

    def stored(self, file, article, *, created):
        self.unchanged.setdefault((file.key, file.content_hash), article)
        self.first_of_name.setdefault(file.key, article)
        if created:
            self.lookups.added(article)
        else:  # an article the lookups may have read is changed: ask the database from now on
            self.lookups.stale = True

    def dates_moving(self):
        """An outlet's clock is about to change, and its stories' days with it."""
        self.write_new()
        self.lookups.stale = True

    def create(self, article):
        """
        A new article: while the lookups answer from memory, kept with the
        batch's others and written with them (``write_new``), else saved now.
        One scheduled for later is saved now too (its save queues it for
        search when it is due).
        """
        if self.lookups.stale or (article.published_at and article.published_at > timezone.now()):
            article.save(force_insert=True)
        else:
            article.fill_in()  # its day, as the next files' lookups compare it
            self.new.append(article)

    def write_new(self):
        """
        Write the new articles kept by ``create``, in one statement (with
        their history rows), in the order they were created: what saving
        each would do, and search told of them (a bulk insert sends no
        model signals).
        """
        articles, self.new = self.new, []
        if not articles:
            return
        bulk_create_with_history(articles, Article, batch_size=500)
        for article in articles:
            article.filled_in()
            article.slug_stored()
        announce_content_change(Article)
        articles_written.send(sender=Article, article_ids=[article.pk for article in articles])


def _store_article(file, known, *, status, force):
    """Step 1 of ``_store`` for one file: its article created or updated (no quotes yet)."""
    parsed, key, content_hash = file.parsed, file.key, file.content_hash
    # Another import may have stored this very file while this one parsed it.
    if not force:
        unchanged = known.unchanged.get((key, content_hash))
        if unchanged is not None:
            return ImportResult(Outcome.UNCHANGED, unchanged)
    match = find_same_story(parsed, content_hash=content_hash, key=key, lookups=known.lookups)
    if match is not None and match.article.import_key != key:
        return ImportResult(
            Outcome.SAME_STORY,
            match.article,
            note=f"the same story as {match.describe()}; nothing imported",
        )
    strike = strike_for(parsed)  # before any write: it may refuse the file
    fields = imported_fields(parsed)
    if match is None:
        article = Article(
            **fields,
            slug=known.slug(fields["headline"]),
            strike=strike,
            status=parsed.status or status or Article.Status.PUBLISHED,
            content_hash=content_hash,
            import_key=key,
        )
        known.create(article)
        outcome, note = Outcome.CREATED, _new_story_note(known.first_of_name.get(key))
    else:
        known.write_new()  # the article updated may be one of them
        article = _update(match.article, parsed, fields, strike, content_hash)
        outcome, note = Outcome.UPDATED, ""
    known.stored(file, article, created=outcome is Outcome.CREATED)
    return ImportResult(outcome, article, 0, note)


def _new_story_note(namesake):
    """
    Said when a new article's file name is that of another story already
    imported (``namesake``, the first article of that name, or None).
    """
    if namesake is None:
        return ""
    return (
        f"a different story from “{namesake.headline}” ({namesake.get_absolute_url()}), "
        f"imported earlier from a file of the same name: added as a new article"
    )


def _update(existing, parsed, fields, strike, content_hash):
    """A changed file that is still its article's story: what the editors did not lock."""
    article = Article.objects.select_for_update().get(pk=existing.pk)
    text_changed = (
        "paragraphs" not in article.locked_fields and article.paragraphs != parsed.paragraphs
    )
    locked = set(article.locked_fields)
    if "published_at" in locked:
        locked.update(Article.PUBLICATION_FIELDS)
    for name, value in fields.items():
        if name not in locked:
            setattr(article, name, value)
    if article.strike_id is None:
        article.strike = strike
    if parsed.status and "status" not in article.locked_fields:
        article.status = parsed.status
    article.content_hash = content_hash
    article.version += 1
    article.save()
    if text_changed and article.first_published_at:
        Correction.objects.create(
            article=article, note="The text of this article was updated from its source."
        )
    return article


def article_files(paths):
    """Every .txt file under the given files and folders, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def read_article_file(path):
    """
    A file's bytes; IngestError when it cannot be read. A file larger than an
    article may be is read only that far (decoding then refuses it), never
    whole into memory.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            with path.open("rb") as file:
                return file.read(MAX_ARTICLE_BYTES + 1)
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror})") from None


def import_article_file(path, **options):
    return import_article_bytes(read_article_file(path), key=Path(path).name, **options)


# Importing many files ------------------------------------------------------------------

# Files written per transaction: the identity lock is taken, and the search index is
# told, once per batch; an import running at the same time waits for one batch at most.
BATCH_FILES = 200


@dataclass
class _File:
    """One file on its way through ``import_article_files``."""

    path: Path
    data: bytes | None = None
    content_hash: str = ""
    parsed: object = None  # a ParsedArticle once parsed
    read: object = None  # the articles.reading.Read it was parsed in, when it was
    error: IngestError | None = None
    result: ImportResult | None = None
    key: str = ""  # the name it is imported under: its file name unless given
    speakers: set = field(default_factory=set)  # the people its quotes place (``_store``)

    def __post_init__(self):
        self.key = self.key or self.path.name


def import_article_files(paths, *, status=None, force=False, batch_size=BATCH_FILES):
    """
    Import many files, yielding ``(path, ImportResult)`` or ``(path,
    IngestError)`` for each, in order, under the same rules as
    ``import_article_file`` one file at a time (and with the same rows). In
    stages, a batch of ``batch_size`` files at a time:

    1. read and hash the files (``_read_batch``); those already imported as
       they are, by name and bytes, are unchanged (one query) and not parsed;
    2. parse the others, extract their quotes and sign their text
       (``articles.reading``: in worker processes when there are many, the
       next batches while this one is written);
    3. write the batch in one transaction under the identity lock, each file
       in its own savepoint, so that a file the database refuses is skipped
       alone (``_write_batch``); the sides of everyone quoted in the batch
       are taken from their quotes once, at its end.

    A batch's results are yielded once it is committed.
    """
    paths = list(paths)
    batches = iter(
        [paths[start : start + batch_size] for start in range(0, len(paths), batch_size)]
    )
    with file_parser(len(paths), task=read_files) as parser:

        def start(batch):
            files = _read_batch(batch, force)
            todo = [file for file in files if file.data is not None]
            return files, todo, parser.submit([file.data for file in todo])

        started = deque(start(batch) for batch in islice(batches, 2))
        while started:
            files, todo, parsing = started.popleft()
            for file, read in zip(todo, parsing.result(), strict=True):
                file.data = None
                if isinstance(read, IngestError):
                    file.error = read
                else:
                    file.parsed, file.read = read.parsed, read
            following = next(batches, None)
            if following is not None:
                started.append(start(following))
            _write_batch([file for file in files if file.parsed is not None], status, force)
            for file in files:
                yield file.path, file.error or file.result


def _read_batch(paths, force):
    """Stage 1: the files read and hashed; unchanged ones get their result, unreadable ones their error."""
    files = [_File(Path(path)) for path in paths]
    for file in files:
        try:
            file.data = read_article_file(file.path)
        except IngestError as error:
            file.error = error
        else:
            file.content_hash = hashlib.sha256(file.data).hexdigest()
    readable = [file for file in files if file.data is not None]
    if force or not readable:
        return files
    stored = {}
    for article in Article.objects.filter(
        import_key__in={file.key for file in readable},
        content_hash__in={file.content_hash for file in readable},
    ).order_by("-pk"):
        stored[article.import_key, article.content_hash] = article  # the first by pk wins
    for file in readable:
        article = stored.get((file.key, file.content_hash))
        if article is not None:
            file.result, file.data = ImportResult(Outcome.UNCHANGED, article), None
    return files


def _write_batch(files, status, force):
    """
    Stage 3: the parsed files stored (``_store``) in one transaction. Should
    the database refuse a value of the batch's quotes or people, the batch
    is stored again one file at a time, each in its own savepoint, so that
    the file it came from is named and skipped alone.
    """
    if not files:
        return
    with transaction.atomic():
        hold_identity_lock()
        speakers = set()
        try:
            with transaction.atomic():
                _store(files, status=status, force=force, speakers_to_place=speakers)
        except (DataError, IntegrityError):
            speakers = set()
            for file in files:
                file.result = file.error = None
                try:
                    with transaction.atomic():
                        _store([file], status=status, force=force, speakers_to_place=speakers)
                except DataError as error:
                    file.result, file.error = None, _refused(error)
        take_sides(speakers)
    for file in files:
        file.parsed = file.read = None


# Adding coverage in the admin ------------------------------------------------------

# What an editor may set when adding an article; these win over what the parser infers.
EDITOR_FIELDS = ("headline", "source", "strike", "published_at", "byline", "url", "status")


def parse_article_text(text, *, overrides=None):
    """
    Parse text an editor submitted (already in the seed format, see
    ``articles.ingest.submitted``) and check, before anything is written, what
    could still refuse it. Raises IngestError. The outlet the editor chose in
    ``overrides`` gives the clock for dates the text states without a zone.
    """
    overrides = overrides or {}
    source = overrides.get("source")
    parsed = parse_article(text, default_timezone=source.timezone if source else "UTC")
    check_fits(parsed)
    if (
        parsed.strike
        and not overrides.get("strike")
        and not Strike.objects.filter(slug=parsed.strike).exists()
    ):
        raise IngestError(f"the Strike header names no known strike: {shown(parsed.strike)}")
    return parsed


def import_parsed_article(parsed, *, key, content_hash, overrides=None):
    """
    Add an article an editor pasted or uploaded, as ``parse_article_text``
    parsed it: the same steps as ``import_article_bytes`` (store, extract
    quotes), but always a new article (the form refused the same story with
    ``find_same_story``). What the editor set in ``overrides`` (see
    EDITOR_FIELDS; the date as a ``Dated``) wins over what the parser
    inferred and is added to ``locked_fields``, so a later ``import_articles``
    of the same file (same ``key``) leaves it alone. Raises IngestError;
    nothing is written then.
    """
    overrides = {
        name: value for name, value in (overrides or {}).items() if value not in (None, "")
    }
    unknown = set(overrides) - set(EDITOR_FIELDS)
    if unknown:
        raise ValueError(f"not fields an editor sets when adding an article: {sorted(unknown)}")
    with transaction.atomic():
        hold_identity_lock()
        fields = {
            **imported_fields(parsed, source=overrides.get("source")),
            "status": parsed.status or Article.Status.PUBLISHED,
            **overrides,
        }
        if "published_at" in overrides:
            published = overrides["published_at"]
            fields.update(
                publication_fields(published if isinstance(published, Dated) else Dated(published))
            )
        if "strike" not in overrides:
            fields["strike"] = strike_for(parsed)
        article = Article.objects.create(
            **fields,
            content_hash=content_hash,
            import_key=key,
            # The importer honours locks on these (a set strike is never replaced anyway).
            locked_fields=[name for name in Article.LOCKABLE_FIELDS if name in overrides],
        )
        created, _kept = sync_quotes(article)
        link_copies(article)
    namesake = Article.objects.filter(import_key=key).exclude(pk=article.pk).order_by("pk").first()
    return ImportResult(Outcome.CREATED, article, created, _new_story_note(namesake))
