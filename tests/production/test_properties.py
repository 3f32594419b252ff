"""
Robustness as properties (hypothesis): whatever text reaches the import
parser, and whatever string reaches search, the answer is a result or a clear
refusal, never a crash or a 500.
"""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.ingest import IngestError, ParsedArticle, decode_article_bytes, parse_article

HEADER_KEYS = ["Source", "Published", "URL", "Byline", "Strike", "Status", "Headline", "X-Other"]

# Pieces that steer the parser into its branches: headers, furniture, bylines,
# bios, datelines, quotation marks, outlet self-references, odd whitespace.
FRAGMENTS = [
    "KCRA 3 reached out to Kaiser Permanente.",
    "Related Stories from Sacramento Bee",
    "This story was originally published August 26, 2022 5:25 AM.",
    "By Kathy Anderson",
    "Kathy Anderson covers labor for The Sacramento Bee.",
    "Copyright 2022 The Associated Press",
    "SACRAMENTO, Calif. (AP) — Workers walked out.",
    "VIDEO: Picket lines",
    "Advertisement",
    "\u201cWe will stay out,\u201d Soroken said.",
    "\u201dCurrently our patients,\u201d she said.",
    '"Nobody wants this," said the union.',
    "Comments",
    "Read more:",
    "|",
    " - KCRA 3",
    "\u00a0",
    "\t",
    "2022-08-26T05:25:00-07:00",
    "August 26, 2022",
    "https://www.sacbee.com/news/article.html",
    "draft",
]


def _line():
    return st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(max_size=80),
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200),
    )


header_line = st.builds(lambda k, v: f"{k}: {v}", st.sampled_from(HEADER_KEYS), _line())
article_like = st.builds(
    lambda header, headline, paragraphs, sep: (
        ("\n".join(header) + "\n\n" if header else "") + headline + sep + sep.join(paragraphs)
    ),
    st.lists(header_line, max_size=6),
    _line(),
    st.lists(st.lists(_line(), min_size=1, max_size=4).map(" ".join), max_size=12),
    st.sampled_from(["\n\n", "\n", "\n\n\n", "\n \n"]),
)


def assert_article_or_clear_error(text):
    try:
        parsed = parse_article(text)
    except IngestError as exc:
        assert str(exc).strip(), "an IngestError must say why"
        return None
    assert isinstance(parsed, ParsedArticle)
    assert parsed.headline.strip()
    assert parsed.paragraphs and all(p.strip() for p in parsed.paragraphs)
    return parsed


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_becomes_an_article_or_a_clear_error(text):
    assert_article_or_clear_error(text)


@settings(max_examples=300, deadline=None)
@given(article_like)
def test_any_article_shaped_text_becomes_an_article_or_a_clear_error(text):
    assert_article_or_clear_error(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_any_bytes_decode_to_text_or_a_clear_error(data):
    try:
        text = decode_article_bytes(data)
    except IngestError as exc:
        assert str(exc).strip()
        return
    assert isinstance(text, str)
    assert "\x00" not in text and "\r" not in text
    assert_article_or_clear_error(text)


@settings(max_examples=150, deadline=None)
@given(article_like.map(lambda text: text.encode("utf-8")))
def test_encoded_article_shaped_bytes_go_all_the_way_through(data):
    try:
        text = decode_article_bytes(data)
    except IngestError as exc:
        assert str(exc).strip()
        return
    assert_article_or_clear_error(text)


_import_keys = itertools.count()


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=article_like.map(lambda text: text.encode("utf-8")))
def test_the_importer_stores_an_article_or_refuses_with_a_reason(data):
    """The whole pipeline, quote extraction and the database included."""
    from articles.importer import Outcome, import_article_bytes
    from articles.models import Article

    key = f"property-{next(_import_keys)}.txt"  # examples share one test transaction
    try:
        result = import_article_bytes(data, key=key)
    except IngestError as exc:
        assert str(exc).strip()
        assert not Article.objects.filter(import_key=key).exists()
        return
    if result.outcome == Outcome.SAME_STORY:  # an earlier example was this story: nothing added
        assert not Article.objects.filter(import_key=key).exists()
        assert result.article.get_absolute_url() in result.note
        return
    article = Article.objects.get(pk=result.article.pk)
    assert article.import_key == key
    assert article.headline and article.paragraphs
    for quote in article.quotes.all():
        assert 1 <= quote.paragraph <= quote.end_paragraph <= len(article.paragraphs)
        assert quote.text.strip()


# Search: the query language's own pieces, so that generated queries reach
# the parser's corners (fields, phrases, wildcards, booleans, grouping).
QUERY_PIECES = [
    "strike",
    "nurses",
    "Ortiz",
    '"short-staffed every"',
    '"',
    "'",
    "(",
    ")",
    "AND",
    "OR",
    "NOT",
    "-",
    "+",
    "*",
    "?",
    "~",
    "^2",
    ":",
    "headline:",
    "text:",
    "speaker:",
    "source:",
    "byline:",
    "nosuch:",
    'speaker:"Dana',
    "staff*",
    "*staff",
    "\\",
    "/",
    "%",
    "&",
    "\u00a0",
    "\u201cquoted\u201d",
    "Zoë",
    "東京",
    "\U0001f525",
    "\x00",
    "\t",
    "\n",
]
search_text = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300),
    st.lists(st.sampled_from(QUERY_PIECES), max_size=12).map(" ".join),
    st.lists(st.sampled_from(QUERY_PIECES), max_size=12).map("".join),
)
other_params = st.fixed_dictionaries(
    {},
    optional={
        "type": st.sampled_from(["quotes", "articles", "", "people", "x" * 50]),
        "sort": st.sampled_from(["", "newest", "oldest", "relevance", "random"]),
        "page": st.one_of(st.integers(-5, 10**12).map(str), st.text(max_size=5)),
        "from": st.one_of(st.dates().map(str), st.text(max_size=12)),
        "to": st.one_of(st.dates().map(str), st.text(max_size=12)),
        "source": search_text,
        "speaker": search_text,
    },
)


@pytest.fixture(params=["whoosh", "postgres"])
def searchable(request, settings, coverage, tmp_path):
    """The coverage indexed by one backend; search has something to find and rank."""
    from search import indexing
    from search.backends import get_backend

    settings.SEARCH_BACKEND = request.param
    settings.STRIKEWATCH_INDEX_DIR = tmp_path / "index"
    settings.SEARCH_AUTO_REBUILD = False
    settings.STRIKEWATCH_RATE_LIMITS = {"search": "off", "api": "off"}
    indexing.rebuild(get_backend())
    yield request.param
    get_backend("whoosh").forget()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=search_text, params=other_params)
def test_no_search_string_gets_a_500(client, searchable, q, params):
    page = client.get("/search/", {"q": q, **params})
    assert page.status_code == 200, (q, params)
    api = client.get("/api/search", {"q": q, **params})
    assert api.status_code in (200, 400), (q, params)
    body = api.json()
    if api.status_code == 400:
        assert body["error"] == "invalid_parameters" and body["errors"]
    else:
        assert isinstance(body, dict) and "error" not in body
