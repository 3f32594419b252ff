"""The site's own 404 and 500 pages; the 500 page needs neither the database nor a request context."""

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views.defaults import server_error


def test_unknown_pages_get_the_archive_404_page(client, db):
    response = client.get("/articles/no-such-article/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "We can’t find that page" in page
    assert 'href="/archive/"' in page  # a way back into the archive
    assert '<html lang="en">' in page


def test_the_500_page_renders_without_the_database_or_a_request():
    # No ``db`` fixture: any query here would fail the test.
    request = RequestFactory().get("/articles/broken/")
    response = server_error(request)
    standalone = render_to_string("500.html")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "Something went wrong on our side" in standalone
