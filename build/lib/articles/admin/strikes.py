"""Strikes, and the redirects that keep old public paths answering."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ..forms import StrikeForm
from ..models import Redirect, Strike


@admin.register(Strike)
class StrikeAdmin(SimpleHistoryAdmin):
    form = StrikeForm
    list_display = ["name", "employer", "union", "location", "start_date", "end_date"]
    list_filter = ["start_date"]
    search_fields = ["name", "employer", "union", "location"]
    prepopulated_fields = {"slug": ["name"]}
    object_history_list_template = "admin/articles/object_history_list.html"


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "created_at"]
    search_fields = ["old_path", "new_path"]
