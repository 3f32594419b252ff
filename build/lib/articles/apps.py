from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Coverage"

    def ready(self):
        from . import withdrawals
        from .models import (
            ArchivedPage,
            Article,
            Correction,
            Person,
            Quote,
            Redirect,
            Source,
            Strike,
            SyndicatedCopy,
            Withdrawal,
        )
        from .signals import announce_writes_to

        # Everything a public page is built from (see articles.signals.content_changed).
        announce_writes_to(
            [
                Source,
                Strike,
                Article,
                Correction,
                Person,
                Quote,
                Redirect,
                Withdrawal,
                ArchivedPage,
                SyndicatedCopy,
            ]
        )
        # A page that stops being public answers 410 with what it showed.
        withdrawals.connect()
