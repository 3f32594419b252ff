from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from articles.quote_sync import sync_quotes


class Command(BaseCommand):
    help = (
        "Re-extract quotes from articles. Replaces machine-made quotes only: quotes an editor "
        "added or corrected are kept, and quotes an editor deleted stay deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="ARTICLE_SLUG")
        parser.add_argument("--all", action="store_true", help="Every article in the archive.")

    def handle(self, *args, slugs, all=False, **options):
        if all == bool(slugs):
            raise CommandError("Name article slugs or pass --all (not both).")
        articles = Article.objects.order_by("pk")
        if slugs:
            articles = articles.filter(slug__in=slugs)
            missing = set(slugs) - set(articles.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No article with slug: {', '.join(sorted(missing))}")
        total_created = total_kept = 0
        for article in articles.iterator():
            created, kept = sync_quotes(article)
            total_created += created
            total_kept += kept
        self.stdout.write(
            f"{articles.count()} article(s): {total_created} machine quote(s) extracted, "
            f"{total_kept} editor quote(s) kept"
        )
