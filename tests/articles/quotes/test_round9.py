"""Round-9 fixes of the quote extractor (invented text; one test per fix)."""

from .helpers import only, speaker_of


def test_anonymous_source_with_two_word_noun_then_pronoun_next_paragraph():
    paras = [
        "Warehouse picker Dominic Farrow said he had lost 12 hours a week since the vote.",
        "\u201cIt started the day after,\u201d Farrow said.",
        "Not everyone at the depot backs the union. A Tulsa forklift operator, who asked not to be named "
        "because he fears retaliation, said the dues were too high.",
        "\u201cI can\u2019t see what we get for it,\u201d he said.",
    ]
    assert speaker_of(paras, "I can") == ""
    assert speaker_of(paras, "It started") == "Dominic Farrow"


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
