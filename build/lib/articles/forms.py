"""
Forms of the editors' admin. What they check and do beyond Django's own
lives with the importer and the ingest code; the forms call it:

- ``ArticleAddForm``: an article pasted or uploaded (.txt or a saved .html
  page; read by ``articles.ingest.submitted``, parsed once by
  ``articles.importer.parse_article_text``), with what the editor knows better
  than the parser. The admin stores what the form parsed.
- ``ArticleChangeForm``: the text as paragraphs separated by blank lines
  (``articles.ingest.paragraphs``), and optimistic locking
  (``articles.locking``): a save based on an out-of-date copy is refused with
  the difference shown (``articles.ingest.diff``), never silently written
  over someone else's work.
- ``QuoteInlineForm`` / ``QuoteForm``: a quote is anchored in the words of its
  article (``articles.ingest.anchoring``); editing or adding one finds those
  words again.
- ``PersonForm``, ``SourceForm``, ``StrikeForm``: lists edited one item a line.
- ``MergeForm``: which of several people or outlets survives a merge.
"""

from datetime import date, datetime, time, timedelta
from datetime import timezone as fixed_offset
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst

from . import locking
from .importer import (
    EDITOR_FIELDS,
    find_same_story,
    parse_article_text,
    publication_fields,
)
from .ingest import IngestError
from .ingest.anchoring import locate_quote
from .ingest.dates import Dated
from .ingest.diff import paragraph_diff
from .ingest.paragraphs import join_paragraphs, split_paragraphs
from .ingest.submitted import read_paste, read_upload
from .ingest.zones import is_zone_name, zone
from .models import Article, Person, Quote, Source, Strike

# How the "kept on re-import" boxes name the fields whose model names say less.
LOCK_LABELS = {"published_at": "Publication date", "paragraphs": "Text"}


def lockable_choices():
    """``Article.LOCKABLE_FIELDS`` as checkbox choices."""
    return [
        (name, LOCK_LABELS.get(name) or capfirst(Article._meta.get_field(name).verbose_name))
        for name in Article.LOCKABLE_FIELDS
    ]


class ParagraphsField(forms.CharField):
    """An ArrayField of paragraphs edited as text, one blank line between paragraphs."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.Textarea(attrs={"rows": 24, "class": "vLargeTextField paragraphs"})
        )
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return join_paragraphs(value)
        return value

    def to_python(self, value):
        return split_paragraphs(super().to_python(value) or "")

    def validate(self, value):
        if self.required and not value:
            raise ValidationError("The article needs at least one paragraph.", code="required")


class LinesField(forms.CharField):
    """An ArrayField of short strings (aliases, match terms) edited one per line."""

    def __init__(self, *, max_item_length=200, **kwargs):
        self.max_item_length = max_item_length
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3, "cols": 40}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "\n".join(value)
        return value

    def to_python(self, value):
        lines = (" ".join(line.split()) for line in (super().to_python(value) or "").splitlines())
        return list(dict.fromkeys(line for line in lines if line))

    def validate(self, value):
        super().validate(value)
        for item in value:
            if len(item) > self.max_item_length:
                raise ValidationError(
                    f"“{item[:40]}…” is longer than {self.max_item_length} characters.",
                    code="max_length",
                )


class OutletDateTimeWidget(AdminSplitDateTime):
    """Shows a date given without a time as that date, with the time left empty."""

    def decompress(self, value):
        if isinstance(value, date) and not isinstance(value, datetime):
            return [value, None]
        return super().decompress(value)


class OutletDateTimeField(forms.SplitDateTimeField):
    """
    Date and time as the outlet printed them, on its own clock; the time may be
    left out. Returns a naive datetime, or a date when the time was left out:
    the form places it on the outlet's clock (see ``OutletTimeMixin``).
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", OutletDateTimeWidget)
        super().__init__(require_all_fields=False, **kwargs)
        self.fields[0].required = True
        self.fields[1].required = False

    def compress(self, data_list):
        if not data_list or data_list[0] in self.empty_values:
            if data_list and data_list[1] not in self.empty_values:
                raise ValidationError("Give a date with the time.", code="invalid_date")
            return None
        if data_list[1] in self.empty_values:
            return data_list[0]
        return datetime.combine(data_list[0], data_list[1])


