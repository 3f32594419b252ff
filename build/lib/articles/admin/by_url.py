"""
"Add by URL" in the articles admin: the editor gives a story's address; the
page is fetched by a background task (``articles.tasks.add_article_by_url``,
on Django's Tasks framework), and a status page follows it until the article
is filed, then opens it on its quotes, as adding by upload does.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.tasks import TaskResultStatus
from django.tasks.exceptions import TaskResultDoesNotExist
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..forms import ArticleByUrlForm
from ..tasks import add_article_by_url

STATUS_REFRESH_SECONDS = 2


class AddByUrlMixin:
    add_by_url_template = "admin/articles/article/add_by_url.html"

    def get_urls(self):
        view = self.admin_site.admin_view  # staff only, CSRF-protected, never cached
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("add-by-url/", view(self.add_by_url_view), name=f"{prefix}_add_by_url"),
            path(
                "add-by-url/<str:task_id>/",
                view(self.add_by_url_status_view),
                name=f"{prefix}_add_by_url_status",
            ),
            *super().get_urls(),
        ]

    def add_by_url_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleByUrlForm(request.POST or None, initial={"url": request.GET.get("url", "")})
        if request.method == "POST" and form.is_valid():
            result = add_article_by_url.enqueue(**form.task_arguments())
            if result.is_finished:  # a backend that runs tasks at once (tests, development)
                return self._finished(request, result, form)
            return HttpResponseRedirect(self._status_url(result.id))
        return self._render(request, form=form)

    def add_by_url_status_view(self, request, task_id):
        if not self.has_add_permission(request):
            raise PermissionDenied
        try:
            result = add_article_by_url.get_result(task_id)
        except (TaskResultDoesNotExist, ValueError):
            self.message_user(request, "No such request to add an article.", messages.WARNING)
            return HttpResponseRedirect(self._own_url("add_by_url"))
        if not result.is_finished:
            url = result.args[0] if result.args else result.kwargs.get("url", "")
            return self._render(
                request, waiting=url, refresh=STATUS_REFRESH_SECONDS, status=result.status
            )
        return self._finished(request, result, None)

    def _finished(self, request, result, form):
        report = result.return_value if result.status == TaskResultStatus.SUCCESSFUL else None
        if report is None:
            message = "The page could not be added: the background task failed. Try again."
            form = form or ArticleByUrlForm(initial={"url": result.kwargs.get("url", "")})
            self.message_user(request, message, messages.ERROR)
            return self._render(request, form=form)
        if not report["ok"]:
            form = form or ArticleByUrlForm(initial={"url": report["url"]})
            return self._render(request, form=form, refused=report["message"])
        self.message_user(request, report["message"], messages.SUCCESS)
        change = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[report["article"]],
            current_app=self.admin_site.name,
        )
        return HttpResponseRedirect(f"{change}#quotes-group")

    def _render(self, request, **context):
        return TemplateResponse(
            request,
            self.add_by_url_template,
            {
                **self.admin_site.each_context(request),
                "title": "Add an article by URL",
                "opts": self.opts,
                "media": self.media,
                **context,
            },
        )

    def _status_url(self, task_id):
        return self._own_url("add_by_url_status", task_id)

    def _own_url(self, name, *args):
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_{name}",
            args=args,
            current_app=self.admin_site.name,
        )
