from django.core.management.base import BaseCommand

from articles.feed_watch import watch_feeds


class Command(BaseCommand):
    help = (
        "Poll every active feed (conditional requests), keep the entries that match a running "
        "strike's terms or the site's strike words, and file them as drafts for review, fetching "
        "at most --max-fetches pages a run. Safe from cron every few minutes: a run that finds "
        "another in progress does nothing. Prints one summary line (problems with -v 2)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-fetches",
            type=int,
            default=20,
            help="Pages fetched at most in one run; the rest wait for the next (default 20).",
        )
        parser.add_argument(
            "--delay",
            type=float,
            default=2.0,
            help="Seconds between two requests to one host (default 2; robots.txt may ask more).",
        )

    def handle(self, *args, max_fetches, delay, verbosity, **options):
        run = watch_feeds(max_fetches=max_fetches, host_delay=delay)
        if verbosity > 1:
            for problem in run.problems:
                self.stderr.write(problem)
        self.stdout.write(run.summary)
