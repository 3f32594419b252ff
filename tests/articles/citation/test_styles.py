"""
APA 7, MLA 9 and Chicago 17 against strings checked by hand against the
manuals' own examples (see the rule sources in articles/citation/styles.py).
"""

import dataclasses
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from articles.citation import CitedArticle, Formatted, format_citations

from .conftest import BEE_URL, KCRA_URL

PACIFIC = ZoneInfo("America/Los_Angeles")
KCRA_TITLE = "Kaiser Permanente therapists continue strike, reject contract"
BEE_TITLE = (
    "A 3-month strike in Kaiser? The insurance company is preparing for the worst in California"
)
KCRA_BARE_URL = KCRA_URL.removeprefix("https://")
BEE_BARE_URL = BEE_URL.removeprefix("https://")

KCRA_APA = f"{KCRA_TITLE}. (n.d.). KCRA 3. {KCRA_URL}"
KCRA_MLA = f"“{KCRA_TITLE}.” KCRA 3, {KCRA_BARE_URL}. Accessed 24 Nov. 2026."
KCRA_CHICAGO_BIBLIOGRAPHY = f"KCRA 3. “{KCRA_TITLE}.” Accessed November 24, 2026. {KCRA_URL}."
BEE_APA = f"Anderson, K. (2022, August 26). {BEE_TITLE}. The Sacramento Bee. {BEE_URL}"
BEE_MLA = f"Anderson, Kathy. “{BEE_TITLE}.” The Sacramento Bee, 26 Aug. 2022, {BEE_BARE_URL}."
BEE_CHICAGO_BIBLIOGRAPHY = (
    f"Anderson, Kathy. “{BEE_TITLE}.” Sacramento Bee, August 26, 2022. {BEE_URL}."
)


def texts(item):
    return {key: value.text for key, value in format_citations(item).items()}


def article(headline="Nurses walk out at three hospitals", authors=(), **changes):
    values = {
        "headline": headline,
        "authors": authors,
        "publication": "Los Angeles Times",
        "published": datetime(2023, 1, 9, 18, 0, tzinfo=PACIFIC),
        "url": "https://strikewatch.example/articles/nurses-walk-out/",
        "accessed": date(2026, 11, 24),
    }
    values.update(changes)
    return CitedArticle(**values)


# --- the seeds ------------------------------------------------------------------------------------


def test_seed_inputs_are_what_the_expected_strings_assume(kcra, bee):
    assert (kcra.headline, kcra.authors, kcra.publication, kcra.published, kcra.original_url) == (
        KCRA_TITLE,
        (),
        "KCRA 3",
        None,
        "",
    )
    assert (bee.headline, bee.authors, bee.publication) == (
        BEE_TITLE,
        ("Kathy Anderson",),
        "The Sacramento Bee",
    )
    assert bee.published == datetime(2022, 8, 26, 5, 25, tzinfo=PACIFIC)


def test_kcra_without_author_or_date(kcra):
    assert texts(kcra) == {
        # APA 7 §9.12: title in the author position; Table 9.1: "n.d."
        "apa": KCRA_APA,
        # MLA 9: starts with the title, no "n.d.", access date at the end.
        "mla": KCRA_MLA,
        # CMOS 14.207 / 14.12: note starts with the title; "accessed" before the URL.
        "chicago_note": f"1. “{KCRA_TITLE},” KCRA 3, accessed November 24, 2026, {KCRA_URL}.",
        # CMOS 14.207: the outlet stands in place of the author in the bibliography.
        "chicago_bibliography": KCRA_CHICAGO_BIBLIOGRAPHY,
    }


def test_bee_with_author_and_date(bee):
    assert texts(bee) == {
        "apa": BEE_APA,
        # The headline's own "?" stays mid-title; the closing period goes inside the quotes.
        "mla": BEE_MLA,
        # Chicago drops the newspaper's initial "The".
        "chicago_note": (
            f"1. Kathy Anderson, “{BEE_TITLE},” Sacramento Bee, August 26, 2022, {BEE_URL}."
        ),
        "chicago_bibliography": BEE_CHICAGO_BIBLIOGRAPHY,
    }


