"""
Keeping an article's Quote and Person rows in step with what the extractor
finds in its text.

The extractor (``articles.quotes``) knows nothing of the database; this layer
takes its findings for an article (``sync_quotes``), matches their speakers to
people already in the archive (``resolve_speaker``) and replaces the
article's machine-made quotes, leaving every quote an editor added or
corrected (moved to where its words now stand: ``reanchor``), and never
re-adding one an editor deleted (``suppress_quotes``).
"""

from django.db import transaction

from .ingest.anchoring import is_still_at, locate_quote
from .models import Article, Person, Quote, quote_fingerprint
from .quotes import extract_quotes, infer_side


def resolve_speaker(name, kind, *, description="", aliases=(), employer_names=()):
    """
    The Person for a speaker the extractor named: the same name (or a recorded
    alias) in another article is the same person. New spellings are kept as
    aliases; an empty description is filled in; an editor's choices stay.
    """
    spellings = [name, *aliases]
    person = (
        Person.objects.matching(name).order_by("pk").first()
        or Person.objects.filter(aliases__overlap=spellings).order_by("pk").first()
        or Person.objects.filter(name__in=aliases).order_by("pk").first()
    )
    if person is None:
        return Person.objects.create(
            name=name,
            kind=kind or Person.Kind.PERSON,
            description=description[:300],
            aliases=[a for a in dict.fromkeys(aliases) if a.casefold() != name.casefold()],
            side=infer_side(name, kind, description, employer_names=tuple(employer_names)),
        )
    changed = person.add_aliases(spellings)
    if description and not person.description:
        person.description = description[:300]
        changed = True
    if not person.side_set_by_editor and person.side == Person.Side.UNKNOWN:
        side = infer_side(
            person.name, person.kind, person.description, employer_names=tuple(employer_names)
        )
        if side != person.side:
            person.side = side
            changed = True
    if changed:
        person.save()
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


@transaction.atomic
def sync_quotes(article):
    """Re-extract an article's quotes; returns (created, kept) counts."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    employer_names = (
        (article.strike.employer,) if article.strike_id and article.strike.employer else ()
    )
    kept = list(article.quotes.checked())
    for quote in kept:
        if reanchor(quote, article.paragraphs):
            quote.save(update_fields=["paragraph", "start", "end_paragraph", "end", "updated_at"])
    kept_spans = [(q.paragraph, q.start, q.end_paragraph, q.end) for q in kept]
    suppressed = set(article.suppressed_quotes)

    article.quotes.machine_made().delete()
    created = 0
    speakers = {}
    for finding in extract_quotes(article.paragraphs):
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
        Quote.objects.create(
            article=article,
            paragraph=span[0],
            start=span[1],
            end_paragraph=span[2],
            end=span[3],
            text=finding.text,
            speaker=speaker,
            speaker_mention=finding.speaker_mention[:200],
            cue=finding.cue[:300],
            is_fragment=finding.is_fragment,
            confidence=max(0.0, min(1.0, finding.confidence)),
        )
        created += 1
    return created, len(kept)
