"""The cite block on article and quote pages, and the BibTeX / RIS / CSL-JSON downloads."""

import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from lxml import html as lxml_html

from articles.citation import EXPORT_FORMATS, CitedArticle, export_citation, format_citations
from articles.models import Article

BASE = "http://testserver"


def cited(article, quote=None):
    speaker = quote.speaker if quote is not None else None
    return CitedArticle(
        headline=article.headline,
        authors=("Kathy Anderson",) if article.byline else (),
        publication=article.source.name,
        published=article.published_at.astimezone(ZoneInfo(article.source.timezone))
        if article.published_at
        else None,
        url=f"{BASE}{article.get_absolute_url()}",
        accessed=timezone.localdate(),
        paragraph=quote.paragraph if quote is not None else None,
        quote_text=quote.text if quote is not None else "",
        speaker=speaker.name if speaker else "",
        speaker_is_organization=bool(speaker) and speaker.kind == "organization",
    )


def cite_block(client, url):
    tree = lxml_html.fromstring(client.get(url).content)
    (block,) = tree.xpath("//section[@class='cite']")
    styles = {
        dd.get("data-style"): " ".join(dd.text_content().split()) for dd in block.xpath(".//dd")
    }
    downloads = {a.text: a.get("href") for a in block.xpath(".//ul[@class='cite__downloads']//a")}
    return block, styles, downloads


def test_the_article_cite_block_shows_every_style(client, seeded):
    _kcra, bee = seeded
    block, styles, downloads = cite_block(client, bee.get_absolute_url())
    expected = format_citations(cited(bee))
    assert styles == {
        "apa": " ".join(expected["apa"].text.split()),
        "mla": " ".join(expected["mla"].text.split()),
        "chicago-note": " ".join(expected["chicago_note"].text.split()),
        "chicago-bibliography": " ".join(expected["chicago_bibliography"].text.split()),
    }
    # Hand-checked against the seed: APA names the author and the Bee's date.
    assert styles["apa"].startswith("Anderson, K. (2022, August 26).")
    assert block.xpath(".//dd[@data-style='apa']//i")  # italics survive as markup, not as text
    assert downloads == {
        "BibTeX": f"{bee.get_absolute_url()}cite/bibtex/",
        "RIS": f"{bee.get_absolute_url()}cite/ris/",
        "CSL-JSON": f"{bee.get_absolute_url()}cite/csl-json/",
    }


def test_an_undated_unsigned_article_is_cited_without_inventing_either(client, seeded):
    kcra, _bee = seeded
    _block, styles, _downloads = cite_block(client, kcra.get_absolute_url())
    assert styles["apa"] == " ".join(format_citations(cited(kcra))["apa"].text.split())
    assert "n.d." in styles["apa"]
    assert not styles["apa"].startswith("Anderson")


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_article_downloads(client, seeded, fmt):
    _kcra, bee = seeded
    response = client.get(f"{bee.get_absolute_url()}cite/{fmt}/")
    assert response.status_code == 200
    content, content_type, extension = export_citation(cited(bee), fmt)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{bee.slug}.{extension}"'
    assert response.content.decode() == content
    assert bee.headline in content


def test_a_quote_citation_cites_the_article_at_the_quotes_paragraph(client, seeded):
    kcra, _bee = seeded
    quote = kcra.quotes.exclude(speaker=None).select_related("speaker").first()
    _block, styles, downloads = cite_block(client, quote.get_absolute_url())
    assert styles["apa"] == " ".join(format_citations(cited(kcra, quote))["apa"].text.split())
    assert f"para. {quote.paragraph}" in styles["apa"]
    response = client.get(downloads["CSL-JSON"])
    assert response.status_code == 200
    item = json.loads(response.content)
    item = item[0] if isinstance(item, list) else item
    assert item["title"] == kcra.headline
    assert f"paragraph {quote.paragraph}" in item["note"]
    assert quote.speaker.name in item["note"]
    assert response["Content-Disposition"].startswith(f'attachment; filename="quote-{quote.pk}.')


def test_an_unknown_citation_format_is_404(client, seeded):
    _kcra, bee = seeded
    assert client.get(f"{bee.get_absolute_url()}cite/endnote/").status_code == 404
    assert client.get(f"{bee.quotes.first().get_absolute_url()}cite/word/").status_code == 404


def bibtex_key(client, url):
    return re.match(r"@article\{([^,]+),", client.get(url).content.decode()).group(1)


def test_citation_keys_are_unique_across_the_archive(client, seeded, add_quote):
    _kcra, bee = seeded
    quotes = list(bee.quotes.order_by("paragraph", "start")[:2])
    assert len(quotes) == 2
    keys = {bibtex_key(client, f"{q.get_absolute_url()}cite/bibtex/") for q in quotes}
    assert keys == {f"anderson2022kaiser-q{q.pk}" for q in quotes}
    assert bibtex_key(client, f"{bee.get_absolute_url()}cite/bibtex/") == "anderson2022kaiser"

    # Another story by the same reporter, the same year, on the same topic: its own key. The
    # article that entered the archive first keeps the bare one.
    later = Article.objects.create(
        source=bee.source,
        headline="Kaiser talks resume",
        byline="Kathy Anderson",
        published_at=bee.published_at,
        paragraphs=["Talks resumed."],
    )
    assert bibtex_key(client, f"{later.get_absolute_url()}cite/bibtex/") == "anderson2022kaiser-2"
    assert bibtex_key(client, f"{bee.get_absolute_url()}cite/bibtex/") == "anderson2022kaiser"
    for fmt in ("ris", "csl-json"):
        assert (
            "anderson2022kaiser-2"
            in client.get(f"{later.get_absolute_url()}cite/{fmt}/").content.decode()
        )


def test_a_quotes_downloads_carry_its_permalink_and_paragraph(client, seeded):
    kcra, _bee = seeded
    quote = kcra.quotes.exclude(speaker=None).first()
    page = f"{BASE}{quote.get_absolute_url()}"
    paragraph = f"{BASE}{kcra.get_absolute_url()}#p{quote.paragraph}"
    bibtex = client.get(f"{quote.get_absolute_url()}cite/bibtex/").content.decode()
    assert f"quoteurl = {{{page}}}" in bibtex and f"paragraphurl = {{{paragraph}}}" in bibtex
    ris = client.get(f"{quote.get_absolute_url()}cite/ris/").content.decode()
    assert f"L3  - {page}\r\n" in ris and f"L2  - {paragraph}\r\n" in ris
    (item,) = json.loads(client.get(f"{quote.get_absolute_url()}cite/csl-json/").content)
    assert item["custom"]["quote_url"] == page and item["custom"]["paragraph_url"] == paragraph
