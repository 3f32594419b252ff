"""
Property: whatever corrections a re-import brings (a number changed, words
added beside a quote or inside one, a paragraph added or taken out), every
URL that answered 200 before answers 200, 301 or 410 after, and every quote
whose words survive keeps its id. Drawn over the seed articles and the gold
articles of the quote benchmarks.
"""

import re
from pathlib import Path

import pytest
from django.core.cache import caches
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.importer import import_article_bytes
from articles.models import quote_fingerprint
from tests.conftest import SEEDS_DIR

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_FILES = sorted(
    [*SEEDS_DIR.glob("*.txt"), *(ROOT / "benchmarks" / "gold").glob("*/*.txt")],
    key=lambda path: (path.parent.name, path.name),
)
EDITS = ("number", "beside a quote", "inside a quote", "paragraph out", "paragraph in")
ADDED_PARAGRAPH = "Talks between the two sides are set to resume next week, officials said."
QUOTED = re.compile(r"“[^”]{12,}”")

pytestmark = pytest.mark.django_db


def edit(text, kind, seed):
    """``text`` (an article file) with one correction of ``kind`` at a place chosen by ``seed``."""
    head, _, body = text.partition("\n\n")  # the headline is kept as it is (no file has a header)
    paragraphs = body.split("\n\n")
    quoted = [i for i, p in enumerate(paragraphs) if QUOTED.search(p)]
    plain = [i for i, p in enumerate(paragraphs) if i not in quoted and p.strip()]
    if kind == "number" and plain:
        i = plain[seed % len(plain)]
        number = re.search(r"\d+", paragraphs[i])
        paragraphs[i] = (
            paragraphs[i][: number.start()]
            + str(int(number[0]) + 1)
            + paragraphs[i][number.end() :]
            if number
            else paragraphs[i].rstrip() + " The figure was later corrected."
        )
    elif kind == "beside a quote" and quoted:
        i = quoted[seed % len(quoted)]
        paragraphs[i] = paragraphs[i].rstrip() + " The remark drew applause."
    elif kind == "inside a quote" and quoted:
        i = quoted[seed % len(quoted)]
        quote = QUOTED.search(paragraphs[i])
        words = quote[0].split()
        j = 1 + seed % max(1, len(words) - 2)
        words[j] = "truly"
        paragraphs[i] = paragraphs[i].replace(quote[0], " ".join(words), 1)
    elif kind == "paragraph out" and len(paragraphs) > 3:
        del paragraphs[1 + seed % (len(paragraphs) - 1)]
    else:  # "paragraph in", or nothing of the kind asked for
        paragraphs.insert(1 + seed % len(paragraphs), ADDED_PARAGRAPH)
    return f"{head}\n\n" + "\n\n".join(paragraphs)


def public_urls(client, article):
    """The article's URL and those of its quotes, speakers and outlet that answer 200."""
    urls = {article.get_absolute_url()}
    for quote in article.quotes.select_related("speaker"):
        urls.add(quote.get_absolute_url())
        if quote.speaker:
            urls.add(quote.speaker.get_absolute_url())
    if article.source_id:
        urls.add(article.source.get_absolute_url())
    return {url for url in urls if client.get(url).status_code == 200}


def quote_ids_by_words(article):
    by_words = {}
    for pk, text in article.quotes.values_list("pk", "text"):
        by_words.setdefault(quote_fingerprint(text), set()).add(pk)
    return by_words


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    path=st.sampled_from(ARTICLE_FILES),
    edits=st.lists(
        st.tuples(st.sampled_from(EDITS), st.integers(0, 10_000)), min_size=1, max_size=3
    ),
)
def test_corrections_keep_every_url_answering_and_every_surviving_quote_its_id(
    client, strikes, path, edits
):
    for cache in caches.all():  # pages rendered before a re-import are not what is checked
        cache.clear()
    key = f"{path.parent.name}-{path.name}"
    original = path.read_text()
    article = import_article_bytes(original.encode(), key=key).article
    before_urls = public_urls(client, article)
    before_ids = quote_ids_by_words(article)
    assert article.get_absolute_url() in before_urls

    text = original
    for kind, seed in edits:
        text = edit(text, kind, seed)
    article = import_article_bytes(text.encode(), key=key).article
    for cache in caches.all():
        cache.clear()

    for url in sorted(before_urls):
        response = client.get(url)
        assert response.status_code in (200, 301, 410), (url, response.status_code, edits)
        if response.status_code == 301:
            assert client.get(response["Location"]).status_code == 200, (url, edits)
    after_ids = quote_ids_by_words(article)
    for words, ids in before_ids.items():
        surviving = after_ids.get(words, set())
        # Each occurrence of these words still quoted is one of the old rows.
        assert len(ids & surviving) == min(len(ids), len(surviving)), (path.name, edits)
