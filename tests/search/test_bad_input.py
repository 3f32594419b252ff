"""Untrusted input: never a 500, never an unescaped echo, always a message a reader can act on."""

import pytest
from django.urls import reverse

EVIL = "<img src=x onerror=alert(1)>"

BAD_QUERIES = [
    '"unbalanced',
    "((kaiser strike",
    "kaiser ) strike )",
    "AND",
    "OR OR",
    "NOT",
    "strike AND",
    "unknownfield:kaiser",
    "speaker:",
    "x" * 10_000,
    "kaiser " * 2_000,
    "kai\x00ser\x01\x1b[31m",
    "\ufffd\ufffd",
    "t*",
    "*",
    "(" * 500,
    ")" * 500,
    '"' * 501,
    "-",
    "speaker:(((",
    EVIL,
    f'"{EVIL}"',
    f"speaker:{EVIL}",
    "‮evil‬",
]


@pytest.mark.parametrize("q", BAD_QUERIES, ids=range(len(BAD_QUERIES)))
def test_bad_queries_answer_200_on_the_page_and_in_the_api(client, indexed, q):
    response = client.get(reverse("search:search"), {"q": q})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<img src=x" not in html
    assert "\x00" not in html
    response = client.get(reverse("search:api"), {"q": q})
    assert response.status_code == 200
    assert isinstance(response.json()["total"], int)
    assert "<img src=x" not in response.content.decode()


def test_repairs_are_explained(client, indexed):
    cases = {
        '"life or death': "quotation mark was not closed",
        "(premiums OR exhausted": "bracket was not closed",
        "premiums )": "closing bracket had no opening one",
        "AND premiums": "lone AND",
        "premiums OR": "lone OR",
        "premiums NOT": "lone NOT",
        "colour:premiums": "There is no “colour” field",
        "x" * 10_000: "first 500 characters",
        "p*": "at least 2 letters",
    }
    for q, message in cases.items():
        data = client.get(reverse("search:api"), {"q": q}).json()
        assert any(message in notice for notice in data["notices"]), (q, data["notices"])
    # and the repaired query still finds what it can
    assert client.get(reverse("search:api"), {"q": '"life or death'}).json()["total"] == 1
    assert client.get(reverse("search:api"), {"q": "colour:premiums"}).json()["total"] == 1


def test_escaped_echo(client, indexed):
    html = client.get(reverse("search:search"), {"q": EVIL}).content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert EVIL not in html


BAD_PARAMS = [
    ({"from": "2022-13-45"}, "from", "YYYY-MM-DD"),
    ({"to": "yesterday"}, "to", "YYYY-MM-DD"),
    ({"from": "0001-01-01"}, "from", "between 1900 and 2100"),
    ({"from": "2023-01-01", "to": "2022-01-01"}, "to", "must not be before"),
    ({"page": "-1"}, "page", "Pages start at 1"),
    ({"page": "two"}, "page", "whole number"),
    ({"sort": "random"}, "sort", "Sort by relevance, newest or oldest"),
    ({"type": "people"}, "type", "quotes or articles only"),
    ({"type": EVIL}, "type", "quotes or articles only"),
]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    BAD_PARAMS,
    ids=[p[1] + str(i) for i, p in enumerate(BAD_PARAMS)],
)
def test_bad_parameters_are_400_in_the_api(client, indexed, params, field, message):
    response = client.get(reverse("search:api"), {"q": "kaiser", **params})
    assert response.status_code == 400
    data = response.json()
    assert data["error"] == "invalid_parameters"
    assert any(message in text for text in data["errors"][field]), data
    assert "<img" not in response.content.decode()


@pytest.mark.parametrize(
    ("params", "field", "message"),
    BAD_PARAMS,
    ids=[p[1] + str(i) for i, p in enumerate(BAD_PARAMS)],
)
def test_bad_parameters_are_ignored_with_a_message_on_the_page(
    client, indexed, params, field, message
):
    response = client.get(reverse("search:search"), {"q": "kaiser", **params})
    assert response.status_code == 200
    html = response.content.decode()
    assert message.replace("“", "&ldquo;") in html or message in html
    assert "We ignored it." in html
    assert "<img src=x" not in html
    assert "search-hits" in html  # the search still ran, with the defaults


@pytest.mark.parametrize("page", [10**9, "9" * 5000])
def test_huge_page_is_clamped_to_the_last_page(client, indexed, page):
    data = client.get(
        reverse("search:api"), {"q": "kaiser", "type": "articles", "page": page}
    ).json()
    assert data["page"] == 1 and data["pages"] == 1 and len(data["results"]) == 2
    assert any("last" in notice or "up to page" in notice for notice in data["notices"])


def test_undecodable_bytes(client, indexed):
    response = client.get("/search/?q=%ff%fe%fdkaiser&type=%c3%28")
    assert response.status_code == 200
    assert client.get("/api/search?q=%ff%fekaiser").status_code == 200


def test_repeated_and_unknown_parameters_are_harmless(client, indexed):
    response = client.get("/api/search?q=kaiser&q=premiums&colour=red&type=quotes&type=quotes")
    assert response.status_code == 200
    assert response.json()["query"] == "premiums"


def test_only_get_and_head(client, indexed):
    assert client.post(reverse("search:search"), {"q": "x"}).status_code == 405
    assert client.head(reverse("search:search"), {"q": "kaiser"}).status_code == 200
