"""
The archive's records: outlets, strikes, articles, the people quoted in them
and the quotes themselves.

The domain's questions are QuerySet methods here and nowhere else, so that
pages, feeds, sitemaps, the admin, the API and search agree: what the public
sees (``Article.objects.published()``, ``Quote.objects.published()``), in
which order (``Quote.objects.newest_first()``), who is quoted most
(``Person.objects.most_quoted()``), which outlets have coverage
(``Source.objects.with_published_coverage()``), which quotes need an editor's
look (``Quote.objects.needs_review()``).
"""

import hashlib
import re
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Case, Count, Exists, F, Max, OuterRef, Q, When
from django.db.models.functions import Lower, Upper
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_update_with_history

from . import parts
from .ingest.zones import on_printed_clock, zone
from .links import url_for
from .quotes import combine_sides
from .signals import announce_content_change

# A machine-found quote below this confidence is flagged for an editor's review.
LOW_CONFIDENCE = 0.7
# A strike with no end date, no coverage and no start in this many days is no longer listed
# as active but as "no recent coverage": nobody recorded its end, and nobody reports on it.
QUIET_AFTER_DAYS = 90


def published_q(prefix=""):
    """
    The one definition of "published": marked published by an editor, and not
    scheduled for later. ``prefix`` lets related models filter through a
    relation ("article__").
    """
    return Q(**{f"{prefix}status": Article.Status.PUBLISHED}) & (
        Q(**{f"{prefix}published_at__isnull": True})
        | Q(**{f"{prefix}published_at__lte": timezone.now()})
    )


def needs_review_q(prefix=""):
    """
    The one definition of a quote that needs an editor's look: no speaker, or
    found with low confidence and not checked since. ``prefix`` as in ``published_q``.
    """
    return Q(**{f"{prefix}speaker__isnull": True}) | Q(
        **{f"{prefix}confidence__lt": LOW_CONFIDENCE, f"{prefix}edited_by_editor": False}
    )


def coverage_count(relation="articles"):
    """Counts the published articles reached through ``relation`` (for ``annotate``)."""
    return Count(relation, filter=published_q(f"{relation}__"))


def _slug_base(text, max_length):
    return slugify(unicodedata.normalize("NFKD", text))[:max_length].strip("-") or "item"


def _numbered(base, n, max_length):
    """The ``n``-th slug tried for ``base``: ``base``, then ``base-2``, ``base-3``..."""
    if n == 1:
        return base
    suffix = f"-{n}"
    return base[: max_length - len(suffix)] + suffix


def unique_slug(model, text, *, max_length=80, exclude_pk=None, field="slug"):
    """A slug for ``text`` that no other row of ``model`` uses."""
    base, n = _slug_base(text, max_length), 1
    others = model._default_manager.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    while others.filter(**{field: _numbered(base, n, max_length)}).exists():
        n += 1
    return _numbered(base, n, max_length)


# Numbered slugs read at once per text by ``SlugBook``; further ones are asked one by one.
SLUGS_READ_AHEAD = 4


class SlugBook:
    """
    Slugs for rows about to be created together (a batch of an import): the
    slugs any of ``texts`` could take are read in one query, and ``take``
    gives each row, in order, the slug ``unique_slug`` would give it once
    the rows before it are saved (used by no row, nor taken before).
    """

    def __init__(self, model, texts, *, max_length=80, field="slug"):
        self.model, self.max_length, self.field = model, max_length, field
        tried = {
            _numbered(_slug_base(text, max_length), n, max_length)
            for text in texts
            for n in range(1, SLUGS_READ_AHEAD + 1)
        }
        self.taken = set(
            model._default_manager.filter(**{f"{field}__in": tried}).values_list(field, flat=True)
        )

    def take(self, text):
        base, n = _slug_base(text, self.max_length), 1
        others = self.model._default_manager.all()
        while True:
            candidate = _numbered(base, n, self.max_length)
            if candidate not in self.taken and (
                n <= SLUGS_READ_AHEAD or not others.filter(**{self.field: candidate}).exists()
            ):
                break
            n += 1
        self.taken.add(candidate)
        return candidate


def unique_slugs(model, texts, *, max_length=80, field="slug"):
    """``unique_slug`` for rows about to be created together, in order (``SlugBook``)."""
    book = SlugBook(model, texts, max_length=max_length, field=field)
    return [book.take(text) for text in texts]


def _violates_slug_constraint(error):
    """Whether an IntegrityError is another row taking the same slug first."""
    constraint = getattr(getattr(error.__cause__, "diag", None), "constraint_name", "") or ""
    return "slug" in constraint


