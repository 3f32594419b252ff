"""The records themselves: what the database refuses, slugs, redirects, aliases, fingerprints."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Person, Quote, Redirect, Source, quote_fingerprint

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    return Source.objects.create(name="KCRA 3", kind=Source.Kind.TV)


def make_article(source, **fields):
    fields.setdefault("headline", "Nurses strike")
    fields.setdefault("paragraphs", ["“We are out,” Ana Ruiz said."])
    return Article.objects.create(source=source, **fields)


def test_published_means_published_status_and_not_scheduled(source):
    now = timezone.now()
    undated = make_article(source)
    past = make_article(source, published_at=now - timedelta(days=1))
    draft = make_article(source, status=Article.Status.DRAFT)
    future = make_article(source, published_at=now + timedelta(days=1))
    assert set(Article.objects.published()) == {undated, past}
    Quote.objects.create(
        article=draft, paragraph=1, start=1, end_paragraph=1, end=11, text="We are out"
    )
    Quote.objects.create(
        article=future, paragraph=1, start=1, end_paragraph=1, end=11, text="We are out"
    )
    shown = Quote.objects.create(
        article=past, paragraph=1, start=1, end_paragraph=1, end=11, text="We are out"
    )
    assert list(Quote.objects.published()) == [shown]


def test_changing_a_published_slug_leaves_a_redirect(source):
    article = make_article(source)
    old_url = article.get_absolute_url()
    article.slug = "nurses-strike-at-mercy"
    article.save()
    assert Redirect.objects.get(old_path=old_url).new_path == "/articles/nurses-strike-at-mercy/"


def test_changing_a_draft_slug_leaves_no_redirect(source):
    article = make_article(source, status=Article.Status.DRAFT)
    article.slug = "renamed"
    article.save()
    assert not Redirect.objects.exists()


def test_redirect_chains_collapse():
    Redirect.point("/people/a/", "/people/b/")
    Redirect.point("/people/b/", "/people/c/")
    assert dict(Redirect.objects.values_list("old_path", "new_path")) == {
        "/people/a/": "/people/c/",
        "/people/b/": "/people/c/",
    }
    # Moving back to an old path must not leave a loop.
    Redirect.point("/people/c/", "/people/a/")
    assert not Redirect.objects.filter(old_path="/people/a/").exists()


def test_old_path_answers_301(client, source):
    article = make_article(source)
    old_url = article.get_absolute_url()
    article.slug = "moved"
    article.save()
    response = client.get(old_url + "?ref=feed")
    assert response.status_code == 301
    assert response["Location"] == "/articles/moved/?ref=feed"


@pytest.mark.parametrize(
    "fields",
    [
        {"paragraph": 0, "start": 0, "end_paragraph": 1, "end": 5},
        {"paragraph": 2, "start": 0, "end_paragraph": 1, "end": 5},
        {"paragraph": 1, "start": 5, "end_paragraph": 1, "end": 5},
        {"paragraph": 1, "start": 0, "end_paragraph": 1, "end": 5, "confidence": 1.5},
        {"paragraph": 1, "start": 0, "end_paragraph": 1, "end": 5, "text": ""},
    ],
)
def test_database_refuses_impossible_quotes(source, fields):
    article = make_article(source)
    fields.setdefault("text", "We are")
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.create(article=article, **fields)


def test_slugs_are_unique_and_stable(source):
    person = Person.objects.create(name="Sarah Soroken")
    other = Person.objects.create(name="Sarah Soroken")
    assert (person.slug, other.slug) == ("sarah-soroken", "sarah-soroken-2")
    person.description = "therapist"
    person.save()
    assert person.slug == "sarah-soroken"


def test_person_aliases_are_added_once():
    person = Person.objects.create(name="Jane McAlevey", aliases=["McAlevy"])
    assert person.add_aliases(["mcalevy", "McAleigh", "Jane McAlevey", "McAleigh"])
    assert person.aliases == ["McAlevy", "McAleigh"]
    assert not person.add_aliases(["McAleigh"])


def test_quote_fingerprint_ignores_punctuation_case_and_marks():
    assert quote_fingerprint("“We are out,” she") == quote_fingerprint("we are OUT she")
    assert quote_fingerprint("We are out") != quote_fingerprint("We are in")
    assert quote_fingerprint("…") == ""


def test_a_side_in_words_is_its_label_as_django_gives_it(db):
    person = Person(name="Ana Ruiz", side=Person.Side.LABOR)
    assert person.get_side_display() == "Workers or union"
    for side in [*Person.Side.values, "", "not-a-side", None]:
        person.side = side
        assert person.get_side_display() == person._get_FIELD_display(
            Person._meta.get_field("side")
        )
