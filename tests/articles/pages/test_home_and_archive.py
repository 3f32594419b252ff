"""The home page and the archive by year and month."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from lxml import html as lxml_html

from articles.models import Article, Person, Quote, Source


def get_tree(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return lxml_html.fromstring(response.content)


def test_home_shows_latest_coverage_active_strikes_and_the_most_quoted(client, seeded):
    kcra, bee = seeded
    tree = get_tree(client, "/")
    latest = [a.text for a in tree.xpath("//section[@class='home-latest']//h3/a")]
    assert latest == [bee.headline, kcra.headline]  # dated first, newest first; undated last
    assert [a.text for a in tree.xpath("//article[@class='strike-card']//a")] == [bee.strike.name]
    # The seeds are from 2022: nothing in the last 30 days, so the all-time list, labelled.
    assert tree.xpath("string(//h2[@id='quoted-heading'])") == "Most quoted of all time"
    ranked = [a.text for a in tree.xpath("//ol[@class='ranked-list']/li/a")]
    top = Person.objects.quoted().order_by("name")
    counts = {p.name: Quote.objects.published().filter(speaker=p).count() for p in top}
    assert ranked == sorted(counts, key=lambda name: (-counts[name], name))[:8]


def test_home_most_quoted_this_month_counts_only_recent_coverage(
    client, seeded, make_article, add_quote, make_person
):
    person = make_person("Recent Speaker")
    fresh = make_article(
        "Strike vote today",
        ["“We vote today,” she said."],
        published_at=timezone.now() - timedelta(days=2),
    )
    add_quote(fresh, "We vote today,", speaker=person)
    tree = get_tree(client, "/")
    assert tree.xpath("string(//h2[@id='quoted-heading'])") == "Most quoted this month"
    assert [a.text for a in tree.xpath("//ol[@class='ranked-list']/li/a")] == ["Recent Speaker"]


def test_home_has_a_search_box_when_search_is_installed(client, seeded):
    from django.urls import NoReverseMatch, reverse

    tree = get_tree(client, "/")
    try:
        action = reverse("search:search")
    except NoReverseMatch:
        return
    (form,) = tree.xpath("//main//form[@role='search']")
    assert form.get("action") == action
    assert (
        tree.xpath("string(//label[@for='home-search-q'])") == "Search quotes, people and articles"
    )


def test_archive_index_lists_months_and_undated_coverage(client, seeded):
    kcra, _bee = seeded
    tree = get_tree(client, "/archive/")
    assert [a.get("href") for a in tree.xpath("//dl[@class='archive-years']//dd//a")] == [
        "/archive/2022/08/"
    ]
    assert [a.text for a in tree.xpath("//section[@aria-labelledby='undated-heading']//h3/a")] == [
        kcra.headline
    ]


def test_archive_year_and_month_pages(client, seeded):
    _kcra, bee = seeded
    tree = get_tree(client, "/archive/2022/")
    assert tree.xpath("string(//h1)") == "Coverage in 2022"
    assert [
        " ".join(li.text_content().split()) for li in tree.xpath("//ul[@class='month-list']/li")
    ] == ["August 1 article"]
    tree = get_tree(client, "/archive/2022/08/")
    assert tree.xpath("string(//h1)") == "Coverage in August 2022"
    assert [
        a.text for a in tree.xpath("//ul[@class='teaser-list']//*[@class='teaser__title']/a")
    ] == [bee.headline]
    get_tree(client, "/archive/2022/09/", status=404)  # no coverage that month
    get_tree(client, "/archive/2022/13/", status=404)  # not a month
    get_tree(client, "/archive/1999/", status=404)


def test_archive_month_is_oldest_first_and_leaves_out_drafts_and_future_articles(
    client, seeded, make_article
):
    _kcra, bee = seeded
    early = make_article("Strike looms", published_at=bee.published_at - timedelta(days=10))
    make_article("Draft in August", published_at=bee.published_at, status=Article.Status.DRAFT)
    tree = get_tree(client, "/archive/2022/08/")
    assert [
        a.text for a in tree.xpath("//ul[@class='teaser-list']//*[@class='teaser__title']/a")
    ] == [early.headline, bee.headline]


# The archive files a story under its outlet's date ------------------------------------------


def _month_headlines(client, url):
    return [
        a.text
        for a in get_tree(client, url).xpath(
            "//ul[@class='teaser-list']//*[@class='teaser__title']/a"
        )
    ]


def test_a_late_evening_story_is_filed_under_its_outlets_date_not_utcs(
    client, seeded, make_article, outlet
):
    # 9 pm on 31 August in California (11 pm at this Chicago outlet) is 1 September in UTC.
    late = make_article(
        "Late shift votes",
        published_at=datetime(2022, 8, 31, 21, 0, tzinfo=ZoneInfo("America/Los_Angeles")),
    )
    assert outlet.timezone == "America/Chicago"
    assert late.published_on == date(2022, 8, 31)
    assert "Late shift votes" in _month_headlines(client, "/archive/2022/08/")
    get_tree(client, "/archive/2022/09/", status=404)
    year = get_tree(client, "/archive/2022/")
    assert [
        " ".join(li.text_content().split()) for li in year.xpath("//ul[@class='month-list']/li")
    ] == ["August 2 articles"]
    # The page shows the same date the archive files it under.
    assert "Aug. 31, 2022, 11 p.m. CDT" in " ".join(
        get_tree(client, late.get_absolute_url())
        .xpath("string(//*[@class='dateline__date'])")
        .split()
    )


def test_a_new_clock_for_an_outlet_redates_its_stories(client, seeded, make_article, outlet):
    late = make_article(
        "Late shift votes",
        published_at=datetime(2022, 8, 31, 21, 0, tzinfo=ZoneInfo("America/Los_Angeles")),
    )
    outlet.timezone = "UTC"
    outlet.save()
    late.refresh_from_db()
    assert late.published_on == date(2022, 9, 1)
    assert _month_headlines(client, "/archive/2022/09/") == ["Late shift votes"]


def test_moving_a_story_or_changing_its_time_redates_it(make_article, outlet, db):
    story = make_article(
        "Late shift votes",
        published_at=datetime(2022, 8, 31, 21, 0, tzinfo=ZoneInfo("America/Los_Angeles")),
    )
    tokyo = Source.objects.create(name="Tokyo Desk", slug="tokyo-desk", timezone="Asia/Tokyo")
    story.source = tokyo
    story.save(update_fields=["source"])
    story.refresh_from_db()
    assert story.published_on == date(2022, 9, 1)  # 1 pm on 1 September in Tokyo
    story.published_at = None
    story.save(update_fields=["published_at"])
    story.refresh_from_db()
    assert story.published_on is None


def test_merging_outlets_dates_the_moved_stories_on_the_survivors_clock(make_article, outlet, db):
    from articles.merge import merge_sources

    utc_outlet = Source.objects.create(
        name="Wire Desk", slug="wire-desk"
    )  # UTC: takes the other's clock
    story = make_article(
        "Late shift votes", source=utc_outlet, published_at=datetime(2022, 9, 1, 4, 0, tzinfo=UTC)
    )
    assert story.published_on == date(2022, 9, 1)
    merge_sources(utc_outlet, [outlet])
    story.refresh_from_db()
    assert story.source_id == utc_outlet.pk
    assert story.published_on == date(2022, 8, 31)


def test_a_strike_without_recent_coverage_is_not_listed_as_active(client, seeded, make_article):
    _kcra, bee = seeded  # the seed strike has no end date; its coverage is from 2022
    tree = get_tree(client, "/")
    (section,) = tree.xpath("//section[@aria-labelledby='strikes-heading']")
    active = section.xpath(".//ul[not(@aria-labelledby)]//article[@class='strike-card']")
    quiet = section.xpath(".//ul[@aria-labelledby='quiet-heading']//article")
    assert active == []
    assert [card.xpath("string(.//a)") for card in quiet] == [bee.strike.name]
    assert "No recent coverage" in quiet[0].text_content()
    assert "last Aug. 26, 2022" in " ".join(quiet[0].text_content().split())

    # Fresh coverage makes it active again.
    make_article("Therapists still out", strike=bee.strike, published_at=timezone.now())
    tree = get_tree(client, "/")
    (section,) = tree.xpath("//section[@aria-labelledby='strikes-heading']")
    active = section.xpath(".//ul[not(@aria-labelledby)]//article[@class='strike-card']")
    assert [card.xpath("string(.//a)") for card in active] == [bee.strike.name]
    assert "Active" in active[0].text_content()
    assert section.xpath(".//ul[@aria-labelledby='quiet-heading']") == []