def test_html_italicises_the_publication_and_nothing_else(kcra, bee):
    html = {key: value.html for key, value in format_citations(bee).items()}
    assert (
        html["apa"]
        == f"Anderson, K. (2022, August 26). {BEE_TITLE}. <i>The Sacramento Bee</i>. {BEE_URL}"
    )
    assert html["mla"] == (
        f"Anderson, Kathy. “{BEE_TITLE}.” <i>The Sacramento Bee</i>, 26 Aug. 2022, {BEE_BARE_URL}."
    )
    assert html["chicago_note"] == (
        f"1. Kathy Anderson, “{BEE_TITLE},” <i>Sacramento Bee</i>, August 26, 2022, {BEE_URL}."
    )
    assert format_citations(kcra)["chicago_bibliography"].html == (
        f"<i>KCRA 3</i>. “{KCRA_TITLE}.” Accessed November 24, 2026. {KCRA_URL}."
    )


def test_returns_exactly_the_four_styles(bee):
    result = format_citations(bee)
    assert list(result) == ["apa", "mla", "chicago_note", "chicago_bibliography"]
    assert all(isinstance(value, Formatted) for value in result.values())


# --- quotes ---------------------------------------------------------------------------------------


def test_quote_by_a_person(soroken_quote):
    assert soroken_quote.paragraph == 6
    assert soroken_quote.quote_text.startswith("Currently our patients aren’t able to get the care")
    assert texts(soroken_quote) == {
        # The reference entry, then the in-text citation with the pinpoint (APA 7 §8.28 "para.";
        # §8.14 shortened title in quotation marks when there is no author).
        "apa": (
            f"{KCRA_APA}\n"
            "Sarah Soroken, as quoted in “Kaiser Permanente therapists continue strike” (n.d., para. 6)"
        ),
        # MLA 9 §6.77 "qtd. in"; "par." after a comma.
        "mla": (
            f"{KCRA_MLA}\n"
            "Sarah Soroken (qtd. in “Kaiser Permanente therapists continue strike,” par. 6)"
        ),
        # CMOS 14.260 "quoted in"; the locator after the (missing) date, before the access date.
        "chicago_note": (
            f"1. Sarah Soroken, quoted in “{KCRA_TITLE},” KCRA 3, para. 6, "
            f"accessed November 24, 2026, {KCRA_URL}."
        ),
        # The bibliography lists the source consulted: the article.
        "chicago_bibliography": KCRA_CHICAGO_BIBLIOGRAPHY,
    }


def test_quote_by_an_organization(kaiser_quote):
    assert kaiser_quote.paragraph == 9
    assert texts(kaiser_quote) == {
        "apa": (
            f"{KCRA_APA}\n"
            "Kaiser Permanente, as quoted in “Kaiser Permanente therapists continue strike” (n.d., para. 9)"
        ),
        "mla": (
            f"{KCRA_MLA}\n"
            "Kaiser Permanente (qtd. in “Kaiser Permanente therapists continue strike,” par. 9)"
        ),
        "chicago_note": (
            f"1. Kaiser Permanente, quoted in “{KCRA_TITLE},” KCRA 3, para. 9, "
            f"accessed November 24, 2026, {KCRA_URL}."
        ),
        "chicago_bibliography": KCRA_CHICAGO_BIBLIOGRAPHY,
    }


def test_organization_quoted_in_an_article_with_author_and_date(bee_kaiser_quote):
    assert bee_kaiser_quote.paragraph == 7
    assert texts(bee_kaiser_quote) == {
        "apa": f"{BEE_APA}\nKaiser Permanente, as quoted in Anderson (2022, para. 7)",
        "mla": f"{BEE_MLA}\nKaiser Permanente (qtd. in Anderson, par. 7)",
        "chicago_note": (
            f"1. Kaiser Permanente, quoted in Kathy Anderson, “{BEE_TITLE},” Sacramento Bee, "
            f"August 26, 2022, para. 7, {BEE_URL}."
        ),
        "chicago_bibliography": BEE_CHICAGO_BIBLIOGRAPHY,
    }


