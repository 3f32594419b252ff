"""Attribution forms: where the cue sits and which verb it uses; colon cues,
newsletter labels and interviews (Q&A answers)."""

import pytest

from articles.quotes import extract_quotes
from articles.quotes.attribution import (
    RULE_AFTER,
    RULE_BEFORE,
    RULE_COLON,
    RULE_REPORTED,
    RULE_SAME_PARAGRAPH,
    RULES,
)

from .helpers import quote_by, speaker_of, speakers

INTRO = "Tonya Rivers, a 23-year veteran of the plant, joined the picket line on Friday."


@pytest.mark.parametrize(
    ("para", "text", "cue"),
    [
        ('"We are not going back," Rivers said.', "We are not going back", "Rivers said"),
        ('"We are not going back," said Rivers, a welder.', "We are not going back", "said Rivers"),
        ('Rivers said, "We are not going back."', "We are not going back.", "Rivers said"),
        ('Rivers said: "We are not going back."', "We are not going back.", "Rivers said"),
        ('"We are not going back," Rivers told reporters.', "We are not going back", "Rivers told"),
        ('"We are not going back," Rivers added.', "We are not going back", "Rivers added"),
        (
            '"We are not going back," Rivers wrote on Facebook.',
            "We are not going back",
            "Rivers wrote",
        ),
        ('"We are not going back," Rivers stressed.', "We are not going back", "Rivers stressed"),
        ('"Why would we go back?" Rivers asked.', "Why would we go back?", "Rivers asked"),
        (
            '"The math does not work," Rivers explained.',
            "The math does not work",
            "Rivers explained",
        ),
        ('"We are not going back," Rivers noted.', "We are not going back", "Rivers noted"),
        (
            '"We are not going back," according to Rivers.',
            "We are not going back",
            "according to Rivers",
        ),
        (
            'According to Rivers, "we are not going back."',
            "we are not going back.",
            "According to Rivers",
        ),
    ],
)
def test_cue_forms_attribute_to_the_introduced_person(para, text, cue):
    found = extract_quotes([INTRO, para])
    assert len(found) == 1
    f = found[0]
    assert f.text == text
    assert f.speaker_name == "Tonya Rivers"
    assert f.speaker_kind == "person"
    assert f.speaker_description == "23-year veteran of the plant"
    assert f.cue == cue
    assert f.is_fragment is False


def test_said_name_title_keeps_the_title_as_description():
    (f,) = extract_quotes(
        [
            '"Every day costs a week to unwind," said Lisa Patel, a supply chain analyst at Moody\'s '
            "Analytics."
        ]
    )
    assert f.speaker_name == "Lisa Patel"
    assert f.speaker_description == "supply chain analyst at Moody's Analytics"
    assert f.cue == "said Lisa Patel"


def test_role_before_name_is_description_and_title_dropped():
    (f,) = extract_quotes(['"We want a deal," UAW President Shawn Fain said.'])
    assert f.speaker_name == "Shawn Fain"
    assert f.speaker_description == "UAW President"
    (g,) = extract_quotes(['"It will pass," said Sen. Alex Padilla.'])
    assert g.speaker_name == "Alex Padilla"


def test_in_a_statement_attributes_to_the_organization():
    paras = [
        "Sutter Health said it hired replacement nurses.",
        'In a statement, Sutter said: "Our hospitals remain open."',
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.speaker_kind) == ("Sutter Health", "organization")
    assert f.speaker_mention == "Sutter"


