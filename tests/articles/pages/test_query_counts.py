"""An article page costs the same number of SQL queries however many quotes it carries."""

import pytest
from django.urls import reverse

from articles.models import Correction, Strike

# The article with its outlet and strike (and its newest archived copy); its quotes
# with their speakers; its corrections; related coverage of the strike; other
# outlets' copies of the story; the articles that could share its citation key
# (``articles.citing``); plus what the middleware around the views asks for (the
# page cache's check for scheduled articles).
ARTICLE_PAGE_QUERIES = 7


@pytest.fixture
def strike(db):
    return Strike.objects.create(name="Mercy General nurses’ strike", employer="Mercy General")


def article_with_quotes(make_article, add_quote, make_person, strike, count, tag):
    paragraphs = [
        f"“Words number {n} from {tag},” said Speaker {tag} {n}." for n in range(1, count + 1)
    ]
    article = make_article(f"{count} quotes ({tag})", paragraphs, strike=strike)
    for n in range(1, count + 1):
        person = make_person(f"Speaker {tag} {n}", description="a nurse")
        add_quote(article, f"Words number {n} from {tag},", paragraph=n, speaker=person)
    Correction.objects.create(article=article, note=f"Corrected a name ({tag}).")
    return article


def test_the_article_page_query_count_does_not_grow_with_its_quotes(
    client, make_article, add_quote, make_person, strike, django_assert_num_queries
):
    one = article_with_quotes(make_article, add_quote, make_person, strike, 1, "one")
    fifty = article_with_quotes(make_article, add_quote, make_person, strike, 50, "fifty")

    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        small = client.get(one.get_absolute_url())
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        large = client.get(fifty.get_absolute_url())

    assert small.status_code == large.status_code == 200
    # The pages really did render every quote, speaker and the related article.
    assert large.content.decode().count('class="quote-mark"') == 50
    assert "Speaker fifty 50" in large.content.decode()
    assert one.headline in large.content.decode()  # related coverage of the same strike
    assert "Corrected a name (fifty)." in large.content.decode()
    assert (
        reverse("articles:quote_detail", kwargs={"pk": fifty.quotes.last().pk})
        in large.content.decode()
    )
