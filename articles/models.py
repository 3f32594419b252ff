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
from pathlib import Path

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from .ingest.zones import zone
from .signals import announce_content_change

# A machine-found quote below this confidence is flagged for an editor's review.
LOW_CONFIDENCE = 0.7


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


def unique_slug(model, text, *, max_length=80, exclude_pk=None, field="slug"):
    """A slug for ``text`` that no other row of ``model`` uses."""
    base = slugify(unicodedata.normalize("NFKD", text))[:max_length].strip("-") or "item"
    candidate, n = base, 2
    others = model._default_manager.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    while others.filter(**{field: candidate}).exists():
        suffix = f"-{n}"
        candidate = base[: max_length - len(suffix)] + suffix
        n += 1
    return candidate


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


class Source(AliasesMixin, models.Model):
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
        if not self.slug:
            self.slug = unique_slug(Source, self.name, exclude_pk=self.pk)
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
        return reverse("articles:source_detail", kwargs={"slug": self.slug})

    def local_date(self, moment):
        """The calendar date of ``moment`` on the outlet's clock: the date its story carries."""
        return moment.astimezone(zone(self.timezone)).date() if moment else None


class StrikeQuerySet(models.QuerySet):
    def active(self, on=None):
        """Strikes not over on ``on`` (today)."""
        on = on or timezone.localdate()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=on))

    def with_coverage_count(self):
        """Each strike with ``article_count``, its number of published articles."""
        return self.annotate(article_count=coverage_count())


class StrikeManager(models.Manager.from_queryset(StrikeQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Strike(models.Model):
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

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Strike, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:strike_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @property
    def is_active(self):
        return self.end_date is None or self.end_date >= timezone.localdate()


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
        """Set ``published_on`` again from ``published_at`` and each outlet's time zone."""
        articles = list(
            self.select_related("source").only("pk", "published_at", "source__timezone")
        )
        for article in articles:
            article.published_on = article.source.local_date(article.published_at)
        updated = self.model.objects.bulk_update(articles, ["published_on"], batch_size=1000)
        if updated:
            # The archive by month files stories by this date; a bulk update sends no model signal.
            announce_content_change(self.model, self.db)
        return updated


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    # Fields an import sets; an editor's change to one of these or to the status locks it
    # (``locked_fields``): re-imports then leave it alone.
    IMPORTED_FIELDS = ("headline", "byline", "published_at", "url", "paragraphs", "source")
    LOCKABLE_FIELDS = (*IMPORTED_FIELDS, "status")

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="articles")
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
    import_key = models.CharField(
        max_length=255,
        null=True,
        blank=True,
        unique=True,
        help_text="Identifies the file this article was imported from.",
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
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(headline=""), name="article_has_headline"),
            models.CheckConstraint(condition=~Q(slug=""), name="article_has_slug"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.headline, max_length=110, exclude_pk=self.pk)
        if self.status == self.Status.PUBLISHED and self.first_published_at is None:
            self.first_published_at = timezone.now()
        self.published_on = self.source.local_date(self.published_at) if self.source_id else None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"published_at", "source"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "published_on"}
        old_slug = getattr(self, "_loaded_slug", None)
        super().save(*args, **kwargs)
        if old_slug and old_slug != self.slug and self.first_published_at:
            # A published URL is permanent: the old one keeps answering, with a 301.
            Redirect.point(
                reverse("articles:article_detail", kwargs={"slug": old_slug}),
                self.get_absolute_url(),
            )
        self._loaded_slug = self.slug

    def get_absolute_url(self):
        return reverse("articles:article_detail", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_slug = instance.__dict__.get("slug")
        return instance

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

    def matching(self, name):
        """People whose name (any case) or one of whose recorded aliases is ``name``."""
        return self.filter(Q(name__iexact=name) | Q(aliases__contains=[name]))


class Person(AliasesMixin, models.Model):
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

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Person, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:person_detail", kwargs={"slug": self.slug})


class QuoteQuerySet(models.QuerySet):
    def published(self):
        """Quotes in published articles: see ``published_q``."""
        return self.filter(published_q("article__"))

    def machine_made(self):
        return self.filter(edited_by_editor=False)

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
        self.fingerprint = quote_fingerprint(self.text)
        if self.end_paragraph is None:
            self.end_paragraph = self.paragraph
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:quote_detail", kwargs={"pk": self.pk})

    @property
    def anchor(self):
        return f"p{self.paragraph}"


class Redirect(models.Model):
    """
    An old public path that now lives elsewhere: an article whose slug an
    editor changed after publication, a person or outlet merged into another.
    """

    old_path = models.CharField(max_length=300, unique=True)
    new_path = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_path"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(old_path=F("new_path")), name="redirect_goes_elsewhere"
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
        return reverse("articles:archived_copy", kwargs={"slug": self.article.slug, "pk": self.pk})

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
        indexes = [GinIndex(fields=["bands"], name="signature_bands_gin")]

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
