"""
The project package as an app: where the site-wide concerns hook into the
apps. The apps never import ``strikewatch``; it listens to them instead.
"""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class SiteConfig(AppConfig):
    name = "strikewatch"
    verbose_name = "StrikeWatch site"

    def ready(self):
        from articles.signals import content_changed
        from search import labels

        from . import page_cache

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
