"""
The fetched page kept as WARC: read back with warcio, the response's body is
byte for byte what the server sent, dated when it was fetched, with the
server's address and SHA-256 digests; many captures make one WARC file that
warcio reads whole.
"""

import base64
import gzip
import hashlib
import io

from warcio.archiveiterator import ArchiveIterator

from articles.fetch.warc import read_response, write_archive, write_capture

from .conftest import page_bytes

HTML = {"Content-Type": "text/html; charset=utf-8"}


def sha256_label(data):
    return "sha256:" + base64.b32encode(hashlib.sha256(data).digest()).decode()


def records(path):
    with open(path, "rb") as stream:
        return [
            (record.rec_type, record.rec_headers, record.http_headers, record.raw_stream.read())
            for record in ArchiveIterator(stream)
        ]


def test_every_exchange_is_kept_as_request_and_response_records(fetcher, web, tmp_path):
    page = page_bytes("kaiser_therapists.html")
    web.expect_request("/s/1").respond_with_data("", status=302, headers={"Location": "/story"})
    web.expect_request("/story").respond_with_data(page, headers=HTML)
    resource = fetcher.fetch(web.url_for("/s/1"))
    path = tmp_path / "capture.warc.gz"
    write_capture(path, resource)

    kept = records(path)
    assert [(kind, headers.get_header("WARC-Target-URI")) for kind, headers, _, _ in kept] == [
        ("request", web.url_for("/s/1")),
        ("response", web.url_for("/s/1")),
        ("request", web.url_for("/story")),
        ("response", web.url_for("/story")),
    ]
    _, headers, http_headers, body = kept[-1]
    assert body == page  # byte for byte what the server sent
    assert http_headers.get_statuscode() == "200"
    assert http_headers.get_header("Content-Type") == "text/html; charset=utf-8"
    assert headers.get_header("WARC-Payload-Digest") == sha256_label(page)
    assert headers.get_header("WARC-Block-Digest").startswith("sha256:")
    assert headers.get_header("WARC-IP-Address") == "127.0.0.1"
    assert headers.get_header("WARC-Date").startswith(
        resource.fetched_at.strftime("%Y-%m-%dT%H:%M:%S")
    )
    request_headers = kept[2][2]
    assert (request_headers.protocol, request_headers.statusline) == ("GET", "/story HTTP/1.1")
    assert request_headers.get_header("User-Agent").startswith("StrikeWatch/")
    assert kept[2][1].get_header("WARC-Concurrent-To") == headers.get_header("WARC-Record-ID")


def test_a_compressed_answer_is_kept_compressed_and_reads_back_decoded(fetcher, web, tmp_path):
    page = page_bytes("kaiser_therapists.html")
    sent = gzip.compress(page)
    web.expect_request("/story").respond_with_data(
        sent, headers={**HTML, "Content-Encoding": "gzip"}
    )
    resource = fetcher.fetch(web.url_for("/story"))
    path = tmp_path / "capture.warc.gz"
    write_capture(path, resource)
    assert records(path)[-1][3] == sent
    kept = read_response(path)
    assert (kept.raw_body, kept.content, kept.status) == (sent, page, 200)


def test_a_chunked_answer_is_kept_de_chunked_under_a_renamed_header(fetcher, web, tmp_path):
    from werkzeug import Response

    pieces = [b"<html><body>", b"<p>first</p>", b"<p>second</p>", b"</body></html>"]
    web.expect_request("/live").respond_with_response(Response(iter(pieces), headers=HTML))
    resource = fetcher.fetch(web.url_for("/live"))
    path = tmp_path / "capture.warc.gz"
    write_capture(path, resource)
    _, _, http_headers, body = records(path)[-1]
    assert body == b"".join(pieces)
    assert http_headers.get_header("Transfer-Encoding") is None
    assert http_headers.get_header("X-Archive-Orig-Transfer-Encoding") == "chunked"
    assert read_response(path).content == b"".join(pieces)


def test_many_captures_make_one_warc_file(fetcher, web, tmp_path):
    paths = []
    for n in range(3):
        web.expect_request(f"/story{n}").respond_with_data(f"<p>story {n}</p>", headers=HTML)
        paths.append(tmp_path / f"{n}.warc.gz")
        write_capture(paths[-1], fetcher.fetch(web.url_for(f"/story{n}")))
    output = io.BytesIO()
    write_archive(output, paths, software="StrikeWatch tests")
    output.seek(0)
    kinds = [(r.rec_type, r.raw_stream.read()) for r in ArchiveIterator(output)]
    assert kinds[0][0] == "warcinfo" and b"StrikeWatch tests" in kinds[0][1]
    assert [body for kind, body in kinds if kind == "response"] == [
        f"<p>story {n}</p>".encode() for n in range(3)
    ]
