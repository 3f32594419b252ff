"""
A draft is seen by editors only: no public page, feed, sitemap, search result
or API answer shows it or its quotes, including once an editor turns a
published article back into a draft from the admin (its pages, and those of
its quotes and of a speaker quoted only there, then answer 410 Gone without
showing what they showed).
"""

import re

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from articles.models import Article, Person

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        pytest.skip(f"the URL name {name!r} does not exist yet")


def distinctive_word(article, other):
    """A long word of ``article`` that ``other`` does not use: a search for it finds only ``article``."""

    def words(a):
        return {
            w.casefold() for w in re.findall(r"[A-Za-z]{9,}", " ".join([a.headline, *a.paragraphs]))
        }

    return min(words(article) - words(other))


@pytest.fixture
def draft_world(
    seeded, editor_client, client, settings, tmp_path, django_capture_on_commit_callbacks
):
    """The Bee's article turned into a draft by an editor (after it was indexed while published)."""
    settings.STRIKEWATCH_INDEX_DIR = tmp_path / "index"
    settings.SEARCH_AUTO_REBUILD = False
    kcra, bee = seeded
    draft_only = Person.objects.create(name="Leslie Hansen-Draft")
    quote = bee.quotes.order_by("paragraph").first()
    quote.speaker = draft_only
    quote.save()
    call_command("rebuild_index", verbosity=0)
    published = client.get(url("search:api"), {"q": distinctive_word(bee, kcra)})
    assert bee.get_absolute_url() in published.content.decode()  # found while published
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "make_draft", "_selected_action": [bee.pk], "index": "0"},
        )
    assert response.status_code == 302
    bee.refresh_from_db()
    assert bee.status == Article.Status.DRAFT
    assert "status" in bee.locked_fields
    return kcra, bee, draft_only


def assert_not_shown(response, bee, *, by_headline=True):
    assert response.status_code in (200, 404, 410), response.status_code
    body = response.content.decode()
    assert bee.get_absolute_url() not in body
    if by_headline:  # (a search page repeats the query, which may be the headline)
        assert bee.headline not in body
    for pk in bee.quotes.values_list("pk", flat=True):
        assert reverse("articles:quote_detail", kwargs={"pk": pk}) not in body


def test_draft_article_quotes_and_draft_only_speaker_have_no_page(client, draft_world):
    kcra, bee, draft_only = draft_world
    for page in [bee, *bee.quotes.all(), draft_only]:
        response = client.get(page.get_absolute_url())
        assert response.status_code == 410  # they were public: gone, not "not found"
        assert_not_shown(response, bee)
    assert client.get(kcra.get_absolute_url()).status_code == 200


def test_draft_is_on_no_listing(client, draft_world):
    kcra, bee, _draft_only = draft_world
    home = client.get(url("articles:home"))
    assert kcra.get_absolute_url() in home.content.decode()  # the check below is not vacuous
    assert_not_shown(home, bee)
    year, month = bee.published_at.year, bee.published_at.month
    for name, kwargs in [
        ("articles:archive", {}),
        ("articles:archive_year", {"year": year}),
        ("articles:archive_month", {"year": year, "month": month}),
        ("articles:quote_list", {}),
        ("articles:person_list", {}),
        ("articles:source_detail", {"slug": bee.source.slug}),
        ("articles:strike_detail", {"slug": bee.strike.slug}),
    ]:
        assert_not_shown(client.get(url(name, **kwargs)), bee)


def test_draft_is_in_no_feed(client, draft_world):
    kcra, bee, draft_only = draft_world
    latest = client.get(url("articles:latest_feed"))
    assert kcra.get_absolute_url() in latest.content.decode()
    assert_not_shown(latest, bee)
    for name, kwargs in [
        ("articles:latest_atom", {}),
        ("articles:source_feed", {"slug": bee.source.slug}),
        ("articles:strike_feed", {"slug": bee.strike.slug}),
        ("articles:person_feed", {"slug": draft_only.slug}),
    ]:
        assert_not_shown(client.get(url(name, **kwargs)), bee)


def test_draft_is_in_no_sitemap(client, draft_world):
    from articles.sitemaps import SITEMAPS

    kcra, bee, _draft_only = draft_world
    articles = client.get(url("sitemap_section", section="articles"))
    assert kcra.get_absolute_url() in articles.content.decode()
    assert_not_shown(client.get(url("sitemap")), bee)
    for section in SITEMAPS:
        assert_not_shown(client.get(url("sitemap_section", section=section)), bee)


def test_draft_is_in_no_search_result_or_api_answer(client, draft_world):
    kcra, bee, _draft_only = draft_world
    hidden, visible = distinctive_word(bee, kcra), distinctive_word(kcra, bee)
    control = client.get(url("search:api"), {"q": visible})
    assert control.status_code == 200
    assert kcra.get_absolute_url() in control.content.decode()
    for name in ("search:search", "search:api"):
        for params in ({"q": hidden}, {"q": hidden, "type": "quotes"}, {"q": bee.headline}):
            assert_not_shown(client.get(url(name), params), bee, by_headline=False)
