from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Coverage"

    def ready(self):
        from .caching import connect_receivers

        connect_receivers()  # cached pages go stale when coverage changes


class EditorsAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, on a site that limits failed sign-ins (INSTALLED_APPS names this)."""

    default = False  # not the articles app's own config
    default_site = "articles.admin_site.EditorsAdminSite"
