"""Split quotes and quotes running over several paragraphs."""

from articles.quotes import extract_quotes


def test_split_quote_gives_two_findings_by_the_same_speaker():
    paras = [
        "Marcus Bell, a nurse, walked out.",
        "“Nobody wants this,” Bell said. “But management has not listened.”",
    ]
    a, b = extract_quotes(paras)
    assert (a.text, b.text) == ("Nobody wants this", "But management has not listened.")
    assert a.speaker_name == b.speaker_name == "Marcus Bell"


def test_mid_sentence_split_quote():
    paras = [
        '"We didn\'t want this," he said, "but we\'re not going back."',
    ]
    paras = ["Mike Twombly leads the union."] + paras
    a, b = extract_quotes(paras)
    assert (a.text, b.text) == ("We didn't want this", "but we're not going back.")
    assert a.speaker_name == b.speaker_name == "Mike Twombly"


def test_multi_paragraph_quote_is_one_finding():
    paras = [
        "Keith Brown, the union’s president, spoke to the crowd.",
        "“We meant it. Our members have waited since the ’90s for ‘next year.’",
        "“Well, next year is here,” Brown said.",
    ]
    (f,) = extract_quotes(paras)
    assert (
        f.text
        == "We meant it. Our members have waited since the ’90s for ‘next year.’\n\nWell, next year is here"
    )
    assert (f.paragraph, f.start, f.end_paragraph) == (1, 1, 2)
    assert paras[2][: f.end] == "“Well, next year is here,"
    assert f.speaker_name == "Keith Brown"
    assert f.speaker_description == "union’s president"


def test_unclosed_quote_not_followed_by_an_opener_ends_at_paragraph_end():
    paras = ["“We are tired of waiting, said nobody in particular", "The strike continues."]
    (f,) = extract_quotes(paras)
    assert f.end_paragraph == 0
    assert f.end == len(paras[0])


def test_quote_only_paragraph_continues_the_previous_speaker():
    paras = [
        "Kaiser Permanente leaders acknowledged in a written statement that they are hiring.",
        "“We are on track to reach agreements,” the statement read. “They agree to do so on short notice.”",
        "“We are grateful to them.”",
    ]
    found = extract_quotes(paras)
    assert [f.speaker_name for f in found] == ["Kaiser Permanente"] * 3
    assert found[2].paragraph == 2


def test_uncued_quote_after_narrative_paragraph_stays_unattributed():
    paras = ["Ann Lee spoke at the rally.", "Prices kept rising all year.", "“Nobody listens.”"]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == ""