def test_organization_speaker_is_never_split_like_a_person(kaiser_quote, bee_kaiser_quote):
    for item in (kaiser_quote, bee_kaiser_quote):
        for formatted in format_citations(item).values():
            assert "Permanente, K" not in formatted.text
            assert "Permanente, Kaiser" not in formatted.text


def test_unattributed_quote_cites_the_article_with_its_paragraph(bee):
    quote = dataclasses.replace(bee, paragraph=12, quote_text="Wait two months")
    result = texts(quote)
    assert result["apa"] == f"{BEE_APA}\n(Anderson, 2022, para. 12)"
    assert result["mla"] == f"{BEE_MLA}\n(Anderson, par. 12)"
    assert result["chicago_note"] == (
        f"1. Kathy Anderson, “{BEE_TITLE},” Sacramento Bee, August 26, 2022, para. 12, {BEE_URL}."
    )


def test_unattributed_quote_without_author_uses_the_short_title(kcra):
    result = texts(dataclasses.replace(kcra, paragraph=16, quote_text="156 access complaints"))
    assert (
        result["apa"].splitlines()[1]
        == "(“Kaiser Permanente therapists continue strike,” n.d., para. 16)"
    )
    assert (
        result["mla"].splitlines()[1] == "(“Kaiser Permanente therapists continue strike,” par. 16)"
    )


def test_quote_html_puts_the_in_text_citation_on_its_own_line(soroken_quote):
    html = format_citations(soroken_quote)["apa"].html
    assert html == (
        f"{KCRA_TITLE}. (n.d.). <i>KCRA 3</i>. {KCRA_URL}<br>\n"
        "Sarah Soroken, as quoted in “Kaiser Permanente therapists continue strike” (n.d., para. 6)"
    )


# --- authors --------------------------------------------------------------------------------------


def test_two_authors():
    item = article(authors=("Jane Doe", "John Roe"))
    url = item.url
    assert texts(item) == {
        # APA 7 §9.8: comma and ampersand even for two.
        "apa": (
            "Doe, J., & Roe, J. (2023, January 9). Nurses walk out at three hospitals. "
            f"Los Angeles Times. {url}"
        ),
        # MLA 9: first name inverted, "and" before the second in normal order.
        "mla": (
            "Doe, Jane, and John Roe. “Nurses walk out at three hospitals.” "
            "Los Angeles Times, 9 Jan. 2023, "
            "strikewatch.example/articles/nurses-walk-out/."
        ),
        "chicago_note": (
            "1. Jane Doe and John Roe, “Nurses walk out at three hospitals,” "
            f"Los Angeles Times, January 9, 2023, {url}."
        ),
        "chicago_bibliography": (
            "Doe, Jane, and John Roe. “Nurses walk out at three hospitals.” "
            f"Los Angeles Times, January 9, 2023. {url}."
        ),
    }


def test_three_authors():
    item = article(authors=("Jane Doe", "John Roe", "Mary Ann Poe"))
    url = item.url
    result = texts(item)
    assert result["apa"] == (
        "Doe, J., Roe, J., & Poe, M. A. (2023, January 9). Nurses walk out at three hospitals. "
        f"Los Angeles Times. {url}"
    )
    # MLA 9: three or more authors -> the first, then "et al."
    assert result["mla"].startswith("Doe, Jane, et al. “Nurses walk out at three hospitals.” ")
    # CMOS 14.76: up to three authors in full in a note; all in the bibliography.
    assert result["chicago_note"].startswith(
        "1. Jane Doe, John Roe, and Mary Ann Poe, “Nurses walk out"
    )
    assert result["chicago_bibliography"].startswith(
        "Doe, Jane, John Roe, and Mary Ann Poe. “Nurses walk out"
    )


