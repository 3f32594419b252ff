"""
Slugs are permanent addresses (``PermanentSlugMixin``): a slug taken meanwhile
by another process is made afresh rather than failing the save, and a slug an
editor changes leaves a 301 from the old address.
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from articles.models import Article, Person, Source, Strike, unique_slugs


def waiting_on_a_lock():
    with connection.cursor() as cursor:
        # Within a transaction the activity view is a snapshot: take a fresh one each time.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND datname = current_database()"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_a_slug_another_process_takes_first_is_made_afresh():
    saved = {}

    def second_save():
        try:
            saved["article"] = Article.objects.create(headline="Nurses strike", paragraphs=["Two."])
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            saved["error"] = error
        finally:
            connections.close_all()

    with transaction.atomic():
        first = Article.objects.create(headline="Nurses strike", paragraphs=["One."])
        second = threading.Thread(target=second_save)
        second.start()
        # The second save cannot see the first row yet: it takes the same slug and waits on it.
        deadline = time.monotonic() + 20
        while not waiting_on_a_lock():
            assert time.monotonic() < deadline, "the second save never reached the slug"
            time.sleep(0.05)
    second.join(timeout=20)
    assert "error" not in saved, saved.get("error")
    assert first.slug == "nurses-strike"
    assert saved["article"].slug == "nurses-strike-2"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [
        lambda: Person.objects.create(name="Sarah Soroken"),
        lambda: Source.objects.create(name="The Valley Ledger"),
        lambda: Strike.objects.create(name="Valley Health strike", employer="Valley Health"),
    ],
)
def test_a_changed_slug_leaves_a_301_from_the_old_address(client, make):
    record = make()
    old_url = record.get_absolute_url()
    record.slug = f"{record.slug}-renamed"
    record.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == record.get_absolute_url()


@pytest.mark.django_db
def test_slugs_chosen_together_are_those_chosen_one_save_at_a_time():
    for name in ("Dana Ortiz", "Dana Ortiz", "Luis Romero"):
        Person.objects.create(name=name)
    names = ["Dana Ortiz", "Dana Ortiz", "Grace Okafor", "Luis Romero", "Grace Okafor"]

    together = unique_slugs(Person, names, max_length=Person.slug_max_length)
    one_at_a_time = [Person.objects.create(name=name).slug for name in names]

    assert together == one_at_a_time
    assert together == [
        "dana-ortiz-3",
        "dana-ortiz-4",
        "grace-okafor",
        "luis-romero-2",
        "grace-okafor-2",
    ]
