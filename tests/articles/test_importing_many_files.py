"""
Importing a folder in batches (``import_article_files``) stores exactly what
importing its files one by one stores, and finds the same in search; a broken
file in a batch is named and the others are imported; a batch re-import keeps
every id and URL.
"""

import pytest

from articles.importer import Outcome, import_article_file, import_article_files
from articles.ingest import IngestError
from articles.models import Article, Person, Quote, Redirect, Source, Withdrawal
from search import indexing
from search.backends import get_backend
from search.service import SearchParams, run_search

SPEAKERS = ("Dana Ortiz", "Luis Romero", "Grace Okafor", "Ivan Petrov")
ROLES = ("a charge nurse", "a spokesperson for the hospital", "a striking nurse", "the mayor")


def write_folder(folder):
    """Stories sharing speakers and outlets, a copy under another name, and a broken file."""
    folder.mkdir(exist_ok=True)
    for n in range(9):
        speaker, role = SPEAKERS[n % 4], ROLES[(n + 1) % 4]
        other = SPEAKERS[(n + 2) % 4]
        (folder / f"story-{n}.txt").write_text(
            f"Source: Valley Ledger {n % 3}\nPublished: 2022-09-{n + 1:02d}T08:00:00-07:00\n\n"
            f"Nurses strike at hospital {n}\n\n"
            f"Nurses at hospital number {n} went on strike on Monday over staffing.\n\n"
            f"{speaker}, {role}, joined the picket line.\n\n"
            f"“We are short-staffed every night at number {n},” said {speaker.split()[-1]}.\n\n"
            f"“The offer on the table is fair,” said {other}, who spoke for the hospital.\n",
            encoding="utf-8",
        )
    # The same story as story-0 under another name: nothing is imported for it.
    (folder / "story-0-again.txt").write_bytes((folder / "story-0.txt").read_bytes())
    (folder / "broken.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00")
    return sorted(folder.glob("*.txt"))


def snapshot():
    """The archive's rows, by what they are rather than by id (ids differ between runs)."""
    articles = sorted(
        Article.objects.values_list(
            "slug",
            "headline",
            "source__name",
            "published_at",
            "published_on",
            "url",
            "paragraphs",
            "status",
            "import_key",
            "content_hash",
            "strike_id",
        )
    )
    quotes = sorted(
        Quote.objects.values_list(
            "article__slug",
            "paragraph",
            "start",
            "end",
            "text",
            "speaker__slug",
            "speaker_mention",
            "cue",
            "side",
            "side_evidence",
            "confidence",
            "fingerprint",
        ),
        key=repr,
    )
    people = sorted(
        Person.objects.values_list(
            "slug", "name", "kind", "aliases", "description", "side", "side_evidence"
        ),
        key=repr,
    )
    sources = sorted(Source.objects.values_list("slug", "name", "aliases", "timezone"))
    return {"articles": articles, "quotes": quotes, "people": people, "sources": sources}


def one_by_one(files):
    outcomes = []
    for path in files:
        try:
            outcomes.append((path.name, import_article_file(path).outcome))
        except IngestError:
            outcomes.append((path.name, "skipped"))
    return outcomes


def in_batches(files, batch_size):
    return [
        (path.name, "skipped" if isinstance(result, IngestError) else result.outcome)
        for path, result in import_article_files(files, batch_size=batch_size)
    ]


def empty_the_archive():
    Article.objects.all().delete()
    Person.objects.all().delete()
    Source.objects.all().delete()
    Redirect.objects.all().delete()
    Withdrawal.objects.all().delete()


def searches():
    """What search finds, by headline and words, for a few queries of both kinds."""
    get_backend().forget()
    found = {}
    for q, kind in (("nurses", "articles"), ("staffing", "articles"), ("fair", "quotes")):
        outcome = run_search(SearchParams(q=q, type=kind, copies="all"))
        found[q, kind] = (outcome.total, sorted(str(result.object) for result in outcome.results))
    for speaker in SPEAKERS:
        outcome = run_search(SearchParams(q=f'speaker:"{speaker}"', type="quotes"))
        found[speaker] = outcome.total
    return found