class OutletTimeMixin:
    """
    Publication times are read and shown on the clock the story was dated by
    (``Article.published_local``: the outlet's zone, or the offset it
    printed): an editor copies "5:25 a.m." from a Sacramento page, not its UTC
    equivalent. A date left without a time is a date alone, not midnight.
    """

    def show_in_outlet_time(self):
        instance = self.instance
        if instance.pk and instance.published_at:
            local = instance.published_local
            self.initial["published_at"] = (
                local.date() if instance.published_date_only else local.replace(tzinfo=None)
            )

    def place_in_outlet_time(self, zone_name, offset=None):
        """
        The editor's date as a ``Dated``, placed on the outlet's clock called
        ``zone_name`` (or, given ``offset`` minutes, on that printed one);
        ``cleaned_data["published_at"]`` becomes its moment. None when empty.
        """
        value = self.cleaned_data.get("published_at")
        if value is None:
            return None
        if offset is not None:
            clock = fixed_offset(timedelta(minutes=offset))
        else:
            clock = zone(zone_name)
        if isinstance(value, datetime):
            moment = value.replace(tzinfo=clock) if timezone.is_naive(value) else value
            dated = Dated(moment, stated_offset=moment.utcoffset() if offset is not None else None)
        else:
            dated = Dated(datetime.combine(value, time(0, 0), tzinfo=clock), has_time=False)
        self.cleaned_data["published_at"] = dated.moment
        return dated


# Optimistic locking ---------------------------------------------------------------


class VersionedModelForm(forms.ModelForm):
    """
    Carries the version of the row it was loaded at. Cleaning locks the row
    and refuses the save if someone saved since (``articles.locking``),
    keeping the editor's input and offering the current version so that
    saving again re-applies it. ``claim_version`` then bumps the version.
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Fields not listed when showing an editor how their input differs from the saved row.
    not_compared = frozenset({"loaded_version"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if self.instance.pk is not None:
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        current = locking.current_row(self.instance)
        if current is None:
            name = self.instance._meta.verbose_name
            raise ValidationError(
                f"Another editor deleted this {name} while you were editing it; nothing was saved.",
                code="deleted",
            )
        if cleaned_data.get("loaded_version") != current.version:
            self.conflict = self.describe_conflict(current)
            # Saving again now means "apply my version over theirs".
            self.data = self.data.copy()
            self.data[self.add_prefix("loaded_version")] = str(current.version)
            raise ValidationError(self.conflict_message(self.conflict), code="stale")
        return cleaned_data

    def describe_conflict(self, current):
        saved_by, saved_at = locking.last_saved(current)
        return locking.Conflict(
            verbose_name=str(self.instance._meta.verbose_name),
            current_version=current.version,
            saved_by=saved_by,
            saved_at=saved_at,
            text_diff=[],
            other_changes=self.changes_against(current),
        )

    def changes_against(self, current):
        """Fields where the saved row and this form's input differ: (label, saved, yours)."""
        changes = []
        for name, form_field in self.fields.items():
            if name in self.not_compared or name not in self.cleaned_data:
                continue
            try:
                saved = getattr(current, name)
            except AttributeError:
                continue
            yours = self.cleaned_data[name]
            if saved != yours:
                label = str(form_field.label or name)
                changes.append((label, locking.display(saved), locking.display(yours)))
        return changes

    def conflict_message(self, conflict):
        return conflict.message()

    def claim_version(self):
        """Bump the row's version if still the loaded one; raises StaleVersionError if not."""
        locking.claim_version(self.instance, self.cleaned_data.get("loaded_version"))


# Articles -----------------------------------------------------------------------


