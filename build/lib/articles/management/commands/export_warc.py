from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.fetch.warc import write_archive
from articles.models import ArchivedPage


class Command(BaseCommand):
    help = (
        "Write every page the archive has fetched as one gzipped WARC file (a warcinfo record, "
        "then each capture's request and response records, oldest first), readable by warcio, "
        "pywb and the Internet Archive's tools. Captures whose file is missing are reported and "
        "the command then exits non-zero; the others are written."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", metavar="FILE.warc.gz")

    def handle(self, *args, output, **options):
        output = Path(output)
        pages = list(ArchivedPage.objects.order_by("fetched_at", "pk"))
        present = [page for page in pages if page.warc_path.is_file()]
        for page in pages:
            if page not in present:
                self.stderr.write(f"missing: {page.warc_file} ({page.final_url})")
        partial = output.with_name(output.name + ".partial")
        with partial.open("wb") as stream:
            write_archive(
                stream,
                [page.warc_path for page in present],
                software="StrikeWatch export_warc",
                description=f"{len(present)} pages fetched by StrikeWatch",
            )
        partial.replace(output)
        self.stdout.write(f"{len(present)} captures written to {output}")
        if len(present) < len(pages):
            raise CommandError(
                f"{len(pages) - len(present)} capture file(s) missing; see the lines above",
                returncode=1,
            )
