"""Drafts and scheduled articles are nowhere public; published URLs are permanent."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Redirect


def public_urls(article):
    quotes = list(article.quotes.all())
    urls = [article.get_absolute_url(), f"{article.get_absolute_url()}cite/bibtex/"]
    for quote in quotes:
        urls += [quote.get_absolute_url(), f"{quote.get_absolute_url()}cite/ris/"]
    return urls


@pytest.mark.parametrize(
    "hide",
    [
        pytest.param({"status": Article.Status.DRAFT}, id="draft"),
        pytest.param({"published_at": timezone.now() + timedelta(days=3)}, id="scheduled"),
    ],
)
def test_an_unpublished_article_is_404_everywhere_and_listed_nowhere(client, seeded, hide):
    kcra, bee = seeded
    urls = public_urls(bee)
    speakers = {q.speaker for q in bee.quotes.exclude(speaker=None)} - {
        q.speaker for q in kcra.quotes.exclude(speaker=None)
    }
    Article.objects.filter(pk=bee.pk).update(**hide)

    for url in urls:
        assert client.get(url).status_code == 404, url
    for person in speakers:  # quoted only in the hidden article
        assert client.get(person.get_absolute_url()).status_code == 404
    assert client.get(bee.source.get_absolute_url()).status_code == 404
    assert client.get("/archive/2022/08/").status_code == 404

    listings = [
        "/",
        "/archive/",
        "/quotes/",
        "/people/",
        bee.strike.get_absolute_url(),
        "/feed/",
        "/feed/atom/",
    ]
    listings += [
        f"/strikes/{bee.strike.slug}/feed/",
        "/sitemap-articles.xml",
        "/sitemap-quotes.xml",
    ]
    for url in listings:
        body = client.get(url).content.decode()
        assert bee.slug not in body, url
        assert kcra.slug in body or url.startswith(("/people/", "/sitemap-quotes")), url
        for quote_url in urls[2::2]:
            assert f'"{quote_url}"' not in body and f">http://testserver{quote_url}<" not in body, (
                url,
                quote_url,
            )


def test_an_editor_changing_a_published_slug_leaves_a_301(client, seeded):
    _kcra, bee = seeded
    old = bee.get_absolute_url()
    bee.slug = "kaiser-prepares-for-three-month-strike"
    bee.save()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == "/articles/kaiser-prepares-for-three-month-strike/"
    assert client.get(response["Location"]).status_code == 200
    assert Redirect.objects.filter(old_path=old).exists()
    # Query strings (e.g. tracking) survive the redirect.
    assert (
        client.get(f"{old}?ref=feed")["Location"]
        == "/articles/kaiser-prepares-for-three-month-strike/?ref=feed"
    )
