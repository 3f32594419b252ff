"""Quote-mark scanning: curly/straight marks, nesting, apostrophes, scraping damage."""

from articles.quotes import extract_quotes
from articles.quotes.marks import scan

from .helpers import by_text


def test_straight_and_curly_marks_give_exact_offsets():
    paras = ['"We are ready," Smith said.', "“We are tired,” Jones said."]
    a, b = extract_quotes(paras)
    assert (a.paragraph, a.start, a.end, a.text) == (0, 1, 14, "We are ready")
    assert paras[0][a.start : a.end] == "We are ready,"
    assert (b.paragraph, b.start, b.end, b.text) == (1, 1, 14, "We are tired")


def test_mixed_straight_and_curly_in_one_quote():
    paras = ['Rodriguez agreed. "The plant is the heart of this town,” he said.']
    (f,) = extract_quotes(paras)
    assert f.text == "The plant is the heart of this town"
    assert paras[0][f.start : f.end] == "The plant is the heart of this town,"


def test_apostrophes_are_not_quote_marks():
    paras = ["“Kaiser’s offer doesn’t fix what’s been broken since the ’90s,” said Ann Lee."]
    (f,) = extract_quotes(paras)
    assert f.text == "Kaiser’s offer doesn’t fix what’s been broken since the ’90s"
    assert f.speaker_name == "Ann Lee"


def test_single_quotes_nested_inside_double_quotes_stay_in_the_text():
    paras = ["\"He told me, 'You're fired,' and walked away,\" said Tom Reyes."]
    (f,) = extract_quotes(paras)
    assert f.text == "He told me, 'You're fired,' and walked away"


def test_single_quote_article_british_style():
    paras = [
        "RMT general secretary Mick Lynch said: 'We won't be cowed by anyone.'",
        "'It's a nightmare,' said Priya Shah. 'Wages have gone nowhere since the '90s.'",
    ]
    found = extract_quotes(paras)
    assert [f.text for f in found] == [
        "We won't be cowed by anyone.",
        "It's a nightmare",
        "Wages have gone nowhere since the '90s.",
    ]
    assert [f.speaker_name for f in found] == ["Mick Lynch", "Priya Shah", "Priya Shah"]


def test_closing_mark_used_as_opener():
    paras = [
        "The company sent a statement that read in part:”Our doctors are trained to help.” Nothing more "
        "was said."
    ]
    (f,) = extract_quotes(paras)
    assert f.text == "Our doctors are trained to help."
    assert paras[0][f.start : f.end] == "Our doctors are trained to help."


def test_run_together_sentence_before_opener():
    paras = ["Ramirez said it was hot.”We drip sweat by 10 a.m.,” Ramirez said."]
    (f,) = extract_quotes(paras)
    assert f.text == "We drip sweat by 10 a.m."
    assert f.speaker_mention == "Ramirez"


def test_missing_opening_mark_starts_at_paragraph_start():
    paras = [
        "Organizers said the offers were telling.",
        "They offer these jobs with rewards. This clearly shows the money is there,” said Fred Seyfe, "
        "director of research at the union.",
    ]
    (f,) = extract_quotes(paras)
    assert f.paragraph == 1 and f.start == 0
    assert f.text == "They offer these jobs with rewards. This clearly shows the money is there"
    assert f.speaker_name == "Fred Seyfe"
    assert f.speaker_description == "director of research at the union"


def test_missing_opening_mark_after_an_earlier_quote():
    paras = ['"Pay is fine," Jo Park said. Benefits are not," she added.']
    found = extract_quotes(paras)
    assert [f.text for f in found] == ["Pay is fine", "Benefits are not"]
    assert found[1].start == paras[0].index("Benefits")


def test_stray_inner_mark_is_removed_and_quote_kept_whole():
    paras = [
        "Jane Roe described the incentives as “Ordinary “union-busting strategy in the US, and nothing "
        "new,” she said."
    ]
    (f,) = extract_quotes(paras)
    assert f.text == "Ordinary union-busting strategy in the US, and nothing new"
    assert f.speaker_name == "Jane Roe"
    assert paras[0][f.start : f.end].startswith("Ordinary “union-busting")


