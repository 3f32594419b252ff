"""Every date the reading pages show is in the site's one style ("Aug. 26, 2022")."""

import re

from lxml import html as lxml_html

# AP style months (Jan., Feb., Aug., Sept., Oct., Nov., Dec.; March to July in full), with a
# weekday on a timeline's days and a time of day on an article's dateline.
MONTH = r"(?:Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)"
SITE_DATE = re.compile(
    rf"^(?:[A-Z][a-z]+day, )?{MONTH} \d{{1,2}}, \d{{4}}(?:, \d{{1,2}}(?::\d\d)? [ap]\.m\. [A-Z]{{2,5}})?$"
)


def test_every_date_shown_is_in_the_sites_one_format(client, seeded):
    kcra, bee = seeded
    quote = bee.quotes.exclude(speaker=None).first()
    pages = [
        "/",
        "/articles/",
        "/strikes/",
        bee.strike.get_absolute_url(),
        bee.get_absolute_url(),
        kcra.get_absolute_url(),
        quote.get_absolute_url(),
        quote.speaker.get_absolute_url(),
        bee.source.get_absolute_url(),
        "/quotes/",
        "/archive/2022/08/",
    ]
    seen = 0
    for url in pages:
        tree = lxml_html.fromstring(client.get(url).content)
        for time in tree.xpath("//main//time"):
            text = " ".join(time.text_content().split())
            assert SITE_DATE.match(text), (url, text)
            seen += 1
    assert seen > 10
    strike_page = lxml_html.fromstring(client.get(bee.strike.get_absolute_url()).content)
    assert strike_page.xpath("string(//dl[@class='facts']//time)") == "Aug. 15, 2022"
