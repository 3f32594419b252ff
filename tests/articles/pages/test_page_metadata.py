"""
What citation managers and search engines read from the pages, checked with a
real extractor (extruct) and lxml for the plain meta tags.
"""

import extruct
from lxml import html as lxml_html

BASE = "http://testserver"


def extract(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    data = extruct.extract(
        page, base_url=f"{BASE}{url}", syntaxes=["json-ld", "opengraph", "dublincore"], uniform=True
    )
    tree = lxml_html.fromstring(response.content)
    meta = {}
    for tag in tree.xpath("//head/meta[@name]"):
        meta.setdefault(tag.get("name"), []).append(tag.get("content"))
    return data, meta, tree


def one(items, type_):
    found = [item for item in items if item.get("@type") == type_]
    assert len(found) == 1, items
    return found[0]


def test_article_page_metadata_for_zotero_and_search_engines(client, seeded):
    _kcra, bee = seeded
    url = bee.get_absolute_url()
    data, meta, tree = extract(client, url)
    canonical = f"{BASE}{url}"
    assert tree.xpath("//head/link[@rel='canonical']/@href") == [canonical]

    # Zotero's Embedded Metadata translator: a newspaper article with title, authors, date, URL.
    assert meta["citation_title"] == [bee.headline]
    assert meta["citation_author"] == ["Kathy Anderson"]
    assert meta["citation_date"] == ["2022-08-26"]
    assert meta["citation_public_url"] == [canonical]
    assert "citation_journal_title" not in meta  # would make Zotero save a journal article
    (dublin_core,) = data["dublincore"]
    assert (
        dublin_core["@type"] == "newspaperArticle"
    )  # DC.type, which extruct reads as the item's type
    dc = {element["name"]: element["content"] for element in dublin_core["elements"]}
    assert dc["DC.title"] == bee.headline
    assert dc["DC.creator"] == "Kathy Anderson"
    assert dc["DC.date"] == "2022-08-26"

    # OpenGraph: the outlet is the site name (Zotero's publication for a newspaper article).
    (og,) = data["opengraph"]
    assert og["og:site_name"] == "The Sacramento Bee"
    assert og["@type"] == "article"  # og:type
    assert og["og:title"] == bee.headline
    assert og["og:url"] == canonical
    assert og["article:published_time"] == "2022-08-26T05:25:00-07:00"
    assert meta["twitter:card"] == ["summary"]
    assert meta["twitter:title"] == [bee.headline]

    # schema.org NewsArticle.
    article = one(data["json-ld"], "NewsArticle")
    assert article["headline"] == bee.headline
    assert article["url"] == canonical
    assert article["datePublished"] == "2022-08-26T05:25:00-07:00"
    assert article["dateModified"].startswith(str(bee.updated_at.year))
    assert article["author"] == [{"@type": "Person", "name": "Kathy Anderson"}]
    assert article["publisher"]["name"] == "The Sacramento Bee"
    assert article["isPartOf"]["url"] == f"{BASE}{bee.strike.get_absolute_url()}"
    assert article["isPartOf"]["about"]["name"] == bee.strike.name


def test_an_article_without_byline_or_date_claims_neither(client, seeded):
    kcra, _bee = seeded
    data, meta, tree = extract(client, kcra.get_absolute_url())
    assert meta["citation_title"] == [kcra.headline]
    assert "citation_author" not in meta and "citation_date" not in meta and "DC.date" not in meta
    assert tree.xpath("//time") == []
    article = one(data["json-ld"], "NewsArticle")
    assert "datePublished" not in article and "author" not in article
    (og,) = data["opengraph"]
    assert og["og:site_name"] == "KCRA 3"


def test_quote_page_metadata_is_a_quotation_in_its_article(client, seeded):
    kcra, _bee = seeded
    quote = kcra.quotes.exclude(speaker=None).select_related("speaker").first()
    url = quote.get_absolute_url()
    data, meta, tree = extract(client, url)
    assert tree.xpath("//head/link[@rel='canonical']/@href") == [f"{BASE}{url}"]
    quotation = one(data["json-ld"], "Quotation")
    assert quotation["text"] == quote.text
    assert quotation["creator"]["name"] == quote.speaker.name
    assert quotation["creator"]["url"] == f"{BASE}{quote.speaker.get_absolute_url()}"
    if quote.speaker.kind == "person":
        assert quotation["spokenByCharacter"]["name"] == quote.speaker.name
    assert quotation["isPartOf"]["@type"] == "NewsArticle"
    assert quotation["isPartOf"]["url"] == f"{BASE}{kcra.get_absolute_url()}"
    # Saved in Zotero, a quote page is its article, pointed at the quote's paragraph.
    assert meta["citation_title"] == [kcra.headline]
    assert meta["citation_public_url"] == [f"{BASE}{kcra.get_absolute_url()}#p{quote.paragraph}"]
    assert "citation_journal_title" not in meta


def test_person_source_and_strike_pages_have_canonical_urls_and_json_ld(client, seeded):
    kcra, bee = seeded
    person = kcra.quotes.exclude(speaker=None).first().speaker
    for obj, type_ in (
        (person, "ProfilePage"),
        (bee.source, "CollectionPage"),
        (bee.strike, "CollectionPage"),
    ):
        url = obj.get_absolute_url()
        data, _meta, tree = extract(client, url)
        assert tree.xpath("//head/link[@rel='canonical']/@href") == [f"{BASE}{url}"]
        assert one(data["json-ld"], type_)["url"] == f"{BASE}{url}"