def test_quote_in_text_with_two_and_three_authors():
    two = article(
        authors=("Jane Doe", "John Roe"), paragraph=2, quote_text="We are out", speaker="Ana Ruiz"
    )
    three = dataclasses.replace(two, authors=("Jane Doe", "John Roe", "Mary Ann Poe"))
    assert texts(two)["apa"].splitlines()[1] == "Ana Ruiz, as quoted in Doe and Roe (2023, para. 2)"
    assert texts(two)["mla"].splitlines()[1] == "Ana Ruiz (qtd. in Doe and Roe, par. 2)"
    assert (
        texts(three)["apa"].splitlines()[1] == "Ana Ruiz, as quoted in Doe et al. (2023, para. 2)"
    )
    assert texts(three)["mla"].splitlines()[1] == "Ana Ruiz (qtd. in Doe et al., par. 2)"
    unattributed = dataclasses.replace(two, speaker="")
    assert texts(unattributed)["apa"].splitlines()[1] == "(Doe & Roe, 2023, para. 2)"


def test_four_or_more_authors_in_a_chicago_note_and_many_in_apa():
    four = article(authors=("Jane Doe", "John Roe", "Mary Ann Poe", "Lee Chan"))
    assert texts(four)["chicago_note"].startswith("1. Jane Doe et al., “Nurses walk out")
    assert texts(four)["chicago_bibliography"].startswith(
        "Doe, Jane, John Roe, Mary Ann Poe, and Lee Chan. “"
    )
    many = article(authors=tuple(f"Gail {chr(65 + n)}. Author{chr(65 + n)}" for n in range(22)))
    apa = texts(many)["apa"]
    # APA 7 §9.8: 21 or more authors -> the first 19, an ellipsis, the last.
    assert apa.startswith("AuthorA, G. A., AuthorB, G. B., ")
    assert "AuthorS, G. S., . . . AuthorV, G. V. (2023, January 9)" in apa
    assert "AuthorT" not in apa and "AuthorU" not in apa


def test_organization_as_author():
    item = article(authors=("The Associated Press",))
    result = texts(item)
    # APA 7 §9.11: a group author spelled out as given.
    assert result["apa"].startswith(
        "The Associated Press. (2023, January 9). Nurses walk out at three hospitals. "
    )
    # MLA 9 §5.17: organisation not inverted, initial article dropped.
    assert result["mla"].startswith(
        "Associated Press. “Nurses walk out at three hospitals.” Los Angeles Times, "
    )
    assert result["chicago_note"].startswith(
        "1. The Associated Press, “Nurses walk out at three hospitals,” "
    )


def test_names_with_particles_suffixes_and_titles():
    item = article(
        authors=("Dr. Corrine McIntosh Sako", "Martin Luther King Jr.", "Jean-Paul de la Cruz")
    )
    result = texts(item)
    assert result["apa"].startswith(
        "Sako, C. M., King, M. L., Jr., & de la Cruz, J.-P. (2023, January 9)."
    )
    assert result["chicago_note"].startswith(
        "1. Corrine McIntosh Sako, Martin Luther King Jr., and Jean-Paul de la Cruz, “"
    )
    assert result["chicago_bibliography"].startswith(
        "Sako, Corrine McIntosh, Martin Luther King Jr., and Jean-Paul de la Cruz. “"
    )


# --- titles, punctuation, dates, URLs ------------------------------------------------------------


@pytest.mark.parametrize("ending", ["?", "!"])
def test_no_punctuation_is_added_after_a_question_or_exclamation_mark(ending):
    item = article(headline=f"Will the nurses strike again{ending}", published=None)
    result = texts(item)
    assert result["apa"].startswith(
        f"Will the nurses strike again{ending} (n.d.). Los Angeles Times. "
    )
    assert result["mla"].startswith(
        f"“Will the nurses strike again{ending}” Los Angeles Times, strikewatch"
    )
    assert result["chicago_note"].startswith(
        f"1. “Will the nurses strike again{ending}” Los Angeles Times, accessed"
    )
    assert result["chicago_bibliography"].startswith(
        f"Los Angeles Times. “Will the nurses strike again{ending}” Accessed November 24, 2026."
    )
    for text in result.values():
        assert f"{ending}." not in text and f"{ending}," not in text and f"{ending}”." not in text


