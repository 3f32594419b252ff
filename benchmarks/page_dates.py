"""Publication dates read from saved web pages: the page reader against htmldate alone.

Run: .venv/bin/python benchmarks/page_dates.py [--pages DIR]

The pages are the saved pages under tests/articles/ingest/saved_pages/ and the
date each was published, as its outlet printed it, in ``published_dates.json``
there ("2026-11-30T21:00:00-08:00", or "2024-03-12" for a page that gives only a
day). They were written, with their answers, before the page reader was changed
to use htmldate. Each method is scored on:

* day: the calendar date it gives, on the clock the page printed, is the
  published one (a wrong day files the story under the wrong date);
* exact: the day, the time and the UTC offset all agree (for a page that gives
  only a day, no time may be invented: the answer must be that day alone).

Methods: ``reader`` is ``articles.ingest.html.extract_page(...).published`` (what
the importer gets from a page, whatever it uses inside); the ``htmldate`` rows
call ``htmldate.find_date`` directly with the options named.
"""

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import htmldate  # noqa: E402

from articles.ingest.html import extract_page  # noqa: E402

PAGES = ROOT / "tests" / "articles" / "ingest" / "saved_pages"
FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def reader(data):
    return extract_page(data).published


def htmldate_with(**options):
    def find(data):
        found = htmldate.find_date(data.decode("utf-8"), outputformat=FORMAT, **options)
        return found or ""

    return find


METHODS = {
    "reader": reader,
    "htmldate original_date extensive": htmldate_with(original_date=True, extensive_search=True),
    "htmldate original_date": htmldate_with(original_date=True, extensive_search=False),
    "htmldate default": htmldate_with(),
}


def as_printed(value):
    """(day, full value) of an ISO date or datetime; None when empty or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    if len(value) == 10:
        return date.fromisoformat(value), value
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None or (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        # htmldate prints a day it found without a time as midnight: read it as the day.
        return moment.date(), moment.date().isoformat()
    return moment.date(), moment.isoformat()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    args = parser.parse_args()
    expected = json.loads((args.pages / "published_dates.json").read_text())
    width = max(map(len, METHODS))
    print(f"{len(expected)} saved pages in {args.pages.relative_to(ROOT)}")
    for name, method in METHODS.items():
        day_hits = exact_hits = 0
        misses = []
        for page, answer in sorted(expected.items()):
            want_day, want = as_printed(answer)
            got = as_printed(method((args.pages / page).read_bytes()))
            day_hits += bool(got) and got[0] == want_day
            exact_hits += bool(got) and got[1] == want
            if not got or got[1] != want:
                misses.append(f"{page}: {got[1] if got else 'nothing'} (published {want})")
        print(
            f"{name:<{width}}  day {day_hits}/{len(expected)}  exact {exact_hits}/{len(expected)}"
        )
        for miss in misses:
            print(f"{'':<{width}}    {miss}")


if __name__ == "__main__":
    main()
