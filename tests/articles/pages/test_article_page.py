"""The article page: text anchored by paragraph with its quotes marked, and what surrounds it."""

import re

from lxml import html as lxml_html

from articles.models import Correction


def get_page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode(), lxml_html.fromstring(response.content)


def test_every_paragraph_is_anchored_for_pinpoint_citation(client, seeded):
    for article in seeded:
        _page, tree = get_page(client, article)
        # Body paragraphs and section subheadings alike keep their #p anchor, in order.
        anchors = tree.xpath("//div[@class='story__body']/*/@id")
        assert anchors == [f"p{n}" for n in range(1, len(article.paragraphs) + 1)]
        first = tree.xpath("string(//p[@id='p1'])")
        assert (
            article.paragraphs[0] in " ".join(first.split()) or article.paragraphs[0][:60] in first
        )


def test_section_subheadings_are_headings_and_keep_their_anchors(client, seeded):
    _kcra, bee = seeded
    _page, tree = get_page(client, bee)
    headings = tree.xpath("//div[@class='story__body']//h2")
    assert [" ".join(h.text_content().split()) for h in headings] == [
        bee.paragraphs[7],  # ¶8 "Delays in Kaiser Mental Health Appointments"
        bee.paragraphs[12],  # ¶13 "A “normal” tactic for US companies in strikes"
    ]
    assert [h.getparent().get("id") for h in headings] == ["p8", "p13"]
    assert [h.getparent().xpath("string(a[@class='pin']/@href)") for h in headings] == [
        "#p8",
        "#p13",
    ]
    # Everything else stays a body paragraph.
    assert len(tree.xpath("//div[@class='story__body']/p")) == len(bee.paragraphs) - 2


def test_the_header_gives_outlet_byline_and_date_in_the_outlets_time_zone(client, seeded):
    _kcra, bee = seeded
    _page, tree = get_page(client, bee)
    assert tree.xpath("string(//h1)") == bee.headline
    assert tree.xpath("string(//p[@class='dateline']/a[@class='outlet'])") == "The Sacramento Bee"
    assert tree.xpath("string(//span[@class='byline'])") == "By Kathy Anderson"
    (time,) = tree.xpath("//p[@class='dateline']//time")
    assert (
        time.get("datetime") == "2022-08-26T05:25:00-07:00"
    )  # Pacific daylight time, as the Bee dated it
    assert time.text == "Aug. 26, 2022, 5:25 a.m. PDT"


def test_an_undated_article_says_so_and_offers_no_other_date(client, seeded):
    kcra, _bee = seeded
    _page, tree = get_page(client, kcra)
    assert tree.xpath("string(//p[@class='dateline']//span[@class='undated'])") == "Date not given"
    # Citation tools fall back to the first <time> on a page: there must be none.
    assert tree.xpath("//time") == []
    assert tree.xpath("//span[@class='byline']") == []


NO_QUOTE_MARKS = str.maketrans("", "", '“”"')


def test_each_quote_is_marked_in_the_text_and_linked_to_its_page(client, seeded):
    for article in seeded:
        quotes = list(article.quotes.all())
        assert quotes, f"the seed {article.source.name} has quotes"
        _page, tree = get_page(client, article)
        marked = {
            a.get("href")
            for a in tree.xpath("//div[@class='story__body']//a[contains(@class,'quote-mark')]")
        }
        assert marked == {quote.get_absolute_url() for quote in quotes}
        for quote in quotes:
            # Each quote's first words sit inside a marked link in its own paragraph.
            links = tree.xpath(
                f"//p[@id='p{quote.paragraph}']/a[@href='{quote.get_absolute_url()}']"
            )
            assert links, quote
            # The stored text may differ from the marked span only by repaired quote marks.
            shown = "".join(link.text_content() for link in links).translate(NO_QUOTE_MARKS)
            assert quote.text.split("\n")[0][:20].translate(NO_QUOTE_MARKS) in shown