def test_a_headline_ending_in_a_period_gets_no_second_one():
    result = texts(article(headline="Strike ends.", authors=("Jane Doe",)))
    assert (
        "Strike ends.." not in result["apa"] and "Strike ends. Los Angeles Times." in result["apa"]
    )
    assert "“Strike ends.” Los Angeles Times, 9 Jan. 2023" in result["mla"]


def test_quotation_marks_inside_a_title():
    result = texts(article(headline="Union calls offer “an insult”", authors=("Jane Doe",)))
    # Inside a quoted title double marks become single; the period or comma goes inside both.
    assert "“Union calls offer ‘an insult.’” Los Angeles Times" in result["mla"]
    assert "“Union calls offer ‘an insult,’” Los Angeles Times" in result["chicago_note"]
    assert "(2023, January 9). Union calls offer “an insult.” Los Angeles Times." in result["apa"]
    straight = texts(article(headline='Union calls offer "an insult"', authors=("Jane Doe",)))
    assert "“Union calls offer ‘an insult.’”" in straight["mla"]


def test_html_is_escaped(kcra):
    item = dataclasses.replace(
        kcra,
        headline="<script>alert('x')</script> & pay",
        publication="Bee & <b>Co</b>",
        speaker="<img>",
    )
    for formatted in format_citations(dataclasses.replace(item, paragraph=2)).values():
        assert (
            "<script" not in formatted.html
            and "<img" not in formatted.html
            and "<b>" not in formatted.html
        )
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; pay" in formatted.html
        assert (
            formatted.html.replace("<i>", "").replace("</i>", "").replace("<br>", "").count("<")
            == 0
        )
    apa = format_citations(item)["apa"]
    assert "<i>Bee &amp; &lt;b&gt;Co&lt;/b&gt;</i>" in apa.html
    assert "<script>alert('x')</script> & pay." in apa.text  # plain text stays plain


def test_dates_are_the_articles_local_date_not_utc():
    late = article(published=datetime(2022, 8, 26, 23, 30, tzinfo=PACIFIC), authors=("Jane Doe",))
    result = texts(late)
    assert "(2022, August 26)" in result["apa"]
    assert "26 Aug. 2022" in result["mla"]
    assert "August 26, 2022" in result["chicago_note"]


def test_mla_month_abbreviations():
    expected = {1: "Jan.", 5: "May", 6: "June", 7: "July", 9: "Sept.", 12: "Dec."}
    for month, label in expected.items():
        mla = texts(article(published=datetime(2023, month, 3, tzinfo=PACIFIC)))["mla"]
        assert f", 3 {label} 2023, " in mla


def test_the_outlets_own_url_is_cited_when_known(bee):
    original = "https://www.sacbee.com/news/local/article265012345.html"
    result = texts(dataclasses.replace(bee, original_url=original))
    assert result["apa"].endswith(f"The Sacramento Bee. {original}")
    assert result["mla"].endswith(
        ", 26 Aug. 2022, www.sacbee.com/news/local/article265012345.html."
    )
    assert result["chicago_note"].endswith(f"August 26, 2022, {original}.")
    assert all(BEE_URL not in text for text in result.values())


def test_no_date_and_no_access_date():
    result = texts(article(published=None, accessed=None))
    assert result["mla"] == (
        "“Nurses walk out at three hospitals.” Los Angeles Times, "
        "strikewatch.example/articles/nurses-walk-out/."
    )
    assert result["chicago_note"] == (
        "1. “Nurses walk out at three hospitals,” Los Angeles Times, "
        "https://strikewatch.example/articles/nurses-walk-out/."
    )


def test_bad_input_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="paragraph numbers start at 1"):
        article(paragraph=0)
    with pytest.raises(ValueError, match="headline"):
        article(headline="  ")


def test_authors_given_as_a_list_are_accepted():
    assert article(authors=["Jane  Doe", ""]).authors == ("Jane Doe",)
