import os

from django.core.management.base import BaseCommand, CommandError

from articles.management.progress import progress
from search.backends import IndexUnavailable, backend_names, get_backend
from search.indexing import RebuildRunning, rebuild


class Command(BaseCommand):
    help = (
        "Build a fresh search index from the database beside the live one and swap it in "
        "atomically; the site keeps searching the old index meanwhile."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing when a readable index is already there (quick on every start).",
        )
        parser.add_argument(
            "--backend",
            choices=backend_names(),
            help="Which backend's index (default: SEARCH_BACKEND).",
        )
        parser.add_argument(
            "--processes",
            type=int,
            default=min(4, os.cpu_count() or 1),
            help="Whoosh indexing processes (default: the CPU count, at most 4).",
        )
        parser.add_argument(
            "--no-wait",
            action="store_true",
            help="Fail instead of waiting when another rebuild is running.",
        )

    def handle(self, *args, if_missing=False, backend=None, processes=1, no_wait=False, **options):
        search_backend = get_backend(backend)
        if processes < 1:
            raise CommandError("--processes must be at least 1.")
        try:
            stats = rebuild(
                search_backend,
                processes=processes,
                if_missing=if_missing,
                wait=not no_wait,
                progress=lambda documents, total: progress(
                    documents, total=total, stream=self.stderr, unit="documents"
                ),
            )
        except (RebuildRunning, IndexUnavailable) as error:
            # Another rebuild, a full disk, a build that failed its checks: the live
            # index is unchanged and the message says why, no traceback needed.
            raise CommandError(str(error)) from None
        if stats is None:
            self.stdout.write(
                f"The {search_backend.name} search index is already there; nothing to do."
            )
            return
        documents = stats["documents"]
        total = sum(documents.values())
        rate = total / stats["seconds"] if stats["seconds"] else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Built the {search_backend.name} search index: {documents['article']} articles and "
                f"{documents['quote']} quotes in {stats['seconds']:.1f} s ({rate:.0f} documents/s, "
                f"{stats['bytes'] / 1_048_576:.1f} MiB)."
            )
        )
