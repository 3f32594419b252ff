"""
Sides in the archive (``articles.quote_sync``, ``Person.take_side_from_quotes``):
each machine-made quote keeps the side its article gives the speaker and why;
a person's side comes from all their quotes across the archive; an editor's
choices (a checked quote, a side an editor set) are never overwritten; the
person page shows the evidence.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from articles.merge import merge_people
from articles.models import Article, Person, Source, Strike
from articles.quote_sync import sync_quotes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_caches")]

DESCRIBED = [
    "Therapists at Kaiser Permanente walked off the job Monday in a strike over staffing.",
    "“We are exhausted and our patients are waiting months,” said Sarah Soroken, "
    "a Kaiser therapist and union member.",
    "Kaiser said in a statement that the strike was “unnecessary.”",
]
UNDESCRIBED = [
    "Kaiser therapists rallied again on Friday.",
    "“We are still here,” said Sarah Soroken.",
]


@pytest.fixture
def publish():
    source = Source.objects.create(name="The Bay Ledger")
    strike = Strike.objects.create(
        name="Kaiser therapists strike", employer="Kaiser Permanente", union="NUHW"
    )

    def make(paragraphs, day):
        article = Article.objects.create(
            source=source,
            strike=strike,
            headline=f"Therapists strike, day {day}",
            paragraphs=paragraphs,
            status=Article.Status.PUBLISHED,
            published_at=datetime(2025, 10, day, 9, tzinfo=ZoneInfo("America/Los_Angeles")),
        )
        sync_quotes(article)
        return article

    return make


def soroken():
    return Person.objects.get(name="Sarah Soroken")


def test_a_found_quote_keeps_its_speakers_side_and_the_evidence(publish):
    article = publish(DESCRIBED, 1)
    quote = article.quotes.get(speaker__name="Sarah Soroken")
    assert quote.side == Person.Side.LABOR
    assert quote.side_evidence == ["described as: Kaiser therapist and union member"]
    company = article.quotes.exclude(speaker__name="Sarah Soroken").get()
    assert company.side == Person.Side.EMPLOYER


def test_a_person_described_once_keeps_that_side_where_another_article_does_not_describe_them(
    publish,
):
    publish(UNDESCRIBED, 2)
    assert soroken().side == Person.Side.UNKNOWN
    publish(DESCRIBED, 3)
    person = soroken()
    assert person.side == Person.Side.LABOR
    assert person.side_evidence == ["described as: Kaiser therapist and union member"]
    later = publish(UNDESCRIBED, 4)
    assert later.quotes.get().side == Person.Side.UNKNOWN
    assert soroken().side == Person.Side.LABOR


def test_a_side_an_editor_set_is_never_overwritten(publish):
    Person.objects.create(name="Sarah Soroken", side=Person.Side.COMMUNITY, side_set_by_editor=True)
    article = publish(DESCRIBED, 5)
    assert soroken().side == Person.Side.COMMUNITY
    # the quote still says what this article gives
    assert article.quotes.get(speaker__name="Sarah Soroken").side == Person.Side.LABOR


def test_re_extraction_leaves_an_editors_corrected_side_on_a_quote(publish):
    article = publish(DESCRIBED, 6)
    quote = article.quotes.get(speaker__name="Sarah Soroken")
    quote.side = Person.Side.EXPERT
    quote.side_evidence = ["set by an editor"]
    quote.edited_by_editor = True
    quote.save()
    sync_quotes(article)
    quote.refresh_from_db()
    assert (quote.side, quote.side_evidence) == (Person.Side.EXPERT, ["set by an editor"])


def test_re_extraction_brings_a_machine_quotes_side_up_to_date_on_the_same_row(publish):
    words = "“We are exhausted and our patients are waiting months,”"
    article = publish([DESCRIBED[0], f"{words} said Sarah Soroken."], 7)
    quote = article.quotes.get(speaker__name="Sarah Soroken")
    assert quote.side == Person.Side.UNKNOWN
    article.paragraphs = DESCRIBED  # the outlet's correction describes her
    article.save()
    sync_quotes(article)
    again = article.quotes.get(speaker__name="Sarah Soroken")
    assert again.pk == quote.pk
    assert again.side == Person.Side.LABOR
    assert soroken().side == Person.Side.LABOR


def test_the_person_page_shows_why_they_are_on_their_side(client, publish):
    publish(DESCRIBED, 8)
    page = client.get(soroken().get_absolute_url()).content.decode()
    assert "Workers or union" in page
    assert "described as: Kaiser therapist and union member" in page


def test_merging_two_records_of_one_person_combines_their_sides_from_all_their_quotes(publish):
    publish(UNDESCRIBED, 9)
    publish([DESCRIBED[0], DESCRIBED[1].replace("Sarah Soroken", "Sara Soroken")], 10)
    survivor = soroken()
    other = Person.objects.get(name="Sara Soroken")
    assert (survivor.side, other.side) == (Person.Side.UNKNOWN, Person.Side.LABOR)
    # the editor's merge keeps the record with the undescribed quote
    other.side = Person.Side.UNKNOWN
    other.save()
    merge_people(survivor, [other])
    survivor.refresh_from_db()
    assert survivor.side == Person.Side.LABOR
    assert survivor.side_evidence == ["described as: Kaiser therapist and union member"]


def test_an_editor_correcting_a_quotes_side_in_the_admin_marks_it_checked(admin_client, publish):
    article = publish(DESCRIBED, 11)
    quote = article.quotes.get(speaker__name="Sarah Soroken")
    page = admin_client.get(reverse("admin:articles_quote_change", args=[quote.pk]))
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        article=quote.article_id,
        speaker=quote.speaker_id,
        side=Person.Side.COMMUNITY,
        loaded_version=quote.version,
    )
    response = admin_client.post(reverse("admin:articles_quote_change", args=[quote.pk]), data)
    assert response.status_code == 302, response.content[:2000]
    quote.refresh_from_db()
    assert (quote.side, quote.edited_by_editor) == (Person.Side.COMMUNITY, True)
    sync_quotes(article)
    quote.refresh_from_db()
    assert quote.side == Person.Side.COMMUNITY


def test_a_quote_an_editor_gives_to_someone_else_drops_the_first_speakers_side(
    admin_client, publish
):
    article = publish(DESCRIBED, 12)
    quote = article.quotes.get(speaker__name="Sarah Soroken")
    other = Person.objects.create(name="Dana Ruiz")
    url = reverse("admin:articles_quote_change", args=[quote.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(article=quote.article_id, speaker=other.pk, loaded_version=quote.version)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    quote.refresh_from_db()
    assert (quote.speaker, quote.side, quote.side_evidence) == (other, "", [])
    other.refresh_from_db()
    assert other.side == Person.Side.UNKNOWN
    # Soroken has no quote left that places her: she keeps the side she had.
    assert soroken().side == Person.Side.LABOR
