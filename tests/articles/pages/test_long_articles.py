"""
A very long article is read in parts: one page renders a bounded share of it
(its paragraphs and their quotes), each paragraph keeps its ``#pN`` anchor on
the part that holds it, and the site's links to a paragraph name that part.
"""

import re

import pytest
from django.urls import reverse

from articles import parts
from articles.models import Quote

PARAGRAPH = "Picket lines stretched around the block as the night shift came out. " * 7
TWELVE_MB = 12 * 1024 * 1024 // len(PARAGRAPH) + 2  # paragraphs in a 12 MB article
QUOTED = "We will stay out as long as it takes"


def rendered_paragraphs(response):
    return [int(number) for number in re.findall(r'<p id="p(\d+)"', response.text)]


@pytest.fixture
def long_article(make_article, make_person):
    paragraphs = [PARAGRAPH] * TWELVE_MB
    late = len(paragraphs) - 10
    paragraphs[late - 1] = f"“{QUOTED},” said Dana Ruiz, a picket captain."
    article = make_article(headline="Transcript of the strike hearings", paragraphs=paragraphs)
    quote = Quote.objects.create(
        article=article,
        paragraph=late,
        start=1,
        end_paragraph=late,
        end=1 + len(QUOTED),
        text=QUOTED,
        speaker=make_person(),
    )
    return article, quote


def test_a_twelve_megabyte_article_renders_a_bounded_part_per_page(client, long_article):
    article, _quote = long_article
    assert sum(map(len, article.paragraphs)) >= 12 * 1024 * 1024
    starts = article.part_starts()
    assert len(starts) > 1

    first = client.get(article.get_absolute_url())
    assert first.status_code == 200
    shown = rendered_paragraphs(first)
    assert shown == list(range(1, starts[1]))
    assert len(shown) <= parts.PART_PARAGRAPHS
    assert len(first.content) < 2 * parts.PART_CHARACTERS  # not 12 MB of HTML
    assert f"shown in {len(starts)} parts" in first.text

    second = client.get(article.get_absolute_url(), {"part": "2"})
    assert rendered_paragraphs(second) == list(range(starts[1], starts[2]))
    last = client.get(article.get_absolute_url(), {"part": str(len(starts))})
    assert rendered_paragraphs(last)[-1] == len(article.paragraphs)


def test_a_link_to_a_paragraph_reaches_the_part_that_holds_it(client, long_article):
    article, quote = long_article
    part = parts.part_of(article.part_starts(), quote.paragraph)
    assert part > 1
    url = f"{article.get_absolute_url()}?part={part}#p{quote.paragraph}"
    assert quote.paragraph_url() == url

    # The quote's page links to that paragraph on its part, and the part holds it.
    assert f'href="{url}"' in client.get(quote.get_absolute_url()).text
    page = client.get(article.get_absolute_url(), {"part": part})
    assert f'<p id="p{quote.paragraph}"' in page.text
    assert quote.get_absolute_url() in page.text  # the quote is marked and listed there
    # The first part lists only its own quotes; links from elsewhere (#p...) are sent on
    # to their part by the page's script, which knows where each part starts.
    first = client.get(article.get_absolute_url())
    assert quote.get_absolute_url() not in first.text
    starts = ",".join(map(str, article.part_starts()))
    assert f'data-part-starts="{starts}"' in first.text
    assert "js/article-parts" in first.text


def test_a_part_past_the_end_leads_to_the_article(client, long_article):
    article, _quote = long_article
    response = client.get(article.get_absolute_url(), {"part": "100000"})
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert client.get(article.get_absolute_url(), {"part": "two"}).status_code == 404


def test_reading_a_long_article_leaves_the_cached_home_page_alone(
    client, long_article, django_assert_num_queries
):
    article, _quote = long_article
    home = client.get(reverse("articles:home"))
    for number in range(5):
        client.get(article.get_absolute_url(), {"x": number, "part": "2"})
    with django_assert_num_queries(0):
        again = client.get(reverse("articles:home"))
    assert again.content == home.content


def test_an_ordinary_article_is_one_part_and_reads_as_before(client, make_article):
    article = make_article(paragraphs=["Nurses walked out.", "They stayed out."])
    assert article.part_starts() == [1]
    assert article.paragraph_url(2) == f"{article.get_absolute_url()}#p2"
    response = client.get(article.get_absolute_url())
    assert rendered_paragraphs(response) == [1, 2]
    assert "story__parts" not in response.text and "article-parts" not in response.text


def test_parts_are_bounded_by_paragraphs_and_by_characters():
    assert parts.part_starts(["a"] * 10) == [1]
    assert parts.part_starts(["a"] * (parts.PART_PARAGRAPHS + 1)) == [1, parts.PART_PARAGRAPHS + 1]
    big = "x" * (parts.PART_CHARACTERS // 2 + 1)
    assert parts.part_starts([big, big, big]) == [1, 2, 3]
    # A single paragraph longer than a part is a part of its own.
    assert parts.part_starts(["x" * (2 * parts.PART_CHARACTERS), "a"]) == [1, 2]
    assert parts.part_of([1, 151, 301], 151) == 2 and parts.part_of([1, 151, 301], 150) == 1
