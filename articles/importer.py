"""
Storing parsed articles: the one path by which files, pasted text and uploads
become Article rows, for ``import_articles`` (``import_article_file``) and the
admin (``parse_article_text``, then ``import_parsed_article`` with what the
form parsed) alike. Parsing itself is ``articles.ingest``; quotes are then
extracted by ``articles.quote_sync``.

Importing is idempotent (an unchanged file is recognised by its hash and
touches nothing) and respects editors: a field an editor changed is listed in
``Article.locked_fields`` and a re-import leaves it alone; quotes an editor
added or corrected survive re-extraction.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from pathlib import Path

from django.db import transaction
from django.db.models import Q

from .ingest import MAX_ARTICLE_BYTES, IngestError, Outlet, decode_article_bytes, parse_article
from .models import Article, Correction, Source, Strike
from .quote_sync import sync_quotes
from .syndication import link_copies

UNKNOWN_OUTLET = Outlet("Unknown outlet", "other")
# The site-wide strike words: a text that uses none is not strike coverage (strike
# matching here; which feed entries watch_feeds fetches, articles.feed_watch).
STRIKE_WORDS = re.compile(
    r"\b(?:strik\w*|picket\w*|walkouts?|walked out|work stoppage)\b", re.IGNORECASE
)


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class ImportResult:
    outcome: Outcome
    article: Article
    quotes: int = 0


def source_for(outlet):
    """The Source row for an outlet, matched by name or alias, created if new."""
    names = [outlet.name, *outlet.aliases]
    source = (
        Source.objects.filter(Q(name__iexact=outlet.name) | Q(aliases__overlap=names))
        .order_by("pk")
        .first()
    )
    if source is None:
        source = Source.objects.create(
            name=outlet.name,
            kind=outlet.kind,
            homepage_url=outlet.homepage_url,
            timezone=outlet.timezone,
            aliases=list(outlet.aliases),
        )
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
                f"the Strike header names no known strike: {parsed.strike!r}"
            ) from None
    text = "\n".join([parsed.headline, *parsed.paragraphs])
    if not STRIKE_WORDS.search(text):
        return None
    best, best_hits = None, 0
    for strike in Strike.objects.exclude(match_terms=[]):
        if parsed.published_at and strike.start_date:
            day = parsed.published_at.date()
            last_day = strike.end_date or strike.start_date + timedelta(days=365)
            if not strike.start_date - timedelta(days=60) <= day <= last_day + timedelta(days=90):
                continue
        hits = sum(len(re.findall(rf"\b{re.escape(term)}\b", text)) for term in strike.match_terms)
        if hits > best_hits:
            best, best_hits = strike, hits
    return best


def imported_fields(parsed, *, source=None):
    """What a parsed article sets on its row: the fields of ``Article.IMPORTED_FIELDS``."""
    values = {
        "headline": parsed.headline[:500],
        "byline": parsed.byline[:300],
        "published_at": parsed.published_at,
        "url": parsed.url or None,
        "paragraphs": parsed.paragraphs,
        "source": source or source_for(parsed.outlet or UNKNOWN_OUTLET),
    }
    return {name: values[name] for name in Article.IMPORTED_FIELDS}


def import_article_bytes(data, *, key, status=None, force=False):
    """
    Import one article file's bytes under ``key`` (its file name). Raises
    IngestError, with a reason fit to show the person importing, for anything
    that cannot become an article; nothing is written then.
    """
    text = decode_article_bytes(data)
    content_hash = hashlib.sha256(data).hexdigest()
    existing = Article.objects.filter(import_key=key).first()
    if existing and existing.content_hash == content_hash and not force:
        return ImportResult(Outcome.UNCHANGED, existing)
    parsed = parse_article(text)
    with transaction.atomic():
        fields = imported_fields(parsed)
        strike = strike_for(parsed)
        if existing is None:
            article = Article.objects.create(
                **fields,
                strike=strike,
                status=parsed.status or status or Article.Status.PUBLISHED,
                content_hash=content_hash,
                import_key=key,
            )
            outcome = Outcome.CREATED
        else:
            article = Article.objects.select_for_update().get(pk=existing.pk)
            text_changed = (
                "paragraphs" not in article.locked_fields
                and article.paragraphs != parsed.paragraphs
            )
            for name, value in fields.items():
                if name not in article.locked_fields:
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
            outcome = Outcome.UPDATED
        created, _kept = sync_quotes(article)
        link_copies(article)
    return ImportResult(outcome, article, created)


def article_files(paths):
    """Every .txt file under the given files and folders, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def import_article_file(path, **options):
    path = Path(path)
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            # Refuse before reading a huge file into memory; the message is decode's own.
            return import_article_bytes(
                path.open("rb").read(MAX_ARTICLE_BYTES + 1), key=path.name, **options
            )
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror})") from None
    return import_article_bytes(data, key=path.name, **options)


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
    if (
        parsed.strike
        and not overrides.get("strike")
        and not Strike.objects.filter(slug=parsed.strike).exists()
    ):
        raise IngestError(f"the Strike header names no known strike: {parsed.strike!r}")
    return parsed


def import_parsed_article(parsed, *, key, content_hash, overrides=None):
    """
    Add an article an editor pasted or uploaded, as ``parse_article_text``
    parsed it: the same steps as ``import_article_bytes`` (store, extract
    quotes), but always a new article. What the editor set in ``overrides``
    (see EDITOR_FIELDS) wins over what the parser inferred and is added to
    ``locked_fields``, so a later ``import_articles`` of the same file (same
    ``key``) leaves it alone. Raises IngestError; nothing is written then.
    """
    overrides = {
        name: value for name, value in (overrides or {}).items() if value not in (None, "")
    }
    unknown = set(overrides) - set(EDITOR_FIELDS)
    if unknown:
        raise ValueError(f"not fields an editor sets when adding an article: {sorted(unknown)}")
    with transaction.atomic():
        fields = {
            **imported_fields(parsed, source=overrides.get("source")),
            "status": parsed.status or Article.Status.PUBLISHED,
            **overrides,
        }
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
    return ImportResult(Outcome.CREATED, article, created)


# Identity by URL --------------------------------------------------------------------


def article_at_url(url):
    """
    The article already archived under ``url``, the outlet's canonical URL
    of a story: whichever way the story arrives again (added by URL, found
    in a feed), it is the same article, not a new one. A ``#fragment`` never
    makes another page.
    """
    if not url:
        return None
    variants = {url, url.split("#", 1)[0]}
    return Article.objects.filter(url__in=variants).order_by("pk").first()
