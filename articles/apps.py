from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Coverage"

    def ready(self):
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
                ArchivedPage,
                SyndicatedCopy,
            ]
        )
