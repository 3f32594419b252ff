"""
Linking copies of one story: after an article's text is stored (import,
upload, fetch, an editor's correction), ``link_copies`` keeps its
``TextSignature`` and its ``SyndicatedCopy`` links up to date.

Takes an article; gives its links. Candidates are the articles sharing an
LSH band key with it (one query on the GIN index of ``TextSignature.bands``);
each candidate's text is then compared exactly (``containment``), and the
pairs over ``SAME_STORY`` are linked, whatever their outlets (a wire story in
six papers, or the same story imported twice). The quotes of the copies are
already linked by their identical words (``Quote.fingerprint``).
"""

import hashlib

from django.db.models.expressions import RawSQL

from .ingest.syndication import containment, is_same_story, shingles, signature
from .models import SyndicatedCopy, TextSignature

# The articles whose signatures share a band with any of many (a batch's thousands): one
# lookup in the bands' GIN index per band. ``bands && ARRAY[...]`` asks the same, but
# compares every band of every row it reads with every band asked (a seq scan of the
# signatures, slower with each one added), whenever the planner does not use the index.
SHARING_ANY_BAND = f"""
SELECT DISTINCT sharing.article_id
FROM unnest(%s::bigint[]) AS asked(band)
CROSS JOIN LATERAL (
    SELECT article_id FROM {TextSignature._meta.db_table} WHERE bands @> ARRAY[asked.band]
) AS sharing
"""


def _text_hash(paragraphs):
    return hashlib.sha256("\n\n".join(paragraphs).encode()).hexdigest()


def link_many(articles, *, new=frozenset(), reads=None):
    """
    ``link_copies`` of each of ``articles`` (a batch of an import). Those
    whose ids are in ``new`` (created in this transaction: no signature, no
    links yet) are signed and linked together: their signatures written in
    one statement, the candidates of all of them read in one query, and
    their links written in one statement; the others one by one.
    ``reads``: for some articles (by id), the ``articles.reading.Read`` of
    their file, whose signature is taken when it is of the same text.
    """
    reads = reads or {}
    fresh = [article for article in articles if article.pk in new]
    signed = []
    for article in fresh:
        read = reads.get(article.pk)
        taken, found = read.signature_for(article.paragraphs) if read else (False, None)
        if not taken:
            found = signature(article.paragraphs)
        if found is not None:
            signed.append((article, found, shingles(article.paragraphs)))
    TextSignature.objects.bulk_create(
        TextSignature(
            article=article,
            text_hash=_text_hash(article.paragraphs),
            shingles=found.shingles,
            minhash=found.minhash,
            bands=found.bands,
        )
        for article, found, _mine in signed
    )
    if signed:
        every_band = sorted({band for _article, found, _mine in signed for band in found.bands})
        candidates = list(
            TextSignature.objects.filter(
                article_id__in=RawSQL(SHARING_ANY_BAND, [every_band])
            ).values_list("article_id", "bands", "article__paragraphs")
        )
        by_band = {}
        for position, (_other_id, other_bands, _paragraphs) in enumerate(candidates):
            for band in other_bands:
                by_band.setdefault(band, set()).add(position)
        their_shingles = {}
        links = {}
        for article, found, mine in signed:
            sharing = set().union(*(by_band.get(band, ()) for band in found.bands))
            for position in sorted(sharing):
                other_id, _other_bands, paragraphs = candidates[position]
                if other_id == article.pk:
                    continue
                if position not in their_shingles:
                    their_shingles[position] = shingles(paragraphs)
                score = containment(mine, their_shingles[position])
                if is_same_story(score):
                    low, high = sorted((article.pk, other_id))
                    links[low, high] = round(score, 4)
        SyndicatedCopy.objects.bulk_create(
            SyndicatedCopy(article_id=low, other_id=high, similarity=similarity)
            for (low, high), similarity in sorted(links.items())
        )
    for article in articles:
        if article.pk not in new:
            link_copies(article)


def link_copies(article, *, force=False):
    """
    Recompute ``article``'s signature and its links to copies: when its text
    changed since the signature was taken, or with ``force``.
    """
    text_hash = _text_hash(article.paragraphs)
    stored = TextSignature.objects.filter(article=article).first()
    if stored is not None and stored.text_hash == text_hash and not force:
        return list(SyndicatedCopy.objects.involving(article))
    found = signature(article.paragraphs)
    if found is None:  # too short to tell a copy from a coincidence
        TextSignature.objects.filter(article=article).delete()
        SyndicatedCopy.objects.involving(article).delete()
        return []
    TextSignature.objects.update_or_create(
        article=article,
        defaults={
            "text_hash": text_hash,
            "shingles": found.shingles,
            "minhash": found.minhash,
            "bands": found.bands,
        },
    )
    mine = shingles(article.paragraphs)
    links = []
    candidates = (
        TextSignature.objects.filter(bands__overlap=found.bands)
        .exclude(article=article)
        .select_related("article")
        .only("article__paragraphs")
    )
    for candidate in candidates:
        score = containment(mine, shingles(candidate.article.paragraphs))
        if is_same_story(score):
            low, high = sorted((article.pk, candidate.article_id))
            link, _ = SyndicatedCopy.objects.update_or_create(
                article_id=low, other_id=high, defaults={"similarity": round(score, 4)}
            )
            links.append(link)
    SyndicatedCopy.objects.involving(article).exclude(pk__in=[link.pk for link in links]).delete()
    return links
