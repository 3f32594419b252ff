"""Reading the search parameters from a query string, with messages a reader can act on."""

from datetime import date

from django import forms
from django.http import QueryDict

from articles.models import Person

from .analysis import strip_control_characters
from .backends.base import RELEVANCE, SORTS
from .service import TYPES, SearchParams

MAX_PARAM_CHARS = 2000
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)


def clean_query_dict(query_dict):
    """A copy of the parameters with control characters (NUL included) blanked and lengths bounded."""
    cleaned = QueryDict(mutable=True)
    for key, values in query_dict.lists():
        cleaned.setlist(
            key, [strip_control_characters(value[:MAX_PARAM_CHARS]) for value in values]
        )
    return cleaned


class SearchForm(forms.Form):
    q = forms.CharField(required=False, label="Search quotes and articles")
    type = forms.ChoiceField(
        required=False,
        choices=[("quotes", "Quotes"), ("articles", "Articles")],
        label="Search in",
        error_messages={"invalid_choice": "We search quotes or articles only."},
    )
    source = forms.CharField(required=False, max_length=200)
    speaker = forms.CharField(required=False, max_length=200)
    side = forms.ChoiceField(
        required=False,
        choices=[("", "All sides"), *Person.Side.choices],
        label="Speaker’s side",
        error_messages={
            "invalid_choice": "There is no side called “%(value)s”; choose "
            + ", ".join(Person.Side.values)
            + "."
        },
    )
    copies = forms.ChoiceField(
        required=False,
        choices=[("", "Together"), ("all", "Each outlet’s copy")],
        label="Copies of one story",
        error_messages={
            "invalid_choice": "Use copies=all to list each outlet’s copy of a story on its own."
        },
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[(RELEVANCE, "Best match"), ("newest", "Newest first"), ("oldest", "Oldest first")],
        label="Order",
        error_messages={"invalid_choice": "Sort by relevance, newest or oldest."},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        error_messages={
            "invalid": "The page must be a whole number.",
            "min_value": "Pages start at 1.",
        },
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(clean_query_dict(data) if data is not None else None, **kwargs)
        # "from" is a Python keyword: these two are added by name.
        date_errors = {"invalid": "Give dates as YYYY-MM-DD, e.g. 2022-08-15."}
        self.fields["from"] = forms.DateField(
            required=False, label="From", input_formats=["%Y-%m-%d"], error_messages=date_errors
        )
        self.fields["to"] = forms.DateField(
            required=False, label="To", input_formats=["%Y-%m-%d"], error_messages=date_errors
        )

    def clean_source(self):
        return " ".join(self.cleaned_data["source"].split())

    def clean_speaker(self):
        return " ".join(self.cleaned_data["speaker"].split())

    def clean(self):
        cleaned = super().clean()
        for name in ("from", "to"):
            day = cleaned.get(name)
            if day and not EARLIEST <= day <= LATEST:
                self.add_error(name, f"Dates must fall between {EARLIEST.year} and {LATEST.year}.")
                cleaned.pop(name, None)
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("to", "“To” must not be before “From”.")
        return cleaned

    def messages(self):
        """Every problem as a sentence, for pages (the API reports them field by field)."""
        labels = {
            "q": "Query",
            "from": "From",
            "to": "To",
            "type": "Search in",
            "sort": "Order",
            "side": "Speaker’s side",
            "copies": "Copies",
            "page": "Page",
        }
        return [
            f"{labels.get(name, name.capitalize())}: {message} We ignored it."
            for name, messages in self.errors.items()
            for message in messages
        ]

    def params(self):
        """SearchParams from whatever was valid; invalid values fall back to their defaults."""
        if not self.is_bound:
            return SearchParams()
        self.is_valid()
        data = self.cleaned_data
        return SearchParams(
            q=data.get("q") or "",
            type=data.get("type") if data.get("type") in TYPES else "quotes",
            source=data.get("source") or "",
            speaker=data.get("speaker") or "",
            side=data.get("side") or "",
            copies=data.get("copies") or "",
            date_from=data.get("from")
            if "from" not in self.errors and "to" not in self.errors
            else None,
            date_to=data.get("to") if "to" not in self.errors else None,
            sort=data.get("sort") if data.get("sort") in SORTS else RELEVANCE,
            page=data.get("page") or 1,
        )
