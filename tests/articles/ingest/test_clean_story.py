"""
Rules narrowed for the clean stories of tests/articles/ingest/clean_story/
(articles with no page furniture, full of sentences that look like furniture;
checked whole in test_fixture_articles), one group each: the story sentence is
kept, the furniture the rule was written for still goes.
"""

import pytest

from .fixture_articles import LAST, STORY, kept, parse_around


# Byline at the top: the words after "By NAME," are an outlet or a title, not a sentence.
def test_byline_rule_keeps_a_lead_starting_with_by_and_a_holiday():
    lead = "By Labor Day, the standoff at the nation's ports had cost shippers an estimated $5 billion."
    assert kept(lead, before=())


@pytest.mark.parametrize(
    "line",
    [
        "By Kathy Anderson, The Sacramento Bee",
        "By Jane Roe, special to The Times",
        "By Josh Feldman | jfeldman@midlandcourier.com",
    ],
)
def test_byline_rule_still_drops_bylines(line):
    assert not kept(line, before=())


# App prompt: ends where a prompt ends.
def test_app_prompt_keeps_a_sentence_about_an_app():
    assert kept(
        "Download the Boeing Employees' Credit Union app and you can see the strain: the credit union has "
        "offered zero-interest loans."
    )


@pytest.mark.parametrize(
    "line",
    ["Download the KPTV app to get breaking news alerts on your phone.", "Download our free app"],
)
def test_app_prompt_still_drops_prompts(line):
    assert not kept(line)


# "Date:" label: top matter only.
def test_date_line_of_a_quoted_memo_is_kept_in_the_body():
    assert kept("Date: Oct. 29, 2021")


def test_date_line_above_the_story_still_goes():
    assert not kept("Date: Oct. 29, 2021", before=())


# Bullet items are whole: never joined as a broken sentence.
def test_long_lower_case_bullets_are_not_joined():
    items = [
        "a base wage of $30 an hour for every worker at the hub, including those hired through agencies "
        "this year",
        "an end to the practice of mandatory overtime during peak season without two weeks of notice",
        "safe staffing on the ramp",
    ]
    parsed = parse_around("The workers are asking for:\n" + "\n".join("• " + i for i in items))
    assert parsed.paragraphs[2:5] == items


def test_a_paragraph_broken_mid_sentence_is_still_joined():
    first = "The union's negotiators said they had waited outside the conference room for most of the afternoon for"
    parsed = parse_around(first, after=("a response that never came.", LAST))
    assert first + " a response that never came." in parsed.paragraphs


# Newsletter and follow prompts (first-round rules) never drop speech.
def test_sign_up_for_updates_with_speech_is_kept():
    assert kept(
        "Sign up for the strike text updates, organizers told members at a meeting, and you will know "
        "where to picket."
    )


def test_sign_up_newsletter_prompt_still_goes():
    assert not kept("Sign up for our daily headlines newsletter")


# "Register for free ...": only the prompt's own "for free".
def test_register_for_free_flu_shots_is_kept():
    assert kept(
        "Register for free flu shots at the union hall this week, the flyer taped to the picket tent urges "
        "passers-by."
    )


@pytest.mark.parametrize("line", ["Register for free to continue reading.", "Sign up for free"])
def test_register_for_free_prompt_still_goes(line):
    assert not kept(line)


# "Click here": a prompt goes on "to ..." or stops.
def test_click_here_quoted_from_an_email_is_kept():
    assert kept(
        "Click here, the email to managers read, to confirm you can cover an extra shift during the strike."
    )


@pytest.mark.parametrize(
    "line", ["Click here to read the workers' full list of demands.", "Click here."]
)
def test_click_here_prompt_still_goes(line):
    assert not kept(line)


# "Editing by NAME": a list of names.
def test_editing_by_ai_tools_is_kept():
    assert kept("Editing by AI tools is the central issue for the guild's 30 copy editors.")


@pytest.mark.parametrize(
    "line", ["Editing by Mark Porter", "(Editing by Jan Harvey and Jonathan Oatis)"]
)
def test_editing_credit_still_goes(line):
    assert not kept(line)


# Follow prompts: handles, networks and "for the latest" only after the network.
@pytest.mark.parametrize(
    "line",
    [
        "Follow Ana Ruiz on X and you get a running account of City Hall; on Thursday she posted photos "
        "from the picket line.",
        "Follow him on TikTok, one guard joked about a teammate, and you would think the strike had "
        "already started.",
    ],
)
def test_follow_sentence_is_kept(line):
    assert kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "Follow us on Twitter @LeedsEveningPost",
        "Follow Megan Holloway on X @meganholloway.",
        "Follow us on Facebook and Instagram for the latest news.",
    ],
)
def test_follow_prompt_still_goes(line):
    assert not kept(line)


