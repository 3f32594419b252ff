"""
Prompts to the reader (newsletters, apps, sign-ups, "click here", follow and
contact lines, tip jars) dropped, and story sentences that use the same words
kept: one group per rule, both ways.
"""

import pytest

from .fixture_articles import assert_kept, kept


def test_newsletter_sentence_with_quotation_is_kept():
    paragraph = (
        "“Sign up for our newsletter, they tell you, as if that pays rent,” said one driver."
    )
    assert_kept(paragraph)


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
