"""
One "gunicorn worker" for test_concurrency: a separate process that saves,
edits and deletes articles in transactions (as the admin does) and searches
through the API, all at the same time as its siblings.

    python -m tests.search.concurrent_writer WORKER ROUNDS START_AT

Configured by the environment the test passes: DATABASE_URL (the test
database), STRIKEWATCH_INDEX_DIR, SEARCH_BACKEND. Prints one JSON line of
counters; exits non-zero (with the traceback) if anything failed.
"""

import json
import os
import sys
import time


def main(worker, rounds, start_at):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.STRIKEWATCH_INDEX_DIR = os.environ[
        "STRIKEWATCH_INDEX_DIR"
    ]  # tests.settings picks a temp dir
    settings.SEARCH_BACKEND = os.environ["SEARCH_BACKEND"]
    settings.SEARCH_AUTO_REBUILD = False
    settings.STRIKEWATCH_RATE_LIMITS = {"search": "off", "api": "off"}
    from django.db import transaction
    from django.test import Client
    from django.test.utils import setup_test_environment

    from articles.models import Article, Quote, Source
    from search import indexing

    setup_test_environment()
    client = Client()
    source = Source.objects.get(slug="concurrency-wire")
    time.sleep(max(0.0, start_at - time.time()))
    created, failures = [], []
    for n in range(rounds):
        token = f"w{worker}n{n}"
        with transaction.atomic():
            article = Article.objects.create(
                headline=f"Dispatch {token}",
                paragraphs=[f"Report {token} from the picket line."],
                source=source,
            )
            for q in range(3):
                Quote.objects.create(
                    article=article,
                    paragraph=1,
                    start=q,
                    end_paragraph=1,
                    end=q + 4,
                    text=f"quote{q} {token}",
                )
        created.append(article)
        if n % 3 == 1:  # an editor corrects an earlier headline
            earlier = created[n - 1]
            earlier.headline = f"Corrected {earlier.headline.split()[-1]}"
            earlier.save()
        if n % 5 == 4:  # and withdraws another article
            with transaction.atomic():
                created[n - 2].delete()
        response = client.get("/api/search", {"q": token})
        if response.status_code != 200:
            failures.append(f"search {token}: HTTP {response.status_code}")
    print(json.dumps({"worker": worker, "failures": failures, **indexing.counters}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])))
