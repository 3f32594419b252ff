from django.core.management.base import BaseCommand

from articles.models import Article, SyndicatedCopy
from articles.syndication import link_copies


class Command(BaseCommand):
    help = (
        "Recognise copies of one story among the articles already in the archive (imports, "
        "uploads and fetches link them as they arrive): takes each article's text signature and "
        "links the copies. Run once after upgrading; --force recomputes every article."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Recompute articles whose text has not changed."
        )

    def handle(self, *args, force=False, **options):
        articles = 0
        for article in Article.objects.order_by("pk").only("pk", "paragraphs").iterator():
            link_copies(article, force=force)
            articles += 1
        self.stdout.write(
            f"{articles} articles compared; {SyndicatedCopy.objects.count()} pairs of copies linked"
        )