@pytest.mark.django_db(transaction=True)
def test_a_batch_import_stores_and_finds_exactly_what_one_by_one_does(tmp_path, settings):
    settings.SEARCH_BACKEND = "whoosh"
    files = write_folder(tmp_path / "stories")
    indexing.rebuild(get_backend())

    singly = one_by_one(files)
    indexing.drain()
    rows_singly, found_singly = snapshot(), searches()
    empty_the_archive()
    indexing.drain()

    batched = in_batches(files, batch_size=4)
    indexing.drain()

    assert batched == singly
    assert ("story-0.txt", Outcome.SAME_STORY) in batched
    assert ("broken.txt", "skipped") in batched
    assert snapshot() == rows_singly
    assert searches() == found_singly
    assert found_singly["nurses", "articles"][0] == 9


@pytest.mark.django_db
def test_a_broken_file_in_a_batch_is_named_and_the_others_are_imported(tmp_path):
    files = write_folder(tmp_path / "stories")
    (tmp_path / "stories" / "long.txt").write_text(
        f"Source: {'V' * 300}\n\nNurses walk out\n\n“We are short-staffed,” said Dana Ortiz.\n"
    )
    files = sorted((tmp_path / "stories").glob("*.txt"))

    results = dict(import_article_files(files, batch_size=5))

    assert "looks binary" in str(results[tmp_path / "stories" / "broken.txt"])
    assert "the Source header is 300 characters long" in str(
        results[tmp_path / "stories" / "long.txt"]
    )
    created = [path for path, result in results.items() if getattr(result, "outcome", None)]
    assert len(created) == 10
    assert Article.objects.count() == 9


@pytest.mark.django_db
def test_a_batch_re_import_keeps_every_id_and_url_and_an_editors_correction(tmp_path):
    files = write_folder(tmp_path / "stories")
    list(import_article_files(files, batch_size=4))
    article = Article.objects.get(import_key="story-3.txt")
    article.headline = "Nurses strike at hospital three (corrected)"
    article.locked_fields = ["headline"]
    article.save()
    quote = article.quotes.order_by("paragraph").first()
    quote.text = quote.text.replace("night", "single night")
    quote.edited_by_editor = True
    quote.save()
    before_articles = dict(Article.objects.values_list("import_key", "pk"))
    before_urls = {a.pk: a.get_absolute_url() for a in Article.objects.all()}
    before_quotes = sorted(Quote.objects.values_list("pk", "article_id", "text"))
    for path in files:  # every file changed a little: re-parsed and re-extracted
        if path.name.startswith("story-"):
            path.write_text(path.read_text() + "\nThe strike continues.\n", encoding="utf-8")

    outcomes = [
        getattr(result, "outcome", None)
        for _path, result in import_article_files(files, batch_size=4)
    ]

    assert outcomes.count(Outcome.UPDATED) == 9
    assert dict(Article.objects.values_list("import_key", "pk")) == before_articles
    assert {a.pk: a.get_absolute_url() for a in Article.objects.all()} == before_urls
    assert sorted(Quote.objects.values_list("pk", "article_id", "text")) == before_quotes
    article.refresh_from_db()
    assert article.headline == "Nurses strike at hospital three (corrected)"
    assert Quote.objects.get(pk=quote.pk).text == quote.text
    versions = sorted(Article.objects.values_list("pk", "version"))
    again = [getattr(r, "outcome", None) for _p, r in import_article_files(files, batch_size=4)]
    assert again.count(Outcome.UNCHANGED) == 9
    assert sorted(Article.objects.values_list("pk", "version")) == versions


@pytest.mark.django_db
def test_stories_of_one_headline_in_a_batch_get_the_slugs_one_by_one_gives_them(tmp_path):
    folder = tmp_path / "same-headline"
    folder.mkdir()
    for n, outlet in enumerate(("Valley Ledger", "Coast Courier", "Hill Herald")):
        (folder / f"walkout-{n}.txt").write_text(
            f"Source: {outlet}\nPublished: 2022-10-0{n + 1}\n\nNurses walk out\n\n"
            f"Nurses at the {outlet} hospital {n} walked out over staffing on day {n}.\n",
            encoding="utf-8",
        )
    files = sorted(folder.glob("*.txt"))
    singly = one_by_one(files)
    slugs_singly = sorted(Article.objects.values_list("import_key", "slug"))
    empty_the_archive()

    batched = in_batches(files, batch_size=3)

    assert batched == singly
    assert sorted(Article.objects.values_list("import_key", "slug")) == slugs_singly
    assert [slug for _key, slug in slugs_singly] == [
        "nurses-walk-out",
        "nurses-walk-out-2",
        "nurses-walk-out-3",
    ]


