"""
``export_warc`` writes the whole archive as one WARC file that warcio reads
back: a warcinfo record, then every capture, each response byte for byte
what the server sent.
"""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from warcio.archiveiterator import ArchiveIterator

from articles.capture import capture_url

PAGES = Path(__file__).resolve().parent / "fetch" / "pages"
HTML = {"Content-Type": "text/html; charset=utf-8"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def captured(web, fetch_settings):
    sent = {}
    for path, name in [
        ("/news/kaiser", "kaiser_therapists.html"),
        ("/news/teachers", "teachers_vote.html"),
    ]:
        body = (PAGES / name).read_bytes()
        web.expect_request(path).respond_with_data(body, headers=HTML)
        sent[web.url_for(path)] = body
    for url in sent:
        capture_url(url)
    capture_url(web.url_for("/news/kaiser"))  # fetched again: a second capture of the same page
    return sent


def test_the_whole_archive_is_one_warc_file_warcio_reads(captured, tmp_path):
    output = tmp_path / "archive.warc.gz"
    out = io.StringIO()
    call_command("export_warc", str(output), stdout=out)
    assert out.getvalue() == f"3 captures written to {output}\n"
    with output.open("rb") as stream:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.raw_stream.read())
            for r in ArchiveIterator(stream)
        ]
    assert records[0][0] == "warcinfo"
    responses = [(uri, body) for kind, uri, body in records if kind == "response"]
    kaiser, teachers = list(captured)
    assert [uri for uri, _ in responses] == [kaiser, teachers, kaiser]
    assert all(body == captured[uri] for uri, body in responses)
    assert [kind for kind, _, _ in records].count("request") == 3


def test_a_missing_capture_file_is_reported_and_the_rest_written(captured, tmp_path):
    from articles.models import ArchivedPage

    lost = ArchivedPage.objects.order_by("pk").first()
    lost.warc_path.unlink()
    err = io.StringIO()
    output = tmp_path / "archive.warc.gz"
    with pytest.raises(CommandError):
        call_command("export_warc", str(output), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().startswith(f"missing: {lost.warc_file}")
    with output.open("rb") as stream:
        assert sum(r.rec_type == "response" for r in ArchiveIterator(stream)) == 2
