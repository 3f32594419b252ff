"""Change forms whose save can lose the race for a row's version (``articles.locking``)."""

from django.contrib import messages
from django.http import HttpResponseRedirect

from ..locking import StaleVersionError


class LostRaceMixin:
    """
    A save that loses the race for the row's version (only possible when it
    bypassed the row lock; the transaction is rolled back) shows the page
    again with ``lost_race_message`` instead of an error page.
    """

    lost_race_message = "Another editor saved this at the same moment; nothing was saved."

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleVersionError:
            self.message_user(request, self.lost_race_message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
