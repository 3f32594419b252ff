"""Attribution forms: where the cue sits and which verb it uses."""

import pytest

from articles.quotes import extract_quotes

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