def test_sent_a_statement_that_read_in_part_from_previous_paragraph():
    paras = [
        "KCRA 3 reached out to Kaiser Permanente about wait times. While they didn’t answer, they sent a "
        "statement that read in part:",
        "“Our primary care doctors are trained to help.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Kaiser Permanente"
    assert f.speaker_kind == "organization"
    assert f.speaker_mention == "they"
    assert f.cue == "sent a statement that read in part"


def test_the_statement_read_goes_to_the_statement_owner():
    paras = [
        "Ford leaders said in a written statement that talks would continue. Union officials disagreed "
        "with the United Auto Workers plan.",
        "“We are on track to reach a deal,” the statement read.",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.speaker_kind, f.cue) == ("Ford", "organization", "the statement read")


def test_employee_wrote_in_an_email_is_the_organization():
    paras = [
        "Kaiser Permanente is hiring therapists.",
        "She received the offer in an email. In it, a Kaiser employee wrote: “We have a need to secure "
        "access.”",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.speaker_kind) == ("Kaiser Permanente", "organization")
    assert f.speaker_mention == "a Kaiser employee"


def test_it_said_resolves_to_the_organization():
    paras = [
        "While Kaiser Permanente didn’t disclose numbers, it said, “We have a review process in place.”"
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.speaker_mention, f.cue) == ("Kaiser Permanente", "it", "it said")


def test_colon_without_speech_verb_takes_the_sentence_subject():
    paras = [
        "Sally Levi Albert, a licensed therapist, quit the network last year.",
        "Albert sent an email to her peers, urging them to refuse: “This strike matters.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Sally Levi Albert"
    assert f.speaker_description == "licensed therapist"


def test_a_full_stop_quote_is_not_attributed_to_the_next_sentence_subject():
    paras = ['Talks broke down. "We are done here." Smith said the union would meet Monday.']
    (f,) = extract_quotes(paras)
    assert f.speaker_name == ""
    assert f.speaker_kind == ""


def test_adverb_or_time_phrase_between_subject_and_verb():
    paras = [
        "Darren Whitlock, an organiser, spoke to reporters.",
        "Mr Whitlock last night said the union would “happily” call off the strike.",
    ]
    assert quote_by(paras, "happily").speaker_name == "Darren Whitlock"
    paras2 = [
        "Maria Lund cleaned rooms for 14 years.",
        "She was fired, she always said, “for having a big mouth.”",
    ]
    assert quote_by(paras2, "for having").speaker_name == "Maria Lund"


def test_time_phrase_opening_a_sentence_is_not_an_unnamed_speaker():
    paras = [
        "Ngo Van Hieu, a technician, said he had reported the fault. “I told my lead,” Hieu said.",
        "A day after the accident, he said, the guard was fixed.",
        "“So they can fix it,” he said.",
    ]
    assert quote_by(paras, "So they can").speaker_name == "Ngo Van Hieu"


def test_inverted_cue_with_a_role_then_the_name():
    paras = [
        "“This jury said it clearly,” said the family's attorney, Malik Okonjo-Grey, after the verdict."
    ]
    assert quote_by(paras, "This jury").speaker_name == "Malik Okonjo-Grey"


def test_bracketed_acronym_does_not_block_the_subject():
    paras = [
        "The Allied Dockworkers Union (ADU), a minority union at the port, said it had not "
        "called the strike and urged its members to “make their own choice”."
    ]
    f = quote_by(paras, "make their own")
    assert f.speaker_name == "Allied Dockworkers Union"
    assert f.speaker_kind == "organization"


def test_newsletter_lead_in_labels_are_not_part_of_the_cue():
    paras = [
        'What they\'re saying: "We will keep pushing," said Ottilie Marchbanks, a lobbyist for the Freight '
        "Crew Alliance.",
        'The other side: The Regional Carriers Association called the plan "a costly mistake."',
        'HOW IT PLAYS OUT \u2014 House Majority Whip Perpetua Ingleby said the bill "has the votes."',
    ]
    assert speaker_of(paras, "We will keep") == "Ottilie Marchbanks"
    assert speaker_of(paras, "a costly") == "Regional Carriers Association"
    assert speaker_of(paras, "has the votes") == "Perpetua Ingleby"
    kept = [
        "Tobias Wendelin Achebe runs a delivery route.",
        "Achebe put it more bluntly: \"If I'm my own boss, why can't I set my own price?\"",
        'He added: "Nobody asked us."',
    ]
    assert speaker_of(kept, "If I'm my own boss") == "Tobias Wendelin Achebe"
    assert speaker_of(kept, "Nobody asked") == "Tobias Wendelin Achebe"


def test_interview_quote_paragraphs_without_cues():
    paras = [
        "Wilhelmina Achterberg-Oduya started driving buses in 1989.",
        "\u201cThe first week, I cried every night,\u201d she says.",
        "She stayed for 35 years.",
        "\u201cI never thought I would last a month.\u201d",
        "What was the worst day?",
        "\u201cThe ice storm of 1998. We ran every route anyway.\u201d",
        "Asked what comes next, Achterberg-Oduya shrugs.",
        "\u201cSleep, mostly.\u201d",
    ]
    got = dict(speakers(paras))
    assert got["I never thought I would last a month."] == "Wilhelmina Achterberg-Oduya"
    assert got["The ice storm of 1998. We ran every route anyway."] == "Wilhelmina Achterberg-Oduya"
    assert got["Sleep, mostly."] == "Wilhelmina Achterberg-Oduya"


def test_qa_answers_are_quotes_of_the_interviewee():
    paras = [
        "Tessa Marlowe's third novel follows a steel family. Marlowe spent six years on it.",
        "Marlowe spoke with the Gazette. The interview has been edited for length.",
        "Q: Why the 1959 strike?",
        'A: It was the longest steel strike. My grandfather called it "the summer we ate beans."',
        "Q: What's next?",
        "A: Sleep.",
        "Marlowe will read on Saturday.",
    ]
    found = extract_quotes(paras)
    assert [f.text for f in found] == [
        'It was the longest steel strike. My grandfather called it "the summer we ate beans."',
        "Sleep.",
    ]
    assert {f.speaker_name for f in found} == {"Tessa Marlowe"}


def test_name_followed_by_a_place_after_said():
    paras = [
        '"This tragedy was preventable," said OSHA Area Director Angeline Loftus in Aurora. "It must not '
        'happen again."'
    ]
    assert [n for _, n in speakers(paras)] == ["Angeline Loftus", "Angeline Loftus"]


def test_lowercase_role_between_body_and_name_in_a_colon_cue():
    paras = [
        "Council member Priya Natarajan, who chairs the housing committee, posted on X shortly before the "
        "meeting: "
        '"Proud to stand with tenants today."'
    ]
    assert speakers(paras) == [("Proud to stand with tenants today.", "Priya Natarajan")]


def test_colon_cue_after_a_full_stop_belongs_to_the_next_quote():
    paras = [
        'Northgate Foods said it had "acted in good faith throughout." A Northgate spokesperson said in an '
        "email: "
        '"We will review our options."'
    ]
    a, b = extract_quotes(paras)
    assert (a.is_fragment, b.is_fragment) == (True, False)
    assert a.speaker_name == b.speaker_name == "Northgate Foods"


def test_each_finding_names_the_rule_that_decided_its_speaker_and_a_confidence():
    paras = [
        INTRO,
        "“We are out here for our kids,” Rivers said. “They deserve better.”",
        "Rivers said: “Nobody wants this.”",
        "Rivers said, “We will stay.”",
        "Rivers called the offer “an insult.”",
    ]
    found = extract_quotes(paras)
    assert [f.rule for f in found] == [
        RULE_AFTER,
        RULE_SAME_PARAGRAPH,
        RULE_COLON,
        RULE_BEFORE,
        RULE_REPORTED,
    ]
    assert all(f.rule in RULES and f.speaker_name == "Tonya Rivers" for f in found)
    confidence = {f.rule: f.confidence for f in found}
    assert confidence[RULE_AFTER] > confidence[RULE_REPORTED] > 0


def test_an_acronym_spelled_like_a_conjunction_can_open_the_speakers_phrase():
    paras = [
        "Mechanics at Volta Motors walked out six weeks ago, and the strike has spread.",
        "“Volta wants to be outside that model,” IF Metall chair Marie Nilsdotter said in an "
        "interview.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Marie Nilsdotter"
