"""The admin action that folds selected people or outlets into one (see ``articles.merge``)."""

from django.contrib import messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from ..forms import MergeForm
from ..merge import MergeError
from .messages import counted


class MergeActionMixin:
    """An admin action that folds selected rows into one the editor picks (see articles.merge)."""

    merge_template = "admin/articles/merge_confirmation.html"

    def has_merge_permission(self, request):
        # Merging edits the survivor and deletes the others.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    def merge_action(self, request, queryset, merge, moved_noun):
        candidates = list(self.merge_candidates(queryset))
        if len(candidates) < 2:
            self.message_user(
                request,
                f"Select two or more {self.opts.verbose_name_plural} to merge.",
                messages.WARNING,
            )
            return None
        form = MergeForm(
            request.POST if "confirm_merge" in request.POST else None,
            queryset=queryset,
            initial={"survivor": candidates[0]},
        )
        if form.is_bound and form.is_valid():
            survivor = form.cleaned_data["survivor"]
            try:
                result = merge(survivor, [c for c in candidates if c.pk != survivor.pk])
            except MergeError as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            names = ", ".join(f"“{name}”" for name in result.merged_names)
            self.log_change(
                request, result.survivor, f"Merged {names} into this {self.opts.verbose_name}."
            )
            self.message_user(
                request,
                format_html(
                    'Merged {} into <a href="{}">{}</a>: {} moved; the old pages now redirect to {}.',
                    names,
                    reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                        args=[survivor.pk],
                    ),
                    result.survivor,
                    counted(result.moved, moved_noun),
                    result.survivor.get_absolute_url(),
                ),
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {self.opts.verbose_name_plural}",
            "opts": self.opts,
            "form": form,
            "candidates": candidates,
            "moved_noun": moved_noun,
            "action_name": request.POST.get("action", ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, self.merge_template, context)
