"""
Page furniture dropped wherever it stands (sharing buttons, advertisements,
captions, credits, wire and press-release lines, tags, copyright), and the
story paragraphs that look like it kept: one group per rule, both ways.
"""

import pytest

from articles.ingest import parse_article

from .fixture_articles import LAST, STORY, assert_dropped, assert_kept, kept, parse_around


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
def test_furniture_is_dropped_anywhere(line, reason):
    assert_dropped(line, reason)


@pytest.mark.parametrize(
    "line, reason",
    [
        ("LIVE", "live blog"),
        ("Pinned", "live blog"),
        ("Key Event", "live blog"),
        ("Show key events only", "live blog"),
        ("Load more updates", "live blog"),
        ("Loading...", "live blog"),
        ("Something went wrong. Please try again.", "live blog"),
        ("Please turn on JavaScript in your browser to receive live updates.", "live blog"),
        ("— Starbucks Workers United (@SBWorkersUnited) November 16, 2023", "embedded post"),
        ("View this post on Instagram", "embedded post"),
        ("A post shared by Starbucks Workers United (@sbworkersunited)", "embedded post"),
        ("0:00 / 2:14", "video player"),
        ("[MUSIC]", "video player"),
        ("[ NO AUDIO ]", "video player"),
        ("1 of 12", "photo gallery"),
        ("Next slide", "photo gallery"),
        ("Enlarge this image", "photo gallery"),
        ("Hide caption", "photo gallery"),
        (
            "Item 1 of 3 Members of the union rally outside the plant. REUTERS/Kim Hong-Ji",
            "photo caption",
        ),
        (
            "[1/3] Members of the union rally outside the plant. REUTERS/Kim Hong-Ji",
            "photo caption",
        ),
        ("Photographs by Marcus Bell", "photo caption"),
        ("Acquire Licensing Rights", "photo caption"),
        ("Subscribe to continue reading", "paywall"),
        ("This article is for subscribers only.", "paywall"),
        ("Already a subscriber? Sign in", "paywall"),
        ("Get unlimited digital access for $1 a week.", "paywall"),
        ("Cancel anytime.", "paywall"),
        ("View this email in your browser", "email newsletter"),
        ("Forward to a friend", "email newsletter"),
        (
            "You are receiving this email because you are a member of UFCW Local 770.",
            "email newsletter",
        ),
        (
            "Our mailing address is: UFCW Local 770 630 Shatto Place Los Angeles, CA 90005",
            "email newsletter",
        ),
        ("DONATE TO THE STRIKE FUND", "donation button"),
        ("ABOUT THE AUTHOR", "author box heading"),
        ("With files from The Canadian Press", "wire credit"),
        ("Social Sharing", "sharing links"),
        ("Compartir", "sharing links"),
        (
            "Get a look at the day ahead with the Morning Bid newsletter. Sign up here.",
            "newsletter prompt",
        ),
        ("Lea también: Campesinos de California exigen aumento salarial", "related link"),
        (
            "Suscríbete a nuestro boletín para recibir las noticias más importantes.",
            "newsletter prompt",
        ),
        ("Síguenos en Facebook e Instagram", "follow prompt"),
        ("Publicado el 3 de marzo de 2024 a las 10:15 a.m.", "timestamp"),
        ("This article tagged under:", "tag list"),
        ("Copyright NBC Universal, Inc. All rights reserved.", "copyright line"),
    ],
)
def test_live_blog_embed_video_gallery_and_paywall_furniture_is_dropped_anywhere(line, reason):
    assert_dropped(line, reason)


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
    "line",
    [
        "Copyright 2022 The Sacramento Bee",
        "© 2023 KCRA 3. All rights reserved.",
        "Copyright (c) 2021 Reuters",
    ],
)
def test_copyright_lines_are_dropped(line):
    parsed = parse_article(f"Headline\n\nThe guild struck on Monday.\n\n{line}")
    assert parsed.paragraphs == ["The guild struck on Monday."]


@pytest.mark.parametrize(
    "story_paragraph",
    [
        "Copyright law is at the heart of the dispute, said Ana Ruiz, a guild negotiator.",
        "More news from the bargaining table is expected on Friday, when talks resume.",
        "Dana Cole is a freelance journalist who has walked the picket line since May.",
        "Related concerns about pensions came up at the meeting, members said.",
    ],
)
def test_story_paragraphs_that_start_like_furniture_are_kept(story_paragraph):
    text = "\n\n".join(
        [
            "Writers strike enters fourth month",
            "RELATED: Writers and studios return to the table",
            "Writers walked the picket lines again on Tuesday.",
            story_paragraph,
            "Talks resume next week.",
        ]
    )
    parsed = parse_article(text)
    assert story_paragraph in parsed.paragraphs
    assert "RELATED: Writers and studios return to the table" not in parsed.paragraphs


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


