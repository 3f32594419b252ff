"""
Search fixtures: every test gets its own index directory, and the backend
fixture runs a test once per backend (Whoosh, then PostgreSQL).
"""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Person, Quote, Source
from search import copies, indexing, labels, names
from search.backends import backend_names, get_backend


@pytest.fixture(autouse=True)
def search_settings(settings, tmp_path):
    """A fresh index directory per test; no background rebuilds unless a test asks for one."""
    settings.STRIKEWATCH_INDEX_DIR = tmp_path / "index"
    settings.SEARCH_AUTO_REBUILD = False
    indexing._last_due_check = float("-inf")
    labels.forget()  # outlet and speaker names kept from another test's database
    names.forget()
    copies.forget()
    yield settings
    backend = get_backend("whoosh")
    backend.forget()


@pytest.fixture(params=backend_names())
def backend(request, settings, db):
    """The configured backend, once per backend: the same tests must pass on both."""
    settings.SEARCH_BACKEND = request.param
    return get_backend()


class Corpus:
    """Builds articles and quotes the way editors and imports do (model saves, signals on)."""

    def __init__(self):
        self.bee, _ = Source.objects.get_or_create(
            name="The Sacramento Bee", defaults={"slug": "sacramento-bee", "aliases": ["The Bee"]}
        )
        self.kcra, _ = Source.objects.get_or_create(name="KCRA 3", defaults={"slug": "kcra-3"})

    def person(self, name, aliases=(), **fields):
        return Person.objects.create(name=name, aliases=list(aliases), **fields)

    def article(
        self,
        headline,
        paragraphs,
        *,
        source=None,
        published_at=None,
        status=Article.Status.PUBLISHED,
        byline="",
    ):
        if published_at is None:
            published_at = timezone.make_aware(datetime(2022, 9, 1, 12))
        return Article.objects.create(
            headline=headline,
            paragraphs=list(paragraphs),
            source=source or self.bee,
            published_at=published_at,
            status=status,
            byline=byline,
        )

    def quote(self, article, text, speaker=None, *, paragraph=1, mention=""):
        body = article.paragraphs[paragraph - 1]
        start = max(body.find(text), 0)
        return Quote.objects.create(
            article=article,
            paragraph=paragraph,
            start=start,
            end_paragraph=paragraph,
            end=start + len(text),
            text=text,
            speaker=speaker,
            speaker_mention=mention or (speaker.name.split()[-1] if speaker else ""),
        )


@pytest.fixture
def corpus(db):
    return Corpus()


def at(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 12))


@pytest.fixture
def newsroom(corpus):
    """
    A small archive with known answers: three published articles with quotes,
    one draft, one scheduled for tomorrow.
    """
    soroken = corpus.person("Sarah Soroken", description="therapist")
    mcalevey = corpus.person(
        "Jane McAlevey", aliases=["McAleigh", "McAlevy"], description="policy fellow"
    )
    sako = corpus.person("Corrine McIntosh Sako", aliases=["Sako"])
    strike = corpus.article(
        "Kaiser Permanente therapists continue strike, reject contract",
        [
            "Kaiser Permanente mental health workers in California are nearing their eighth week on strike.",
            "“Currently our patients aren’t able to get the care that they need and in some cases this "
            "really becomes a life or death issue,” Soroken said.",
            "“Even with that benefit, I stand in solidarity with my behavioral colleagues,” said Sako.",
        ],
        source=corpus.kcra,
        published_at=at(2022, 10, 7),
        byline="KCRA Staff",
    )
    hiring = corpus.article(
        "Kaiser hires contract therapists to weather the strike",
        [
            "Kaiser Permanente is looking to hire therapists who can help it survive a strike by mental "
            "health clinicians.",
            "“Employers are suddenly willing to pay outrageous premiums to replacement workers,” McAlevy "
            "said.",
            "McAlevey described the incentives as an “ordinary union-busting strategy in the US.”",
            "A café near the picket line served the strikers.",
        ],
        source=corpus.bee,
        published_at=at(2022, 8, 26),
        byline="Kathy Anderson",
    )
    nurses = corpus.article(
        "Nurses rally for safe staffing at Sutter",
        [
            "Nurses at Sutter Health rallied on Tuesday for safer staffing ratios.",
            "“We are exhausted,” said one nurse.",
        ],
        source=corpus.bee,
        published_at=at(2023, 1, 10),
        byline="Kathy Anderson",
    )
    draft = corpus.article(
        "Draft: therapists secret plan",
        ["A draft paragraph about therapists and a zanzibarian walkout."],
        status=Article.Status.DRAFT,
    )
    scheduled = corpus.article(
        "Embargoed therapists story",
        ["An embargoed paragraph about a quixotic walkout by therapists."],
        published_at=timezone.now() + timedelta(days=1),
    )
    quotes = {
        "life": corpus.quote(
            strike, strike.paragraphs[1][1 : strike.paragraphs[1].index("”")], soroken, paragraph=2
        ),
        "solidarity": corpus.quote(
            strike,
            "Even with that benefit, I stand in solidarity with my behavioral colleagues",
            sako,
            paragraph=3,
        ),
        "premiums": corpus.quote(
            hiring,
            "Employers are suddenly willing to pay outrageous premiums to replacement workers",
            mcalevey,
            paragraph=2,
        ),
        "busting": corpus.quote(
            hiring, "ordinary union-busting strategy in the US.", mcalevey, paragraph=3
        ),
        "exhausted": corpus.quote(
            nurses, "We are exhausted", None, paragraph=2, mention="one nurse"
        ),
        "draft": corpus.quote(draft, "zanzibarian walkout", soroken),
        "scheduled": corpus.quote(scheduled, "quixotic walkout", soroken),
    }
    return {
        "people": {"soroken": soroken, "mcalevey": mcalevey, "sako": sako},
        "articles": {
            "strike": strike,
            "hiring": hiring,
            "nurses": nurses,
            "draft": draft,
            "scheduled": scheduled,
        },
        "quotes": quotes,
        "sources": {"bee": corpus.bee, "kcra": corpus.kcra},
    }


@pytest.fixture
def indexed(backend, newsroom):
    """The newsroom archive, indexed from scratch by ``rebuild_index``'s code path."""
    indexing.rebuild(backend)
    return newsroom
