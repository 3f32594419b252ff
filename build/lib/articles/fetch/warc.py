"""
Keeping fetched pages as WARC (ISO 28500, the format of the Internet
Archive and Perma.cc), with warcio.

``write_capture(path, resource)`` takes a ``FetchedResource`` and writes one
gzipped WARC file: for every exchange (redirect hops included) a ``request``
record and a ``response`` record holding the HTTP headers and the body
exactly as the server sent them, dated when the response began, with the
server's address and SHA-256 digests. ``read_response(path)`` gives the last
response back (headers, raw body, body decoded); ``write_archive`` writes
many capture files as one WARC file after a ``warcinfo`` record.

Transport framing is not content: the body is kept de-chunked, so a
``Transfer-Encoding`` header is kept as ``X-Archive-Orig-Transfer-Encoding``
(the convention of web archives' replay tools) for readers not to de-chunk it
again.
"""

import hashlib
import io
import shutil
from dataclasses import dataclass
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.limitreader import LimitReader
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

RENAMED_HEADERS = {"transfer-encoding": "X-Archive-Orig-Transfer-Encoding"}


class SHA256WARCWriter(WARCWriter):
    """warcio's writer, with SHA-256 block and payload digests instead of SHA-1."""

    @staticmethod
    def _create_digester():
        return Digester("sha256")


@dataclass(frozen=True)
class ArchivedResponse:
    url: str
    date: str  # WARC-Date
    status: int
    headers: list  # [(name, value)]
    raw_body: bytes  # as the server sent it
    content: bytes  # content-encoding undone

    def header(self, name):
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


def write_capture(path, resource):
    """Write ``resource``'s exchanges to a new gzipped WARC file at ``path``."""
    with open(path, "xb") as output:
        writer = SHA256WARCWriter(output, gzip=True, warc_version="1.1")
        for exchange in resource.exchanges:
            date = datetime_to_iso_date(exchange.started_at.replace(tzinfo=None), use_micros=True)
            response = _response_record(writer, exchange, date)
            request = _request_record(writer, exchange, date, response)
            writer.write_record(request)
            writer.write_record(response)


def _response_record(writer, exchange, date):
    headers = [(RENAMED_HEADERS.get(k.lower(), k), v) for k, v in exchange.response_headers]
    status_line = f"{exchange.status} {exchange.reason}".rstrip()
    http_headers = StatusAndHeaders(status_line, headers, protocol=exchange.http_version)
    warc_headers = {"WARC-Date": date}
    if exchange.address:
        warc_headers["WARC-IP-Address"] = exchange.address
    return writer.create_warc_record(
        exchange.url,
        "response",
        payload=io.BytesIO(exchange.body),
        length=len(exchange.body),
        warc_headers_dict=warc_headers,
        http_headers=http_headers,
    )


def _request_record(writer, exchange, date, response):
    parts = urlsplit(exchange.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    http_headers = StatusAndHeaders(
        f"GET {target} {exchange.http_version}", exchange.request_headers, is_http_request=True
    )
    return writer.create_warc_record(
        exchange.url,
        "request",
        payload=io.BytesIO(b""),
        length=0,
        warc_headers_dict={
            "WARC-Date": date,
            "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
        },
        http_headers=http_headers,
    )


def read_response(path, *, max_bytes=None):
    """The last response record of a capture file (the page after any redirects)."""
    found = None
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            raw = (
                record.raw_stream.read()
                if max_bytes is None
                else LimitReader(record.raw_stream, max_bytes).read()
            )
            found = (record, raw)
    if found is None:
        raise ValueError(f"{path} holds no response record")
    record, raw = found
    return ArchivedResponse(
        url=record.rec_headers.get_header("WARC-Target-URI"),
        date=record.rec_headers.get_header("WARC-Date"),
        status=int(record.http_headers.get_statuscode()),
        headers=list(record.http_headers.headers),
        raw_body=raw,
        content=_decoded(raw, record.http_headers.get_header("Content-Encoding")),
    )


def _decoded(raw, encoding):
    encoding = (encoding or "").strip().lower()
    if encoding in ("", "identity"):
        return raw
    reader = BufferedReader(io.BytesIO(raw), decomp_type={"x-gzip": "gzip"}.get(encoding, encoding))
    return reader.read()


def write_archive(output, capture_paths, *, software, description=""):
    """
    One WARC file from many capture files: a ``warcinfo`` record, then each
    capture's records (gzip members concatenated, as WARC readers expect).
    """
    writer = SHA256WARCWriter(output, gzip=True, warc_version="1.1")
    info = {"software": software, "format": "WARC File Format 1.1"}
    if description:
        info["description"] = description
    writer.write_record(writer.create_warcinfo_record(getattr(output, "name", ""), info))
    for path in capture_paths:
        with open(path, "rb") as capture:
            shutil.copyfileobj(capture, output)
