"""Person, outlet and strike pages, the indexes, and narrowing lists by a speaker's side."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from lxml import html as lxml_html

from articles.models import Article, Person, Quote, Source


def get_tree(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return lxml_html.fromstring(response.content)


def quoted_people():
    return Person.objects.quoted().order_by("name")


@pytest.fixture
def sided(seeded):
    """The seeds' speakers spread over several sides, as an editor might set them."""
    sides = [Person.Side.LABOR, Person.Side.EMPLOYER, Person.Side.EXPERT]
    for n, person in enumerate(quoted_people()):
        person.side = sides[n % len(sides)]
        person.side_set_by_editor = True
        person.save()
    assert quoted_people().values("side").distinct().count() > 1
    return seeded


def test_a_person_page_shows_description_aliases_side_and_every_quote_newest_first(
    client, seeded, make_article, add_quote
):
    kcra, _bee = seeded
    person = quoted_people().filter(quotes__article=kcra).first()
    person.aliases = ["S. Soroken", "Sara Soroken"]
    person.description = person.description or "licensed therapist"
    person.save()
    # The same person quoted again in newer coverage from another outlet.
    later = make_article(
        "Therapists return to work",
        [f"“We won,” {person.name} said."],
        published_at=datetime(2022, 10, 20, 8, 0, tzinfo=ZoneInfo("America/Los_Angeles")),
    )
    add_quote(later, "We won,", speaker=person)

    tree = get_tree(client, person.get_absolute_url())
    assert tree.xpath("string(//h1)") == person.name
    assert tree.xpath("string(//p[@class='lede'])") == person.description
    assert tree.xpath("string(//p[@class='aliases'])") == "Also spelled: S. Soroken, Sara Soroken"
    assert (
        tree.xpath("string(//header//span[contains(@class,'side')])") == person.get_side_display()
    )
    shown = [a.get("href") for a in tree.xpath("//ol[@class='quote-list']//blockquote//a")]
    newest_first = [later.quotes.get()] + list(
        Quote.objects.filter(speaker=person, article=kcra).order_by("paragraph")
    )
    assert shown == [quote.get_absolute_url() for quote in newest_first]
    assert f"{len(shown)} published quotes" in tree.xpath("string(//header/p[@class='meta'])")


def test_a_person_quoted_only_in_drafts_has_no_page(
    client, seeded, make_article, add_quote, make_person
):
    secret = make_person("Unpublished Source")
    draft = make_article(
        "Draft story", ["“Off the record,” she said."], status=Article.Status.DRAFT
    )
    add_quote(draft, "Off the record,", speaker=secret)
    get_tree(client, secret.get_absolute_url(), status=404)


def test_people_index_narrowed_by_side(client, sided):
    everyone = list(quoted_people())
    tree = get_tree(client, "/people/")
    assert [a.text for a in tree.xpath("//ul[@class='people-list']//a[@class='speaker']")] == [
        p.name for p in everyone
    ]
    for side in {person.side for person in everyone}:
        tree = get_tree(client, f"/people/?side={side}")
        names = [a.text for a in tree.xpath("//ul[@class='people-list']//a[@class='speaker']")]
        assert names == [p.name for p in everyone if p.side == side]
        current = tree.xpath("//nav[@class='side-filter']//a[@aria-current='true']")
        assert [a.text for a in current] == [Person.Side(side).label]


def test_quote_index_narrowed_by_side(client, sided):
    for side in Person.Side.values:
        expected = Quote.objects.published().filter(speaker__side=side)
        tree = get_tree(client, f"/quotes/?side={side}")
        shown = {a.get("href") for a in tree.xpath("//ol[@class='quote-list']//blockquote//a")}
        assert shown == {quote.get_absolute_url() for quote in expected}, side
        assert all(
            span.text == Person.Side(side).label
            for span in tree.xpath("//ol[@class='quote-list']//span[contains(@class,'side')]")
        )
    tree = get_tree(client, "/quotes/")
    assert len(tree.xpath("//ol[@class='quote-list']/li")) == Quote.objects.published().count()


