"""Reported speech: words quoted inside it are fragments with the reporting
speaker (a second predicate, a that-clause, "according to"), and a quote after
indirect speech keeps its speaker; relative clauses and passives ("which Ruiz
called", "was described by Ruiz as") name the speaker too."""

import pytest

from articles.quotes import extract_quotes
from articles.quotes.attribution import RULE_REPORTED

from .helpers import only, quote_by, speakers


def test_second_predicate_takes_the_first_speech_verbs_subject():
    paras = [
        "Sen. Ray Colby, D-Ohio, joined the pickets.",
        "Joan Reyes, the union president, said the union had sent four proposals and called the company's "
        "claim “flatly untrue.”",
        "He said he had met the company's chief executive and urged him to “get back to the table.”",
    ]
    assert [n for _, n in speakers(paras)] == ["Joan Reyes", "Ray Colby"]


def test_british_second_predicate_after_a_single_quoted_fragment():
    paras = [
        "The Health Secretary, Martin Hale, said he was 'disappointed' by the vote and urged the union to "
        "'think again'.",
        "Mr Hale said: 'The offer is fair.'",
    ]
    assert [n for _, n in speakers(paras)] == ["Martin Hale", "Martin Hale", "Martin Hale"]


def test_reporting_verb_governs_a_fragment_after_an_infinitive_clause():
    paras = [
        "Tobin Rees, an actor, joined the strike.",
        "He said he had been asked twice to sign away his voice, and that studios treated voices as “just "
        "another asset.”",
    ]
    f = only(paras)
    assert (f.speaker_name, f.is_fragment) == ("Tobin Rees", True)


def test_passive_speech_verb_is_not_the_cue():
    paras = [
        "The British Medical Association said on Monday that talks had failed.",
        "The BMA said the dates would be announced 'within weeks' unless ministers returned to talks.",
    ]
    f = only(paras)
    assert (f.text, f.speaker_name) == ("within weeks", "British Medical Association")


def test_verb_running_into_the_mark_makes_a_fragment():
    paras = [
        "Paul Adeyemi said the office had shared “every number they asked for, and then some.”"
    ]
    f = only(paras)
    assert (f.is_fragment, f.speaker_name) == (True, "Paul Adeyemi")


def test_quote_after_the_speakers_indirect_speech_in_the_same_paragraph():
    paras = [
        "“It's a start,” said Rachel Dunn, a union spokesperson.",
        "ICU nurse Bethany Kowal has worked at the hospital for 12 years. Kowal said she had never been on "
        "strike before. “My mom was a nurse here.”",
    ]
    assert quote_by(paras, "My mom").speaker_name == "Bethany Kowal"


def test_quote_paragraph_after_a_paragraph_of_indirect_speech():
    paras = [
        "Speaking from a flatbed truck, association president Yolanda Birch told the crowd that class "
        "sizes would rise.",
        "“I taught fourth grade for 22 years. I know what happens.”",
    ]
    assert quote_by(paras, "I taught").speaker_name == "Yolanda Birch"


def test_fragment_inside_reported_speech_of_a_second_speaker():
    paras = [
        "Ruth Marlow led her first strike in 1977. Fred Castell, then a bartender, was on the line with her.",
        "He said she had once told him that a strike was “the last thing you do, not the first.”",
    ]
    assert quote_by(paras, "the last thing").speaker_name == "Ruth Marlow"


def test_subject_before_a_first_predicate_and_but_said():
    paras = [
        "Moonrise Entertainment said the tour was off.",
        "A spokesman for Moonrise declined to comment on the criticism but said the company “follows "
        "medical advice.”",
    ]
    assert quote_by(paras, "follows").speaker_name == "Moonrise Entertainment"


def test_reminded_governs_a_fragment_of_the_sentence_subject():
    paras = [
        "Judge Harriet Okafor admonished the gallery and reminded jurors to ignore “any noise from the "
        "public.”"
    ]
    f = quote_by(paras, "any noise")
    assert (f.speaker_name, f.is_fragment) == ("Harriet Okafor", True)


