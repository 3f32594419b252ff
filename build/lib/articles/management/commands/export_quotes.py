import json

from django.core.management.base import BaseCommand

from articles.models import Quote


class Command(BaseCommand):
    help = (
        "Write every published quote as JSON Lines to stdout: "
        '{"id", "text", "speaker", "speaker_kind", "paragraph", "url", "fragment", '
        '"article": {"headline", "url", "source", "published"}}. URLs are the site\'s permanent paths.'
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-fragments",
            action="store_true",
            help="Leave out quoted fragments of indirect speech.",
        )

    def handle(self, *args, no_fragments=False, **options):
        quotes = (
            Quote.objects.published().select_related("article__source", "speaker").oldest_first()
        )
        if no_fragments:
            quotes = quotes.filter(is_fragment=False)
        for quote in quotes.iterator(chunk_size=2000):
            self.stdout.write(json.dumps(quote_record(quote), ensure_ascii=False))


def quote_record(quote):
    article = quote.article
    return {
        "id": quote.pk,
        "text": quote.text,
        "speaker": quote.speaker.name if quote.speaker else None,
        "speaker_kind": quote.speaker.kind if quote.speaker else None,
        "paragraph": quote.paragraph,
        "url": quote.get_absolute_url(),
        "fragment": quote.is_fragment,
        "article": {
            "headline": article.headline,
            "url": article.get_absolute_url(),
            "source": article.source.name if article.source_id else None,
            # As the outlet printed it: "2026-11-29" or "2026-11-30T21:00:00-08:00".
            "published": article.published_as_printed.isoformat() if article.published_at else None,
        },
    }
