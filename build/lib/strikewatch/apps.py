"""
The project package as an app: where the site-wide concerns hook into the
apps. The apps never import ``strikewatch``; it listens to them instead.
"""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_counts_table(sender, using="default", verbosity=1, **kwargs):
    """
    ``migrate`` (so ``make setup`` and the test database too) creates the
    table the shared counts live in by default, if it is missing: it is there
    whenever ``CACHE_URL`` goes back to a per-process cache.
    """
    from .shared_counts import COUNTS_TABLE

    call_command("createcachetable", COUNTS_TABLE, database=using, verbosity=max(0, verbosity - 1))


class SiteConfig(AppConfig):
    name = "strikewatch"
    verbose_name = "StrikeWatch site"

    def ready(self):
        from articles.signals import content_changed
        from search import labels

        from . import page_cache

        # Sent for apps with models (this one has none): once, after the articles app's.
        post_migrate.connect(
            create_counts_table,
            sender=self.apps.get_app_config("articles"),
            dispatch_uid="strikewatch.shared_counts",
        )

        # Any change to the archive's content starts a new page-cache generation...
        content_changed.connect(
            page_cache.on_content_changed, dispatch_uid="strikewatch.page_cache"
        )
        # ...which search's outlet and speaker names follow too, so that an edit in one
        # process (or host) reaches the names every other one keeps.
        labels.follow_generation(page_cache.current_generation)


class EditorsAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, on a site that limits failed sign-ins (INSTALLED_APPS names this)."""

    default = False
    default_site = "strikewatch.sign_in_throttle.EditorsAdminSite"
