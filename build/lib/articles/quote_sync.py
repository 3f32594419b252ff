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

import operator
from functools import reduce

from django.db import transaction
from django.db.models import Case, Q, Value, When
from simple_history.utils import bulk_create_with_history

from .ingest.anchoring import is_still_at, locate_quote
from .ingest.identity import QuoteVersion, pair_quotes, successor
from .models import Article, Person, PersonQuerySet, Quote, Redirect, quote_fingerprint
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


def resolve_speaker(name, kind, *, description="", aliases=(), employer_names=()):
    """
    The Person for a speaker the extractor named: the same name (or a recorded
    alias) in another article is the same person. New spellings are kept as
    aliases; an empty description is filled in; an editor's choices stay.
    """
    spellings = [name, *aliases]
    person = _known_speaker(name, spellings, aliases)
    if person is None:
        return Person.objects.create(
            name=name,
            kind=kind or Person.Kind.PERSON,
            description=description[:300],
            aliases=[a for a in dict.fromkeys(aliases) if a.casefold() != name.casefold()],
            side=infer_side(name, kind, description, employer_names=tuple(employer_names)),
        )
    changed = ["aliases"] if person.add_aliases(spellings) else []
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
    if changed:
        # Only what changed: listeners such as search re-read what they keep of a person
        # (their names, in every quote of theirs) only when that is what changed.
        person.save(update_fields=[*changed, "updated_at"])
    return person


def _known_speaker(name, spellings, aliases):
    """
    The person a speaker already is, in one query: first whoever bears the
    name (or has it as an alias), else whoever has one of the spellings as an
    alias, else whoever is named one of the aliases; the oldest of each.
    """
    rules = [PersonQuerySet.bearing(name), Q(aliases__overlap=spellings)]
    if aliases:
        rules.append(Q(name__in=aliases))
    ranked = Case(*(When(rule, then=Value(rank)) for rank, rule in enumerate(rules)))
    matching = reduce(operator.or_, rules)
    return Person.objects.filter(matching).alias(rank=ranked).order_by("rank", "pk").first()


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


def _create_all(quotes, article):
    """
    Insert an article's new quotes in one statement, with their history
    records; a bulk insert sends no model signals, so the page cache and
    search are told here (``articles.signals``).
    """
    if not quotes:
        return
    bulk_create_with_history(quotes, Quote, batch_size=500)
    for quote in quotes:
        quote._loaded_speaker_id = quote.speaker_id
    announce_content_change(Quote)
    articles_written.send(sender=Quote, article_ids=[article.pk])


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


@transaction.atomic
def sync_quotes(article, *, speakers_to_place=None):
    """
    Re-extract an article's quotes; returns (found, kept) counts. The people
    quoted (and those no longer quoted) have their sides taken from their
    quotes (``take_sides``) at the end, or, given a set ``speakers_to_place``,
    are added to it for the caller to do so once for many articles.
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    strike = article.strike if article.strike_id else None
    employer_names = (strike.employer,) if strike and strike.employer else ()
    union_names = (strike.union,) if strike and strike.union else ()
    outlet = article.source.name if article.source_id else ""
    kept = list(article.quotes.checked())
    for quote in kept:
        if reanchor(quote, article.paragraphs):
            quote.save(update_fields=["paragraph", "start", "end_paragraph", "end", "updated_at"])
    kept_spans = [(q.paragraph, q.start, q.end_paragraph, q.end) for q in kept]
    suppressed = set(article.suppressed_quotes)

    found = []
    speakers = {}
    for finding in extract_quotes(
        article.paragraphs, employers=employer_names, unions=union_names, outlet=outlet
    ):
        span = (finding.paragraph + 1, finding.start, finding.end_paragraph + 1, finding.end)
        if any(_spans_overlap(span, other) for other in kept_spans):
            continue
        if quote_fingerprint(finding.text) in suppressed:
            continue
        speaker = None
        if finding.speaker_name:
            key = (finding.speaker_name, finding.speaker_kind)
            if key not in speakers:
                speakers[key] = resolve_speaker(
                    finding.speaker_name,
                    finding.speaker_kind,
                    description=finding.speaker_description,
                    aliases=finding.speaker_aliases,
                    employer_names=employer_names,
                )
            speaker = speakers[key]
        found.append(_found_values(finding, speaker))

    old = list(article.quotes.machine_made().select_related("speaker").in_text_order())
    pairs = pair_quotes(
        [QuoteVersion(q.text, q.paragraph, q.speaker_id) for q in old],
        [QuoteVersion(v["text"], v["paragraph"], v["speaker"] and v["speaker"].pk) for v in found],
    )
    continued = {j: i for i, j in pairs}
    rows = [
        _continue(old[continued[j]], values) if j in continued else _new_quote(article, values)
        for j, values in enumerate(found)
    ]
    _create_all([row for row in rows if row.pk is None], article)
    gone = [quote for i, quote in enumerate(old) if i not in continued.values()]
    versions = [QuoteVersion(row.text, row.paragraph, row.speaker_id) for row in rows]
    heirs = []
    for quote in gone:
        heir = successor(QuoteVersion(quote.text, quote.paragraph, quote.speaker_id), versions)
        heirs.append(rows[heir] if heir is not None else None)
    _retire(gone, heirs, article.is_public())
    speakers = {v["speaker"].pk for v in found if v["speaker"]} | {q.speaker_id for q in gone}
    if speakers_to_place is None:
        take_sides(speakers)
    else:
        speakers_to_place.update(speakers)
    return len(found), len(kept)


def take_sides(person_ids):
    """Each of these people's side from all their quotes in the archive (an
    editor's choice stays): one article calling someone "a striking nurse"
    places them for every article that quotes them."""
    Person.objects.filter(pk__in=[pk for pk in person_ids if pk]).take_sides_from_quotes()