class ArticleChangeForm(OutletTimeMixin, VersionedModelForm):
    paragraphs = ParagraphsField(
        label="Text",
        help_text="One paragraph per block, with a blank line between paragraphs.",
    )
    published_at = OutletDateTimeField(
        label="Published",
        required=False,
        help_text="As the outlet dated it, on the outlet's own clock (its time zone is set on the source). "
        "The time may be left empty.",
    )
    locked_fields = forms.MultipleChoiceField(
        label="Kept on re-import",
        choices=lockable_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Fields a re-import of the source file leaves as they are. "
        "Fields you change are added when you save.",
    )
    correction_note = forms.CharField(
        label="Correction note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text="Shown, dated, on the public page when you change the text of a published article. "
        "Left empty: “The text of this article was corrected.”",
    )

    not_compared = frozenset({"loaded_version", "paragraphs", "correction_note", "locked_fields"})

    class Meta:
        model = Article
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.show_in_outlet_time()

    def clean(self):
        source = self.cleaned_data.get("source")
        if "published_at" not in self.changed_data:
            self.cleaned_data["published_at"] = self.instance.published_at
        else:
            # A new date is on the clock the old one was shown on: the printed offset while
            # the outlet stays, else the outlet's zone.
            instance = self.instance
            same_outlet = "source" not in self.changed_data
            offset = (
                instance.published_offset
                if same_outlet and not instance.published_date_only
                else None
            )
            dated = self.place_in_outlet_time(source.timezone if source else "UTC", offset)
            fields = publication_fields(dated)
            instance.published_offset = fields["published_offset"]
            instance.published_date_only = fields["published_date_only"]
        return super().clean()

    def describe_conflict(self, current):
        conflict = super().describe_conflict(current)
        yours = self.cleaned_data.get("paragraphs")
        if yours is not None:
            conflict.text_diff, conflict.unchanged_paragraphs = paragraph_diff(
                current.paragraphs, yours
            )
        return conflict