class PermanentSlugMixin:
    """
    A record with a public page at its slug (article, person, outlet, strike).
    A slug left empty is made from ``slug_from`` and, should another process
    take the same one first, made afresh rather than failing the save; a slug
    an editor changes leaves a 301 from the old page (``Redirect``).
    """

    slug_from = "name"
    slug_max_length = 80
    slug_attempts = 5

    def save(self, *args, **kwargs):
        generated = not self.slug
        for attempt in range(self.slug_attempts):
            if generated:
                self.slug = unique_slug(
                    type(self),
                    getattr(self, self.slug_from),
                    max_length=self.slug_max_length,
                    exclude_pk=self.pk,
                )
            try:
                if not generated:
                    super().save(*args, **kwargs)
                    break
                with transaction.atomic(using=kwargs.get("using")):
                    super().save(*args, **kwargs)
                break
            except IntegrityError as error:
                if attempt + 1 == self.slug_attempts or not _violates_slug_constraint(error):
                    raise
        old_slug = getattr(self, "_loaded_slug", None)
        if old_slug and old_slug != self.slug and self.slug_was_public():
            # A published URL is permanent: the old one keeps answering, with a 301.
            Redirect.point(type(self)(slug=old_slug).get_absolute_url(), self.get_absolute_url())
        self.slug_stored()

    def slug_stored(self):
        """The slug now stored, which the next save compares with (a bulk insert calls this)."""
        self._loaded_slug = self.slug

    def slug_was_public(self):
        return True

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_slug = instance.__dict__.get("slug")
        return instance


def is_site_path(path):
    """
    Whether ``path`` is a path on this site ("/articles/x/"), not another host
    ("//evil.example/", "https://...", "/\\evil.example"), nor anything a
    browser could read as one.
    """
    if not isinstance(path, str) or not path.startswith("/") or path.startswith("//"):
        return False
    if "\\" in path or any(ord(char) < 32 or ord(char) == 127 for char in path):
        return False
    parts = urlsplit(path)
    return not parts.scheme and not parts.netloc


def validate_site_path(path):
    if not is_site_path(path):
        raise ValidationError(
            "Give a path on this site, starting with one “/” (e.g. /articles/new-slug/), "
            "not a web address on another host.",
            code="not_site_path",
        )


def quote_fingerprint(text):
    """Same words, same fingerprint: recognises one quote carried by several outlets."""
    folded = unicodedata.normalize("NFKD", text).casefold()
    words = re.findall(r"\w+", folded)
    return hashlib.sha1(" ".join(words).encode()).hexdigest() if words else ""


class AliasesMixin:
    """For records known by a ``name`` and other ``aliases`` (people, outlets)."""

    def add_aliases(self, names):
        """Record other spellings; returns True if any was new."""
        known = {self.name.casefold(), *(a.casefold() for a in self.aliases)}
        new = [n for n in dict.fromkeys(names) if n and n.casefold() not in known]
        self.aliases = [*self.aliases, *new]
        return bool(new)


class SourceQuerySet(models.QuerySet):
    def with_published_coverage(self):
        """Outlets with at least one published article: the ones with a public page."""
        return self.filter(pk__in=Article.objects.published().values("source"))

    def with_coverage_count(self):
        """Each outlet with ``article_count``, its number of published articles."""
        return self.annotate(article_count=coverage_count())

    def quoting(self, person):
        """Outlets whose published coverage quotes ``person``."""
        return self.filter(published_q("articles__"), articles__quotes__speaker=person).distinct()


class Source(PermanentSlugMixin, AliasesMixin, models.Model):
    """An outlet: a newspaper, station, wire service, union newsletter..."""

    class Kind(models.TextChoices):
        NEWSPAPER = "newspaper", "Newspaper"
        TV = "tv", "TV station"
        RADIO = "radio", "Radio station"
        WIRE = "wire", "Wire service"
        ONLINE = "online", "Online publication"
        MAGAZINE = "magazine", "Magazine"
        UNION = "union", "Union"
        EMPLOYER = "employer", "Employer"
        GOVERNMENT = "government", "Government"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)
    homepage_url = models.URLField("homepage URL", max_length=500, blank=True)
    aliases = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Other names the outlet goes by (e.g. “The Bee”).",
    )
    timezone = models.CharField(
        max_length=64,
        default="UTC",
        help_text="IANA time zone the outlet dates its stories in (e.g. America/Los_Angeles).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SourceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [GinIndex(fields=["aliases"], name="source_aliases_gin")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        stored_zone = (
            Source.objects.filter(pk=self.pk).values_list("timezone", flat=True).first()
            if self.pk
            else None
        )
        super().save(*args, **kwargs)
        if stored_zone is not None and stored_zone != self.timezone:
            # Its stories' dates are on its clock: a new clock can move them across midnight.
            self.articles.redate()

    def get_absolute_url(self):
        return url_for("articles:source_detail", slug=self.slug)

    def local_date(self, moment):
        """The calendar date of ``moment`` on the outlet's clock: the date its story carries."""
        return moment.astimezone(zone(self.timezone)).date() if moment else None

    def zone_is_unknown(self):
        """
        Whether the outlet's clock is only the fallback: UTC, and no dated story
        of it yet, so that its first story to print an offset may name its zone.
        """
        return (
            self.timezone == "UTC" and not self.articles.filter(published_at__isnull=False).exists()
        )