def test_estimated_governs_a_fragment():
    paras = [
        "“How many jobs are full-time?” asked council member Lars Eklund.",
        "The developer's vice president, Mirela Costa, said she did not have a breakdown but estimated "
        "“around half.”",
    ]
    f = quote_by(paras, "around half")
    assert (f.speaker_name, f.is_fragment) == ("Mirela Costa", True)


def test_and_urged_to_verb_quote_is_the_first_subjects():
    paras = [
        "The Gulf Oyster Council, an industry group, said imports had doubled and urged regulators to "
        "enforce “the rules we already have.”"
    ]
    assert quote_by(paras, "the rules").speaker_name == "Gulf Oyster Council"


def test_according_to_a_transcript_keeps_the_speech_verbs_subject():
    paras = [
        "Finance chief Lin Mei-hua told analysts last month that the group was “reviewing its footprint,” "
        "according to a transcript."
    ]
    f = quote_by(paras, "reviewing")
    assert (f.speaker_name, f.is_fragment) == ("Lin Mei-hua", True)


def test_lowercase_quote_after_reported_clause_and_comma_is_fragment():
    f = only(
        [
            "A Harlow Foods spokesman said the layoffs were driven by falling sales, \u201cnot by the "
            "organizing drive.\u201d",
        ]
    )
    assert f.is_fragment
    g = only(["The mayor said Tuesday, \u201cwe are done waiting.\u201d"])
    assert not g.is_fragment
    h = only(
        ["Maria Lopez said in a statement after the vote was counted, \u201cwe are not done.\u201d"]
    )
    assert not h.is_fragment


def test_base_form_speech_verb_governs_a_fragment():
    paras = [
        'Every few months, an executive goes on television to tell us that drivers "love the flexibility."'
    ]
    (f,) = extract_quotes(paras)
    assert (f.text, f.is_fragment, f.speaker_name) == ("love the flexibility.", True, "")


def test_next_sentence_of_indirect_speech_is_not_a_cue():
    paras = [
        'The White House issued a statement calling the bill "a political stunt." Press secretary Nina '
        "Alvarez "
        "said President Paul Whitmer would veto it.",
        'Advocates rallied outside, chanting "No human is illegal!" One of them, Jorge Medina, said he had '
        "crossed the border as a child.",
    ]
    a, b = extract_quotes(paras)
    assert (a.speaker_name, a.is_fragment) == ("White House", True)
    assert b.speaker_name == ""


# -- quoted words inside reported speech get the reporting speaker ----------------------
NURSE = "Maria Lopez, a nurse at Westfield Hospital, joined the picket line on Monday."
RUIZ = "Dana Ruiz, president of the Westfield Nurses Union, walked the line with members."


@pytest.mark.parametrize(
    ("paras", "speaker"),
    [
        ([NURSE, "Lopez called the hospital's latest offer “a slap in the face.”"], "Maria Lopez"),
        (
            [NURSE, "Lopez said the new schedule would “hurt families” across the city."],
            "Maria Lopez",
        ),
        ([RUIZ, "According to Ruiz, the offer was “insulting.”"], "Dana Ruiz"),
        ([NURSE, "She said the new schedule would “break people” before winter."], "Maria Lopez"),
        ([RUIZ, "The president called the deal “a betrayal of every nurse here.”"], "Dana Ruiz"),
        (
            ["Westfield Hospital said on Tuesday that the strike was “unnecessary and harmful.”"],
            "Westfield Hospital",
        ),
        (
            [RUIZ, "Nurses rejected the proposal, which Ruiz called “a joke,” by a wide margin."],
            "Dana Ruiz",
        ),
        ([RUIZ, "The offer was described by Ruiz as “insulting to every nurse.”"], "Dana Ruiz"),
        ([RUIZ, "The offer, described by Ruiz as “insulting,” expires on Friday."], "Dana Ruiz"),
        (
            [RUIZ, "The offer was called “a disgrace to the profession” by Ruiz on Monday."],
            "Dana Ruiz",
        ),
        (
            ["The offer was described by union president Dana Ruiz as “insulting to every nurse.”"],
            "Dana Ruiz",
        ),
    ],
    ids=[
        "called-it",
        "said-would",
        "according-to",
        "pronoun-subject",
        "role-subject",
        "organisation-subject",
        "relative-clause",
        "passive-agent-before",
        "reduced-passive",
        "passive-agent-after",
        "passive-agent-introduced",
    ],
)
def test_quoted_words_in_reported_speech_are_the_reporting_speakers_fragment(paras, speaker):
    f = only(paras)
    assert (f.speaker_name, f.is_fragment, f.rule) == (speaker, True, RULE_REPORTED)


