"""
Rules the realistic scraped articles of tests/articles/ingest/scraped/ called for,
one group each (the files themselves are checked in test_fixture_articles; see
scraped/README.md for what they cover).
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from articles.ingest import parse_article
from articles.ingest.parse import parse_datetime_text

from .fixture_articles import LAST, STORY, assert_dropped, assert_kept, parse_around

# Focused tests, one group per rule the scraped files called for.


@pytest.mark.parametrize(
    "line, reason",
    [
        ("ADVERTISEMENT", "advertisement"),
        ("SKIP ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Continue reading the main story", "advertisement"),
        ("Copy link", "sharing links"),
        ("Share this article", "sharing links"),
        ("Share The Picket Line", "sharing links"),
        ("Watch the full interview above", "video prompt"),
        ("Watch live: FOX 17 Morning News", "related link"),
        ("MORE: Oakland schools prepare for possible strike", "related link"),
        ("Click here to sign up for our FOX 17 newsletter.", "link prompt"),
        ("Download the KPTV app to get breaking news alerts on your phone.", "app prompt"),
        ("Subscribe", "newsletter prompt"),
        ("Sign up here.", "newsletter prompt"),
        ("Sign up for our daily headlines newsletter", "newsletter prompt"),
        ("Subscribe to the Fresno Valley Times for just $1 a week.", "newsletter prompt"),
        (
            "Thanks for reading The Picket Line! Subscribe for free to receive new posts.",
            "newsletter prompt",
        ),
        ("Type your email…", "newsletter prompt"),
        ("Discussion about this post", "comment prompt"),
        ("Most Read", "page box"),
        ("Trending", "page box"),
        ("Report a typo", "page box"),
        ("3 minute read", "reading time"),
        ("Leer en español", "language link"),
        ("Tags: strike, labor", "tag list"),
        ("Posted in: Local News, Labor", "tag list"),
        ("Strikers outside the plant. (Photo by Luis Romero / Getty Images)", "photo caption"),
        ("Drivers on the picket line in August. Photo: PA", "photo caption"),
        ("Photo credit: Courtesy of United Farm Workers", "photo caption"),
        ("Image source, Getty Images", "photo caption"),
        ("Image caption, Junior doctors on a picket line in Cardiff", "photo caption"),
        (
            "Dockworkers at Port Newark on Monday. Bryan Anselm for The New York Times",
            "photo caption",
        ),
        (
            "Contact Megan Holloway at mholloway@example.com or follow her on X @meganh.",
            "contact line",
        ),
        ("Reach Sam Ortiz: sam.ortiz@example.com; Twitter: @samortiz", "contact line"),
        ("Media contact: Rosa Delgado, 555-0142", "contact line"),
        ("Have a news tip? Email us at tips@example.com.", "contact line"),
        ("Follow us on Twitter @LeedsEveningPost", "follow prompt"),
        (
            "We use cookies to improve your experience. By continuing you agree to our use of cookies.",
            "cookie notice",
        ),
        (
            "This material may not be published, broadcast, rewritten or redistributed.",
            "copyright line",
        ),
        ("Reporting by Jane Whitaker in Vancouver; Editing by Mark Porter", "wire credit"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "wire credit"),
        (
            "A version of this article appears in print on Oct. 31, 2024, Section B, Page 1.",
            "print edition note",
        ),
        ("FOR IMMEDIATE RELEASE", "press release"),
        ("###", "end of press release"),
        ("Updated: 5:42 PM PDT Mar 14, 2023", "timestamp"),
        ("Posted at 6:15 PM, Mar 03, 2023 and last updated 7:02 PM, Mar 03, 2023", "timestamp"),
        ("Published: 14:32 BST, 3 October 2023 | Updated: 16:05 BST, 3 October 2023", "timestamp"),
    ],
)
def test_scraped_furniture_is_dropped_anywhere(line, reason):
    assert_dropped(line, reason)


@pytest.mark.parametrize(
    "paragraph",
    [
        # Story paragraphs that start like, or quote, page furniture.
        "Subscribe to the view that heat is just part of the job, Bell said, and you have never worked a "
        "shift here.",
        "Subscribers to the print edition may see delays because the pressroom workers are on strike.",
        "Sign up sheets for picket shifts filled within a week.",
        "Advertisement revenue has fallen by a third since 2020, the publisher wrote.",
        "Photo everything, the union's guidance tells pickets, including any vehicle that crosses the line.",
        "Photographers and camera crews were asked to stay on the public sidewalk.",
        "“Every email says ‘click here to see your new schedule,’ and every time it's worse,” Wise said.",
        "Click here, the email told drivers, to accept the new schedule.",
        "Download the app or lose your shift, managers told drivers in a memo.",
        "Contact with management has been limited since Friday, the union said.",
        "Email records show managers planned for the strike in May.",
        "Share prices fell 4% after the strike was announced.",
        "Updated contract terms were posted on the union's website on Aug. 3, 2023.",
        "Reporting from the picket line has been restricted by the company.",
        "More than 900 drivers are expected to take part in the strike.",
        "Trending upward, strike votes have passed by wider margins every year since 2019.",
        "It was not.",
        "The vote was 39 to 3.",
        "OAKLAND, Calif. (AP) — Thousands of teachers in Oakland walked off the job Friday.",
        "Associated Press writer Olga Rodriguez in San Francisco contributed to this report.",
        "March 3, 2023",  # a timeline heading in the body: only top matter drops a bare date
        "Amy Lee is a reporter for the Chicago Tribune and said “we are not going back.”",
    ],
)
def test_story_paragraphs_like_furniture_are_kept(paragraph):
    assert_kept(paragraph)


def test_story_paragraph_like_furniture_is_kept_as_first_paragraph():
    text = "Headline\n\nSubscribe to the view that heat is part of the job, Bell said, and you are wrong.\n\nMore."
    assert parse_article(text).paragraphs[0].startswith("Subscribe to the view")


def test_newsletter_sentence_with_quotation_is_kept():
    paragraph = (
        "“Sign up for our newsletter, they tell you, as if that pays rent,” said one driver."
    )
    assert_kept(paragraph)


@pytest.mark.parametrize(
    "block, reason",
    [
        ("Share on Facebook\nShare on Twitter\nCopy link", "sharing links"),
        ("Like\nComment\nRestack", "sharing links"),
        ("Share this:\nFacebook\nTwitter\nEmail", "sharing links"),
        (
            "Most Read\nCouncil approves new bike lanes\nPolice identify man killed in crash",
            "link box",
        ),
        ("Explore more on these topics\nLiverpool\nTrade unions\nStrikes", "link box"),
    ],
)
def test_blocks_of_buttons_or_headlines_are_dropped(block, reason):
    parsed = parse_around(block)
    assert parsed.paragraphs == [STORY, LAST]
    assert parsed.dropped[0][0] == reason


def test_soft_wrapped_story_starting_with_box_word_is_kept():
    parsed = parse_around("Trending\nupward, strike votes have passed by wider margins.")
    assert "Trending upward, strike votes have passed by wider margins." in parsed.paragraphs


def test_link_box_with_a_sentence_is_kept():
    block = "Related\nThe union said the two disputes were linked."
    assert "Related The union said the two disputes were linked." in parse_around(block).paragraphs


def test_advertisement_line_inside_a_paragraph_is_removed_and_the_paragraph_joined():
    parsed = parse_around("The union said 900 nurses joined\nAdvertisement\nthe picket line.")
    assert "The union said 900 nurses joined the picket line." in parsed.paragraphs
    assert ("advertisement", "Advertisement") in parsed.dropped


@pytest.mark.parametrize(
    "top, byline",
    [
        ("By Maria Lopez", "Maria Lopez"),
        ("Sam Ortiz", "Sam Ortiz"),
        ("By DANA MORALES and KEVIN PARK Associated Press", "DANA MORALES and KEVIN PARK"),
    ],
)
def test_top_matter_bylines(top, byline):
    parsed = parse_around(top, before=("Sept. 24, 2024",), after=(STORY, LAST))
    assert parsed.paragraphs == [STORY, LAST]
    assert parsed.byline == byline


@pytest.mark.parametrize(
    "top",
    [
        "Reporting from Newark, N.J.",
        "Helen Pidd North of England editor",
        "Oct. 30, 2024",
        "Wed 21 Jun 2023 07.00 BST",
    ],
)
def test_top_matter_is_dropped_above_the_story(top):
    parsed = parse_around(top, before=(), after=(STORY, LAST))
    assert parsed.paragraphs == [STORY, LAST]


@pytest.mark.parametrize("paragraph", ["Sam Ortiz", "Reporting from Newark, N.J.", "Oct. 30, 2024"])
def test_top_matter_rules_do_not_apply_in_the_body(paragraph):
    assert_kept(paragraph)


def test_bare_title_case_heading_is_not_a_byline():
    parsed = parse_around("Breaking News", before=(), after=(STORY, LAST))
    assert parsed.byline == ""


def test_about_paragraph_is_dropped_only_after_press_release_end_mark():
    about = "About Local 9: Local 9 represents more than 12,000 warehouse workers across Southern California."
    parsed = parse_around(about, before=(STORY, LAST, "###"), after=())
    assert parsed.paragraphs == [STORY, LAST]
    assert ("press release boilerplate", about) in parsed.dropped
    assert_kept(about, after=(LAST,))  # without "###" it may be story text


def test_bio_is_last_story_paragraph_when_only_furniture_follows():
    bio = "Priya Raman is a business reporter for The Times, covering trade and ports."
    parsed = parse_around(bio, before=(STORY, LAST), after=("Most Read", "Comments"))
    assert parsed.paragraphs == [STORY, LAST]
    # but not if story text follows it
    assert_kept(bio)


@pytest.mark.parametrize(
    "value, expected",
    [
        (
            "Updated: 5:42 PM PDT Mar 14, 2023",
            datetime(2023, 3, 14, 17, 42, tzinfo=ZoneInfo("America/Los_Angeles")),
        ),
        (
            "Published 6:02 a.m. ET Sept. 15, 2023 | Updated 8:15 a.m. ET Sept. 15, 2023",
            datetime(2023, 9, 15, 6, 2, tzinfo=ZoneInfo("America/New_York")),
        ),
        (
            "Posted at 6:15 PM, Mar 03, 2023 and last updated 7:02 PM, Mar 03, 2023",
            datetime(2023, 3, 3, 18, 15, tzinfo=ZoneInfo("UTC")),
        ),
        (
            "Published: 14:32 BST, 3 October 2023",
            datetime(2023, 10, 3, 14, 32, tzinfo=ZoneInfo("Europe/London")),
        ),
        (
            "Wed 21 Jun 2023 07.00 BST",
            datetime(2023, 6, 21, 7, 0, tzinfo=ZoneInfo("Europe/London")),
        ),
        ("Sep 15, 2023 4:10 PM", datetime(2023, 9, 15, 16, 10, tzinfo=ZoneInfo("UTC"))),
        ("21st June 2023", datetime(2023, 6, 21, tzinfo=ZoneInfo("UTC"))),
        ("Sep 15, 2023 13:10 PM", None),
        ("Published 15 January", None),
    ],
)
def test_page_timestamps(value, expected):
    assert parse_datetime_text(value) == expected


def test_date_comes_from_first_timestamp_line():
    parsed = parse_around(
        STORY,
        before=("Updated: 5:42 PM PDT Mar 14, 2023",),
        after=("Updated 8:15 a.m. ET Mar 16, 2023",),
    )
    assert parsed.published_at == datetime(
        2023, 3, 14, 17, 42, tzinfo=ZoneInfo("America/Los_Angeles")
    )


def test_headline_section_names_before_outlet_are_stripped():
    parsed = parse_article(
        "Dock strike: offer rejected | Liverpool | The Guardian\n\nDockers walked out."
    )
    assert parsed.headline == "Dock strike: offer rejected"
    assert parsed.outlet.name == "The Guardian"


def test_headline_pipe_without_outlet_is_kept():
    parsed = parse_article("Dock strike | What we know\n\nDockers walked out.")
    assert parsed.headline == "Dock strike | What we know"


@pytest.mark.parametrize(
    "paragraphs, outlet",
    [
        (["(Reuters) - Port workers walked off the job on Saturday."], "Reuters"),
        (
            ["Workers walked out.", "Copyright 2023 The Associated Press. All rights reserved."],
            "The Associated Press",
        ),
        (["Workers walked out.", "Copyright 2023 by KPTV. All rights reserved."], "KPTV"),
        (
            [
                "The company said in a statement to WXMI that it was disappointed.",
                "Copyright 2023 Scripps Media, Inc. All rights reserved.",
            ],
            "WXMI",
        ),
    ],
)
def test_outlet_from_wire_dateline_copyright_and_statement(paragraphs, outlet):
    parsed = parse_article("\n\n".join(["Headline", *paragraphs]))
    assert parsed.outlet.name == outlet


@pytest.mark.parametrize(
    "line, reason",
    [
        ("(Reporting by Dan Morrow and Nina Eckhart; Editing by Keith Lofton)", "wire credit"),
        ("(Updates with analyst comment in seventh paragraph.)", "update note"),
        ("SOURCE Halvorsen Foods Inc.", "press release"),
        ("Contact: Maria Gonzalez, (312) 555-0182", "contact line"),
        ("Posted 2h ago, updated 46m ago", "timestamp"),
        ("___", "separator"),
    ],
)
def test_more_wire_and_release_furniture_is_dropped(line, reason):
    assert_dropped(line, reason)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Source of the dispute is a 2019 pay freeze, the union says.",
        "(The company later said the figure was 14 rooms, not 16.)",
        "Posted 20 minutes before the deadline, the offer was rejected within the hour.",
    ],
)
def test_story_paragraphs_like_wire_furniture_are_kept(paragraph):
    assert_kept(paragraph)


def test_paragraph_split_mid_quotation_is_joined_again():
    first = (
        "Reese said he was not worried about being fired. “If they fire all of us, who’s going to"
    )
    second = "run the building?” he said."
    parsed = parse_around(second, before=(STORY, first, "ADVERTISEMENT"))
    assert f"{first} {second}" in parsed.paragraphs
    assert second not in parsed.paragraphs


def test_long_paragraph_split_mid_sentence_is_joined_again():
    first = "Housekeeper Dolores Pina said her workload had doubled since the pandemic, and that the rooms are"
    parsed = parse_around("bigger now than they were.", before=(STORY, first))
    assert f"{first} bigger now than they were." in parsed.paragraphs


@pytest.mark.parametrize(
    "previous, paragraph",
    [
        ("Delays in mental health appointments", "eBay workers said they would join the strike."),
        (
            "What comes next",
            "union leaders said they would meet on Friday.",
        ),  # a heading, not a broken sentence
        (STORY, "iPhone assembly lines were idle, the company said."),
    ],
)
def test_paragraphs_are_not_joined_across_headings_or_finished_sentences(previous, paragraph):
    parsed = parse_around(paragraph, before=(STORY, previous))
    assert paragraph in parsed.paragraphs


@pytest.mark.parametrize(
    "dateline, outlet",
    [
        ("DENVER (KDVR) — Grocery workers walked off the job.", "KDVR"),
        ("JOLIET, Ill. (WJTV) – Warehouse workers walked off the job.", "WJTV"),
        ("OAKLAND, Calif. (AP) — Teachers walked off the job.", "The Associated Press"),
    ],
)
def test_station_and_wire_datelines_name_the_outlet(dateline, outlet):
    text = f"Headline\n\n{dateline}\n\nCopyright 2026 Nexstar Media Inc. All rights reserved."
    assert parse_article(text).outlet.name == outlet


def test_call_sign_with_and_without_suffix_is_one_station():
    text = (
        "Headline\n\nCOLUMBUS, Ohio (WBNS) — Drivers struck.\n\nTold WXYZ.\n\nCopyright 2024 "
        "WBNS-TV. All rights reserved."
    )
    assert parse_article(text).outlet.name == "WBNS"


def test_time_after_a_slash():
    assert parse_datetime_text("Posted: Mar 12, 2026 / 05:47 PM CDT") == datetime(
        2026, 3, 12, 17, 47, tzinfo=ZoneInfo("America/Chicago")
    )


@pytest.mark.parametrize("top", ["San Francisco", "Labor Day"])
def test_place_or_heading_on_top_is_not_a_byline(top):
    parsed = parse_around(top, before=(), after=(STORY, LAST))
    assert parsed.byline == ""
    assert top in parsed.paragraphs


def test_caption_with_attributed_speech_is_kept():
    paragraph = (
        "“We want fair pay,” said Jane Doe, a nurse at the hospital (pictured, in photo above)"
    )
    assert_kept(paragraph)
