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
