"""
Fixtures for the editors' admin: editor accounts made the way an operator
makes them (``create_editor``), clients signed in with their passwords, and a
reader of admin forms that submits what the page shows, as a browser would.
"""

import importlib
import io
from types import SimpleNamespace

import lxml.html
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client

EDITOR_PASSWORD = "quote-desk-Correct-7"


@pytest.fixture
def editors_group(db):
    """
    The Editors group as migrations 0002 and 0005 make it. Tests on the live server
    run in real transactions and the database is flushed after each, which
    removes what migrations wrote; this puts the group back.
    """
    editor = SimpleNamespace(connection=connection)
    importlib.import_module("articles.migrations.0002_editors_group").create_editors_group(
        apps, editor
    )
    importlib.import_module(
        "articles.migrations.0005_fetched_pages_feeds_and_copies"
    ).let_editors_watch_feeds(apps, editor)


@pytest.fixture
def make_editor(editors_group, monkeypatch):
    def make(username):
        monkeypatch.setenv("STRIKEWATCH_EDITOR_PASSWORD", EDITOR_PASSWORD)
        call_command(
            "create_editor",
            username,
            "--no-input",
            email=f"{username}@example.org",
            stdout=io.StringIO(),
        )
        return get_user_model().objects.get(username=username)

    return make


@pytest.fixture
def editor(make_editor):
    return make_editor("amira")


@pytest.fixture
def editor_client(editor):
    client = Client()
    assert client.login(username=editor.username, password=EDITOR_PASSWORD)
    return client


@pytest.fixture
def second_editor_client(make_editor):
    make_editor("bruno")
    client = Client()
    assert client.login(username="bruno", password=EDITOR_PASSWORD)
    return client


class AdminPage:
    """An admin page as a browser has it: its HTML, and the values its form would submit."""

    def __init__(self, response, form_id=None, status=200):
        assert response.status_code == status, response.status_code
        self.response = response
        self.html = response.content.decode()
        self.tree = lxml.html.fromstring(self.html)
        forms = self.tree.forms if form_id is None else [self.tree.get_element_by_id(form_id)]
        self.form = forms[-1] if forms else None

    def values(self):
        """What submitting the form unchanged sends: name -> list of values (checked boxes, selected options...)."""
        data = {}
        for element in self.form.inputs:
            name, tag = element.name, element.tag
            if not name or "disabled" in element.attrib:
                continue
            if tag == "select":
                chosen = element.value if element.multiple else [element.value]
                values = [v for v in chosen if v is not None]
            elif tag == "textarea":
                values = [element.value or ""]
            elif element.type in ("submit", "image", "reset", "file", "button") or (
                element.checkable and not element.checked
            ):
                continue
            else:
                values = [element.value or ""]
            data.setdefault(name, []).extend(values)
        return data

    def inline_code(self):
        """What the site's CSP would refuse: style attributes, inline scripts, event handler attributes."""
        refused = [f"style on <{e.tag}>" for e in self.tree.xpath("//*[@style]")]
        refused += [
            "inline <script>"
            for e in self.tree.xpath("//script[not(@src)]")
            if e.get("type") not in ("application/json", "application/ld+json")
        ]
        refused += [
            f"{name} on <{e.tag}>"
            for e in self.tree.iter()
            for name in e.attrib
            if name.startswith("on")
        ]
        return refused

    def errors(self):
        return self.texts(".errorlist li") + self.texts(".errornote")

    def messages(self):
        return self.texts(".messagelist li")

    def texts(self, selector):
        """
        Text of the elements matching a simple selector: "tag", ".class" or
        "tag.class", or either after a parent's "tag.class ".
        """
        return [
            " ".join(element.text_content().split())
            for element in self.tree.xpath(_xpath(selector))
        ]


def _xpath(selector):
    steps = []
    for step in selector.split():
        tag, _, css_class = step.partition(".")
        test = (
            f"[contains(concat(' ', normalize-space(@class), ' '), ' {css_class} ')]"
            if css_class
            else ""
        )
        steps.append(f"{tag or '*'}{test}")
    return "//" + "//".join(steps)


def inline_prefix(data, quote):
    """The form prefix ("quotes-3") of a quote in the article change form's quote inline."""
    for name, values in data.items():
        if name.startswith("quotes-") and name.endswith("-id") and values == [str(quote.pk)]:
            return name.removesuffix("-id")
    raise AssertionError(f"quote {quote.pk} is not in the form")


def add_inline_quote(data, **fields):
    """Fill the quote inline's next empty form (as "Add another quote" does) and return its prefix."""
    total = int(data["quotes-TOTAL_FORMS"][0])
    prefix = f"quotes-{total}"
    data["quotes-TOTAL_FORMS"] = [str(total + 1)]
    data[f"{prefix}-id"] = [""]
    data[f"{prefix}-article"] = data.get("quotes-0-article", [""])
    for name, value in fields.items():
        data[f"{prefix}-{name}"] = [str(value)]
    return prefix
