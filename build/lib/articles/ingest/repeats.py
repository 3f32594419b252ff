"""
Text a page repeats, dropped: a lead paragraph that runs the whole article
together, duplicated blocks, pull quotes set near the paragraph they repeat.

Takes the story's paragraphs; gives the ones kept and, for each dropped, the
reason and the paragraph. A refrain or a bookend the writer repeats on
purpose (short, or far from its twin) is kept.
"""

import re

_WORD = re.compile(r"\w+")
SHINGLE = 5
PULL_QUOTE_MIN_WORDS = 8
# A pull quote is set near the paragraph it repeats; the same sentence opening a paragraph
# further away (the story's first and last paragraphs) is the writer's bookend.
PULL_QUOTE_MAX_DISTANCE = 4
DUPLICATE_MIN_WORDS = 12
# Where a sentence starts inside a paragraph.
_SENTENCE_START = re.compile(r"(?<=[.!?”’\"])\s+(?=[“‘\"]?[A-Z])")


def _shingles(paragraph):
    words = [w.casefold() for w in _WORD.findall(paragraph)]
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def drop_repeats(paragraphs):
    """
    Drop a paragraph that repeats the article: most of its word sequences
    reappear elsewhere and it contains at least two other paragraphs whole.
    Scrapers produce these when a page's summary or lead block runs the story
    together. Exact duplicate paragraphs go too (the first is kept), if long
    (``DUPLICATE_MIN_WORDS``) or right after their twin: a short one further on is a refrain.
    """
    dropped = []
    seen = set()
    unique = []
    last = None
    for paragraph in paragraphs:
        key = " ".join(w.casefold() for w in _WORD.findall(paragraph))
        # A long paragraph twice is the page rendering a block twice; a short one is a
        # refrain ("And still the trucks did not move."), unless it follows its twin.
        if (
            key in seen
            and len(key.split()) >= 4
            and (len(key.split()) >= DUPLICATE_MIN_WORDS or key == last)
        ):
            dropped.append(("repeated paragraph", paragraph))
            continue
        seen.add(key)
        last = key
        unique.append(paragraph)

    shingles = [_shingles(p) for p in unique]
    removed = set()
    for i in sorted(range(len(unique)), key=lambda i: -len(shingles[i])):
        own = shingles[i]
        if len(own) < 10:
            continue
        others = [shingles[j] for j in range(len(unique)) if j != i and j not in removed]
        if not others:
            continue
        elsewhere = set().union(*others)
        covered = len(own & elsewhere) / len(own)
        contained = sum(1 for s in others if s and len(s & own) / len(s) >= 0.8)
        if covered >= 0.6 and contained >= 2:
            removed.add(i)
            dropped.append(("repeats the rest of the article", unique[i]))
    return [p for i, p in enumerate(unique) if i not in removed], dropped


def drop_pull_quotes(paragraphs):
    """
    A pull quote repeats a sentence of the story in large type: a short paragraph
    whose words (at least ``PULL_QUOTE_MIN_WORDS``, punctuation aside) stand
    word for word, from a sentence's start, inside a longer paragraph (a whole
    sentence unless the copy is cut; the paragraph's first sentence, at most
    ``PULL_QUOTE_MAX_DISTANCE`` paragraphs away, unless the two stand side by side). It goes;
    the paragraph that holds the words stays. A short paragraph that only shares
    some words with another is story text.
    """
    words = [[w.casefold() for w in _WORD.findall(p)] for p in paragraphs]
    sentences = [
        [" ".join(w.casefold() for w in _WORD.findall(part)) for part in _SENTENCE_START.split(p)]
        for p in paragraphs
    ]
    kept, dropped = [], []
    for i, paragraph in enumerate(paragraphs):
        own = " ".join(words[i])
        # A pull quote cut from a longer sentence stops without a full stop ("... replaceable,”");
        # a whole sentence that opens a longer one ("They were not going back to work without a
        # contract." / "They were not going back ..., and 18 months later ...") is a refrain.
        # The words must open the paragraph that holds them, or stand next to it: a sentence
        # repeated from the middle of a paragraph further away is the writer's refrain.
        cut = not re.search(r"[.!?][”’\"')]*$", paragraph)
        pulled = (
            len(words[i]) >= PULL_QUOTE_MIN_WORDS
            and len(paragraph) <= 400
            and any(
                j != i
                and len(words[j]) > len(words[i])
                and any(
                    (sentence == own or (cut and sentence.startswith(own + " ")))
                    and (abs(i - j) == 1 or (k == 0 and abs(i - j) <= PULL_QUOTE_MAX_DISTANCE))
                    for k, sentence in enumerate(sentences[j])
                )
                for j in range(len(paragraphs))
            )
        )
        if pulled:
            dropped.append(("pull quote", paragraph))
        else:
            kept.append(paragraph)
    return kept, dropped
