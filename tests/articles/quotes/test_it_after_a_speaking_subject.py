""" "It said" opening a sentence stands for the organisation that opened and
spoke in the sentence before, not for a body named inside that sentence."""

from articles.quotes import extract_quotes


def test_it_said_is_the_subject_of_the_sentence_before():
    paras = [
        "Court clerks across Moldavia went on strike on Monday over a pay cut, the second "
        "strike this year.",
        "The Ministry of Finance said the cut was needed to meet the target agreed with the "
        "International Monetary Fund. It said exceptions would “open the door to demands "
        "from every category.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Ministry of Finance"


def test_it_inside_a_sentence_still_takes_the_nearest_body():
    paras = [
        "Court clerks across Moldavia went on strike on Monday over a pay cut.",
        "The Ministry of Finance met the Clerks Union of Moldavia, which said it would "
        "“fight on until the cut is gone.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Clerks Union of Moldavia"
