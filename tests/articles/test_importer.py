"""Importing the real seeds: what lands in the database, idempotency, editors' work surviving re-imports."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from articles.importer import Outcome, import_article_bytes, import_article_file
from articles.ingest import IngestError
from articles.models import Article, Correction, Person, Quote, Source
from tests.conftest import BEE_SEED, KCRA_SEED

pytestmark = pytest.mark.django_db


def test_seeds_import_with_their_metadata(seeded):
    kcra, bee = seeded
    assert kcra.source.name == "KCRA 3"
    assert kcra.source.kind == Source.Kind.TV
    assert kcra.published_at is None
    assert kcra.byline == ""
    assert bee.source.name == "The Sacramento Bee"
    assert bee.source.kind == Source.Kind.NEWSPAPER
    assert bee.published_at == datetime(2022, 8, 26, 5, 25, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert bee.byline == "Kathy Anderson"
    assert len(kcra.paragraphs) == 17
    assert len(bee.paragraphs) == 18
    assert kcra.status == bee.status == Article.Status.PUBLISHED
    assert kcra.slug == "kaiser-permanente-therapists-continue-strike-reject-contract"


def test_seeds_belong_to_the_seeded_strike(seeded, strikes):
    kcra, bee = seeded
    assert kcra.strike == strikes
    assert bee.strike == strikes


def test_seed_quotes_are_stored_with_speakers(seeded):
    kcra, bee = seeded
    soroken = Quote.objects.get(article=kcra, text__startswith="Currently our patients")
    assert soroken.speaker.name == "Sarah Soroken"
    assert soroken.paragraph == 6
    paragraph = kcra.paragraphs[soroken.paragraph - 1]
    assert paragraph[soroken.start : soroken.end].startswith("Currently our patients")
    sako = Quote.objects.get(article=kcra, text__startswith="Even with that benefit")
    assert sako.speaker.name == "Corrine McIntosh Sako"
    assert sako.speaker.description == "licensed clinical psychologist"
    kaiser = Person.objects.get(name="Kaiser Permanente")
    assert kaiser.kind == Person.Kind.ORGANIZATION
    # The same organization in both articles is one Person.
    assert set(kaiser.quotes.values_list("article", flat=True)) == {kcra.pk, bee.pk}
    seyfe = Quote.objects.get(article=bee, text__contains="clearly indicates that Kaiser")
    assert seyfe.speaker.name == "Fred Seyfe"


def test_reimporting_the_same_files_changes_nothing(seeded):
    kcra, bee = seeded
    before = {
        "articles": list(Article.objects.values_list("pk", "updated_at", "version")),
        "quotes": list(Quote.objects.values_list("pk", "text", "speaker_id")),
        "people": Person.objects.count(),
        "sources": Source.objects.count(),
        "history": Article.history.count(),
    }
    results = [import_article_file(KCRA_SEED), import_article_file(BEE_SEED)]
    assert [r.outcome for r in results] == [Outcome.UNCHANGED, Outcome.UNCHANGED]
    after = {
        "articles": list(Article.objects.values_list("pk", "updated_at", "version")),
        "quotes": list(Quote.objects.values_list("pk", "text", "speaker_id")),
        "people": Person.objects.count(),
        "sources": Source.objects.count(),
        "history": Article.history.count(),
    }
    assert after == before


def test_the_same_file_from_another_folder_is_the_same_article(seeded, tmp_path):
    copy = tmp_path / KCRA_SEED.name
    copy.write_bytes(KCRA_SEED.read_bytes())
    assert import_article_file(copy).outcome == Outcome.UNCHANGED
    assert Article.objects.count() == 2


def test_changed_file_updates_article_but_keeps_editor_work(seeded):
    kcra, _ = seeded
    # An editor corrects the headline, fixes a quote's speaker and deletes a false quote.
    kcra.headline = "Kaiser therapists reject contract, continue strike"
    kcra.locked_fields = ["headline"]
    kcra.save()
    sako = Person.objects.get(name="Corrine McIntosh Sako")
    edited = Quote.objects.get(article=kcra, text__startswith="Currently our patients")
    edited.text = "Currently our patients aren’t able to get the care that they need"
    edited.end = edited.start + len(edited.text)
    edited.edited_by_editor = True
    edited.save()
    deleted = Quote.objects.get(article=kcra, text__startswith="For all patients")
    kcra.suppressed_quotes = [deleted.fingerprint]
    kcra.save()
    deleted.delete()
    machine_before = Quote.objects.filter(article=kcra, edited_by_editor=False).count()

    changed = KCRA_SEED.read_bytes().replace(
        b"The agency received 156 access complaints",
        b"The agency has received 156 access complaints",
    )
    result = import_article_bytes(changed, key=KCRA_SEED.name)

    assert result.outcome == Outcome.UPDATED
    kcra.refresh_from_db()
    assert kcra.headline == "Kaiser therapists reject contract, continue strike"
    assert any("has received 156" in p for p in kcra.paragraphs)
    edited.refresh_from_db()
    assert edited.text == "Currently our patients aren’t able to get the care that they need"
    assert edited.speaker.name == "Sarah Soroken"
    assert not Quote.objects.filter(article=kcra, text__startswith="For all patients").exists()
    assert Quote.objects.filter(article=kcra, edited_by_editor=False).count() == machine_before
    assert (
        Quote.objects.filter(article=kcra, text__startswith="Currently our patients").count() == 1
    )
    assert Person.objects.filter(pk=sako.pk).exists()
    # A published article whose text changed carries a dated correction note.
    assert Correction.objects.filter(article=kcra).count() == 1


def test_header_block_wins_over_inference(strikes):
    text = (
        b"Source: Los Angeles Times\nPublished: 2022-09-02T10:00:00-07:00\n"
        b"URL: https://www.latimes.com/california/story/kaiser-strike\nByline: Jane Reporter\n\n"
        b"Kaiser strike enters third week\n\nKCRA 3 reached out to Kaiser Permanente about the strike.\n"
    )
    article = import_article_bytes(text, key="latimes.txt").article
    assert article.source.name == "Los Angeles Times"
    assert article.url == "https://www.latimes.com/california/story/kaiser-strike"
    assert article.byline == "Jane Reporter"
    article.refresh_from_db()
    assert article.published_at == datetime(2022, 9, 2, 17, 0, tzinfo=ZoneInfo("UTC"))
    assert article.strike == strikes


def test_strike_header_naming_no_strike_is_refused(db):
    with pytest.raises(IngestError, match="names no known strike"):
        import_article_bytes(b"Strike: no-such-strike\n\nHeadline\n\nText.", key="x.txt")
    assert not Article.objects.exists()


def test_article_without_outlet_cues_has_no_outlet_rather_than_an_unknown_one(db):
    article = import_article_bytes(
        b"Teachers walk out\n\nTeachers walked out on Monday.", key="t.txt"
    ).article
    assert article.source is None
    assert not Source.objects.exists()


def test_headlines_that_collide_get_distinct_slugs(db):
    first = import_article_bytes(b"Nurses strike\n\nOne.", key="a.txt").article
    second = import_article_bytes(b"Nurses strike\n\nTwo.", key="b.txt").article
    assert first.slug == "nurses-strike"
    assert second.slug == "nurses-strike-2"


def test_draft_status_from_header(db):
    article = import_article_bytes(b"Status: draft\n\nHeadline\n\nText.", key="d.txt").article
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.published().filter(pk=article.pk).exists()