def test_the_quote_list_names_speakers_and_their_side(client, seeded):
    kcra, _bee = seeded
    _page, tree = get_page(client, kcra)
    items = tree.xpath("//section[@class='quotes']//li")
    assert len(items) == kcra.quotes.count()
    for quote in kcra.quotes.exclude(speaker=None).select_related("speaker"):
        speaker_links = tree.xpath(
            f"//section[@class='quotes']//a[@href='{quote.speaker.get_absolute_url()}']"
        )
        assert speaker_links and speaker_links[0].text == quote.speaker.name
        sides = tree.xpath(
            f"//section[@class='quotes']//span[contains(@class,'side--{quote.speaker.side}')]"
        )
        assert sides and sides[0].text == quote.speaker.get_side_display()


def test_related_coverage_of_the_same_strike(client, seeded):
    kcra, bee = seeded
    assert kcra.strike_id == bee.strike_id is not None
    _page, tree = get_page(client, kcra)
    related = tree.xpath("//section[@class='related']//h3/a")
    assert [(a.text, a.get("href")) for a in related] == [(bee.headline, bee.get_absolute_url())]
    # On the undated article's page the related article's date is shown, but not as a <time>.
    assert "Aug. 26, 2022" in tree.xpath("string(//section[@class='related'])")


def test_corrections_are_shown_as_dated_notes(client, seeded):
    _kcra, bee = seeded
    Correction.objects.create(article=bee, note="An earlier version misspelled Fred Seyfe’s name.")
    page, tree = get_page(client, bee)
    (note,) = tree.xpath("//section[@id='corrections']//li")
    assert "An earlier version misspelled Fred Seyfe’s name." in note.text_content()
    assert note.xpath("time/@datetime")
    assert "This article has 1 correction note." in page


def test_link_rot_the_original_url_and_the_internet_archive_lookup(client, seeded):
    kcra, bee = seeded
    original = "https://www.sacbee.com/news/local/article265000000.html#comments"
    bee.url = original
    bee.save()
    _page, tree = get_page(client, bee)
    links = {
        a.text_content().strip(): a.get("href")
        for a in tree.xpath("//section[@class='provenance']//a")
    }
    assert links[original] == original
    assert (
        links["look for saved copies at the Internet Archive"]
        == "https://web.archive.org/web/*/https://www.sacbee.com/news/local/article265000000.html%23comments"
    )
    # Without an original URL the page says so rather than linking nowhere.
    _page, tree = get_page(client, kcra)
    assert "The original web address was not recorded." in tree.xpath(
        "string(//section[@class='provenance'])"
    )
    assert not tree.xpath("//a[starts-with(@href, 'https://web.archive.org')]")


def test_feeds_are_advertised_for_the_outlet_and_the_strike(client, seeded):
    _kcra, bee = seeded
    _page, tree = get_page(client, bee)
    feeds = {
        (link.get("type"), link.get("href")) for link in tree.xpath("//link[@rel='alternate']")
    }
    base = "http://testserver"
    assert ("application/rss+xml", f"{base}/sources/{bee.source.slug}/feed/") in feeds
    assert ("application/atom+xml", f"{base}/sources/{bee.source.slug}/feed/atom/") in feeds
    assert ("application/rss+xml", f"{base}/strikes/{bee.strike.slug}/feed/") in feeds
    assert ("application/rss+xml", "/feed/") in feeds


def test_the_search_box_is_in_the_header_when_search_is_installed(client, seeded):
    _kcra, bee = seeded
    _page, tree = get_page(client, bee)
    from django.urls import NoReverseMatch, reverse

    try:
        search = reverse("search:search")
    except NoReverseMatch:
        assert not tree.xpath("//form[@role='search']")
        return
    (form,) = tree.xpath("//header[@class='site-header']//form[@role='search']")
    assert form.get("action") == search and form.get("method") == "get"
    (field,) = form.xpath(".//input[@name='q']")
    assert tree.xpath(f"string(//label[@for='{field.get('id')}'])")


def test_paragraph_numbers_are_links_to_their_own_anchor(client, seeded):
    _kcra, bee = seeded
    page, _tree = get_page(client, bee)
    assert re.search(r'<p id="p3"><a class="pin" href="#p3">', page)
