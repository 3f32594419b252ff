from django.core.management.base import BaseCommand, CommandError

from articles.capture import capture_url, fetch_policy
from articles.fetch import Fetcher, FetchError
from articles.ingest import IngestError
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Add articles by their URLs: fetch each page (public addresses only, robots.txt obeyed), "
        "keep it as a WARC record, read its text, date, outlet and byline, and file it with its "
        "quotes. A page whose canonical URL is already archived is that article: the new copy is "
        "kept with it. Pages that cannot be added are reported; the command then exits non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+", metavar="URL")
        parser.add_argument(
            "--status",
            choices=Article.Status.values,
            default=Article.Status.DRAFT,
            help="Status of new articles (default: draft, for an editor's review).",
        )

    def handle(self, *args, urls, status, **options):
        failed = 0
        with Fetcher(fetch_policy()) as fetcher:
            for url in urls:
                try:
                    capture = capture_url(url, fetcher=fetcher, status=status)
                except (FetchError, IngestError) as error:
                    self.stderr.write(f"not added {url}: {error}")
                    failed += 1
                    continue
                self.stdout.write(f"{url}: {capture.summary}")
        if failed:
            raise CommandError(f"{failed} URL(s) not added; see the lines above", returncode=1)
