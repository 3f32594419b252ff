"""Who may do what: the Editors group made by migration, and create_editor."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from .conftest import EDITOR_PASSWORD, AdminPage

pytestmark = pytest.mark.django_db

COVERAGE_MODELS = ("article", "quote", "person", "source", "strike", "correction", "redirect")


def test_editors_group_has_exactly_the_coverage_permissions():
    """Coverage records in full; feeds too; what feeds and fetches found, to look at."""
    group = Group.objects.get(name="Editors")
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    expected = {
        ("articles", f"{action}_{model}")
        for model in (*COVERAGE_MODELS, "feed")
        for action in ("add", "change", "delete", "view")
    } | {("articles", "view_feedentry"), ("articles", "view_archivedpage")}
    assert granted == expected


def test_editor_works_on_coverage_but_cannot_manage_users(editor_client):
    for name in ("article", "quote", "person", "source", "strike", "redirect"):
        assert editor_client.get(reverse(f"admin:articles_{name}_changelist")).status_code == 200
    assert editor_client.get(reverse("admin:articles_article_add")).status_code == 200
    for url in (
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_add"),
        reverse("admin:auth_group_changelist"),
    ):
        assert editor_client.get(url).status_code == 403
    index = AdminPage(editor_client.get(reverse("admin:index")))
    links = set(index.tree.xpath("//div[@id='content-main']//a/@href"))
    assert reverse("admin:articles_article_changelist") in links
    assert reverse("admin:auth_user_changelist") not in links


def test_create_editor_makes_a_staff_account_in_the_group(monkeypatch):
    monkeypatch.setenv("STRIKEWATCH_EDITOR_PASSWORD", EDITOR_PASSWORD)
    out = io.StringIO()
    call_command("create_editor", "carmen", "--no-input", email="carmen@example.org", stdout=out)
    user = get_user_model().objects.get(username="carmen")
    assert (user.is_staff, user.is_superuser, user.email) == (True, False, "carmen@example.org")
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert user.has_perm("articles.change_article") and not user.has_perm("auth.add_user")
    assert "Editor “carmen” created" in out.getvalue()
    assert Client().login(username="carmen", password=EDITOR_PASSWORD)


def test_create_editor_asks_for_the_password_twice(monkeypatch):
    answers = iter(
        [
            "first-Attempt-91",
            "a-typo-here-91",
            "password",
            "password",
            EDITOR_PASSWORD,
            EDITOR_PASSWORD,
        ]
    )
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    err = io.StringIO()
    call_command("create_editor", "dmitri", stdout=io.StringIO(), stderr=err)
    assert "The passwords do not match" in err.getvalue()
    assert "This password is too common." in err.getvalue()
    assert Client().login(username="dmitri", password=EDITOR_PASSWORD)


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("amira", EDITOR_PASSWORD, "A user named “amira” already exists."),
        ("AMIRA", EDITOR_PASSWORD, "A user named “AMIRA” already exists."),
        ("new editor!", EDITOR_PASSWORD, "Enter a valid username."),
        (
            "erin",
            "",
            "With --no-input, put the password in the STRIKEWATCH_EDITOR_PASSWORD environment variable.",
        ),
        ("erin", "12345678", "The password is refused:"),
    ],
)
def test_create_editor_refuses_with_a_reason(editor, monkeypatch, username, password, message):
    monkeypatch.setenv("STRIKEWATCH_EDITOR_PASSWORD", password)
    users = get_user_model().objects.count()
    with pytest.raises(CommandError) as error:
        call_command("create_editor", username, "--no-input", stdout=io.StringIO())
    assert str(error.value).startswith(message)
    assert get_user_model().objects.count() == users


def test_create_editor_without_the_group_says_to_migrate(monkeypatch):
    Group.objects.filter(name="Editors").delete()
    monkeypatch.setenv("STRIKEWATCH_EDITOR_PASSWORD", EDITOR_PASSWORD)
    with pytest.raises(
        CommandError, match="There is no Editors group: run `python manage.py migrate`"
    ):
        call_command("create_editor", "farah", "--no-input", stdout=io.StringIO())