def story(outlet, day, headline, text, url=""):
    header = f"Source: {outlet}\nPublished: 2022-09-{day:02d}T08:00:00-07:00\n"
    header += f"URL: {url}\n" if url else ""
    return f"{header}\n{headline}\n\n{text}\n"


LEDGER_TEXT = (
    "Nurses at the county hospital walked off the job on Monday after talks over staffing "
    "broke down late on Sunday night.\n\n"
    "“We cannot care for twelve patients at once,” said Dana Ortiz, a charge nurse.\n\n"
    "The hospital said it had hired replacement nurses for the length of the strike."
)
OTHER_TEXT = (
    "Bus drivers in the city voted to authorise a strike over pay and schedules, the union "
    "said on Tuesday after counting the ballots cast over the weekend."
)


def write_same_stories(folder):
    """Later files that are earlier files' stories by each rule, and a new story, in one folder."""
    folder.mkdir(exist_ok=True)
    files = {
        "a-first.txt": story(
            "Valley Ledger", 1, "Nurses strike at hospital", LEDGER_TEXT, "https://ledger.example/a"
        ),
        # the same original URL, spelled another way, from another outlet
        "b-same-url.txt": story(
            "Coast Courier",
            9,
            "Bus drivers vote",
            OTHER_TEXT,
            "http://www.ledger.example/a/?utm_source=feed",
        ),
        # the same outlet, headline (another case) and day
        "c-same-headline.txt": story("Valley Ledger", 1, "NURSES STRIKE AT HOSPITAL", OTHER_TEXT),
        # the same outlet and most of the text, under another headline, a day later
        "d-same-text.txt": story(
            "Valley Ledger", 2, "Hospital nurses walk out", LEDGER_TEXT + "\n\nTalks resume."
        ),
        # a headline beyond ASCII, twice, days apart: the database compares those
        "e-accents.txt": story("Valley Ledger", 10, "Grève à l’hôpital", OTHER_TEXT),
        "f-accents.txt": story("Valley Ledger", 20, "GRÈVE À L’HÔPITAL", OTHER_TEXT),
        "g-new.txt": story("Coast Courier", 3, "Drivers strike", OTHER_TEXT + " It is new."),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.glob("*.txt"))


@pytest.mark.django_db
def test_a_batch_finds_the_stories_of_its_own_earlier_files_by_every_rule(tmp_path):
    files = write_same_stories(tmp_path / "stories")
    singly = one_by_one(files)
    rows_singly = snapshot()
    empty_the_archive()

    batched = in_batches(files, batch_size=len(files))

    assert batched == singly
    assert snapshot() == rows_singly
    outcomes = dict(batched)
    assert outcomes["b-same-url.txt"] == Outcome.SAME_STORY
    assert outcomes["c-same-headline.txt"] == Outcome.SAME_STORY
    assert outcomes["d-same-text.txt"] == Outcome.SAME_STORY
    assert outcomes["g-new.txt"] == Outcome.CREATED


@pytest.mark.django_db
def test_after_an_update_a_batch_asks_the_archive_and_finds_what_one_by_one_finds(tmp_path):
    def changed_folder():
        files = write_same_stories(tmp_path / "stories")
        first = files[0]  # a-first.txt: a corrected text, still its story
        first.write_text(first.read_text().replace("late on Sunday", "on Sunday"))
        (tmp_path / "stories" / "h-after.txt").write_text(
            story("Coast Courier", 4, "Another", OTHER_TEXT, "https://ledger.example/a"),
            encoding="utf-8",
        )
        return sorted((tmp_path / "stories").glob("*.txt"))

    list(import_article_files(write_same_stories(tmp_path / "stories"), batch_size=10))
    singly = one_by_one(changed_folder())
    rows_singly = snapshot()
    empty_the_archive()
    list(import_article_files(write_same_stories(tmp_path / "stories"), batch_size=10))

    batched = in_batches(changed_folder(), batch_size=10)

    assert batched == singly
    assert ("a-first.txt", Outcome.UPDATED) in batched
    assert ("h-after.txt", Outcome.SAME_STORY) in batched
    assert snapshot() == rows_singly