# Contact lines: what follows the email is contact details too.
def test_contact_sentence_with_an_email_is_kept():
    assert kept(
        "Contact the guild's strike office at strike@tribuneguild.org and an automatic reply, in English "
        "and Spanish, asks readers to skip the paper."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Contact Megan Holloway at mholloway@rivertongazette.com or follow her on X @meganholloway.",
        "Reach Sam Ortiz: sam.ortiz@sfchronicle.com; Twitter: @samortiz",
        "Have a news tip? Email us at tips@fresnovalleytimes.com.",
    ],
)
def test_contact_line_still_goes(line):
    assert not kept(line)


# "Have a tip?": the question.
def test_tip_jar_sentence_is_kept():
    assert kept(
        "Have a tip jar at the front desk, one bellhop explained, and guests assume you make a living from "
        "it."
    )


# Author bio as the last paragraph: not a person the story already named.
def test_last_paragraph_about_a_person_in_the_story_is_kept():
    last = "Ana Ruiz has covered City Hall for the Tribune for 14 years and is among the guild members on strike."
    parsed = parse_around(
        last,
        before=(STORY, "Follow Ana Ruiz on X and you get the picket line every morning."),
        after=(),
    )
    assert parsed.paragraphs[-1] == last


def test_author_bio_as_last_paragraph_still_goes():
    parsed = parse_around("Kathy Anderson covers healthcare for The Sacramento Bee.", after=())
    assert parsed.paragraphs == [STORY]


# Pull quotes: a whole sentence that opens a longer one, or one from the middle of a
# paragraph further away, is a refrain.
def test_refrain_sentence_is_kept():
    refrain = "They were not going back to work without a contract."
    holder = (
        "That was the line she repeated. They were not going back to work without a contract, and "
        "18 months later they did not."
    )
    assert parse_around(refrain, after=(LAST, holder)).paragraphs == [STORY, refrain, LAST, holder]
    far = "The pickets stood in front of them. They were not going back to work without a contract. Nobody moved."
    assert parse_around(refrain, after=(LAST, far)).paragraphs == [STORY, refrain, LAST, far]


def test_pull_quotes_still_go():
    holder = (
        "Replacement nurses are not a long-term answer, hospital administrators say. But they "
        "argue the demands go too far."
    )
    assert parse_around(
        "Replacement nurses are not a long-term answer, hospital administrators say.",
        after=(holder,),
    ).paragraphs == [STORY, holder]
    holder = "“We are the ones who keep this place running, and they act like we are replaceable,” Kowalski said."
    assert parse_around(
        "“We are the ones who keep this place running, and they act like we are replaceable,”",
        after=(LAST, holder),
    ).paragraphs == [STORY, LAST, holder]


# Transcript heading: only what looks like a video's transcript goes.
def test_q_and_a_under_a_transcript_heading_is_kept():
    qa = [
        "Transcript",
        "Q: How did this strike start?",
        "A: With heat. Two workers fainted in the fields.",
    ]
    assert parse_around(qa[0], after=qa[1:]).paragraphs == [STORY, *qa]


def test_video_transcript_still_goes():
    parsed = parse_around(
        "Video transcript",
        after=("[MUSIC]", ">> HUNDREDS OF WORKERS ON THE PICKET LINE THIS MORNING."),
    )
    assert parsed.paragraphs == [STORY]


# Gallery buttons: a one-word sentence with a full stop is story text.
def test_one_word_sentence_close_is_kept():
    assert kept("Close.")


@pytest.mark.parametrize("line", ["Close", "Expand", "Next slide", "1 of 12"])
def test_gallery_buttons_still_go(line):
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


# "Published DATE": a stamp only when nothing but times and labels follow the date.
def test_published_date_sentence_is_kept():
    assert kept(
        "Published June 1, 2023, the audit found the district had overspent by $12 million."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Posted Sep 15, 2023 4:10 PM",
        "Published March 20, 2024 • Updated on March 20, 2024 at 8:01 pm",
        "Posted: Jul 4, 2023 / 11:05 AM PDT",
    ],
)
def test_publication_stamp_still_goes(line):
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


# Exact duplicates: a short refrain stays; a long block twice, or a twin right after, goes.
def test_short_refrain_paragraph_is_kept_twice():
    refrain = "And still the trucks did not move."
    parsed = parse_around(refrain, after=(LAST, refrain))
    assert parsed.paragraphs == [STORY, refrain, LAST, refrain]


def test_duplicated_paragraphs_still_go():
    long = "The union said 900 nurses joined the picket line outside the main entrance of the hospital on Monday."
    assert parse_around(long, after=(LAST, long)).paragraphs == [STORY, long, LAST]
    short = "Workers picket outside the plant on Monday."
    assert parse_around(short, after=(short, LAST)).paragraphs == [STORY, short, LAST]
