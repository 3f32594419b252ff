"""
The article page offers the archive's own copy of the page it was fetched
from; the copy is the stored HTML rendered static (nothing runs, nothing
loads from elsewhere) under a banner saying what it is, with the original
URL and the Internet Archive's lookup. Drafts' copies are not public.
"""

from pathlib import Path

import lxml.html
import pytest
from django.utils import dateformat
from django.utils.timezone import localtime

from articles.capture import capture_url
from articles.models import Article

PAGES = Path(__file__).resolve().parent.parent / "fetch" / "pages"
HTML = {"Content-Type": "text/html; charset=utf-8"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def fetched(web, fetch_settings):
    web.expect_request("/news/kaiser").respond_with_data(
        (PAGES / "kaiser_therapists.html").read_bytes(), headers=HTML
    )
    return capture_url(web.url_for("/news/kaiser"), status=Article.Status.PUBLISHED)


def test_the_article_page_links_its_archived_copy_with_the_fetch_date(client, fetched):
    page = client.get(fetched.article.get_absolute_url()).content.decode()
    link = fetched.archived_page.get_absolute_url()
    fetched_on = dateformat.format(
        localtime(fetched.archived_page.fetched_at), "N j, Y"
    )  # the site's one date style
    assert f'<a href="{link}">Archived copy (fetched <span>{fetched_on}</span>)</a>' in page
    assert "web.archive.org/web/*/https://www.valleyledger.example/" in page


def test_the_archived_copy_is_the_page_without_anything_that_runs_or_loads(client, fetched):
    response = client.get(fetched.archived_page.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    tree = lxml.html.fromstring(html)
    banner = " ".join(tree.xpath("//section[@class='archived-banner']")[0].text_content().split())
    assert "This is StrikeWatch’s copy of http://127.0.0.1" in banner
    assert fetched.archived_page.sha256 in banner
    copy = tree.xpath("//section[@class='archived-page']")[0]
    text = " ".join(copy.text_content().split())
    assert "Mental health therapists at Kaiser Permanente returned to the picket lines" in text
    assert "[Image: Therapists picket outside a Kaiser clinic in Sacramento]" in text
    # Nothing that runs, nothing fetched from elsewhere, no inline style the CSP would refuse.
    assert not copy.xpath(
        ".//script | .//style | .//iframe | .//img | .//form | .//link | .//input"
    )
    assert not [
        a for e in copy.iter() for a in e.attrib if a.startswith("on") or a in ("style", "src")
    ]
    assert "javascript:" not in html and "tracker.example" not in html
    assert "dataLayer" not in html and "startTracking" not in html
    # Links lead to the original site, absolute, marked as external.
    hrefs = copy.xpath(".//a/@href")
    assert (
        f"http://127.0.0.1:{fetched.archived_page.final_url.split(':')[2].split('/')[0]}/news/"
        in hrefs
    )
    assert all(
        a.get("rel") == "nofollow noopener noreferrer external" for a in copy.xpath(".//a[@href]")
    )
    # The page's own headings sit under the banner's.
    assert [h.tag for h in tree.xpath("//h1")] == ["h1"]
    assert "Kaiser therapists return to picket lines as talks stall" in [
        h.text_content() for h in copy.xpath(".//h2")
    ]
    assert tree.xpath("//meta[@name='robots']/@content") == ["noindex"]


def test_the_archived_copy_is_served_under_a_policy_that_runs_no_script(client, fetched):
    response = client.get(fetched.archived_page.get_absolute_url())
    policy = response["Content-Security-Policy"]
    assert "script-src 'none'" in policy
    assert "frame-src 'none'" in policy
    assert "default-src 'self'" in policy


def test_a_drafts_archived_copy_is_not_public(client, fetched):
    Article.objects.filter(pk=fetched.article.pk).update(status=Article.Status.DRAFT)
    assert client.get(fetched.archived_page.get_absolute_url()).status_code == 404


def test_a_copy_under_another_articles_address_is_not_found(client, fetched, seeded):
    kcra, _bee = seeded
    url = fetched.archived_page.get_absolute_url().replace(fetched.article.slug, kcra.slug)
    assert client.get(url).status_code == 404


def test_a_stored_file_that_cannot_be_read_answers_503_saying_so(client, fetched):
    fetched.archived_page.warc_path.unlink()
    response = client.get(fetched.archived_page.get_absolute_url())
    assert response.status_code == 503
    assert response["Retry-After"] == "3600"
    assert "The stored copy cannot be read right now" in response.content.decode()


def test_a_new_copy_of_a_published_article_shows_on_its_cached_page(client, fetched, web):
    """The page cache hears of archived pages: a fresh capture is linked at once."""
    first = client.get(fetched.article.get_absolute_url()).content.decode()
    assert "Archived copy (fetched" in first
    again = capture_url(web.url_for("/news/kaiser"))
    assert not again.created
    page = client.get(fetched.article.get_absolute_url()).content.decode()
    assert again.archived_page.get_absolute_url() in page
