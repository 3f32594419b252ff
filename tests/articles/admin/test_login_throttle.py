"""Admin sign-in is rate-limited: repeated failures get a clear 429 until the window ends."""

import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from .conftest import EDITOR_PASSWORD, AdminPage

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


def sign_in(client, username, password, address="198.51.100.7"):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


def test_fifth_failure_closes_sign_in_for_that_username_with_a_429(editor):
    client = Client()
    for _ in range(5):
        response = sign_in(client, editor.username, "wrong-password")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    # Even the right password is refused now: the limit is on attempts, not on wrong ones.
    response = sign_in(client, editor.username, EDITOR_PASSWORD)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 900
    page = AdminPage(response, status=429)
    assert page.errors() == [
        "Too many failed sign-in attempts from your address. Try again in 15 minutes."
    ]
    assert page.inline_code() == []
    assert "_auth_user_id" not in client.session
    # Another address is not affected.
    assert (
        sign_in(Client(), editor.username, EDITOR_PASSWORD, address="203.0.113.9").status_code
        == 302
    )


def test_a_successful_sign_in_clears_the_count(editor):
    client = Client()
    for _ in range(4):
        assert sign_in(client, editor.username, "wrong-password").status_code == 200
    assert sign_in(client, editor.username, EDITOR_PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, editor.username, "wrong-password").status_code == 200
    assert sign_in(client, editor.username, EDITOR_PASSWORD).status_code == 302


def test_many_usernames_from_one_address_are_limited_too(editor, settings):
    settings.STRIKEWATCH_LOGIN_FAILURES_PER_ADDRESS = 6
    client = Client()
    for number in range(6):
        assert sign_in(client, f"guess{number}", "password").status_code == 200
    assert sign_in(client, editor.username, EDITOR_PASSWORD).status_code == 429


def test_sign_in_opens_again_when_the_window_ends(editor, settings):
    settings.STRIKEWATCH_LOGIN_WINDOW = 1
    client = Client()
    for _ in range(5):
        sign_in(client, editor.username, "wrong-password")
    assert sign_in(client, editor.username, EDITOR_PASSWORD).status_code == 429
    time.sleep(1.1)
    assert sign_in(client, editor.username, EDITOR_PASSWORD).status_code == 302


def test_usernames_are_counted_whatever_their_case(editor):
    client = Client()
    for name in ("amira", "AMIRA", "Amira", " amira", "aMira"):
        sign_in(client, name, "wrong-password")
    assert sign_in(client, editor.username, EDITOR_PASSWORD).status_code == 429
