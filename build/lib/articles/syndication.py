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

from .ingest.syndication import containment, is_same_story, shingles, signature
from .models import SyndicatedCopy, TextSignature


def link_copies(article, *, force=False):
    """
    Recompute ``article``'s signature and its links to copies: when its text
    changed since the signature was taken, or with ``force``.
    """
    text_hash = hashlib.sha256("\n\n".join(article.paragraphs).encode()).hexdigest()
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
