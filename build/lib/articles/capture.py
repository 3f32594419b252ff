"""
Adding coverage by its URL: the one path for ``fetch_articles``, the admin's
"Add by URL" (through a background task, ``articles.tasks``) and
``watch_feeds``.

Takes a URL; gives a ``Capture``: the article (new, or the one already
archived under the page's canonical URL: the same article), and the page as
fetched, kept as a WARC file (``ArchivedPage``). The stages:

1. fetch (``articles.fetch``: public addresses only, robots.txt, size cap,
   timeouts, redirects checked hop by hop), with the policy the settings give;
2. read the page as an uploaded page is read (``articles.ingest.html``:
   trafilatura for the text, htmldate for the date, the page's metadata for
   outlet, byline and canonical URL);
3. identity: a canonical URL already in the archive is that article
   (``importer.article_at_url``); otherwise the importer stores it exactly as
   an upload (``parse_article_text``, ``import_parsed_article``: strike
   matching, quotes, locks on what was set);
4. keep the page: the exchanges as WARC records under
   ``STRIKEWATCH_ARCHIVE_DIR``, with fetch time and SHA-256.

Raises FetchError or IngestError, with a message for the editor; nothing is
written then.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .fetch import AllowedHosts, Fetcher, FetchPolicy
from .fetch.warc import write_capture
from .importer import article_at_url, import_parsed_article, parse_article_text
from .ingest.html import extract_page
from .models import ArchivedPage, Article

ROBOTS_TOKEN = "StrikeWatch"


@dataclass
class Capture:
    article: Article
    archived_page: ArchivedPage
    created: bool  # False: the page's canonical URL was already archived
    quotes: int = 0

    @property
    def summary(self):
        """One line for the editor (or the command's output)."""
        if not self.created:
            return (
                f"already in the archive: “{self.article.headline}”; "
                f"the page fetched now is kept as a new archived copy"
            )
        status = self.article.get_status_display().lower()
        return f"added “{self.article.headline}” ({status}, {self.quotes} quotes found)"


def fetch_policy(*, host_delay=0.0):
    """The fetching rules the settings give (README: FETCH_*)."""
    return FetchPolicy(
        user_agent=settings.FETCH_USER_AGENT,
        robots_token=ROBOTS_TOKEN,
        timeout=settings.FETCH_TIMEOUT,
        max_bytes=settings.FETCH_MAX_BYTES,
        max_redirects=settings.FETCH_MAX_REDIRECTS,
        host_delay=host_delay,
        allowed=AllowedHosts.parse(settings.FETCH_ALLOWED_HOSTS),
    )


def capture_url(url, *, fetcher=None, status=Article.Status.DRAFT, overrides=None):
    """Fetch ``url`` and file it (see the module's docstring); ``overrides`` as an editor's."""
    if fetcher is None:
        with Fetcher(fetch_policy()) as own_fetcher:
            return capture_url(url, fetcher=own_fetcher, status=status, overrides=overrides)
    resource = fetcher.fetch(url)
    page = extract_page(
        resource.content,
        max_bytes=settings.FETCH_MAX_BYTES,
        url=resource.final_url,
        charset=resource.charset,
    )
    overrides = {**(overrides or {}), "status": status}
    canonical = overrides.get("url") or page.url
    known = article_at_url(canonical) or article_at_url(resource.final_url) or article_at_url(url)
    with transaction.atomic():
        if known is not None:
            capture = Capture(known, None, created=False)
        else:
            parsed = parse_article_text(
                page.to_seed_text(headline=overrides.get("headline", "")), overrides=overrides
            )
            result = import_parsed_article(
                parsed,
                key=f"url:{hashlib.sha256(canonical.encode()).hexdigest()[:40]}",
                content_hash=hashlib.sha256(resource.final.body).hexdigest(),
                overrides=overrides,
            )
            capture = Capture(result.article, None, created=True, quotes=result.quotes)
        capture.archived_page = keep_page(resource, capture.article)
    return capture


def keep_page(resource, article):
    """Write ``resource`` as a WARC file in the archive directory and record it."""
    final = resource.final
    sha256 = hashlib.sha256(final.body).hexdigest()
    relative = Path(f"{resource.fetched_at:%Y/%m}") / (
        f"{resource.fetched_at:%Y%m%dT%H%M%S%f}-{sha256[:16]}.warc.gz"
    )
    archived_page = ArchivedPage(
        article=article,
        url=resource.url,
        final_url=resource.final_url,
        fetched_at=resource.fetched_at,
        sha256=sha256,
        content_type=resource.content_type,
        size=len(final.body),
        warc_file=relative.as_posix(),
    )
    path = archived_page.warc_path
    path.parent.mkdir(parents=True, exist_ok=True)
    write_capture(path, resource)
    try:
        archived_page.save()
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return archived_page
