"""
Fills the load-test database: the seed articles (through the real importer)
plus 10,000 synthetic articles with quotes, generated deterministically (the
same rows on every machine, every run), then prints nothing but progress.

    DATABASE_URL=postgres://.../strikewatch_load python benchmarks/load/dataset.py [--articles N]

Prints "built"; "present" when the database already holds this dataset
(nothing is written); "stale" when it holds another size or version of it
(nothing is written: drop the database and run again). Synthetic rows are bulk-inserted, which
skips model signals: the caller rebuilds the search index afterwards.
"""

import argparse
import os
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strikewatch.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from articles.models import Article, Person, Quote, Source, Strike, quote_fingerprint  # noqa: E402

VERSION = "load-v2"
SEED = 20220815

FIRST = """Ana Ben Carla Dmitri Elena Farid Grace Hector Imani Jorge Keiko Luis Maya Nadia
Omar Priya Quinn Rosa Samuel Tara Umar Vera Wes Ximena Yusuf Zoe Aaron Beatriz Chen Dolores
Emeka Fatima Gus Hana Ivan Jada Kofi Lena
Marco Nia Oscar Paula Rashid Sofia Tomas Uma Victor Wanda""".split()
LAST = """Abbott Barros Chavez Delgado Eriksen Fonseca Garcia Haddad Ibarra Jensen Kowalski
Lindqvist Moreno Nakamura Okafor Petrov Quintero Ramos Silva Tanaka Umeh Valdez Whitaker Xu
Yilmaz Zamora Alvarez Brennan Castillo Dubois Estrada Fischer Gomez Hernandez Iqbal Jovanovic
Kim Lopez Mendez Novak Ortiz Patel Reyes Santos Torres""".split()
ROLES = [
    ("a registered nurse", "labor"),
    ("a union steward", "labor"),
    ("a picket captain", "labor"),
    ("a spokesperson for the union", "labor"),
    ("a warehouse worker", "labor"),
    ("a bus driver", "labor"),
    ("a spokesperson for the company", "employer"),
    ("the company's vice president of operations", "employer"),
    ("a hospital administrator", "employer"),
    ("the city's labor commissioner", "government"),
    ("a state senator", "government"),
    ("a labor economist", "expert"),
    ("a professor of industrial relations", "expert"),
    ("a patient", "community"),
    ("a parent", "community"),
    ("a small-business owner", "community"),
]
# One entry per strike, with the vocabulary of its industry: an article about
# a transit strike talks of drivers and routes, not of nurses, so that a query
# matches the share of the archive it would in real coverage.
INDUSTRIES = [
    (
        "Northgate Health",
        "Northgate nurses strike",
        "Northgate Nurses Association",
        "Portland, Oregon",
        "nurses",
        "hospital",
        "patients",
        ["nurse-to-patient ratios", "mandatory overtime", "travel nurses", "burnout"],
        [
            "intensive care unit",
            "emergency department",
            "night shift",
            "charge nurses",
            "bedside care",
        ],
    ),
    (
        "Cascade Transit",
        "Cascade Transit drivers strike",
        "Amalgamated Transit Union Local 757",
        "Seattle",
        "bus drivers",
        "depot",
        "riders",
        ["split shifts", "restroom breaks", "assaults on operators", "route cuts"],
        ["light rail", "fare boxes", "paratransit", "dispatchers", "rush-hour service"],
    ),
    (
        "Harbor Freight Lines",
        "Harbor port truckers strike",
        "Teamsters Local 848",
        "Long Beach, California",
        "truck drivers",
        "port",
        "shippers",
        ["misclassification", "detention time", "diesel costs", "per-load pay"],
        [
            "shipping containers",
            "cargo terminals",
            "independent contractors",
            "chassis",
            "dockworkers",
        ],
    ),
    (
        "Riverside Unified",
        "Riverside teachers strike",
        "Riverside Education Association",
        "Riverside",
        "teachers",
        "school district",
        "students",
        ["class sizes", "counselors", "special education", "planning time"],
        [
            "classrooms",
            "substitute teachers",
            "school board",
            "report cards",
            "after-school programs",
        ],
    ),
    (
        "Meridian Foods",
        "Meridian packing plant strike",
        "UFCW Local 7",
        "Greeley, Colorado",
        "meatpackers",
        "packing plant",
        "ranchers",
        ["line speeds", "repetitive injuries", "sick leave", "interpreters"],
        ["processing lines", "beef plant", "cold storage", "knife sharpening", "USDA inspectors"],
    ),
    (
        "Summit Hotels",
        "Summit hotel workers strike",
        "UNITE HERE Local 11",
        "Los Angeles",
        "housekeepers",
        "hotel",
        "guests",
        ["room quotas", "tips", "housing costs", "panic buttons"],
        ["banquet servers", "room attendants", "tourist season", "convention center", "bellhops"],
    ),
    (
        "Atlas Motors",
        "Atlas Motors assembly strike",
        "UAW Local 600",
        "Dearborn, Michigan",
        "autoworkers",
        "assembly plant",
        "dealers",
        ["tiered wages", "temporary workers", "retiree benefits", "electric vehicles"],
        [
            "battery plants",
            "stamping plant",
            "cost-of-living adjustments",
            "skilled trades",
            "pickup trucks",
        ],
    ),
    (
        "Lakeshore University",
        "Lakeshore graduate workers strike",
        "Graduate Workers United",
        "Chicago",
        "graduate workers",
        "university",
        "undergraduates",
        ["stipends", "tuition remission", "child care", "harassment"],
        [
            "teaching assistants",
            "research labs",
            "final grades",
            "provost",
            "postdoctoral researchers",
        ],
    ),
    (
        "Pinecrest Mining",
        "Pinecrest copper mine strike",
        "United Steelworkers Local 5252",
        "Arizona",
        "miners",
        "mine",
        "contractors",
        ["silica dust", "shift rotations", "pension freeze", "safety inspections"],
        ["open-pit mine", "haul trucks", "smelter", "blasting crews", "mine rescue teams"],
    ),
    (
        "Bayview Logistics",
        "Bayview warehouse strike",
        "Warehouse Workers Rising",
        "Oakland, California",
        "warehouse workers",
        "fulfillment center",
        "customers",
        ["productivity quotas", "heat illness", "surveillance", "breaks"],
        ["conveyor belts", "scanners", "peak season", "delivery vans", "forklift operators"],
    ),
    (
        "Granite State Power",
        "Granite State utility strike",
        "IBEW Local 1837",
        "New Hampshire",
        "line workers",
        "utility",
        "ratepayers",
        ["storm response", "outsourcing", "apprenticeships", "on-call pay"],
        ["power lines", "substations", "outages", "bucket trucks", "meter readers"],
    ),
    (
        "Valley Health",
        "Valley Health mental health strike",
        "National Union of Healthcare Workers",
        "Fresno",
        "therapists",
        "clinics",
        "patients",
        ["appointment wait times", "caseloads", "telehealth", "turnover"],
        [
            "follow-up appointments",
            "psychiatrists",
            "crisis lines",
            "intake coordinators",
            "behavioral health",
        ],
    ),
]
EMPLOYERS = [entry[:4] for entry in INDUSTRIES]
CITIES = """Riverside Fairview Lakewood Brookfield Clearwater Oakdale Maplewood Springfield
Ashland Bristol Cedar Hill Dover Easton Franklin Georgetown Hudson Kingston Lancaster Madison
Newport""".split()
MASTHEADS = ["Courier", "Tribune", "Ledger", "Herald", "Gazette", "Post", "Daily News", "Record"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HEADLINES = [
    "{Workers} at {employer} extend strike over {issue}",
    "{union} rejects latest offer from {employer}",
    "Picket lines grow as {employer} strike enters week {week}",
    "{employer} and {union} return to bargaining table",
    "What the {employer} strike means for {public} in {city}",
    "Negotiators report progress on {issue} in {employer} talks",
    "{employer} brings in replacement {workers} as strike continues",
    "Rally in {city} draws hundreds in support of striking {workers}",
    "{Public} feel the effects as {workers} stay out at {employer}",
    "Mediator called in as {employer} talks stall over {issue}",
]
SENTENCES = [
    "The strike began after contract talks stalled over {issue}.",
    "Members of {union} voted to authorize the walkout by a wide margin.",
    "{employer} said it had made a fair offer and hoped to reach an agreement soon.",
    "Picket lines formed before dawn outside the {workplace} in {city} on {day}.",
    "The previous contract expired in the spring, and negotiations have continued since.",
    "Both sides said they were willing to meet with a federal mediator.",
    "{Workers} say {issue} has worsened over the past three years.",
    "The company said the {workplace} would stay open with temporary staff.",
    "Local officials urged both sides to return to the bargaining table.",
    "Supporters brought food and water to the picket lines throughout the week.",
    "The union said about {count} {workers} were taking part in the strike.",
    "No new talks were scheduled as of {day} afternoon.",
    "Some {public} said they had noticed delays involving {jargon}.",
    "Managers were seen covering shifts alongside {jargon} at the {workplace}.",
    "A spokesperson declined to say how much the dispute over {issue} had cost so far.",
    "The dispute has drawn attention to {jargon} and {issue} across the region.",
    "Union leaders said any deal would have to deal with {issue} and {issue2}.",
    "The company's latest proposal included changes to {issue2}, according to a summary "
    "seen by reporters.",
    "Labor experts said the strike was one of the largest involving {workers} in the state "
    "in a decade.",
    "State lawmakers scheduled a hearing on {issue} for later this month.",
]
QUOTES = [
    "We are not asking for anything unreasonable, we are asking for a fix to {issue}",
    "Nobody wants to be out here, but we have run out of other options",
    "Our offer is fair and competitive, and we remain committed to reaching an agreement",
    "Every week this goes on, {public} in {city} feel it",
    "The contract has to address {issue} or it will not pass a vote",
    "We will stay on the line as long as it takes",
    "This dispute is about {issue} more than anything else",
    "I have worked at this {workplace} for {years} years and I have never seen morale this low",
    "We expect to be back at the table next week",
    "You cannot run a {workplace} without {jargon}, and management knows it",
    "{Public} deserve to know what is happening behind the scenes",
]


def build(rng, count):
    strikes = [
        Strike(
            name=name,
            slug=f"{VERSION}-{slugify(name)}",
            employer=employer,
            union=union,
            location=city,
            start_date=datetime(2019 + i % 6, 1 + i % 12, 1).date(),
            match_terms=[employer],
        )
        for i, (employer, name, union, city) in enumerate(EMPLOYERS)
    ]
    Strike.objects.bulk_create(strikes)
    sources = []
    for i in range(40):
        name = f"The {CITIES[i % len(CITIES)]} {MASTHEADS[(i * 3) % len(MASTHEADS)]}"
        if i >= len(CITIES):
            name += " Online"
        sources.append(
            Source(
                name=name,
                slug=f"{VERSION}-{slugify(name)}",
                kind=Source.Kind.NEWSPAPER,
                timezone="America/Los_Angeles",
            )
        )
    Source.objects.bulk_create(sources)
    people = []
    for i in range(1500):
        first, last = FIRST[i % len(FIRST)], LAST[(i * 7 + i // len(FIRST)) % len(LAST)]
        name = f"{first} {last}" if i < len(FIRST) * len(LAST) else f"{first} {last} {i}"
        role, side = ROLES[i % len(ROLES)]
        people.append(
            Person(
                name=name,
                slug=f"{VERSION}-{slugify(name)}-{i}",
                description=role.removeprefix("a ").removeprefix("the "),
                side=side,
            )
        )
    Person.objects.bulk_create(people)

    start = datetime(2019, 1, 1, tzinfo=UTC)
    for batch_start in range(0, count, 1000):
        articles, pending_quotes = [], []
        for n in range(batch_start, min(count, batch_start + 1000)):
            strike_index = rng.randrange(len(strikes))
            strike = strikes[strike_index]
            employer, _name, union, city, workers, workplace, public, issues, jargon = INDUSTRIES[
                strike_index
            ]
            issue, issue2 = rng.sample(issues, 2)
            fill = {
                "employer": employer,
                "union": union,
                "city": city,
                "workers": workers,
                "Workers": workers[0].upper() + workers[1:],
                "workplace": workplace,
                "public": public,
                "Public": public[0].upper() + public[1:],
                "issue": issue,
                "issue2": issue2,
                "week": rng.randint(2, 12),
                "count": rng.randrange(200, 9000, 50),
                "years": rng.randint(3, 30),
            }

            def fill_in(template, fill=fill, jargon=jargon):
                return template.format(**fill, day=rng.choice(DAYS), jargon=rng.choice(jargon))

            headline = fill_in(rng.choice(HEADLINES))
            paragraphs, quotes = [], []
            for _ in range(rng.randint(6, 14)):
                if rng.random() < 0.35:
                    person = rng.choice(people)
                    text = fill_in(rng.choice(QUOTES)) + ","
                    role = person.description
                    paragraphs.append(f"\u201c{text}\u201d said {person.name}, {role}.")
                    quotes.append((len(paragraphs), text, person))
                else:
                    sentences = rng.sample(SENTENCES, rng.randint(2, 4))
                    paragraphs.append(" ".join(fill_in(sentence) for sentence in sentences))
            published = start + timedelta(minutes=rng.randrange(0, 6 * 365 * 24 * 60))
            source = rng.choice(sources)
            article = Article(
                source=source,
                strike=strike,
                headline=headline,
                slug=f"{slugify(headline)[:100]}-{n}",
                byline=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                published_at=published,
                published_on=source.local_date(published),
                first_published_at=published,
                paragraphs=paragraphs,
                status=Article.Status.PUBLISHED,
                import_key=f"{VERSION}-{n:05d}",
            )
            articles.append(article)
            pending_quotes.append(quotes)
        Article.objects.bulk_create(articles)
        Quote.objects.bulk_create(
            Quote(
                article=article,
                paragraph=paragraph,
                start=1,
                end_paragraph=paragraph,
                end=1 + len(text),
                text=text,
                speaker=person,
                speaker_mention=person.name,
                cue=f"said {person.name}",
                confidence=0.9,
                fingerprint=quote_fingerprint(text),
            )
            for article, quotes in zip(articles, pending_quotes, strict=True)
            for paragraph, text, person in quotes
        )
        print(f"  {batch_start + len(articles):>6} synthetic articles", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    # Commands report on stderr: stdout carries only this script's one-word answer.
    call_command("migrate", interactive=False, verbosity=0, stdout=sys.stderr)
    present = Article.objects.filter(import_key__startswith=f"{VERSION}-").count()
    if present == args.articles:
        print("present")
        return 0
    if present or Article.objects.filter(import_key__startswith="load-").exists():
        print("stale")  # another size or version: the caller drops the database and starts again
        return 0
    call_command(
        "import_strikes", str(REPO / "seeds" / "strikes.json"), verbosity=0, stdout=sys.stderr
    )
    call_command("import_articles", str(REPO / "seeds"), verbosity=0, stdout=sys.stderr)
    print(f"Generating {args.articles} synthetic articles (seed {SEED})", file=sys.stderr)
    with transaction.atomic():
        build(random.Random(SEED), args.articles)
    print("built")
    return 0


if __name__ == "__main__":
    sys.exit(main())
