"""
The archive's own names — the people quoted, the outlets, the strikes'
employers and unions — for reading a query that names someone.

Takes the words of a query; gives the people it names (``people_named``,
the "People" block above results) and, for words spelt unlike any name or
word in the archive, the name they most likely meant, spelt and capitalised
as the archive spells it (``name_corrections``: "Sorokin" → "Soroken",
"kaiser permanante" → "Kaiser Permanente").

A word is close to a name's word under the rule ``speaker:`` searches use
(``search.analysis.speaker_edit_distance``: the same first letter, one edit
from four letters on, two from seven, a swap of neighbouring letters being
one), so a misspelt name is found the same way everywhere. Matching runs
over the archive's names only, never the dictionary of running text: a name
is corrected to a name, never to a common word.

The names are read once and kept in the process, dropped with the outlet and
speaker labels (``search.labels``: on any content change, when the site's
shared generation moves, and after ``labels.MAX_AGE`` seconds).
"""

from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from articles.models import Person, Source, Strike
from articles.quotes.lexicon import ORG_WORDS

from . import labels
from .analysis import fold, plain_words, speaker_edit_distance

PEOPLE_LIMIT = 5
MIN_WORD_CHARS = 3  # shorter words ("al", "de") name nobody on their own


@dataclass(frozen=True)
class Name:
    """One way the archive writes a name: its words as spelt, and folded for matching."""

    spelled: tuple
    folded: tuple
    person_id: int | None = None  # a quoted person's name or alias
    organization: bool = False

    @property
    def distinctive(self):
        """An organisation's own words: "Kaiser", "Permanente"; not "Union" or "Workers"."""
        return [w for w in self.folded if len(w) >= 4 and w not in ORG_WORDS]


def _name(text, person_id=None, organization=False):
    words = tuple(word for word in plain_words(text or "") if not word.isdigit())
    if not words:
        return None
    return Name(words, tuple(fold(word) for word in words), person_id, organization)


class _Vocabulary:
    """Every name, and each distinct folded word of them (what fuzzy matching runs over)."""

    def __init__(self, names):
        self.names = names
        self.spelling = {}  # folded word -> the spelling most names give it
        seen = {}
        for name in names:
            for spelled, folded in zip(name.spelled, name.folded, strict=True):
                counts = seen.setdefault(folded, {})
                counts[spelled] = counts.get(spelled, 0) + 1
        for folded, counts in seen.items():
            # Prefer a capitalised spelling ("Permanente") over a lower-case one.
            self.spelling[folded] = max(counts, key=lambda s: (s[:1].isupper(), counts[s], s))
        self.words = sorted(self.spelling)
        # folded word -> the names holding it: a name is only named (or corrected to)
        # through its words, so a query reads the names of the words it reaches.
        self.names_with = {}
        for place, name in enumerate(names):
            for word in dict.fromkeys(name.folded):
                self.names_with.setdefault(word, []).append((place, name))

    def names_reached(self, words):
        """The names holding any of ``words``, each once, in ``names`` order."""
        found = {place: name for word in words for place, name in self.names_with.get(word, ())}
        return [found[place] for place in sorted(found)]

    def close(self, word):
        """{folded name word: edits} for the name words within reach of ``word`` (itself at 0)."""
        limit = speaker_edit_distance(word)
        if not limit:
            return {word: 0} if word in self.spelling else {}
        found = process.extract(
            word, self.words, scorer=OSA.distance, score_cutoff=limit, limit=None
        )
        return {choice: int(edits) for choice, edits, _ in found if choice[:1] == word[:1]}


def _load():
    names = []
    people = Person.objects.quoted().values_list("pk", "name", "aliases", "kind")
    for pk, name, aliases, kind in people:
        organization = kind == Person.Kind.ORGANIZATION
        names.extend(_name(text, pk, organization) for text in [name, *(aliases or [])])
    for name, aliases in Source.objects.values_list("name", "aliases"):
        names.extend(_name(text) for text in [name, *(aliases or [])])
    for employer, union in Strike.objects.values_list("employer", "union"):
        names.extend([_name(employer), _name(union)])
    return _Vocabulary([name for name in names if name is not None])