class StrikeQuerySet(models.QuerySet):
    @staticmethod
    def _active_q(on=None):
        """
        The one definition of an active strike on ``on`` (today): it ends on or after
        that day, or it has no end date and began, or had published coverage, within
        the last ``QUIET_AFTER_DAYS`` days (on its outlets' calendars).
        """
        on = on or timezone.localdate()
        since = on - timedelta(days=QUIET_AFTER_DAYS)
        recent_coverage = Exists(
            Article.objects.published().filter(strike=OuterRef("pk"), published_on__gte=since)
        )
        return Q(end_date__gte=on) | (
            Q(end_date__isnull=True) & (Q(start_date__gte=since) | recent_coverage)
        )

    def active(self, on=None):
        """Strikes going on: see ``_active_q``."""
        return self.filter(self._active_q(on))

    def not_ended(self, on=None):
        """Strikes without an end date, or ending on or after ``on`` (today), quiet or not."""
        on = on or timezone.localdate()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=on))

    def without_recent_coverage(self, on=None):
        """Strikes with no end date that are not active: listed as "no recent coverage"."""
        return self.filter(end_date__isnull=True).exclude(self._active_q(on))

    def with_activity(self, on=None):
        """
        Each strike with ``is_active`` (see ``_active_q``) and ``last_covered``, the
        date of its latest published article on its outlet's calendar (None without
        dated coverage).
        """
        return self.annotate(
            # (A CASE, not the bare condition: SQL's NULL for "no end date" must read False.)
            is_active=Case(When(self._active_q(on), then=True), default=False),
            last_covered=Max("articles__published_on", filter=published_q("articles__")),
        )

    def with_coverage_count(self):
        """Each strike with ``article_count``, its number of published articles."""
        return self.annotate(article_count=coverage_count())

    def quoting(self, person):
        """Strikes whose published coverage quotes ``person``: what they were quoted about."""
        return self.filter(published_q("articles__"), articles__quotes__speaker=person).distinct()


