"""
Keeping an article's Quote and Person rows in step with what the extractor
finds in its text.

The extractor (``articles.quotes``) knows nothing of the database; this layer
takes its findings for an article (``sync_quotes``), matches their speakers to
people already in the archive (``resolve_speaker``) and brings the article's
machine-made quotes up to date, leaving every quote an editor added or
corrected (moved to where its words now stand: ``reanchor``), and never
re-adding one an editor deleted (``suppress_quotes``).

A quote is cited by its URL, so it keeps its row and id for as long as its
words stay: each finding is matched to the old quote it continues (the same
words anywhere, or nearly the same from the same speaker nearby:
``articles.ingest.identity.pair_quotes``) and that row is updated. Only a
new quote gets a new id; one whose words went answers 301 to the quote it
was split or merged into, or 410 with what it said (``articles.withdrawals``).
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from .ingest.anchoring import is_still_at, locate_quote
from .ingest.identity import QuoteVersion, pair_quotes, successor
from .models import Article, Person, Quote, Redirect, quote_fingerprint, unique_slugs
from .quotes import extract_quotes, infer_side
from .signals import announce_content_change, articles_written
from .withdrawals import QUOTE_CORRECTED_AWAY, withdraw_quotes, withdraw_unquoted

# What a machine-made quote takes from each finding when it is matched again.
FOUND_FIELDS = (
    "paragraph",
    "start",
    "end_paragraph",
    "end",
    "text",
    "speaker",
    "speaker_mention",
    "cue",
    "is_fragment",
    "confidence",
    "side",
    "side_evidence",
)


class Speakers:
    """
    The people quoted in a run of articles, resolved as ``resolve_speaker``
    resolves one: the candidates for every name of the run are read in one
    query (``read``), each speaker is then matched in memory, in the order of
    the articles, and ``save`` writes the new people (in one statement) and
    the changed ones. A speaker named twice in the run is one person.
    """

    def __init__(self):
        self.people = []  # the candidates read, then the people added, in that order
        self.new = []
        self.changed = {}  # person: the fields changed
        # Who bears each name (folded) and each alias, who is named exactly so: positions
        # in ``people``, kept as aliases are added.
        self.by_name, self.by_alias, self.by_exact_name = {}, {}, {}

    def _add(self, person):
        position = len(self.people)
        self.people.append(person)
        self.by_name.setdefault(person.name.upper(), []).append(position)
        self.by_exact_name.setdefault(person.name, []).append(position)
        for alias in person.aliases:
            self.by_alias.setdefault(alias, []).append(position)

    def _aliases_added(self, person, before):
        position = self.people.index(person)
        for alias in person.aliases[len(before) :]:
            self.by_alias.setdefault(alias, []).append(position)

    def read(self, spellings):
        """Read every person who could be one of ``spellings`` (names and aliases)."""
        spellings = sorted({name for name in spellings if name})
        if not spellings:
            return
        lowered = sorted({name.lower() for name in spellings})
        known = {person.pk for person in self.people}
        candidates = (
            Person.objects.alias(lowered_name=Lower("name"))
            .filter(
                Q(lowered_name__in=lowered) | Q(aliases__overlap=spellings) | Q(name__in=spellings)
            )
            .order_by("pk")
        )
        for person in candidates:
            if person.pk not in known:
                self._add(person)

    def resolve(self, name, kind, *, description="", aliases=(), employer_names=()):
        """The Person for a speaker the extractor named (see ``resolve_speaker``)."""
        spellings = [name, *aliases]
        person = self._known(name, spellings, aliases)
        if person is None:
            person = Person(
                name=name,
                kind=kind or Person.Kind.PERSON,
                description=description[:300],
                aliases=[a for a in dict.fromkeys(aliases) if a.casefold() != name.casefold()],
                side=infer_side(name, kind, description, employer_names=tuple(employer_names)),
            )
            self._add(person)
            self.new.append(person)
            return person
        before = list(person.aliases)
        changed = []
        if person.add_aliases(spellings):
            changed.append("aliases")
            self._aliases_added(person, before)
        if description and not person.description:
            person.description = description[:300]
            changed.append("description")
        if not person.side_set_by_editor and person.side == Person.Side.UNKNOWN:
            side = infer_side(
                person.name, person.kind, person.description, employer_names=tuple(employer_names)
            )
            if side != person.side:
                person.side = side
                changed.append("side")
        if changed and person.pk is not None:
            self.changed.setdefault(person, set()).update(changed)
        return person

    def _known(self, name, spellings, aliases):
        """
        The person a speaker already is: first whoever bears the name (any
        case) or has it as an alias, else whoever has one of the spellings as
        an alias, else whoever is named one of the aliases; the oldest of each
        (``PersonQuerySet.bearing``, asked of the people read).
        """
        ranks = (
            [*self.by_name.get(name.upper(), ()), *self.by_alias.get(name, ())],
            [position for spelling in spellings for position in self.by_alias.get(spelling, ())],
            [position for alias in aliases for position in self.by_exact_name.get(alias, ())],
        )
        for positions in ranks:
            if positions:
                return self.people[min(positions)]
        return None

    def save(self):
        """
        Write the new people (one statement, their slugs chosen together) and
        the changes: a change of name or aliases with ``save`` (search re-reads
        their quotes), others together.
        """
        if self.new:
            slugs = unique_slugs(
                Person, [person.name for person in self.new], max_length=Person.slug_max_length
            )
            for person, slug in zip(self.new, slugs, strict=True):
                person.slug = slug
            bulk_create_with_history(self.new, Person, batch_size=500)
            for person in self.new:
                person.slug_stored()
            announce_content_change(Person)
            self.new = []
        together, fields = [], {"updated_at"}
        for person, changed in self.changed.items():
            if "aliases" in changed:
                person.save(update_fields=[*sorted(changed), "updated_at"])
            else:
                together.append(person)
                fields.update(changed)
        if together:
            now = timezone.now()
            for person in together:
                person.updated_at = now
            bulk_update_with_history(together, Person, sorted(fields), batch_size=500)
            announce_content_change(Person)
        self.changed = {}


def resolve_speaker(name, kind, *, description="", aliases=(), employer_names=()):
    """
    The Person for a speaker the extractor named: the same name (or a recorded
    alias) in another article is the same person. New spellings are kept as
    aliases; an empty description is filled in; an editor's choices stay.
    """
    speakers = Speakers()
    speakers.read([name, *aliases])
    person = speakers.resolve(
        name, kind, description=description, aliases=aliases, employer_names=employer_names
    )
    speakers.save()
    return person


def _spans_overlap(a, b):
    return (a[0], a[1]) < (b[2], b[3]) and (b[0], b[1]) < (a[2], a[3])


def reanchor(quote, paragraphs):
    """
    Point an editor's quote at its text again after the article's paragraphs
    changed: where its words still stand, else where they stand nearest its
    old paragraph. Returns False when the text is no longer in the article
    (the quote is kept; its position is left for the editor to fix).
    """
    if is_still_at(quote.text, paragraphs, quote.paragraph, quote.start):
        return True
    span = locate_quote(quote.text, paragraphs, near=quote.paragraph)
    if span is None:
        return False
    quote.paragraph, quote.start, quote.end_paragraph, quote.end = span
    return True


def suppress_quotes(quotes):
    """Remember deleted quotes on their articles, so that re-extraction does not bring them back."""
    by_article = {}
    for quote in quotes:
        by_article.setdefault(quote.article_id, set()).add(
            quote.fingerprint or quote_fingerprint(quote.text)
        )
    for article_id, fingerprints in by_article.items():
        article = Article.objects.select_for_update().get(pk=article_id)
        suppressed = sorted((set(article.suppressed_quotes) | fingerprints) - {""})
        Article.objects.filter(pk=article_id).update(suppressed_quotes=suppressed)


def _found_values(finding, speaker):
    return {
        "paragraph": finding.paragraph + 1,
        "start": finding.start,
        "end_paragraph": finding.end_paragraph + 1,
        "end": finding.end,
        "text": finding.text,
        "speaker": speaker,
        "speaker_mention": finding.speaker_mention[:200],
        "cue": finding.cue[:300],
        "is_fragment": finding.is_fragment,
        "confidence": max(0.0, min(1.0, finding.confidence)),
        "side": finding.side if speaker else "",
        "side_evidence": list(finding.side_evidence) if speaker else [],
    }


def _continue(quote, values):
    """Bring a matched quote up to date in place: same row, same id, same URL."""
    changed = [name for name in FOUND_FIELDS if getattr(quote, name) != values[name]]
    if not changed:
        return quote
    for name in changed:
        setattr(quote, name, values[name])
    quote.version += 1
    quote.save()
    return quote


def _new_quote(article, values):
    """A quote to create in bulk, with what ``Quote.save`` would fill in."""
    quote = Quote(article=article, **values)
    quote.fill_in()
    return quote


def _create_all(quotes):
    """
    Insert new quotes in one statement, with their history records; a bulk
    insert sends no model signals, so the page cache and search are told
    here (``articles.signals``).
    """
    if not quotes:
        return
    bulk_create_with_history(quotes, Quote, batch_size=500)
    for quote in quotes:
        quote._loaded_speaker_id = quote.speaker_id
    announce_content_change(Quote)
    articles_written.send(sender=Quote, article_ids=sorted({quote.article_id for quote in quotes}))


def _retire(quotes, heirs, article_is_public):
    """
    Delete quotes whose words are gone; each page answers 301 to its heir (the
    quote it was split or merged into) or 410 with what it said.
    """
    if article_is_public:
        for quote, heir in zip(quotes, heirs, strict=True):
            if heir is not None:
                Redirect.point(quote.get_absolute_url(), heir.get_absolute_url())
        orphans = [quote for quote, heir in zip(quotes, heirs, strict=True) if heir is None]
        withdraw_quotes(orphans, QUOTE_CORRECTED_AWAY)
    for quote in quotes:
        quote._withdrawn = True
        quote.delete()
    if article_is_public:
        withdraw_unquoted(quote.speaker_id for quote in quotes)


class _Sync:
    """One article's re-extraction, in the steps ``sync_many`` takes for all of them."""

    def __init__(self, article, is_new, read=None):
        self.is_new = is_new
        if is_new:  # created in this transaction: nobody else sees it, it has no quotes yet
            self.article, self.kept = article, []
        else:
            self.article = Article.objects.select_for_update().get(pk=article.pk)
            self.kept = list(self.article.quotes.checked())
            for quote in self.kept:
                if reanchor(quote, self.article.paragraphs):
                    quote.save(
                        update_fields=["paragraph", "start", "end_paragraph", "end", "updated_at"]
                    )
        article = self.article
        strike = article.strike if article.strike_id else None
        self.employers = (strike.employer,) if strike and strike.employer else ()
        unions = (strike.union,) if strike and strike.union else ()
        outlet = article.source.name if article.source_id else ""
        kept_spans = [(q.paragraph, q.start, q.end_paragraph, q.end) for q in self.kept]
        suppressed = set(article.suppressed_quotes)
        found = None
        if read is not None:  # extracted as the file was read, if from the same text and parties
            found = read.findings_for(
                article.paragraphs, employers=self.employers, unions=unions, outlet=outlet
            )
        if found is None:
            found = extract_quotes(
                article.paragraphs, employers=self.employers, unions=unions, outlet=outlet
            )
        self.findings = [
            finding
            for finding in found
            if not any(
                _spans_overlap(
                    (finding.paragraph + 1, finding.start, finding.end_paragraph + 1, finding.end),
                    other,
                )
                for other in kept_spans
            )
            and quote_fingerprint(finding.text) not in suppressed
        ]

    def spellings(self):
        for finding in self.findings:
            if finding.speaker_name:
                yield finding.speaker_name
                yield from finding.speaker_aliases

    def resolve(self, speakers):
        """The findings' values, their speakers resolved (in the article's order)."""
        resolved = {}
        self.found = []
        for finding in self.findings:
            speaker = None
            if finding.speaker_name:
                key = (finding.speaker_name, finding.speaker_kind)
                if key not in resolved:
                    resolved[key] = speakers.resolve(
                        finding.speaker_name,
                        finding.speaker_kind,
                        description=finding.speaker_description,
                        aliases=finding.speaker_aliases,
                        employer_names=self.employers,
                    )
                speaker = resolved[key]
            self.found.append(_found_values(finding, speaker))

    def rows(self):
        """Matched quotes updated in place; the new ones returned, to be created."""
        article = self.article
        self.old = (
            []
            if self.is_new
            else list(article.quotes.machine_made().select_related("speaker").in_text_order())
        )
        pairs = pair_quotes(
            [QuoteVersion(q.text, q.paragraph, q.speaker_id) for q in self.old],
            [
                QuoteVersion(v["text"], v["paragraph"], v["speaker"] and v["speaker"].pk)
                for v in self.found
            ],
        )
        self.continued = {j: i for i, j in pairs}
        self.stored = [
            _continue(self.old[self.continued[j]], values)
            if j in self.continued
            else _new_quote(article, values)
            for j, values in enumerate(self.found)
        ]
        return [row for row in self.stored if row.pk is None]

    def retire(self):
        """Quotes whose words went are retired; returns the people concerned."""
        gone = [quote for i, quote in enumerate(self.old) if i not in self.continued.values()]
        versions = [QuoteVersion(row.text, row.paragraph, row.speaker_id) for row in self.stored]
        heirs = []
        for quote in gone:
            heir = successor(QuoteVersion(quote.text, quote.paragraph, quote.speaker_id), versions)
            heirs.append(self.stored[heir] if heir is not None else None)
        if gone:
            _retire(gone, heirs, self.article.is_public())
        return {v["speaker"].pk for v in self.found if v["speaker"]} | {q.speaker_id for q in gone}