def test_a_fragment_gets_the_same_speaker_a_full_quotation_would():
    reported = only([RUIZ, "Ruiz said the offer was “insulting to every nurse.”"])
    full = only([RUIZ, "“The offer is insulting to every nurse,” Ruiz said."])
    assert reported.speaker_name == full.speaker_name == "Dana Ruiz"
    assert (reported.is_fragment, full.is_fragment) == (True, False)
    assert reported.confidence < full.confidence


@pytest.mark.parametrize(
    "sentence",
    [
        "Transport Minister Volker Wiese appealed to both sides to “find a solution quickly.”",
        "Transport Minister Volker Wiese said strikes were a legitimate means of bargaining but "
        "appealed to both sides to “find a solution quickly.”",
    ],
)
def test_appealed_to_someone_to_carries_the_appeals_words(sentence):
    paras = ["Ground staff at Rheinair staged a one-day strike on Wednesday.", sentence]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.is_fragment) == ("Volker Wiese", True)


def test_words_ending_a_reported_sentence_keep_its_speaker_not_the_next_sentences():
    paras = [
        "About 1,100 workers at Vantor Axle Systems walked off the job early Tuesday.",
        "Chief executive Paul Brandt told analysts on a call last month that labor costs at the "
        "plant were “already well above what our competitors pay.” On Tuesday a company "
        "spokesman, Eric Lindqvist, said Vantor remained “ready to meet at any hour.”",
    ]
    found = [(f.speaker_name, f.is_fragment) for f in extract_quotes(paras)]
    assert found == [("Paul Brandt", True), ("Eric Lindqvist", True)]


def test_the_subject_of_an_as_clause_speaks_not_the_words_before_it():
    paras = [
        "The NSW Nurses and Midwives Association is seeking a 15 per cent pay rise.",
        "Thousands of nurses walked off the job, rallying outside Parliament House in Sydney as "
        "the union accused the government of “treating nurses like a line item”.",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.is_fragment) == ("NSW Nurses and Midwives Association", True)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Harbour Authority said it had asked the operator to “keep the ferries running.”",
        "The Harbour Authority said in a statement that it would not call off the inquiry "
        "“until the ferries are running.”",
        "The Harbour Authority said any captain who refused to sail could face “disciplinary action.”",
    ],
)
def test_words_quoted_far_from_the_reporting_verb_are_its_subjects(sentence):
    paras = ["Ferry crews in Lerwick stopped work on Monday over rosters.", sentence]
    assert only(paras).speaker_name == "Harbour Authority"


def test_an_inner_speech_verb_keeps_its_own_subject():
    paras = [
        "Ferry crews in Lerwick stopped work on Monday over rosters.",
        "Ruth Mainland, the union's branch secretary, said the crews had sailed short-handed. "
        "Her father, Tom Mainland, was a captain for 30 years.",
        "She said he had once told her that a strike was “the last resort.”",
    ]
    assert only(paras).speaker_name == "Tom Mainland"