class StrikeManager(models.Manager.from_queryset(StrikeQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Strike(PermanentSlugMixin, models.Model):
    """A dispute as the coverage describes it; articles belong to one."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    employer = models.CharField(max_length=200)
    union = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    workers_involved = models.CharField(
        max_length=200,
        blank=True,
        help_text="As the coverage states it, e.g. “about 2,000 therapists”.",
    )
    demands = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    match_terms = ArrayField(
        models.CharField(max_length=100),
        default=list,
        blank=True,
        help_text="Names in an article's text that tie it to this strike on import (e.g. the employer).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StrikeManager()
    history = HistoricalRecords()

    class Meta:
        ordering = [F("start_date").desc(nulls_last=True), "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="strike_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return url_for("articles:strike_detail", slug=self.slug)

    def natural_key(self):
        return (self.slug,)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: see ``published_q``."""
        return self.filter(published_q())

    def scheduled(self, after=None):
        """Marked published, but for a moment after ``after`` (now): not public yet."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=after or timezone.now()
        )

    def undated(self):
        return self.filter(published_at__isnull=True)

    def newest_first(self):
        """Newest publication first; undated ones last, by when they entered the archive."""
        return self.order_by(F("published_at").desc(nulls_last=True), "-first_published_at", "-pk")

    def related_to(self, article):
        """Other articles on the same strike (none when ``article`` has no strike)."""
        if not article.strike_id:
            return self.none()
        return self.filter(strike_id=article.strike_id).exclude(pk=article.pk)

    def copies_of(self, article):
        """Other articles carrying the same story (``SyndicatedCopy``), in either place of a pair."""
        return self.filter(
            Q(pk__in=SyndicatedCopy.objects.filter(other=article).values("article"))
            | Q(pk__in=SyndicatedCopy.objects.filter(article=article).values("other"))
        )

    def filed_from_feeds(self):
        """Drafts ``watch_feeds`` filed that no editor has published yet: they need review."""
        return self.filter(
            status=Article.Status.DRAFT,
            pk__in=FeedEntry.objects.filter(article__isnull=False).values("article"),
        )

    def with_quotes_to_review(self):
        return self.filter(pk__in=Quote.objects.needs_review().values("article"))

    def without_quotes_to_review(self):
        return self.exclude(pk__in=Quote.objects.needs_review().values("article"))

    def with_quote_counts(self):
        """Each article with ``quote_count`` and ``review_count`` (quotes that need review)."""
        return self.annotate(
            quote_count=Count("quotes", distinct=True),
            review_count=Count("quotes", filter=needs_review_q("quotes__"), distinct=True),
        )

    def redate(self):
        """Set ``published_on`` again: the date on each story's clock (``Article.published_local``)."""
        articles = list(
            self.select_related("source").only(
                "pk", "published_at", "published_offset", "source__timezone"
            )
        )
        for article in articles:
            local = article.published_local
            article.published_on = local.date() if local else None
        updated = self.model.objects.bulk_update(articles, ["published_on"], batch_size=1000)
        if updated:
            # The archive by month files stories by this date; a bulk update sends no model signal.
            announce_content_change(self.model, self.db)
        return updated


class Article(PermanentSlugMixin, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    # Fields an import sets; an editor's change to one of these or to the status locks it
    # (``locked_fields``): re-imports then leave it alone. ``published_at`` stands for the
    # publication date with how it was printed (``PUBLICATION_FIELDS``).
    IMPORTED_FIELDS = ("headline", "byline", "published_at", "url", "paragraphs", "source")
    LOCKABLE_FIELDS = (*IMPORTED_FIELDS, "status")
    PUBLICATION_FIELDS = ("published_at", "published_offset", "published_date_only")

    slug_from = "headline"
    slug_max_length = 110

    # NULL when the outlet is not known: the article is then cited without one (as APA
    # cites a web page), never under an outlet called "Unknown".
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text="Leave empty when the outlet is not known.",
    )
    strike = models.ForeignKey(
        Strike, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    headline = models.CharField(max_length=500)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="Part of the permanent URL. Changing it after publication leaves a redirect.",
    )
    byline = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # The clock ``published_at`` is read on, in minutes east of UTC, when the story printed
    # one ("2026-11-30T21:00:00-08:00": -480); NULL: the outlet's zone. A date given without
    # a time is its midnight on the clock it was placed on, recorded here so that the date
    # never moves.
    published_offset = models.SmallIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="The UTC offset (minutes) the outlet printed with the time, if it printed one.",
    )
    published_date_only = models.BooleanField(
        default=False,
        editable=False,
        help_text="The outlet gave a date without a time of day.",
    )
    # Derived (see save()): the archive files a story under the date its outlet gave it, so
    # a story from 9 pm in California on 31 August is August's, not September's (UTC).
    published_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="The publication date on the outlet's clock (its time zone).",
    )
    # NULL rather than "" when unknown, so that a missing URL never collides with another.
    url = models.URLField("original URL", max_length=2000, null=True, blank=True)  # noqa: DJ001
    paragraphs = ArrayField(models.TextField(), default=list)
    status = models.CharField(max_length=10, choices=Status, default=Status.PUBLISHED)
    content_hash = models.CharField(
        max_length=64,
        blank=True,
        help_text="SHA-256 of the imported file; unchanged files are skipped.",
    )
    # A hint, not an identity: two different stories may come from files of one name.
    import_key = models.CharField(  # noqa: DJ001 (NULL: not imported from a file)
        max_length=255,
        null=True,
        blank=True,
        help_text="The name of the file this article was imported from.",
    )
    locked_fields = ArrayField(
        models.CharField(max_length=40),
        default=list,
        blank=True,
        help_text="Fields an editor changed; re-imports leave them alone.",
    )
    suppressed_quotes = ArrayField(
        models.CharField(max_length=40),
        default=list,
        blank=True,
        editable=False,
        help_text="Fingerprints of machine-found quotes an editor deleted; re-extraction skips them.",
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["content_hash", "version", "published_on"])

    class Meta:
        ordering = [F("published_at").desc(nulls_last=True), "-created_at"]
        indexes = [
            models.Index(
                F("published_at").desc(nulls_last=True), "status", name="article_published_idx"
            ),
            models.Index(fields=["source", "published_at"], name="article_source_date_idx"),
            models.Index(fields=["strike", "published_at"], name="article_strike_date_idx"),
            models.Index(fields=["content_hash"], name="article_hash_idx"),
            models.Index(fields=["published_on"], name="article_published_on_idx"),
            models.Index(fields=["import_key"], name="article_import_key_idx"),
            models.Index(fields=["url"], name="article_url_idx"),
            # An outlet's stories around a day, undated or of one headline (the importer's
            # find_same_story): each by an index rather than reading all the outlet's rows.
            models.Index(fields=["source", "published_on"], name="article_source_day_idx"),
            models.Index(F("source"), Upper("headline"), name="article_source_headline_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(headline=""), name="article_has_headline"),
            models.CheckConstraint(condition=~Q(slug=""), name="article_has_slug"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.fill_in()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {*self.PUBLICATION_FIELDS, "source"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "published_on"}
        super().save(*args, **kwargs)
        self.filled_in()

    def get_absolute_url(self):
        return url_for("articles:article_detail", slug=self.slug)

    def fill_in(self):
        """What an article derives from its own fields, set before it is stored (bulk inserts too)."""
        if self.status == self.Status.PUBLISHED and self.first_published_at is None:
            self.first_published_at = timezone.now()
        local = self.published_local
        self.published_on = local.date() if local else None

    def filled_in(self):
        """After it is stored: what the next save compares with (``articles.withdrawals``)."""
        self._loaded_public = self.is_public()
        self._loaded_source_id = self.source_id

    def part_starts(self):
        """
        Where each part of the page begins (``articles.parts``): ``[1]`` for most
        articles. Worked out once per list of paragraphs (pages link many quotes
        of one article), again when the paragraphs are replaced.
        """
        known = getattr(self, "_part_starts", None)
        if known is None or known[0] is not self.paragraphs:
            known = self._part_starts = (self.paragraphs, parts.part_starts(self.paragraphs))
        return known[1]

    def paragraph_url(self, number):
        """The address of paragraph ``number``: its anchor, on the part of the page it is on."""
        part = parts.part_of(self.part_starts(), number)
        return f"{self.get_absolute_url()}{f'?part={part}' if part > 1 else ''}#p{number}"

    def slug_was_public(self):
        return self.first_published_at is not None

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_public = instance.is_public()
        instance._loaded_source_id = instance.__dict__.get("source_id")
        return instance

    def is_public(self, now=None):
        """Whether the public can read it now (``published_q`` for one loaded row)."""
        status, published_at = self.__dict__.get("status"), self.__dict__.get("published_at")
        return status == self.Status.PUBLISHED and (
            published_at is None or published_at <= (now or timezone.now())
        )

    @property
    def zone_name(self):
        """The time zone of the outlet's clock ("" when the outlet is not known: UTC)."""
        return self.source.timezone if self.source_id else ""

    @property
    def published_local(self):
        """``published_at`` on the clock the story was dated by (``on_printed_clock``)."""
        return on_printed_clock(self.published_at, self.published_offset, self.zone_name)

    @property
    def published_as_printed(self):
        """
        The publication date as the outlet gave it: a ``date`` when it gave no
        time, else the moment on its clock; None when it gave no date.
        """
        local = self.published_local
        if local is None:
            return None
        return local.date() if self.published_date_only else local

    @property
    def body(self):
        return "\n\n".join(self.paragraphs)


class Correction(models.Model):
    """A dated note shown on a published article whose text was changed."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    created_at = models.DateTimeField(default=timezone.now)
    note = models.TextField()

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.article}: {self.note[:60]}"


class PersonQuerySet(models.QuerySet):
    def take_sides_from_quotes(self):
        """
        Each person's side from all their quotes (``Person.take_side_from_quotes``),
        saved with its history; the quotes of all of them are read in one query,
        and the people whose side changed are written in one statement.
        """
        people = list(self)
        found = {person.pk: [] for person in people}
        placing = Quote.objects.filter(speaker__in=[person.pk for person in people]).sides_found()
        for speaker_id, side, evidence in placing.values_list(
            "speaker_id", "side", "side_evidence"
        ):
            found[speaker_id].append((side, evidence))
        changed = [person for person in people if person.take_side_from_quotes(found[person.pk])]
        if changed:
            now = timezone.now()
            for person in changed:
                person.updated_at = now
            bulk_update_with_history(
                changed, Person, ["side", "side_evidence", "updated_at"], batch_size=500
            )
            announce_content_change(Person)

    def quoted(self):
        """People with at least one quote in a published article: the ones with a public page."""
        return self.filter(
            pk__in=Quote.objects.published().filter(speaker__isnull=False).values("speaker")
        )

    def quoted_with_counts(self, since=None):
        """
        People quoted in published coverage (published since ``since``, if
        given), each with ``quote_count``, their number of such quotes.
        """
        published = published_q("quotes__article__")
        if since is not None:
            published &= Q(quotes__article__published_at__gte=since)
        return self.annotate(quote_count=Count("quotes", filter=published)).filter(
            quote_count__gt=0
        )

    def most_quoted(self, since=None):
        """``quoted_with_counts(since)``, most quoted first (then by name)."""
        return self.quoted_with_counts(since).order_by("-quote_count", "name")

    def on_side(self, side):
        return self.filter(side=side)

    @staticmethod
    def bearing(name):
        """The condition that a person's name (any case) or one of their recorded aliases is ``name``."""
        return Q(name__iexact=name) | Q(aliases__contains=[name])

    def matching(self, name):
        """People whose name (any case) or one of whose recorded aliases is ``name``."""
        return self.filter(self.bearing(name))


class Person(PermanentSlugMixin, AliasesMixin, models.Model):
    """A speaker: a person or an organization quoted in the coverage."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organization"

    class Side(models.TextChoices):
        LABOR = "labor", "Workers or union"
        EMPLOYER = "employer", "Employer"
        GOVERNMENT = "government", "Government"
        EXPERT = "expert", "Expert"
        COMMUNITY = "community", "Community"
        UNKNOWN = "unknown", "Unknown"

    _SIDE_LABELS = dict(Side.choices)

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.PERSON)
    description = models.CharField(
        max_length=300,
        blank=True,
        help_text="Role or title as the coverage gives it, e.g. “licensed clinical psychologist”.",
    )
    aliases = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Other spellings seen in the coverage.",
    )
    side = models.CharField(max_length=20, choices=Side, default=Side.UNKNOWN)
    side_set_by_editor = models.BooleanField(
        default=False, help_text="Set when an editor chose the side; imports then leave it alone."
    )
    side_evidence = models.JSONField(
        default=list,
        blank=True,
        help_text="Why the coverage puts them on this side, from their quotes "
        "(“described as: a Kaiser therapist and union member”).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [
            GinIndex(fields=["aliases"], name="person_aliases_gin"),
            models.Index(Lower("name"), name="person_name_lower_idx"),
        ]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="person_has_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return url_for("articles:person_detail", slug=self.slug)

    def get_side_display(self):
        """
        The side in words ("Workers or union"), as Django's own would give it
        (the stored value itself when it is no side), without reading the
        field's choices afresh: pages name a speaker's side beside every quote.
        """
        return self._SIDE_LABELS.get(self.side, self.side)

    def take_side_from_quotes(self, sides_found=None):
        """
        Set the side from every quote of theirs in the archive (each article's
        description of them, combined by ``combine_sides``), with its evidence.
        An editor's choice stays; with no quote that places them, the side
        already held stays (from their name and description). Returns whether
        anything changed; the caller saves. ``sides_found``: their quotes'
        ``sides_found()``, when the caller read them already.
        """
        if self.side_set_by_editor:
            return False
        if sides_found is None:
            sides_found = self.quotes.sides_found()
        side, evidence = combine_sides(sides_found)
        if side == self.Side.UNKNOWN:
            side, evidence = self.side, ()
        evidence = list(evidence[:5])
        if (side, evidence) == (self.side, self.side_evidence):
            return False
        self.side, self.side_evidence = side, evidence
        return True


class QuoteQuerySet(models.QuerySet):
    def published(self):
        """Quotes in published articles: see ``published_q``."""
        return self.filter(published_q("article__"))

    def machine_made(self):
        return self.filter(edited_by_editor=False)

    def sides_found(self):
        """(side, evidence) of each quote whose article placed its speaker on
        a side, oldest coverage first (the order ``combine_sides`` breaks ties by)."""
        return (
            self.exclude(side__in=("", Person.Side.UNKNOWN))
            .order_by(F("article__published_at").asc(nulls_last=True), "article_id", "paragraph")
            .values_list("side", "side_evidence")
        )

    def checked(self):
        """Added or corrected by an editor: re-extraction leaves them alone."""
        return self.filter(edited_by_editor=True)

    def unattributed(self):
        return self.filter(speaker__isnull=True)

    def low_confidence(self):
        """Machine-found with a confidence below ``LOW_CONFIDENCE``, not checked since."""
        return self.filter(confidence__lt=LOW_CONFIDENCE, edited_by_editor=False)

    def needs_review(self):
        """Quotes an editor should look at: see ``needs_review_q``."""
        return self.filter(needs_review_q())

    def review_counts(self):
        """
        {"total", "unattributed", "low" (attributed, low confidence), "checked",
        "to_review" (unattributed + low)}: what the admin tells an editor.
        """
        counts = self.aggregate(
            total=Count("pk"),
            unattributed=Count("pk", filter=Q(speaker__isnull=True)),
            low=Count(
                "pk",
                filter=Q(
                    speaker__isnull=False, confidence__lt=LOW_CONFIDENCE, edited_by_editor=False
                ),
            ),
            checked=Count("pk", filter=Q(edited_by_editor=True)),
        )
        counts["to_review"] = counts["unattributed"] + counts["low"]
        return counts

    def from_side(self, side):
        """Quotes whose speaker is on ``side`` (a ``Person.Side``)."""
        return self.filter(speaker__side=side)

    def in_text_order(self):
        """As they stand in their article: by paragraph, then position."""
        return self.order_by("paragraph", "start", "pk")

    def newest_first(self):
        """Newest coverage first; within an article, in the order of its text."""
        return self.order_by(
            F("article__published_at").desc(nulls_last=True), "-article_id", "paragraph", "start"
        )

    def oldest_first(self):
        """Oldest coverage first; within an article, in the order of its text."""
        return self.order_by("article__published_at", "article_id", "paragraph", "start")

    def carrying_the_words_of(self, quote):
        """
        The same words (``Quote.fingerprint``) in other articles, oldest coverage
        first: the other outlets that carried ``quote``.
        """
        if not quote.fingerprint:
            return self.none()
        return (
            self.filter(fingerprint=quote.fingerprint)
            .exclude(article_id=quote.article_id)
            .order_by(F("article__published_at").asc(nulls_last=True), "article_id", "paragraph")
        )


class Quote(models.Model):
    """
    A direct quotation, anchored in its article: paragraph numbers count from 1
    (as the page's #p1 anchors do) and offsets are character positions within
    those paragraphs. A quote running over several paragraphs ends in
    ``end_paragraph``.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    paragraph = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end_paragraph = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    speaker = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
        help_text="Empty when the text does not say who spoke.",
    )
    speaker_mention = models.CharField(
        max_length=200,
        blank=True,
        help_text="The speaker as the text names them here (“Soroken”, “she”).",
    )
    cue = models.CharField(
        max_length=300, blank=True, help_text="The attribution as written (“Soroken said”)."
    )
    is_fragment = models.BooleanField(
        default=False, help_text="A few quoted words inside indirect speech, not a full quotation."
    )
    confidence = models.FloatField(default=1.0)
    side = models.CharField(
        max_length=20,
        choices=Person.Side,
        blank=True,
        help_text="The speaker's side as this article describes them; empty when no one is credited.",
    )
    side_evidence = models.JSONField(
        default=list,
        blank=True,
        help_text="What in the article placed the speaker on that side.",
    )
    edited_by_editor = models.BooleanField(
        default=False, help_text="Added or corrected by an editor: re-extraction never touches it."
    )
    fingerprint = models.CharField(max_length=40, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuoteQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["fingerprint", "version"])

    class Meta:
        ordering = ["article", "paragraph", "start"]
        indexes = [
            models.Index(fields=["article", "paragraph", "start"], name="quote_position_idx"),
            models.Index(fields=["speaker", "article"], name="quote_speaker_idx"),
            models.Index(fields=["fingerprint"], name="quote_fingerprint_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(paragraph__gte=1), name="quote_paragraph_from_one"),
            models.CheckConstraint(
                condition=Q(end_paragraph__gte=F("paragraph")), name="quote_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=Q(end_paragraph__gt=F("paragraph")) | Q(end__gt=F("start")),
                name="quote_span_not_empty",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="quote_confidence_0_1"
            ),
            models.CheckConstraint(condition=~Q(text=""), name="quote_has_text"),
        ]

    def __str__(self):
        return f"“{self.text[:70]}”"

    def save(self, *args, **kwargs):
        self.fill_in()
        credited = getattr(self, "_loaded_speaker_id", None)
        super().save(*args, **kwargs)
        # Who the page credited until now (``articles.withdrawals`` reads it on post_save).
        self._loaded_speaker_id = self.speaker_id
        if self.edited_by_editor and credited != self.speaker_id:
            # An editor gave the quote to someone else: both people's sides are
            # taken again from their quotes (re-extraction does this for its own).
            Person.objects.filter(pk__in=[credited, self.speaker_id]).take_sides_from_quotes()

    def get_absolute_url(self):
        return url_for("articles:quote_detail", pk=self.pk)

    def fill_in(self):
        """What a quote derives from its own fields, set before it is stored (bulk inserts too)."""
        self.fingerprint = quote_fingerprint(self.text)
        if self.end_paragraph is None:
            self.end_paragraph = self.paragraph

    def paragraph_url(self):
        """Where the quote stands in its article's text."""
        return self.article.paragraph_url(self.paragraph)

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_speaker_id = instance.__dict__.get("speaker_id")
        return instance

    @property
    def anchor(self):
        return f"p{self.paragraph}"


class Redirect(models.Model):
    """
    An old public path that now lives elsewhere: an article whose slug an
    editor changed after publication, a person or outlet merged into another,
    a quote split or merged into another. Both ends are paths on this site:
    a redirect never sends a reader to another host.
    """

    old_path = models.CharField(max_length=300, unique=True, validators=[validate_site_path])
    new_path = models.CharField(max_length=300, validators=[validate_site_path])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_path"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(old_path=F("new_path")), name="redirect_goes_elsewhere"
            ),
            models.CheckConstraint(
                condition=Q(new_path__startswith="/")
                & ~Q(new_path__startswith="//")
                & ~Q(new_path__contains="\\"),
                name="redirect_stays_on_site",
                violation_error_message="A redirect must point to a path on this site.",
            ),
        ]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    @classmethod
    def point(cls, old_path, new_path):
        """Send ``old_path`` (and every path already sent there) to ``new_path``."""
        if old_path == new_path:
            return
        cls.objects.filter(old_path=new_path).delete()
        cls.objects.filter(new_path=old_path).update(new_path=new_path)
        cls.objects.update_or_create(old_path=old_path, defaults={"new_path": new_path})


class Withdrawal(models.Model):
    """
    A public page whose record is no longer shown: a quote whose words a
    correction removed or an editor deleted, an article an editor unpublished
    or deleted, a person no longer quoted in published coverage, an outlet
    with none left, a deleted strike. Its URL answers 410 Gone with what the
    page showed and when it went (``articles.middleware``), never 404; a
    ``Redirect`` from the same path wins (a quote split or merged, a merge).
    Recorded by ``articles.withdrawals``.
    """

    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        QUOTE = "quote", "Quote"
        PERSON = "person", "Person"
        SOURCE = "source", "Outlet"
        STRIKE = "strike", "Strike"

    path = models.CharField(max_length=300, unique=True)
    kind = models.CharField(max_length=10, choices=Kind)
    title = models.CharField(
        max_length=500, help_text="The headline, or the name of the person, outlet or strike."
    )
    text = models.TextField(blank=True, help_text="A quote's words as they were.")
    speaker = models.CharField(max_length=200, blank=True)
    paragraph = models.PositiveIntegerField(null=True, blank=True)
    article_path = models.CharField(max_length=300, blank=True)
    article_headline = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    published = models.CharField(
        max_length=40, blank=True, help_text="The article's publication date, as printed (ISO)."
    )
    reason = models.CharField(max_length=300)
    withdrawn_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-withdrawn_at"]

    def __str__(self):
        return f"{self.path} ({self.get_kind_display().lower()}, withdrawn)"

    @property
    def published_as_printed(self):
        """The article's date as ``Article.published_as_printed`` gave it when withdrawn."""
        if not self.published:
            return None
        if len(self.published) == 10:
            return date.fromisoformat(self.published)
        return datetime.fromisoformat(self.published)


# Coverage that arrives by itself: pages kept as fetched, feeds watched, copies recognised.


class ArchivedPageQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-fetched_at", "-pk")

    def of_published_articles(self):
        return self.filter(article__in=Article.objects.published())


class ArchivedPage(models.Model):
    """
    A web page as the archive fetched it, kept as a WARC file under
    ``STRIKEWATCH_ARCHIVE_DIR`` (``articles.fetch.warc``): the bytes the
    server sent, when, and their SHA-256.
    """

    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="archived_pages"
    )
    url = models.URLField("URL asked for", max_length=2000)
    final_url = models.URLField("URL after redirects", max_length=2000)
    fetched_at = models.DateTimeField()
    sha256 = models.CharField(max_length=64, help_text="SHA-256 of the body as the server sent it.")
    content_type = models.CharField(max_length=200, blank=True)
    size = models.PositiveIntegerField(help_text="Bytes of the body as the server sent it.")
    warc_file = models.CharField(
        max_length=500, unique=True, help_text="Path of the WARC file in the archive directory."
    )

    objects = ArchivedPageQuerySet.as_manager()

    class Meta:
        ordering = ["-fetched_at"]
        indexes = [models.Index(fields=["article", "-fetched_at"], name="archived_article_idx")]

    def __str__(self):
        return f"{self.final_url} ({self.fetched_at:%Y-%m-%d %H:%M} UTC)"

    def get_absolute_url(self):
        return url_for("articles:archived_copy", slug=self.article.slug, pk=self.pk)

    @property
    def warc_path(self):
        return Path(settings.STRIKEWATCH_ARCHIVE_DIR) / self.warc_file


class Feed(models.Model):
    """An outlet's RSS or Atom feed that ``watch_feeds`` polls for coverage."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="feeds")
    url = models.URLField("feed URL", max_length=2000, unique=True)
    active = models.BooleanField(default=True, help_text="Polled by watch_feeds.")
    last_fetched_at = models.DateTimeField(null=True, blank=True)
    etag = models.CharField("ETag", max_length=500, blank=True)
    last_modified = models.CharField("Last-Modified", max_length=100, blank=True)
    last_result = models.CharField(
        max_length=500, blank=True, help_text="What the last poll found, or why it failed."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["source__name", "url"]

    def __str__(self):
        return f"{self.source}: {self.url}"


class FeedEntry(models.Model):
    """
    A feed entry that matched a strike's terms (or the site's strike words):
    fetched and filed as a draft, or waiting for the next run, or refused.
    """

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting to be fetched"
        FILED = "filed", "Filed as a draft"
        KNOWN = "known", "Already in the archive"
        FAILED = "failed", "Could not be added"

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    guid = models.CharField(max_length=2000, help_text="The entry's id in the feed (or its link).")
    url = models.URLField(max_length=2000)
    title = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    matched = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    state = models.CharField(max_length=10, choices=State, default=State.WAITING)
    message = models.CharField(max_length=500, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="feed_entries"
    )
    seen_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-seen_at", "pk"]
        verbose_name_plural = "feed entries"
        constraints = [
            models.UniqueConstraint(fields=["feed", "guid"], name="feed_entry_once"),
        ]

    def __str__(self):
        return self.title or self.url


class TextSignature(models.Model):
    """
    An article's text as near-duplicate detection sees it
    (``articles.ingest.syndication``): its MinHash and the LSH band keys that
    find candidate copies with one indexed query.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="signature"
    )
    text_hash = models.CharField(max_length=64)
    shingles = models.PositiveIntegerField()
    minhash = ArrayField(models.BigIntegerField())
    bands = ArrayField(models.BigIntegerField())

    class Meta:
        # Without the pending list (``fastupdate``), whose every row each lookup reads: an
        # import's new signatures are found by the next batch as fast as older ones.
        indexes = [GinIndex(fields=["bands"], name="signature_bands_gin", fastupdate=False)]

    def __str__(self):
        return f"signature of article {self.article_id} ({self.shingles} shingles)"


class SyndicatedCopyQuerySet(models.QuerySet):
    def involving(self, article):
        return self.filter(Q(article=article) | Q(other=article))


class SyndicatedCopy(models.Model):
    """
    Two articles carrying the same story (one wire story in two papers, or a
    story and its trimmed copy), recognised by near-duplicate text. Stored
    once per pair, the lower id first.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    similarity = models.FloatField(help_text="Share of the shorter text found in the other.")
    found_at = models.DateTimeField(auto_now_add=True)

    objects = SyndicatedCopyQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "syndicated copies"
        constraints = [
            models.UniqueConstraint(fields=["article", "other"], name="syndicated_pair_once"),
            models.CheckConstraint(
                condition=Q(article__lt=F("other")), name="syndicated_pair_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.article_id} ≈ {self.other_id} ({self.similarity:.2f})"
