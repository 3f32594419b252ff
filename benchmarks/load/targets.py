"""
Picks what the load test requests and prepares the static-file baseline.

    python benchmarks/load/targets.py STATIC_COPY_PATH  ->  JSON on stdout

Prints the paths of one real article (the KCRA seed), one of its quotes and
that quote's speaker, plus search paths drawn from words the dataset really
contains; writes the article page's HTML, rendered exactly as the site
serves it, to STATIC_COPY_PATH (served by the same gunicorn as a static file).
"""

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strikewatch.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

from articles.models import Article, Quote  # noqa: E402

# What journalists look for: people, industries, issues, phrases; a few broad words too.
SEARCHES = [
    "Soroken",
    "Kaiser",
    "therapists",
    '"mental health"',
    "picket lines",
    "contract offer",
    "nurses",
    "bus drivers",
    "teachers",
    '"class sizes"',
    "line speeds",
    "housekeepers",
    "mediator",
    "replacement",
    "Garcia",
    "Okafor",
    "Nakamura",
    "Patel",
    '"mandatory overtime"',
    "silica dust",
    "heat illness",
    "tuition remission",
    "route cuts",
    "panic buttons",
    "tiered wages",
    "storm response",
    "appointment wait times",
    "Northgate",
    "Cascade Transit",
    "Teamsters",
    "UAW",
    "Fresno",
    "Oakland",
    "burnout",
    "stipends",
    "electric vehicles",
    "strike",
    "union",
    "patients",
    "morale",
]


def search_path(name, query):
    try:
        base = reverse(name)
    except NoReverseMatch:
        return None
    return f"{base}?{urlencode({'q': query})}"


def main():
    copy_path = Path(sys.argv[1])
    article = Article.objects.published().get(import_key="000_f0e1a9b0e19c2c0c.txt")
    quote = (
        Quote.objects.published()
        .filter(article=article, speaker__isnull=False)
        .order_by("paragraph")
        .first()
    )
    if quote is None:
        sys.exit("the KCRA seed article has no attributed quote: is quote extraction working?")
    targets = {
        "article": article.get_absolute_url(),
        "quote": quote.get_absolute_url(),
        "person": quote.speaker.get_absolute_url(),
        "search": [p for q in SEARCHES if (p := search_path("search:search", q))],
        "api": [p for q in SEARCHES if (p := search_path("search:api", q))],
    }
    response = Client(HTTP_HOST="127.0.0.1").get(targets["article"])
    if response.status_code != 200:
        sys.exit(f"{targets['article']} answered {response.status_code}")
    copy_path.parent.mkdir(parents=True, exist_ok=True)
    copy_path.write_bytes(response.content)
    print(json.dumps(targets))


if __name__ == "__main__":
    main()
