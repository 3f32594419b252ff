"""Merging duplicate people and outlets: quotes and articles move, names become aliases, old URLs answer 301."""

import pytest
from django.urls import reverse

from articles.merge import MergeError, merge_people, merge_sources
from articles.models import Article, Person, Quote, Redirect, Source

from .conftest import AdminPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def duplicate_speaker(seeded):
    """A quote of the KCRA article attributed to a misspelt duplicate of its speaker."""
    kcra, _bee = seeded
    quote = kcra.quotes.filter(speaker__isnull=False).order_by("paragraph").first()
    survivor = quote.speaker
    duplicate = Person.objects.create(
        name=f"{survivor.name}x", aliases=["Dr. Misspelt"], description="therapist at Kaiser"
    )
    Quote.objects.filter(pk=quote.pk).update(speaker=duplicate)
    return survivor, duplicate, quote


def test_merging_people_moves_quotes_keeps_names_and_redirects(client, duplicate_speaker):
    survivor, duplicate, quote = duplicate_speaker
    survivor_quotes = set(survivor.quotes.values_list("pk", flat=True))
    old_url = duplicate.get_absolute_url()
    survivor.description = ""
    survivor.save()

    result = merge_people(survivor, [duplicate])

    assert result.moved == 1
    assert result.merged_names == [duplicate.name]
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    survivor.refresh_from_db()
    assert set(survivor.quotes.values_list("pk", flat=True)) == survivor_quotes | {quote.pk}
    assert {duplicate.name, "Dr. Misspelt"} <= set(survivor.aliases)
    assert survivor.description == "therapist at Kaiser"
    assert survivor.history.first().history_change_reason.startswith(
        f"Merged “{duplicate.name}” into"
    )
    # The quote's change is in its history too, with the same reason.
    assert Quote.objects.get(pk=quote.pk).history.first().speaker_id == survivor.pk

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == survivor.get_absolute_url()
    feed = reverse("articles:person_feed", kwargs={"slug": duplicate.slug})
    assert client.get(feed)["Location"] == reverse(
        "articles:person_feed", kwargs={"slug": survivor.slug}
    )


def test_a_merged_name_is_recognised_on_the_next_import(duplicate_speaker):
    survivor, duplicate, _quote = duplicate_speaker
    merge_people(survivor, [duplicate])
    assert list(Person.objects.matching(duplicate.name)) == [Person.objects.get(pk=survivor.pk)]


def test_merging_into_a_merged_person_points_old_urls_at_the_last_survivor(client, db):
    first = Person.objects.create(name="Fred Seyfe")
    second = Person.objects.create(name="Fred Seyf")
    third = Person.objects.create(name="F. Seyfe")
    merge_people(second, [third])
    merge_people(first, [second])
    for old in (second, third):
        response = client.get(old.get_absolute_url())
        assert (response.status_code, response["Location"]) == (301, first.get_absolute_url())
    assert Redirect.objects.filter(new_path=first.get_absolute_url()).count() >= 2
    first.refresh_from_db()
    assert {"Fred Seyf", "F. Seyfe"} <= set(first.aliases)


def test_merging_a_person_into_itself_is_refused_and_changes_nothing(duplicate_speaker):
    survivor, _duplicate, _quote = duplicate_speaker
    with pytest.raises(MergeError, match="Choose at least one other person"):
        merge_people(survivor, [survivor])
    assert Person.objects.filter(pk=survivor.pk).exists()
    assert not Redirect.objects.exists()


def test_merging_sources_moves_articles_and_redirects(client, seeded):
    _kcra, bee = seeded
    duplicate = Source.objects.create(
        name="Sacramento Bee (web)", homepage_url="", aliases=["sacbee.com"]
    )
    Article.objects.filter(pk=bee.pk).update(source=duplicate)
    survivor = Source.objects.get(name="The Sacramento Bee")
    version = Article.objects.get(pk=bee.pk).version
    old_url = duplicate.get_absolute_url()

    result = merge_sources(survivor, [duplicate])

    assert result.moved == 1
    bee.refresh_from_db()
    assert bee.source == survivor
    assert bee.version == version + 1  # a form opened before the merge is out of date
    survivor.refresh_from_db()
    assert {"Sacramento Bee (web)", "sacbee.com"} <= set(survivor.aliases)
    response = client.get(old_url)
    assert (response.status_code, response["Location"]) == (301, survivor.get_absolute_url())


def test_merge_people_through_the_admin(editor_client, client, duplicate_speaker):
    survivor, duplicate, quote = duplicate_speaker
    others = Quote.objects.exclude(pk=quote.pk).order_by("pk").values_list("pk", flat=True)[:2]
    Quote.objects.filter(pk__in=list(others)).update(speaker=survivor)
    changelist = reverse("admin:articles_person_changelist")
    selected = {
        "action": "merge_people",
        "_selected_action": [survivor.pk, duplicate.pk],
        "index": "0",
    }

    page = AdminPage(editor_client.post(changelist, selected))
    labels = page.texts(".merge-candidate label")
    assert len(labels) == 2
    assert labels[0].startswith(f"{survivor.name} — {survivor.quotes.count()} quotes")
    assert labels[1].startswith(f"{duplicate.name} — 1 quote;")
    # The one with most quotes is offered as the survivor.
    assert page.tree.xpath("//input[@name='survivor'][@checked]/@value") == [str(survivor.pk)]
    assert page.inline_code() == []

    response = editor_client.post(changelist, {**page.values(), "survivor": str(survivor.pk)})
    assert response.status_code == 302
    message = AdminPage(editor_client.get(response["Location"])).messages()[0]
    assert message == (
        f"Merged “{duplicate.name}” into {survivor.name}: 1 quote moved; "
        f"the old pages now redirect to {survivor.get_absolute_url()}."
    )
    assert Quote.objects.get(pk=quote.pk).speaker_id == survivor.pk
    response = client.get(duplicate.get_absolute_url())
    assert (response.status_code, response["Location"]) == (301, survivor.get_absolute_url())


def test_merge_needs_two_people(editor_client, duplicate_speaker):
    survivor, _duplicate, _quote = duplicate_speaker
    response = editor_client.post(
        reverse("admin:articles_person_changelist"),
        {"action": "merge_people", "_selected_action": [survivor.pk], "index": "0"},
    )
    assert response.status_code == 302
    assert AdminPage(editor_client.get(response["Location"])).messages() == [
        "Select two or more people to merge."
    ]


def test_merge_sources_through_the_admin(editor_client, seeded):
    kcra, _bee = seeded
    duplicate = Source.objects.create(name="KCRA-TV Sacramento")
    Article.objects.filter(pk=kcra.pk).update(source=duplicate)
    survivor = Source.objects.get(name="KCRA 3")
    changelist = reverse("admin:articles_source_changelist")
    page = AdminPage(
        editor_client.post(
            changelist, {"action": "merge_sources", "_selected_action": [survivor.pk, duplicate.pk]}
        )
    )
    response = editor_client.post(changelist, {**page.values(), "survivor": str(survivor.pk)})
    assert response.status_code == 302
    kcra.refresh_from_db()
    assert kcra.source == survivor
    assert not Source.objects.filter(pk=duplicate.pk).exists()
