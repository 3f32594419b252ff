"""Every model's changelist, with its search and filters, for an editor; nothing for anyone else."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    ("articles_article", {"q": "Kaiser"}, "Kaiser Permanente therapists continue strike"),
    ("articles_article", {"status__exact": "published"}, "A 3-month strike in Kaiser?"),
    ("articles_quote", {"q": "Soroken"}, "Currently our patients"),
    ("articles_quote", {"is_fragment__exact": "1"}, "significant financial incentive"),
    ("articles_person", {"q": "McAlevey"}, "Jane McAleigh"),
    ("articles_person", {"kind__exact": "organization"}, "Kaiser Permanente"),
    ("articles_source", {"q": "Bee"}, "The Sacramento Bee"),
    ("articles_source", {"kind__exact": "tv"}, "KCRA 3"),
    ("articles_strike", {"q": "Kaiser"}, "Kaiser Permanente mental health workers"),
]


@pytest.mark.parametrize("model, query, expected", CHANGELISTS)
def test_editor_sees_changelist_with_search_and_filters(
    editor_client, seeded, model, query, expected
):
    response = editor_client.get(reverse(f"admin:{model}_changelist"), query)
    assert response.status_code == 200
    assert expected in response.content.decode()


@pytest.mark.parametrize("model", sorted({model for model, _, _ in CHANGELISTS}))
def test_changelists_are_staff_only(client, seeded, model):
    url = reverse(f"admin:{model}_changelist")
    assert client.get(url).status_code == 302
    User.objects.create_user("reader", password="a-long-reader-password")
    client.login(username="reader", password="a-long-reader-password")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
