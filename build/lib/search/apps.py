import os

from django.apps import AppConfig
from django.conf import settings


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from . import signals  # noqa: F401  (connects index updates to article saves)

        if warm_on_start():
            from .backends import warm_in_background

            warm_in_background()


def warm_on_start():
    """
    Whether this process should load the search index as it starts: in web
    server processes (gunicorn's workers: its arbiter sets SERVER_SOFTWARE), so
    that their first searches do not wait for it; not in commands or tests.
    ``SEARCH_WARM_ON_START`` (True/False) decides instead when set.
    """
    setting = settings.SEARCH_WARM_ON_START
    if setting is not None:
        return bool(setting)
    return os.environ.get("SERVER_SOFTWARE", "").startswith("gunicorn/")