@transaction.atomic
def sync_many(articles, *, new=frozenset(), speakers_to_place=None, reads=None):
    """
    Re-extract the quotes of ``articles`` (a batch of an import, or one);
    returns a (found, kept) count for each. ``new``: the ids of articles
    created in this transaction, which have no quotes to compare with. The
    speakers of all of them are resolved together (``Speakers``) and the new
    quotes written in one statement. The people quoted (and those no longer
    quoted) have their sides taken from their quotes (``take_sides``) at the
    end, or, given a set ``speakers_to_place``, are added to it for the caller
    to do so once for many batches. ``reads``: for some articles (by id), the
    ``articles.reading.Read`` of their file, whose quotes are taken when they
    were extracted from the same text with the same parties.
    """
    reads = reads or {}
    syncs = [_Sync(article, article.pk in new, reads.get(article.pk)) for article in articles]
    speakers = Speakers()
    speakers.read(spelling for sync in syncs for spelling in sync.spellings())
    for sync in syncs:
        sync.resolve(speakers)
    speakers.save()
    _create_all([row for sync in syncs for row in sync.rows()])
    placed = set()
    for sync in syncs:
        placed |= sync.retire()
    if speakers_to_place is None:
        take_sides(placed)
    else:
        speakers_to_place.update(placed)
    return [(len(sync.found), len(sync.kept)) for sync in syncs]


def sync_quotes(article, *, speakers_to_place=None):
    """
    Re-extract an article's quotes; returns (found, kept) counts
    (``sync_many`` of one article).
    """
    return sync_many([article], speakers_to_place=speakers_to_place)[0]


def take_sides(person_ids):
    """Each of these people's side from all their quotes in the archive (an
    editor's choice stays): one article calling someone "a striking nurse"
    places them for every article that quotes them."""
    Person.objects.filter(pk__in=[pk for pk in person_ids if pk]).take_sides_from_quotes()