_kept = labels.Kept(_load)


def forget(**signal_kwargs):
    """Drop the kept names (receives ``articles.signals.content_changed``; tests)."""
    _kept.forget()


def _query_words(words):
    return [fold(word) for word in words if len(word) >= MIN_WORD_CHARS]


def people_named(words, limit=PEOPLE_LIMIT):
    """
    The quoted people the words name, best first: a person is named when a
    word is (or is close to) their surname, or a recorded alias, or when
    every word of their name is there; an organisation by a word of its own
    ("Permanente") or all of its name's words ("Workers" names no union). A
    first name alone names nobody.
    """
    folded = _query_words(words)
    if not folded:
        return []
    vocabulary = _kept.get()
    reach = {}  # folded name word -> fewest edits from a query word
    for word in folded:
        for name_word, edits in vocabulary.close(word).items():
            reach[name_word] = min(edits, reach.get(name_word, edits))
    if not reach:
        return []
    scores = {}
    for name in vocabulary.names_reached(reach):
        if name.person_id is None:
            continue
        needed = [w for w in name.folded if len(w) >= MIN_WORD_CHARS] or list(name.folded)
        if name.organization:
            named = all(w in reach for w in needed) or any(w in reach for w in name.distinctive)
        else:
            named = all(w in reach for w in needed) or name.folded[-1] in reach
        if not named:
            continue
        matched = [w for w in name.folded if w in reach]
        score = (len(matched), -sum(reach[w] for w in matched))
        if score > scores.get(name.person_id, (0, 0)):
            scores[name.person_id] = score
    if not scores:
        return []
    best = sorted(scores, key=lambda pk: scores[pk], reverse=True)
    people = {
        person.pk: person
        for person in Person.objects.filter(pk__in=best).only(
            "pk", "name", "slug", "description", "side"
        )
    }
    ranked = sorted(
        (people[pk] for pk in best if pk in people),
        key=lambda person: (tuple(-n for n in scores[person.pk]), person.name),
    )
    return ranked[:limit]


def name_corrections(words, *, is_known=lambda word: False):
    """
    {word as typed: the name's word as the archive spells it} for the query's
    words that misspell a name. A run of words spelling a whole name with a
    mistake is corrected as that name, its correct words recapitalised
    ("kaiser permanante" → "Kaiser Permanente"); a lone word is corrected only
    when ``is_known(word)`` says the archive does not have it as it is.
    """
    vocabulary = _kept.get()
    typed = list(words)
    folded = [fold(word) for word in typed]
    reach = [vocabulary.close(word) if len(word) >= MIN_WORD_CHARS else {} for word in folded]
    corrections = {}
    taken = set()
    # Whole names first, longest first: each word of the run close to the name's word.
    reached = vocabulary.names_reached({word for close in reach for word in close})
    for name in sorted(reached, key=lambda n: -len(n.folded)):
        size = len(name.folded)
        if size < 2:
            break
        for start in range(len(typed) - size + 1):
            window = range(start, start + size)
            if any(i in taken for i in window):
                continue
            edits = [reach[i].get(name.folded[i - start]) for i in window]
            if None in edits or not any(edits):
                continue
            for i in window:
                corrections[typed[i]] = name.spelled[i - start]
                taken.add(i)
    for i, word in enumerate(typed):
        if i in taken or not reach[i] or folded[i] in reach[i] or is_known(word):
            continue
        name_word = min(reach[i], key=lambda w: (reach[i][w], w))
        corrections[word] = vocabulary.spelling[name_word]
    return corrections


def looks_like_a_name(word):
    """A word the reader capitalised ("Sayfe"): they mean a name, not a common word."""
    return word[:1].isupper() and not word.isupper()
