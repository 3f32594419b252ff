"""The page cache: public pages from Django's cache, fresh after every edit, never for editors."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.signals import announce_content_change
from strikewatch import page_cache
from strikewatch.page_cache import PageCacheMiddleware
from strikewatch.rate_limits import RATE_LIMIT_SCOPES


def test_a_repeat_visit_is_served_from_the_cache_without_touching_the_database(
    client, coverage, django_assert_num_queries
):
    url = coverage["article"].get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200
    assert "Nurses walk out at Valley Health" in first.text
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content


def test_head_requests_are_answered_from_the_cached_page(
    client, coverage, django_assert_num_queries
):
    url = coverage["quote"].get_absolute_url()
    client.get(url)
    with django_assert_num_queries(0):
        response = client.head(url)
    assert response.status_code == 200
    assert response["ETag"]


# (page whose URL is fetched, object edited, field, new value, text expected on the page)
EDITS = [
    (
        "article",
        "article",
        "headline",
        "Nurses strike enters second week",
        "Nurses strike enters second week",
    ),
    (
        "quote",
        "quote",
        "text",
        "We are short-staffed every single night,",
        "short-staffed every single night",
    ),
    ("person", "person", "name", "Dana M. Ortiz", "Dana M. Ortiz"),
    ("source", "source", "name", "The Valley Ledger-Herald", "The Valley Ledger-Herald"),
    (
        "strike",
        "strike",
        "name",
        "Valley Health Nurses Strike 2026",
        "Valley Health Nurses Strike 2026",
    ),
    # Edits that show on pages other than the edited object's own:
    ("article", "person", "name", "Dana M. Ortiz", "Dana M. Ortiz"),
    (
        "quote",
        "article",
        "headline",
        "Nurses strike enters second week",
        "Nurses strike enters second week",
    ),
    (
        "person",
        "quote",
        "text",
        "We are short-staffed every single night,",
        "short-staffed every single night",
    ),
    (
        "source",
        "article",
        "headline",
        "Nurses strike enters second week",
        "Nurses strike enters second week",
    ),
    (
        "strike",
        "article",
        "headline",
        "Nurses strike enters second week",
        "Nurses strike enters second week",
    ),
]


@pytest.mark.parametrize(("page", "edited", "field", "value", "expected"), EDITS)
def test_an_edit_shows_on_the_next_request(client, coverage, page, edited, field, value, expected):
    url = coverage[page].get_absolute_url()
    before = client.get(url)
    assert before.status_code == 200
    assert expected not in before.text
    assert client.get(url).content == before.content  # cached

    obj = coverage[edited]
    setattr(obj, field, value)
    obj.save()

    after = client.get(url)
    assert after.status_code == 200
    assert expected in after.text


def test_deleting_a_quote_removes_it_everywhere(client, coverage):
    quote, article = coverage["quote"], coverage["article"]
    quote_url, article_url = quote.get_absolute_url(), article.get_absolute_url()
    assert client.get(quote_url).status_code == 200
    assert quote_url in client.get(article_url).text

    quote.delete()

    assert client.get(quote_url).status_code == 410  # gone, with what it said; never 404
    assert quote_url not in client.get(article_url).text


def test_unpublishing_an_article_takes_its_cached_page_down(client, coverage):
    article = coverage["article"]
    url = article.get_absolute_url()
    assert client.get(url).status_code == 200
    article.status = Article.Status.DRAFT
    article.save()
    assert client.get(url).status_code == 410  # withdrawn: gone, not "not found"


def test_signed_in_editors_always_get_a_fresh_private_page(client, coverage, admin_user):
    article = coverage["article"]
    url = article.get_absolute_url()
    assert "Nurses walk out" in client.get(url).text
    # A write that bypasses model signals does not invalidate: readers keep the cached copy...
    Article.objects.filter(pk=article.pk).update(headline="Headline changed behind the cache")
    assert "Nurses walk out" in client.get(url).text

    editor = client.__class__()
    editor.force_login(admin_user)
    fresh = editor.get(url)
    # ...while an editor sees the database as it is, in a response no shared cache may keep.
    assert "Headline changed behind the cache" in fresh.text
    assert "private" in fresh["Cache-Control"]
    # And the editor's page was not stored for readers.
    assert "Nurses walk out" in client.get(url).text

    # Code that writes in bulk announces it, as the articles app's own bulk writes do.
    announce_content_change(Article)
    assert "Headline changed behind the cache" in client.get(url).text


def test_revalidation_answers_304_until_the_page_changes(client, coverage):
    article = coverage["article"]
    url = article.get_absolute_url()
    first = client.get(url)
    etag = first["ETag"]
    assert etag

    not_modified = client.get(url, headers={"if-none-match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert "default-src 'self'" in not_modified["Content-Security-Policy"]

    article.headline = "Nurses strike enters second week"
    article.save()
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Nurses strike enters second week" in changed.text


def page_keys():
    return [key for key in cache._cache if ":strikewatch:page:" in key]


def test_parameters_a_page_does_not_read_are_served_from_the_cached_page(
    client, coverage, django_assert_num_queries
):
    url = coverage["article"].get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        for params in ({"x": "123"}, {"utm_source": "feed"}, {"page": "2", "q": "<b>"}):
            again = client.get(url, query_params=params)
            assert again.status_code == 200
            assert again.content == first.content
    assert len(page_keys()) == 1


def test_the_parameters_a_page_reads_still_vary_its_cached_copy(client, coverage):
    url = reverse("articles:person_list")
    labor = client.get(url, {"side": "labor"})
    everyone = client.get(url)
    assert labor.context["side"] == "labor" and everyone.context["side"] == ""
    # A second value, order, a made-up parameter or "page=1" do not make another copy.
    for params in ("side=labor&x=1", "x=1&side=employer&side=labor", "side=labor&page=1"):
        assert client.get(f"{url}?{params}").content == labor.content
    assert client.get(f"{url}?page=01").content == everyone.content
    assert len(page_keys()) == 2


def test_a_cached_page_never_carries_another_visitors_parameters_in_its_links(client, coverage):
    for number in range(31):  # enough coverage for a second page of the list
        Article.objects.create(
            source=coverage["source"],
            headline=f"Nurses picket, day {number}",
            published_at=timezone.now() - timedelta(days=2, hours=number),
            paragraphs=["Nurses picketed."],
        )
    url = reverse("articles:article_list")
    first = client.get(url, {"utm_campaign": "evil", "page": "2"})
    assert first.status_code == 200
    assert "evil" not in first.text and "utm_campaign" not in first.text
    assert client.get(url, {"page": "2"}).content == first.content


def test_pages_not_in_the_cached_set_are_never_stored(client, coverage):
    assert client.get("/healthz").status_code == 200
    assert client.get("/no-such-page/").status_code == 404
    assert page_keys() == []


def test_a_scheduled_article_shortens_how_long_pages_are_kept(coverage, settings):
    now = timezone.now()
    settings.CACHE_MIDDLEWARE_SECONDS = 600
    assert page_cache.page_timeout(now) == 600
    Article.objects.create(
        source=coverage["source"],
        headline="Tentative agreement reached",
        paragraphs=["The union and Valley Health reached a tentative agreement."],
        published_at=now + timedelta(seconds=90),
    )
    assert 90 <= page_cache.page_timeout(now) <= 91


@pytest.mark.parametrize(
    ("change", "storable"),
    [
        (lambda request, response: None, True),
        (lambda request, response: response.set_cookie("csrftoken", "abc"), False),
        (lambda request, response: response.headers.__setitem__("Cache-Control", "private"), False),
        (
            lambda request, response: response.headers.__setitem__("Cache-Control", "no-store"),
            False,
        ),
        (lambda request, response: response.headers.__setitem__("Vary", "*"), False),
        (lambda request, response: setattr(response, "status_code", 500), False),
        (lambda request, response: str(request._csp_nonce), False),  # the page used its CSP nonce
    ],
    ids=["plain", "sets-cookie", "private", "no-store", "vary-star", "error", "csp-nonce"],
)
def test_only_anonymous_cacheable_responses_are_stored(change, storable):
    from django.utils.csp import LazyNonce

    request = RequestFactory().get("/")
    request._csp_nonce = LazyNonce()
    response = HttpResponse("<p>page</p>")
    change(request, response)
    assert PageCacheMiddleware._storable(request, response) is storable


def test_the_generation_file_is_shared_by_every_process_on_the_machine(settings):
    """Another process (another gunicorn worker) starting a generation invalidates ours."""
    before = page_cache.current_generation()
    script = (
        "import django; django.setup(); "
        "from strikewatch.page_cache import current_generation, start_new_generation; "
        "start_new_generation(); print(current_generation())"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PAGE_GENERATION_FILE": str(settings.STRIKEWATCH_PAGE_GENERATION_FILE),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    other = result.stdout.strip()
    assert len(other) == 32
    assert other != before
    assert page_cache.current_generation() == other


def test_pages_are_served_when_the_cache_is_down(client, coverage, settings, caplog):
    from .servers import free_port

    # A Redis cache nobody answers on: every cache call fails.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        },
    }
    response = client.get(coverage["article"].get_absolute_url())
    assert response.status_code == 200
    assert "Nurses walk out at Valley Health" in response.text
    assert "page cache" in caplog.text


def test_nothing_is_cached_while_developing(client, coverage, settings):
    """With DEBUG on, a template or data change shows on the next reload."""
    settings.DEBUG = True
    url = coverage["article"].get_absolute_url()
    client.get(url)
    Article.objects.filter(pk=coverage["article"].pk).update(headline="Changed without a signal")
    assert "Changed without a signal" in client.get(url).text


def url_names(resolver=None, namespace=""):
    from django.urls import URLResolver, get_resolver

    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern, inner)
        elif pattern.name:
            names.add(namespace + pattern.name)
    return names


def test_the_cached_and_rate_limited_views_exist():
    """Both middlewares pick requests by URL name: a renamed view must not silently drop out."""
    names = url_names()
    assert set(page_cache.CACHED_VIEWS) <= names, set(page_cache.CACHED_VIEWS) - names
    limited = set().union(*(scope["views"] for scope in RATE_LIMIT_SCOPES.values()))
    assert limited <= names, limited - names


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("articles:latest_feed", {}),
        ("articles:person_list", {}),
        ("sitemap_section", {"section": "articles"}),
    ],
)
def test_lists_feeds_and_the_sitemap_are_cached_and_invalidated_too(client, coverage, name, kwargs):
    from django.urls import reverse

    url = reverse(name, kwargs=kwargs)
    first = client.get(url)
    assert first.status_code == 200
    assert client.get(url).content == first.content
    new = Article.objects.create(
        source=coverage["source"],
        headline="Tentative agreement reached at Valley Health",
        published_at=timezone.now() - timedelta(hours=1),
        paragraphs=["The strike is over."],
    )
    person = coverage["person"]
    person.name = "Dana M. Ortiz"
    person.save()
    after = client.get(url).text
    expected = {
        "articles:latest_feed": new.headline,
        "articles:person_list": "Dana M. Ortiz",
        "sitemap_section": new.get_absolute_url(),
    }[name]
    assert expected not in first.text
    assert expected in after


def test_a_real_host_serves_made_up_parameters_from_the_cached_page(
    host_env, gunicorn_host, coverage
):
    """
    The page is changed quietly in the database (no signal, so no new
    generation): every answer still showing the old headline was served from
    the cache, not rendered.
    """
    from .servers import fetch

    host = gunicorn_host({**host_env, "WEB_CONCURRENCY": "1", "GUNICORN_THREADS": "1"})
    article = coverage["article"]
    url = article.get_absolute_url()
    assert article.headline in fetch(host.url, url).text
    Article.objects.filter(pk=article.pk).update(headline="Quietly changed headline")
    for query in ("x=123", "utm_source=feed&y=%3Cb%3E", "part=1", "part=01&z=9", "page=7"):
        page = fetch(host.url, f"{url}?{query}")
        assert page.status == 200, query
        assert article.headline in page.text and "Quietly changed" not in page.text, query
    announce_content_change()
    assert "Quietly changed headline" in fetch(host.url, f"{url}?x=1").text
