from django.core.management.base import BaseCommand

from search.indexing import drain, purge_done, queue_status


class Command(BaseCommand):
    help = (
        "Apply queued search index updates now. Saves apply their own updates; run this from "
        "cron (every minute) so that articles scheduled for later become searchable on time."
    )

    def handle(self, *args, **options):
        applied = drain(max_batches=10_000)
        purged = purge_done()
        status = queue_status()
        self.stdout.write(
            f"Re-indexed {applied} articles; {status['due']} updates still due, "
            f"{status['scheduled']} scheduled for later; forgot {purged} old queue rows."
        )
