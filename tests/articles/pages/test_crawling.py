"""sitemap.xml (an index of sections) and robots.txt naming it."""

from lxml import etree

from articles.models import Article, Person, Quote, Source, Strike

BASE = "http://testserver"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def locations(client, url):
    return [loc.text for loc in xml(client, url).xpath("//sm:loc", namespaces=NS)]


def test_the_sitemap_index_lists_every_section(client, seeded):
    sections = locations(client, "/sitemap.xml")
    assert sections == [
        f"{BASE}/sitemap-{name}.xml"
        for name in ("pages", "articles", "quotes", "people", "sources", "strikes")
    ]


def test_each_section_lists_exactly_the_public_pages(
    client, seeded, make_article, add_quote, make_person
):
    draft = make_article("Draft", ["“Hidden words,” said Nobody."], status=Article.Status.DRAFT)
    add_quote(draft, "Hidden words,", speaker=make_person("Nobody Public"))
    Source.objects.create(name="Outlet Without Coverage")
    expected = {
        "articles": Article.objects.published(),
        "quotes": Quote.objects.published(),
        "people": Person.objects.quoted(),
        "sources": Source.objects.filter(name__in=["KCRA 3", "The Sacramento Bee"]),
        "strikes": Strike.objects.all(),
    }
    for section, objects in expected.items():
        found = locations(client, f"/sitemap-{section}.xml")
        assert sorted(found) == sorted(f"{BASE}{obj.get_absolute_url()}" for obj in objects), (
            section
        )
        assert found, section
    pages = locations(client, "/sitemap-pages.xml")
    assert f"{BASE}/" in pages and f"{BASE}/archive/" in pages


def test_sitemap_entries_carry_a_last_modified_date(client, seeded):
    _kcra, bee = seeded
    tree = xml(client, "/sitemap-articles.xml")
    (url,) = tree.xpath(f"//sm:url[sm:loc='{BASE}{bee.get_absolute_url()}']", namespaces=NS)
    assert url.findtext("sm:lastmod", namespaces=NS) == bee.updated_at.date().isoformat()


def test_robots_txt_names_the_sitemap_by_its_absolute_url(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
