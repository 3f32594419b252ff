"""Fragments inside indirect speech vs scare quotes, titles, signs, chants and nicknames."""

from articles.quotes import extract_quotes
from articles.quotes.fragments import MIN_UNGOVERNED_WORDS, is_title

from .helpers import only


def test_governed_short_fragment_is_returned_and_attributed():
    paras = [
        'Ford said in a statement that its latest offer was "historic" and that talks would continue.'
    ]
    (f,) = extract_quotes(paras)
    assert (f.text, f.is_fragment, f.speaker_name) == ("historic", True, "Ford")


def test_possessive_document_makes_the_speaker_clear():
    paras = [
        "Kaiser Permanente is hiring.",
        "Kaiser’s offer promised a “significant financial incentive” to those willing to commit.",
    ]
    (f,) = extract_quotes(paras)
    assert f.is_fragment is True
    assert f.text == "significant financial incentive"
    assert f.speaker_name == "Kaiser Permanente"


def test_scare_quote_is_not_returned():
    assert extract_quotes(["A “normal” tactic for US companies in strikes"]) == []
    assert extract_quotes(['Experts say the so-called "nuclear option" is rarely used.']) == []


def test_titles_are_not_returned():
    paras = [
        'Writers on shows including "Abbott Elementary" and "The Bear" joined the picket lines.'
    ]
    assert extract_quotes(paras) == []
    assert is_title("Red Cup Rebellion") and not is_title("Whose schools? Our schools!")


def test_to_infinitive_object_is_not_governed():
    paras = [
        "Andrew Haines said the strikes were 'a shame' and urged the union to accept a 'modernisation' plan."
    ]
    found = extract_quotes(paras)
    assert [(f.text, f.is_fragment, f.speaker_name) for f in found] == [
        ("a shame", True, "Andrew Haines")
    ]


def test_long_embedded_quote_without_a_verb_is_an_unattributed_fragment():
    paras = [
        "The flyer, taped to the gate, promised nothing beyond “a fair shot at a decent life for everyone.”"
    ]
    (f,) = extract_quotes(paras)
    assert MIN_UNGOVERNED_WORDS == 4
    assert f.is_fragment is True and f.speaker_name == ""


def test_coordinated_verb_inherits_the_previous_speaker():
    paras = [
        "Kaiser Permanente sent a statement that read in part:",
        "“Our doctors are trained to screen patients…” and added that they’ve “continues to reach out to patients.”",
    ]
    a, b = extract_quotes(paras)
    assert (a.is_fragment, b.is_fragment) == (False, True)
    assert a.speaker_name == b.speaker_name == "Kaiser Permanente"


def test_quote_with_adjacent_cue_is_never_a_fragment():
    paras = ['"Never," Dana Ruiz said.']
    (f,) = extract_quotes(paras)
    assert f.is_fragment is False


def test_chant_after_verb_is_a_full_quote():
    paras = ["The crowd chanted “Whose schools? Our schools!” as he left the stage."]
    (f,) = extract_quotes(paras)
    assert (f.text, f.is_fragment, f.speaker_name) == ("Whose schools? Our schools!", False, "")


def test_to_verb_without_a_that_clause_still_blocks_a_scare_quote():
    paras = [
        "Network Rail chief Ann Hayes said the strikes were 'a shame' and urged the union to accept a "
        "'modernisation' plan."
    ]
    assert [f.text for f in extract_quotes(paras)] == ["a shame"]


def test_crowd_chant_in_a_stadium_is_unattributed():
    paras = ["Lambeau Field, quiet for most of the night, was chanting “De-fense!” by the end."]
    f = only(paras)
    assert (f.text, f.speaker_name) == ("De-fense!", "")


def test_work_title_after_hit():
    paras = [
        "Rowan Tate, who starred in the 2019 hit “Glass Harbor,” said the deal was overdue. “It took too "
        "long,” Tate said."
    ]
    assert [f.text for f in extract_quotes(paras)] == ["It took too long"]


def test_so_called_is_not_a_governing_speech_verb():
    paras = [
        "The show is best in small moments — an argument over the hospital's so-called “flex pool,” a "
        "running joke about the vending machine's “gourmet” sandwiches.",
    ]
    assert [f.text for f in extract_quotes(paras)] == []


def test_sign_text_is_not_a_quote():
    paras = [
        "Back at the union hall, a hand-lettered sign above the coffee pot reads “One Day Longer.” Kovach "
        "pointed to it.",
        'Many held handmade signs. One read "My rent went up 30%. Did your wages?"',
        'Workers carried signs reading "Justice for Luis" and chanted "Safety over speed!" outside the gate.',
    ]
    found = extract_quotes(paras)
    assert [f.text for f in found] == ["Safety over speed!"]
    # The chant's subject is the generic "Workers", not whoever spoke before.
    assert found[0].speaker_name == ""


def test_work_title_is_not_a_quote_even_with_a_cue_after_it():
    paras = [
        'In her 2021 book "Ghost Bosses," the labor historian Dana Whitfield writes that the apps built '
        '"a workplace with all of the control of a factory."',
        "In his new film, “Iron Season,” he plays a boxer.",
        "“Iron Season” opens in theaters Friday.",
    ]
    found = extract_quotes(paras)
    assert [f.text for f in found] == ["a workplace with all of the control of a factory."]
    assert found[0].speaker_name == "Dana Whitfield"


def test_nickname_is_not_a_quote_and_the_name_stays_whole():
    paras = [
        "Andre “Bones” Whitaker added 21 points for Golden State.",
        "“We’ve been here before,” Whitaker said.",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.speaker_kind) == ("Andre Whitaker", "person")


def test_scare_quotes_and_titles_without_a_speaker_are_not_quotes():
    paras = [
        "Dana Ruiz, president of the Westfield Nurses Union, walked the line with members.",
        "Supporters joined the so-called “Trump Train” on the highway, and the strikers "
        "watched the film “Norma Rae” at the union hall that night.",
        "Ruiz said the hospital's “last, best and final” offer would not end the strike.",
    ]
    (f,) = extract_quotes(paras)
    assert (f.text, f.speaker_name, f.is_fragment) == (
        "last, best and final",
        "Dana Ruiz",
        True,
    )