def test_an_unknown_side_is_a_clear_400_not_an_empty_list(client, seeded):
    for url in (
        "/people/?side=bosses",
        "/quotes/?side=bosses",
        f"/strikes/{seeded[0].strike.slug}/?side=bosses",
    ):
        tree = get_tree(client, url, status=400)
        assert tree.xpath("string(//h1)") == "There is no side called “bosses”"
        assert "Workers or union" in [a.text for a in tree.xpath("//main//a")]


def test_a_source_page_lists_its_published_coverage(client, seeded, make_article):
    _kcra, bee = seeded
    make_article("Bee draft", source=bee.source, status=Article.Status.DRAFT)
    tree = get_tree(client, bee.source.get_absolute_url())
    assert tree.xpath("string(//h1)") == "The Sacramento Bee"
    assert [a.text for a in tree.xpath("//ul[@class='teaser-list']//h3/a")] == [bee.headline]
    assert "1 published article" in tree.xpath("string(//header/p[@class='meta'])")


def test_an_outlet_with_only_drafts_has_no_page(client, seeded, make_article):
    hidden = Source.objects.create(name="Quiet Weekly")
    make_article("Embargoed", source=hidden, status=Article.Status.DRAFT)
    get_tree(client, hidden.get_absolute_url(), status=404)
    names = [a.text for a in get_tree(client, "/sources/").xpath("//ul[@class='people-list']//a")]
    assert names == ["KCRA 3", "The Sacramento Bee"]


def test_the_strike_page_gives_its_facts_and_a_timeline_by_date(client, seeded):
    kcra, bee = seeded
    strike = bee.strike
    tree = get_tree(client, strike.get_absolute_url())
    assert tree.xpath("string(//h1)") == strike.name
    facts = dict(
        zip(
            [dt.text for dt in tree.xpath("//section[@class='strike-facts']//dt")],
            [
                " ".join(dd.text_content().split())
                for dd in tree.xpath("//section[@class='strike-facts']//dd")
            ],
            strict=True,
        )
    )
    assert facts["Employer"] == "Kaiser Permanente"
    assert facts["Union"] == "National Federation of Health Care Workers"
    assert facts["Began"] == "Aug. 15, 2022"
    assert facts["Ended"] == "No end date recorded"
    assert facts["Workers involved"] == strike.workers_involved
    days = tree.xpath("//ol[@class='timeline__days']/li")
    assert [" ".join(day.xpath("string(h3)").split()) for day in days] == [
        "Friday, Aug. 26, 2022",
        "Date not given",
    ]
    assert [a.text for a in days[0].xpath(".//h4/a")] == [bee.headline]
    assert [a.text for a in days[1].xpath(".//h4/a")] == [kcra.headline]
    quotes = {a.get("href") for a in tree.xpath("//ol[@class='timeline__days']//blockquote//a")}
    assert quotes == {
        q.get_absolute_url() for q in Quote.objects.published().filter(article__strike=strike)
    }


def test_the_strike_timeline_narrowed_by_side(client, sided):
    strike = sided[0].strike
    for side in Person.Side.values:
        expected = Quote.objects.published().filter(article__strike=strike, speaker__side=side)
        tree = get_tree(client, f"{strike.get_absolute_url()}?side={side}")
        shown = {a.get("href") for a in tree.xpath("//ol[@class='timeline__days']//blockquote//a")}
        assert shown == {q.get_absolute_url() for q in expected}
        articles = {a.get("href") for a in tree.xpath("//ol[@class='timeline__days']//h4/a")}
        assert articles == {q.article.get_absolute_url() for q in expected}


def test_the_strike_index_lists_strikes_with_their_coverage_counts(client, seeded):
    strike = seeded[0].strike
    tree = get_tree(client, "/strikes/")
    (card,) = tree.xpath("//article[@class='strike-card']")
    assert card.xpath("string(.//a)") == strike.name
    assert "2 published articles" in card.text_content()