class ArticleAddForm(OutletTimeMixin, forms.ModelForm):
    """
    A new article from pasted text or an uploaded file. The fields below the
    text are optional: what the editor sets there wins over what the importer
    infers from the text, and is kept on later re-imports.
    """

    text = forms.CharField(
        label="Article text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 18, "class": "vLargeTextField"}),
        help_text="Paste the article: headline on the first line, then paragraphs separated by blank lines. "
        "Header lines may come first (Source:, Published:, URL:, Byline:, Strike:, Status:), "
        "as in files for import_articles.",
    )
    upload = forms.FileField(
        label="…or upload a file",
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": ".txt,.text,.html,.htm,text/plain,text/html"}
        ),
        help_text="A .txt file in the same format (UTF-8), or a web page saved as .html.",
    )
    # New coverage from the admin waits for an editor's look at its quotes: a draft,
    # published with one click on its review page ("Save and publish").
    status = forms.ChoiceField(
        label="Status",
        choices=[
            (Article.Status.DRAFT, "Draft: needs review (publish it from the review page)"),
            (Article.Status.PUBLISHED, "Published at once"),
        ],
        initial=Article.Status.DRAFT,
        help_text="Wins over a Status: line in the text.",
    )
    published_at = OutletDateTimeField(
        label="Published",
        required=False,
        help_text="On the outlet's own clock. Leave empty to take the date from the text.",
    )

    class Meta:
        model = Article
        fields = ["text", "upload", *EDITOR_FIELDS]
        help_texts = {
            "headline": "Leave empty to use the first line of the text (or the page's title).",
            "byline": "Leave empty to take it from the text.",
            "url": "Leave empty to take it from the text or the page.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("headline", "source", "strike", "byline", "url"):
            if name in self.fields:
                self.fields[name].required = False
        if "upload" in self.fields:
            limit = settings.STRIKEWATCH_MAX_UPLOAD_BYTES / 1024 / 1024
            self.fields["upload"].help_text += f" At most {limit:g} MB."
        if "source" in self.fields:
            self.fields["source"].help_text = "Leave empty to recognise the outlet from the text."
        if "strike" in self.fields:
            self.fields[
                "strike"
            ].help_text = "Leave empty to match the article to a strike from its text."
        # What clean() read and parsed: the admin stores exactly this.
        self.submission = None
        self.parsed = None
        self.overrides = {}

    def clean(self):
        cleaned_data = super().clean()
        text, upload = cleaned_data.get("text") or "", cleaned_data.get("upload")
        if self.errors.get("upload"):
            return cleaned_data
        if text.strip() and upload:
            raise ValidationError("Paste the text or upload a file, not both.", code="both")
        if not text.strip() and not upload:
            raise ValidationError("Paste the article's text or upload a file.", code="empty")
        where = "upload" if upload else "text"
        limit = settings.STRIKEWATCH_MAX_UPLOAD_BYTES
        headline = cleaned_data.get("headline") or ""
        try:
            if upload:
                self.submission = read_upload(
                    upload.name, upload, size=upload.size, max_bytes=limit, headline=headline
                )
            else:
                self.submission = read_paste(text, max_bytes=limit, headline=headline)
            self.overrides = {
                name: cleaned_data[name]
                for name in EDITOR_FIELDS
                if name in cleaned_data and cleaned_data[name] not in (None, "")
            }
            self.parsed = parse_article_text(self.submission.text, overrides=self.overrides)
        except IngestError as error:
            self.add_error(where, _ingest_message(error, upload))
            return cleaned_data
        source = cleaned_data.get("source")
        outlet = self.parsed.outlet
        dated = self.place_in_outlet_time(
            source.timezone if source else outlet.timezone if outlet else "UTC"
        )
        if "published_at" in self.overrides:
            self.overrides["published_at"] = dated
        self._refuse_duplicates(where)
        return cleaned_data

    def _refuse_duplicates(self, where):
        """The same story already in the archive (``find_same_story``): added once, never twice."""
        parsed = self.parsed
        if self.overrides.get("url"):
            parsed.url = self.overrides["url"]
        if self.overrides.get("headline"):
            parsed.headline = self.overrides["headline"]
        match = find_same_story(
            parsed,
            source=self.overrides.get("source"),
            content_hash=self.submission.content_hash,
        )
        if match is None:
            return
        url = reverse("admin:articles_article_change", args=[match.article.pk])
        link = format_html('<a href="{}">{}</a>', url, match.article.headline)
        if match.because == "the same text":
            self.add_error(where, format_html("This text is already in the archive: {}.", link))
        elif match.because == "the same original URL":
            self.add_error(
                "url" if "url" in self.overrides else where,
                format_html(
                    "An article from this original URL is already in the archive: {}.", link
                ),
            )
        else:
            self.add_error(
                where,
                format_html(
                    "This is the same story as {}, already in the archive ({}).",
                    link,
                    match.because,
                ),
            )


def _ingest_message(error, upload):
    """An IngestError as a form error: "notes.pdf: file looks binary, not text." """
    reason = str(error).rstrip()
    if not reason.endswith((".", "!", "?")):
        reason += "."
    if upload is not None:
        return f"{PurePath(upload.name).name}: {reason}"
    return reason[:1].upper() + reason[1:]


# Quotes -------------------------------------------------------------------------


class QuoteFormMixin:
    """Anchors a new or edited quote's text in its article's paragraphs."""

    not_found_message = (
        "These words are not in the article’s text. Copy the quotation exactly as it appears "
        "(without the quotation marks; a quote running over several paragraphs with a blank line between them)."
    )

    def forget_the_first_speakers_side(self):
        """A quote an editor gives to someone else no longer carries the side
        its article gave the first speaker (unless the editor sets one)."""
        if not self.instance.pk or "speaker" not in self.changed_data:
            return
        if "side" in self.fields:
            if "side" not in self.changed_data:
                self.cleaned_data["side"] = ""
        else:
            self.instance.side = ""
        self.instance.side_evidence = []

    def anchor_quote(self, article):
        text = self.cleaned_data.get("text")
        if not text or article is None:
            return
        self.cleaned_data["text"] = join_paragraphs(split_paragraphs(text))
        if self.instance.pk and "text" not in self.changed_data:
            return  # unchanged words keep their place (re-extraction re-anchors them after text edits)
        span = locate_quote(
            text, article.paragraphs, near=self.instance.paragraph if self.instance.pk else None
        )
        if span is None:
            self.add_error("text", self.not_found_message)
            return
        (
            self.instance.paragraph,
            self.instance.start,
            self.instance.end_paragraph,
            self.instance.end,
        ) = span


class QuoteInlineForm(QuoteFormMixin, VersionedModelForm):
    # Set by the formset when the quote this row was loaded with no longer exists.
    gone = False
    gone_message = (
        "This quote was removed after you opened the page (by re-extraction or another editor). "
        "It is left out; add it again if it is still needed."
    )

    class Meta:
        model = Quote
        fields = ["text", "speaker", "is_fragment", "edited_by_editor"]
        labels = {"edited_by_editor": "Checked"}
        help_texts = {
            "edited_by_editor": "Checked by an editor: re-extraction leaves this quote as it is. "
            "Any change you make ticks it.",
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "cols": 60})}

    def clean(self):
        if self.gone:
            raise ValidationError(self.gone_message, code="gone")
        cleaned_data = super().clean()
        # The formset gives every form its article, with the text as submitted on the same page.
        try:
            article = self.instance.article
        except Article.DoesNotExist:
            article = None
        self.anchor_quote(article)
        self.forget_the_first_speakers_side()
        return cleaned_data

    def conflict_message(self, conflict):
        return (
            f"{conflict.saved_by} changed this quote after you opened the page. Your changes to it were not "
            "saved; saving again will replace theirs with yours."
        )