def test_nested_double_marks_are_kept():
    spans = scan("“He called it “theft” in the meeting,” she said.")
    assert len(spans) == 1
    assert spans[0].strays == ()


def test_missing_closing_mark_before_a_cue():
    paras = ["“We want a fair deal, she said. “And we want it now.”"]
    found = extract_quotes(paras)
    assert [f.text for f in found] == ["We want a fair deal", "And we want it now."]


def test_trailing_comma_trimmed_final_punctuation_kept():
    paras = ['"Is this fair?" asked Dee Walsh. "No, it is not."']
    found = extract_quotes(paras)
    assert [f.text for f in found] == ["Is this fair?", "No, it is not."]
    assert by_text(found, "No").speaker_name == "Dee Walsh"


def test_british_fragment_closed_by_what_looked_like_a_possessive():
    paras = [
        "Hospital bosses warned the strike would mean 'tens of thousands' of cancelled operations.",
        "Dr Ann Pike said: 'We have no choice.'",
    ]
    assert [f.text for f in extract_quotes(paras)] == ["tens of thousands", "We have no choice."]


def test_single_quoted_plural_possessive_before_a_name_does_not_close_the_quote():
    paras = [
        "Baggage handlers at Northfield Airport will strike over Easter.",
        "A spokesman for SkyServe Aviation said: 'We are disappointed the union has chosen to target "
        "families' Easter getaways. Our door remains open.'",
    ]
    (f,) = extract_quotes(paras)
    assert f.text.endswith("Our door remains open.")
    assert f.speaker_name == "SkyServe Aviation"


def test_missing_closer_before_a_cue_that_ends_the_paragraph():
    paras = [
        "Union organizer Sofia Marro said the timing was deliberate. “This is when they will listen, she "
        "said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.text == "This is when they will listen"
    assert f.speaker_name == "Sofia Marro"


def test_british_single_quotes_with_a_nested_double_quote():
    paras = [
        "Dr Robert Laurenson, co-chair of the committee, said: 'It is shameful that ministers walked away.'",
        "He added: 'Ministers keep telling us to \"be reasonable\", but what is reasonable about a pay cut?'",
        "A Department of Health and Social Care spokesperson said: 'We are working to minimise disruption.'",
    ]
    found = extract_quotes(paras)
    assert [f.text for f in found] == [
        "It is shameful that ministers walked away.",
        'Ministers keep telling us to "be reasonable", but what is reasonable about a pay cut?',
        "We are working to minimise disruption.",
    ]
    assert [f.speaker_name for f in found] == [
        "Robert Laurenson",
        "Robert Laurenson",
        "Department of Health and Social Care",
    ]


def test_american_article_with_nested_single_quotes_stays_double_quoted():
    paras = [
        "“I told her, ‘Forget it,’” said Jorge Diaz. “We're alive.”",
        "'Hey' is what she said, Ana Ruiz recalled.",
    ]
    assert [f.text for f in extract_quotes(paras)][:2] == [
        "I told her, ‘Forget it,’",
        "We're alive.",
    ]


def test_nested_quote_closing_with_the_outer_one_keeps_its_cue():
    paras = [
        "Bill Szymanski, the local's president, spoke at the hall.",
        "“The company keeps saying ‘shared sacrifice,’” he added. “Show me what the executives are "
        "sacrificing.”",
    ]
    found = extract_quotes(paras)
    assert [f.speaker_name for f in found] == ["Bill Szymanski", "Bill Szymanski"]


def test_missing_opening_mark_after_a_narrative_sentence():
    paras = [
        "Resident Keisha Monroe said she woke up to her neighbor pounding on her door. We just grabbed the "
        "kids "
        "and ran,” Monroe said. “I didn't even have shoes on.\""
    ]
    found = extract_quotes(paras)
    assert [(f.text, f.speaker_name) for f in found] == [
        ("We just grabbed the kids and ran", "Keisha Monroe"),
        ("I didn't even have shoes on.", "Keisha Monroe"),
    ]
