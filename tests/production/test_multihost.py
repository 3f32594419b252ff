"""
Several web hosts (README: "Several web hosts"): two gunicorn instances with
separate working directories, sharing one PostgreSQL database, the PostgreSQL
search backend and one Redis cache. An editor's change made through one host
shows on the other, in pages and in search; rate limits count across both.
"""

import time
from urllib.parse import urlencode

import pytest
import redis as redis_client
from django.urls import NoReverseMatch, reverse

from .servers import Redis, fetch, manage

pytestmark = pytest.mark.slow

EDITOR_PASSWORD = "correct horse battery staple"
NEW_HEADLINE = "Kaiser therapists weigh tentative agreement after ten weeks"


@pytest.fixture
def redis(tmp_path):
    try:
        server = Redis(workdir=tmp_path / "redis").start()
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    yield server
    server.stop()


@pytest.fixture
def editor(transactional_db, settings, django_user_model):
    """A superuser whose password the hosts can check (they hash as production does)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    user = django_user_model.objects.create_superuser(
        "editor", "editor@example.org", EDITOR_PASSWORD
    )
    return user


def search_path(query):
    try:
        return f"{reverse('search:search')}?{urlencode({'q': query})}"
    except NoReverseMatch:
        pytest.skip("no search page (search:search) to test across hosts yet")


def wait_for(check, timeout=20, interval=0.25):
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(interval)


def test_an_edit_through_one_host_shows_on_the_other_in_pages_and_search(
    host_env, gunicorn_host, redis, seeded, editor, page
):
    kcra, _bee = seeded
    env = {
        **host_env,
        "SEARCH_BACKEND": "postgres",
        "CACHE_URL": redis.url,
        "RATE_LIMIT_SEARCH": "40/d",
        "RATE_LIMIT_EXEMPT": "",
    }
    # The PostgreSQL backend's index lives in the shared database: build it once, from any host.
    manage(env, "rebuild_index")
    a = gunicorn_host(env, "host-a")
    b = gunicorn_host(
        {**env, "STRIKEWATCH_INDEX_DIR": env["STRIKEWATCH_INDEX_DIR"] + "-b"}, "host-b"
    )
    article_path = kcra.get_absolute_url()
    searches = 0

    # Behind a load balancer, both hosts answer to one public name.
    public = {"Host": "localhost"}

    # Host B has the page cached (in Redis) and cannot find the new words yet.
    assert kcra.headline in fetch(b.url, article_path, headers=public).text
    assert kcra.headline in fetch(b.url, article_path, headers=public).text
    assert kcra.headline in fetch(a.url, article_path, headers=public).text
    # What the hosts share in Redis is the pages' generation; each worker keeps its own copies.
    shared = redis_client.Redis.from_url(redis.url)
    assert shared.keys("*strikewatch:page-generation") != []
    generation = shared.get(shared.keys("*strikewatch:page-generation")[0])
    before = fetch(b.url, search_path("tentative agreement"))
    searches += 1
    assert before.status == 200
    assert article_path not in before.text

    # An editor changes the headline in host A's admin, in a real browser.
    page.goto(f"{a.url}{reverse('admin:login')}")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("[type=submit]")
    page.wait_for_load_state("load")
    assert "/login/" not in page.url, page.content()
    page.goto(f"{a.url}{reverse('admin:articles_article_change', args=[kcra.pk])}")
    page.fill("#id_headline", NEW_HEADLINE)
    page.click("[name=_save]")
    page.wait_for_load_state("load")
    assert "was changed successfully" in page.content()

    # Host B serves the edited page at once: host A started a new generation in Redis.
    assert shared.get(shared.keys("*strikewatch:page-generation")[0]) != generation
    assert NEW_HEADLINE in fetch(b.url, article_path, headers=public).text

    # And finds it in search, through the shared PostgreSQL index.
    def found():
        nonlocal searches
        searches += 1
        response = fetch(b.url, search_path("tentative agreement"))
        return response.status == 200 and article_path in response.text

    assert wait_for(found), "host B's search never found the edited article"

    # Rate limits are counted in Redis too: 40 searches a day in all, whichever host answers.
    allowed = searches
    for n in range(60):
        host = (a, b)[n % 2]
        response = fetch(host.url, search_path(f"kaiser {n}"))
        if response.status == 429:
            assert int(response.header("Retry-After")) >= 1
            break
        assert response.status == 200
        allowed += 1
    assert 40 <= allowed < 45  # two hosts counting apart would have allowed about 80
