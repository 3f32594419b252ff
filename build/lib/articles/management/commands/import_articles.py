from django.core.management.base import BaseCommand, CommandError

from articles.importer import Outcome, article_files, import_article_files
from articles.ingest import IngestError
from articles.management.progress import progress
from articles.signals import writing_in_batch


class Command(BaseCommand):
    help = (
        "Import articles from .txt files or folders of them (first line the headline, "
        "paragraphs separated by blank lines, optional Source:/Published:/URL:/Byline: header). "
        "An article is known by its original URL, or its outlet, headline and date, not by its "
        "file name: a different story under a known file name is added as a new article, and the "
        "same story under another name adds nothing; each is said in one line. Unchanged files "
        "are skipped; bad files are reported and skipped, and the command then exits non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--draft", action="store_true", help="Import new articles as drafts.")
        parser.add_argument(
            "--force", action="store_true", help="Re-parse files even if they have not changed."
        )

    def handle(self, *args, paths, draft=False, force=False, **options):
        counts = dict.fromkeys(Outcome, 0)
        status = "draft" if draft else None
        files = list(article_files(paths))
        # One run of writes: the search index takes the run's articles in a few commits.
        with writing_in_batch():
            skipped = self._import(files, counts, status, force, options["verbosity"])
        summary = ", ".join(f"{n} {outcome}" for outcome, n in counts.items())
        self.stdout.write(f"{summary}, {skipped} skipped")
        if skipped:
            raise CommandError(f"{skipped} file(s) skipped; see the lines above", returncode=1)

    def _import(self, files, counts, status, force, verbosity):
        """Import the files, counting outcomes in ``counts``; returns how many were skipped."""
        skipped = 0
        results = import_article_files(files, status=status, force=force)
        for path, result in progress(
            results, total=len(files), stream=self.stderr, unit="articles"
        ):
            if isinstance(result, IngestError):
                self.stderr.write(f"skipped {path}: {result}")
                skipped += 1
                continue
            counts[result.outcome] += 1
            if result.outcome is Outcome.SAME_STORY:
                self.stdout.write(f"{result.outcome} {path}: {result.note}")
            elif result.outcome is not Outcome.UNCHANGED and verbosity > 0:
                outlet = result.article.source or "outlet not known"
                note = f"; {result.note}" if result.note else ""
                self.stdout.write(
                    f"{result.outcome} {path}: {result.article.headline!r} "
                    f"({outlet}, {result.quotes} quotes){note}"
                )
        return skipped
