import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from articles.models import Strike

FIELDS = (
    "name",
    "employer",
    "union",
    "location",
    "workers_involved",
    "demands",
    "summary",
    "match_terms",
)


class Command(BaseCommand):
    help = (
        "Create the strikes described in a JSON file (Django fixture format) that are not in the "
        "archive yet. Strikes already there are left as editors made them."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, path, **options):
        try:
            with open(path, encoding="utf-8") as handle:
                records = json.load(handle)
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read strikes from {path}: {exc}") from None
        created = 0
        for record in records:
            fields = record.get("fields", record)
            defaults = {name: fields[name] for name in FIELDS if name in fields}
            for name in ("start_date", "end_date"):
                if fields.get(name):
                    defaults[name] = date.fromisoformat(fields[name])
            _strike, was_created = Strike.objects.get_or_create(
                slug=fields["slug"], defaults=defaults
            )
            created += was_created
        self.stdout.write(f"{created} strike(s) created, {len(records) - created} already present")