@pytest.mark.parametrize(
    "paragraph",
    [
        # Story paragraphs that start like, or quote, the new furniture.
        "Live music played as strikers marched past the studio gates on Tuesday.",
        "Pinned to the union hall's door was a list of picket shifts.",
        "A video shared by the union on Tuesday showed managers loading trucks.",
        "Subscribe to continue reading, the paywall says, and the strikers want readers to do so.",
        "Donate to the strike fund, the union urged members, before the Friday deadline.",
        "“Already a subscriber? Most of us can't afford it anymore,” one reader wrote.",
        "Correction: An earlier version of this story misstated the vote count. It was 1,412 to 203.",
        "Editor’s note: This story was updated Friday evening with the results of the ratification vote.",
        "Transcripts of the bargaining sessions were released by the union on Monday.",
        "1 of 12 locals voted against the deal.",
        "Next, the union plans to picket the company's headquarters.",
        "«No pedimos nada extraordinario, solo lo justo», dijo Juana Martínez.",
        "—Estamos cansados de que nos traten como desechables —dijo Roberto Castillo.",
        "Dear members,",
        "9:58 a.m.",  # a timeline heading: only a live blog's bare times are furniture
    ],
)
def test_story_paragraphs_like_live_blog_and_embed_furniture_are_kept(paragraph):
    assert_kept(paragraph)


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


def test_story_paragraph_like_furniture_is_kept_as_first_paragraph():
    text = "Headline\n\nSubscribe to the view that heat is part of the job, Bell said, and you are wrong.\n\nMore."
    assert parse_article(text).paragraphs[0].startswith("Subscribe to the view")


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


# "Date:" label: top matter only.
def test_date_line_of_a_quoted_memo_is_kept_in_the_body():
    assert kept("Date: Oct. 29, 2021")


def test_date_line_above_the_story_still_goes():
    assert not kept("Date: Oct. 29, 2021", before=())


def test_about_paragraph_is_dropped_only_after_press_release_end_mark():
    about = "About Local 9: Local 9 represents more than 12,000 warehouse workers across Southern California."
    parsed = parse_around(about, before=(STORY, LAST, "###"), after=())
    assert parsed.paragraphs == [STORY, LAST]
    assert ("press release boilerplate", about) in parsed.dropped
    assert_kept(about, after=(LAST,))  # without "###" it may be story text


def test_caption_with_attributed_speech_is_kept():
    paragraph = (
        "“We want fair pay,” said Jane Doe, a nurse at the hospital (pictured, in photo above)"
    )
    assert_kept(paragraph)


def test_tags_under_a_tagged_under_heading_are_dropped():
    parsed = parse_around(
        "Muni\nSan Francisco\nStrikes", before=(STORY, LAST, "This article tagged under:"), after=()
    )
    assert parsed.paragraphs == [STORY, LAST]


# Label rules ("Related:", "More:", "Watch:", "Photos:", "Topics:"): a sentence of the
# story after the label is kept; a linked headline, caption, credit or tag list still goes.
@pytest.mark.parametrize(
    "line",
    [
        "More: a section at the end of each issue lists smaller items, from lost gloves at the picket line "
        "to a trivia night.",
        "Related: a similar newsletter at Columbia during the 2021 graduate strike there ran to 90 issues "
        "before it ended.",
        "Watch: Fontaine's reply the same night was one word and a link to a recording of the bargaining "
        "session in question, which the union had posted with the university's consent.",
        "Photos: dozens of them, pinned to a corkboard in the union hall in Cumberland, show the 1931 "
        "strikers in their Sunday clothes.",
        "Topics: the missing paychecks, the bankruptcy judge in Charleston and the price of gas, in "
        "roughly that order.",
    ],
)
def test_label_rules_keep_a_sentence_after_the_label(line):
    assert kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "RELATED: Oregon nurses authorize strike at three Portland hospitals",
        "READ MORE: Union calls off strike at the last minute after a deal with the city.",
        "MORE: Oakland schools prepare for possible strike",
        "Watch: Striking nurses rally outside St. Luke's on Monday morning.",
        "Photo: Nurses picket outside St. Luke's hospital in Duluth on Monday, March 4, 2024, the first "
        "day of a three-day strike by about 1,300 nurses.",
        "Photo: courtesy of Local 11 and the Service Employees International Union.",
        "Tags: strike, labor, hotels, Unite Here",
        "Topics: strike, nurses, health care, Duluth, Minnesota Nurses Association, St. Luke's.",
    ],
)
def test_label_rules_still_drop_furniture(line):
    assert not kept(line)


# "Editing by NAME": a list of names.
def test_editing_by_ai_tools_is_kept():
    assert kept("Editing by AI tools is the central issue for the guild's 30 copy editors.")


@pytest.mark.parametrize(
    "line", ["Editing by Mark Porter", "(Editing by Jan Harvey and Jonathan Oatis)"]
)
def test_editing_credit_still_goes(line):
    assert not kept(line)


# "With files from ...": a credit names outlets, not a clause.
def test_with_files_from_sentence_is_kept():
    assert kept("With files from the NLRB, the union built its case against the company.")


@pytest.mark.parametrize(
    "line",
    ["With files from The Canadian Press", "(With files from Reuters and the Associated Press)"],
)
def test_with_files_credit_still_goes(line):
    assert not kept(line)


# Update notes: "(Updates with ...)", not a parenthetical sentence.
def test_parenthetical_sentence_starting_with_changes_is_kept():
    assert kept("(Changes to the district's bus schedule are listed at the end of this story.)")


@pytest.mark.parametrize(
    "line",
    [
        "(Updates with analyst comment in seventh paragraph.)",
        "(Adds union statement in paragraph 5)",
    ],
)
def test_update_note_still_goes(line):
    assert not kept(line)
