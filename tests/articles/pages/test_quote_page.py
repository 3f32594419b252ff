"""A quote's own page: words, speaker, the paragraph around it, the article, and who else carried it."""

from lxml import html as lxml_html

from articles.models import Article, Quote


def attributed(article):
    return (
        article.quotes.exclude(speaker=None)
        .select_related("speaker")
        .order_by("paragraph", "start")
        .first()
    )


def get_tree(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return lxml_html.fromstring(response.content)


def test_the_quote_page_shows_the_words_the_speaker_and_the_article(client, seeded):
    kcra, _bee = seeded
    quote = attributed(kcra)
    tree = get_tree(client, quote.get_absolute_url())
    assert " ".join(
        tree.xpath("string(//figure[@class='pullquote']/blockquote)").split()
    ) == " ".join(quote.text.split())
    speaker = quote.speaker
    facts = dict(
        zip(
            [dt.text for dt in tree.xpath("//section[@class='speaker-card']//dt")],
            [
                " ".join(dd.text_content().split())
                for dd in tree.xpath("//section[@class='speaker-card']//dd")
            ],
            strict=True,
        )
    )
    assert facts["Name"] == speaker.name
    assert facts["Kind"] == speaker.get_kind_display()
    assert facts["Side in the story"] == speaker.get_side_display()
    if speaker.description:
        assert facts["Described as"] == speaker.description
    # The article, linked at the quote's paragraph.
    anchor = f"{kcra.get_absolute_url()}#p{quote.paragraph}"
    assert (
        tree.xpath(f"//section[@class='context']//cite/a[@href='{anchor}']")[0].text
        == kcra.headline
    )


def test_the_paragraph_around_the_quote_is_shown_with_the_quote_marked(client, seeded):
    _kcra, bee = seeded
    quote = bee.quotes.order_by("paragraph", "start").first()
    tree = get_tree(client, quote.get_absolute_url())
    paragraphs = tree.xpath("//div[@class='context__text']/p")
    assert len(paragraphs) == quote.end_paragraph - quote.paragraph + 1
    whole = " ".join(paragraphs[0].text_content().split())
    assert " ".join(bee.paragraphs[quote.paragraph - 1].split()) in whole
    marks = tree.xpath("//div[@class='context__text']//mark[contains(@class,'quote-mark')]")
    assert marks
    assert quote.text.split("\n")[0][:20] in marks[0].text


def test_also_carried_by_lists_other_published_articles_with_the_same_words(
    client, seeded, make_article, add_quote
):
    kcra, _bee = seeded
    quote = attributed(kcra)
    words = quote.text
    wire = make_article("Therapists’ strike goes on", [f"A therapist said “{words}” on Monday."])
    add_quote(wire, words)
    draft = make_article("Unpublished copy", [f"Draft: “{words}”."], status=Article.Status.DRAFT)
    add_quote(draft, words)

    tree = get_tree(client, quote.get_absolute_url())
    carried = tree.xpath("//section[@class='also-carried']//h3/a")
    assert [a.text for a in carried] == [wire.headline]
    assert carried[0].get("href") == Quote.objects.get(article=wire).get_absolute_url()
    # And from the copy, the original is listed.
    tree = get_tree(client, Quote.objects.get(article=wire).get_absolute_url())
    assert [a.text for a in tree.xpath("//section[@class='also-carried']//h3/a")] == [kcra.headline]


def test_a_quote_with_no_other_carrier_says_so(client, seeded):
    _kcra, bee = seeded
    tree = get_tree(client, bee.quotes.order_by("paragraph", "start").first().get_absolute_url())
    assert "No other published article" in tree.xpath("string(//section[@class='also-carried'])")


def test_an_unattributed_quote_says_so(client, seeded, add_quote):
    _kcra, bee = seeded
    quote = bee.quotes.filter(speaker=None).first() or add_quote(bee, bee.paragraphs[0][:30])
    tree = get_tree(client, quote.get_absolute_url())
    assert "Unattributed" in tree.xpath("string(//figure[@class='pullquote']/figcaption)")
    assert not tree.xpath("//section[@class='speaker-card']")


def test_more_from_this_speaker_newest_first_and_the_strikes_they_were_quoted_about(
    client, make_article, add_quote, make_person
):
    from datetime import datetime

    from articles.models import Strike

    from .conftest import PACIFIC

    strike = Strike.objects.create(name="Mercy nurses’ strike", employer="Mercy")
    other_strike = Strike.objects.create(name="Valley drivers’ strike", employer="Valley")
    dana = make_person("Dana Ruiz")
    quotes = []
    for day, chosen in ((1, strike), (3, other_strike), (2, strike), (4, None)):
        article = make_article(
            f"Day {day}",
            [f"“Words of day {day},” Ruiz said."],
            published_at=datetime(2024, 3, day, 9, tzinfo=PACIFIC),
            strike=chosen,
        )
        quotes.append(add_quote(article, f"Words of day {day},", speaker=dana))
    tree = get_tree(client, quotes[0].get_absolute_url())
    (section,) = tree.xpath("//section[@aria-labelledby='more-heading']")
    assert section.xpath("string(h2)") == "More from Dana Ruiz"
    assert [a.get("href") for a in section.xpath(".//blockquote//a")] == [
        quotes[3].get_absolute_url(),  # day 4
        quotes[1].get_absolute_url(),  # day 3
        quotes[2].get_absolute_url(),  # day 2 (day 1 is this page's own quote)
    ]
    assert section.xpath(".//a[text()='Every quote from Dana Ruiz']/@href") == [
        dana.get_absolute_url()
    ]
    assert sorted(section.xpath(".//ul//a/text()")) == [strike.name, other_strike.name]

    # The person's page links the same strikes.
    person = get_tree(client, dana.get_absolute_url())
    (strikes,) = person.xpath("//section[@aria-labelledby='strikes-heading']")
    assert sorted(strikes.xpath(".//a/@href")) == sorted(
        [strike.get_absolute_url(), other_strike.get_absolute_url()]
    )


def test_a_speakers_only_quote_says_so(client, seeded):
    kcra, _bee = seeded
    quote = attributed(kcra)
    Quote.objects.filter(speaker=quote.speaker).exclude(pk=quote.pk).delete()
    tree = get_tree(client, quote.get_absolute_url())
    (section,) = tree.xpath("//section[@aria-labelledby='more-heading']")
    assert "the only published quote from" in section.text_content()


def test_the_quote_with_speaker_and_outlet_is_shown_ready_to_copy(client, seeded):
    kcra, _bee = seeded
    quote = attributed(kcra)
    tree = get_tree(client, quote.get_absolute_url())
    (shown,) = tree.xpath("//dd[@id='copy-quote']")
    assert shown.text_content() == (
        f"“{' '.join(quote.text.split())}” — {quote.speaker.name}, quoted by KCRA 3"
    )
    # Each entry's button names what it copies; hidden until the script shows it.
    buttons = tree.xpath("//section[@class='cite']//button[@data-copy]")
    assert [b.get("data-copy") for b in buttons] == [
        "copy-quote",
        "copy-apa",
        "copy-mla",
        "copy-chicago-note",
        "copy-chicago-bibliography",
    ]
    assert all(b.get("hidden") is not None and b.get("type") == "button" for b in buttons)
    assert all(tree.xpath(f"//*[@id='{b.get('data-copy')}']") for b in buttons)
    assert tree.xpath("//script/@src") == ["/static/js/copy.js"]