class QuoteForm(QuoteFormMixin, VersionedModelForm):
    """A quote edited or added on its own page (not inline)."""

    class Meta:
        model = Quote
        fields = [
            "article",
            "text",
            "speaker",
            "speaker_mention",
            "cue",
            "is_fragment",
            "side",
            "edited_by_editor",
        ]
        labels = {"edited_by_editor": "Checked"}
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "cols": 80})}

    def clean(self):
        cleaned_data = super().clean()
        article = cleaned_data.get("article") or (
            self.instance.article if self.instance.article_id else None
        )
        self.anchor_quote(article)
        self.forget_the_first_speakers_side()
        return cleaned_data


# People, outlets, strikes ---------------------------------------------------------


class PersonForm(forms.ModelForm):
    aliases = LinesField(help_text="Other spellings seen in the coverage, one per line.")

    class Meta:
        model = Person
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # Person.save() makes a unique slug from the name when none is given.
            self.fields["slug"].required = False
            self.fields[
                "slug"
            ].help_text = "Part of the person's web address; made from the name if left empty."


class SourceForm(forms.ModelForm):
    aliases = LinesField(help_text="Other names the outlet goes by (e.g. “The Bee”), one per line.")

    class Meta:
        model = Source
        fields = "__all__"

    def clean_timezone(self):
        name = self.cleaned_data["timezone"]
        if not is_zone_name(name):
            raise ValidationError(
                f"“{name}” is not a time zone name; use one like America/Los_Angeles.",
                code="invalid",
            )
        return name


class StrikeForm(forms.ModelForm):
    match_terms = LinesField(
        max_item_length=100,
        help_text="Names in an article's text that tie it to this strike on import (e.g. the employer), "
        "one per line.",
    )

    class Meta:
        model = Strike
        fields = "__all__"


# Merging ------------------------------------------------------------------------


class MergeForm(forms.Form):
    """Pick the survivor among the selected records."""

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"] = forms.ModelChoiceField(
            queryset=queryset,
            widget=forms.RadioSelect,
            empty_label=None,
            label="Keep",
            error_messages={"required": "Choose which one to keep."},
        )


class ArticleByUrlForm(forms.Form):
    """
    The admin's "Add by URL": the address of a story, and what the editor
    already knows. The page is fetched in the background (``articles.tasks``).
    """

    url = forms.URLField(
        label="Address of the story",
        max_length=2000,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "vURLField", "autofocus": True}),
        help_text="The page is fetched, kept as an archived copy, and read like an uploaded page.",
    )
    status = forms.ChoiceField(
        choices=Article.Status.choices,
        initial=Article.Status.DRAFT,
        help_text="A draft appears on no public page until an editor publishes it.",
    )
    strike = forms.ModelChoiceField(
        queryset=Strike.objects.all(),
        required=False,
        help_text="Leave empty to match the article to a strike from its text.",
    )

    def task_arguments(self):
        """What the background task is given: JSON, so the strike travels as its id."""
        strike = self.cleaned_data.get("strike")
        return {
            "url": self.cleaned_data["url"],
            "status": self.cleaned_data["status"],
            "overrides": {"strike": strike.pk} if strike else {},
        }
