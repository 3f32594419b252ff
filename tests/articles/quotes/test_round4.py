"""Speaker-attribution patterns found by the fourth challenge set
(benchmarks/gold/quotes_round4): one test per fix, on invented text."""

from articles.quotes import extract_quotes

from .helpers import quote_by, speakers

# -- pronouns ------------------------------------------------------------------------


def test_unknown_first_name_takes_gender_from_the_next_speech_cue():
    paras = [
        "“We will keep talking,” said Karen Holt, the county's labor minister.",
        "Llinos Prys, whose mother gets four visits a day, said families were anxious. “Mum cannot get out "
        "of bed,” she said.",
    ]
    assert quote_by(paras, "Mum").speaker_name == "Llinos Prys"


def test_unknown_name_speaking_after_an_appositive_is_the_next_pronouns_subject():
    paras = [
        "Karen Holt, the minister, said talks would resume.",
        "The union's head of schools, Zorana Vukic, told the paper the strike was “the last resort”.",
        "“Our members keep these schools running,” she said.",
    ]
    assert quote_by(paras, "Our members").speaker_name == "Zorana Vukic"


def test_generic_subject_before_a_pronoun_leaves_the_quote_unattributed():
    paras = [
        "“We will win this,” said Nia Jones, an organiser.",
        "One carer, who asked not to be named, said she drove 200 miles a week. “I put more in than I get "
        "back,” she said.",
    ]
    assert quote_by(paras, "I put more").speaker_name == ""


def test_same_pronoun_after_an_opening_phrase_continues_the_chain():
    paras = [
        "Ruth Marlow, a union organizer for 40 years, died on Sunday.",
        "She is survived by a son and a sister, Mae Harper.",
        "In her last interview, with a newsletter in 2021, she was asked about her legacy. “I want them to "
        "say I showed up,” she said.",
    ]
    assert quote_by(paras, "I want them").speaker_name == "Ruth Marlow"


def test_it_can_be_a_hospital_that_speaks_of_itself():
    paras = [
        "The mayor visited the picket line on Hale Street.",
        "Brightmoor Regional Medical Center says it has hired replacement nurses.",
        "The hospital said it had offered raises, which it called “among the best in the state.”",
    ]
    assert quote_by(paras, "among").speaker_name == "Brightmoor Regional Medical Center"


# -- quotes without a cue of their own ------------------------------------------------


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


# -- cues -------------------------------------------------------------------------


def test_the_statement_is_by_whoever_issued_it_in_the_paragraph_before():
    paras = [
        "Thousands marched on Monday.",
        "Superintendent Marcus Whitlow was not there. In a statement, he said the district “shares the "
        "goal” of smaller classes.",
        "“We will continue to bargain in good faith,” the statement said.",
    ]
    assert quote_by(paras, "We will continue").speaker_name == "Marcus Whitlow"


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


def test_fragment_inside_reported_speech_of_a_second_speaker():
    paras = [
        "Ruth Marlow led her first strike in 1977. Fred Castell, then a bartender, was on the line with her.",
        "He said she had once told him that a strike was “the last thing you do, not the first.”",
    ]
    assert quote_by(paras, "the last thing").speaker_name == "Ruth Marlow"


def test_lowercase_owner_role_then_name_before_a_colon():
    paras = [
        "Workers voted to authorize a strike, their union announced Sunday.",
        "The union's president, Janelle Oko, did not mince words at a news conference: “That is a choice "
        "the company made.”",
    ]
    assert quote_by(paras, "That is a choice").speaker_name == "Janelle Oko"


def test_speaker_who_gave_only_a_first_name():
    paras = ["“I just need milk,” said a man who gave only his first name, Doug."]
    assert quote_by(paras, "I just need").speaker_name == "Doug"


# -- names ------------------------------------------------------------------------


def test_age_before_a_role_appositive_makes_a_person():
    paras = [
        "Shondra Pettiford was elected president of the local in November.",
        "Pettiford, 47, a bus operator for 19 years, sat down with the Courier. Spokesman Glen Hadley "
        "declined to comment.",
        "Q: What do riders not understand?",
        "A: That we're alone out there.",
        "Q: Are you prepared to strike?",
        "A: Nobody wants a strike.",
    ]
    assert {n for _, n in speakers(paras)} == {"Shondra Pettiford"}


def test_bare_surname_keeps_the_person_it_was_used_for():
    paras = [
        "Dolores Vance started at the plant in 1984.",
        "“You starve it,” Vance said.",
        "Her father, Walt, was a batch mixer.",
        "Walt Vance died in 2009.",
        "Vance was one of the last 40 workers. On the final day, she said, the crew signed the furnace wall.",
        "“I wrote my dad's name, not mine,” she said.",
    ]
    assert quote_by(paras, "I wrote").speaker_name == "Dolores Vance"


# -- spans ------------------------------------------------------------------------


def test_so_called_is_not_a_governing_speech_verb():
    paras = [
        "The show is best in small moments — an argument over the hospital's so-called “flex pool,” a "
        "running joke about the vending machine's “gourmet” sandwiches.",
    ]
    assert [f.text for f in extract_quotes(paras)] == []


def test_single_quoted_plural_possessive_before_a_name_does_not_close_the_quote():
    paras = [
        "Baggage handlers at Northfield Airport will strike over Easter.",
        "A spokesman for SkyServe Aviation said: 'We are disappointed the union has chosen to target "
        "families' Easter getaways. Our door remains open.'",
    ]
    (f,) = extract_quotes(paras)
    assert f.text.endswith("Our door remains open.")
    assert f.speaker_name == "SkyServe Aviation"


# -- organisations ------------------------------------------------------------------


def test_adjective_and_lowercase_government_is_an_organisation():
    paras = [
        "Care workers will strike next week, the GMB said.",
        "A Welsh government spokesperson said: “Pay is a matter for employers.”",
        "The Dundee Council closed schools. The Scottish government said it had provided “record funding” "
        "this year.",
    ]
    found = dict(speakers(paras))
    assert found["Pay is a matter for employers."] == "Welsh government"
    assert found["record funding"] == "Scottish government"


def test_short_form_in_brackets_keeps_a_name_with_of_whole():
    paras = [
        "The Convention of Scottish Local Authorities (Cosla), the body for Scotland's councils, said its "
        "offer was “fair and final”.",
    ]
    assert quote_by(paras, "fair").speaker_name == "Convention of Scottish Local Authorities"


def test_industry_word_makes_an_organisation_after_a_role_like_noun():
    paras = [
        "About 600 staff employed by contractor Skyway Aviation will strike from Friday.",
        "Skyway Aviation hit back, saying the offer was “generous.”",
        "A spokesman for the firm said: “Our door remains open.”",
    ]
    assert quote_by(paras, "Our door").speaker_name == "Skyway Aviation"


def test_missing_closer_before_a_cue_that_ends_the_paragraph():
    paras = [
        "Union organizer Sofia Marro said the timing was deliberate. “This is when they will listen, she "
        "said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.text == "This is when they will listen"
    assert f.speaker_name == "Sofia Marro"
