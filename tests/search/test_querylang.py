"""The query language and the highlighter: plain Python, no database."""

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from search import querylang as ql
from search.analysis import Highlighter, fold, parts_text, text_terms


def tree(q):
    return ql.parse_query(q).tree


def test_grammar():
    assert tree("therapists strike") == ql.And((ql.Term("therapists"), ql.Term("strike")))
    assert tree('"life or death"') == ql.Phrase("life or death")
    assert tree("kaiser OR sutter") == ql.Or((ql.Term("kaiser"), ql.Term("sutter")))
    assert tree("strike NOT kaiser") == ql.And((ql.Term("strike"), ql.Not(ql.Term("kaiser"))))
    assert tree("strike -kaiser") == tree("strike NOT kaiser")
    assert tree("(pay OR wages) AND nurses") == ql.And(
        (ql.Or((ql.Term("pay"), ql.Term("wages"))), ql.Term("nurses"))
    )
    assert tree("therap*") == ql.Prefix("therap")
    assert tree("speaker:Soroken") == ql.Term("Soroken", "speaker")
    assert tree('speaker:"Jane McAlevey"') == ql.Phrase("Jane McAlevey", "speaker")
    assert tree("title:strike outlet:bee author:anderson said:soroken") == ql.And(
        (
            ql.Term("strike", "headline"),
            ql.Term("bee", "source"),
            ql.Term("anderson", "byline"),
            ql.Term("soroken", "speaker"),
        )
    )


def test_a_field_applies_to_a_whole_group():
    assert tree("speaker:(soroken OR sako)") == ql.Or(
        (ql.Term("soroken", "speaker"), ql.Term("sako", "speaker"))
    )


def test_lowercase_operators_are_words():
    assert tree("life or death") == ql.And((ql.Term("life"), ql.Term("or"), ql.Term("death")))


def test_round_trip_to_text():
    for q in [
        '"life or death" speaker:Soroken',
        "(pay OR wages) NOT nurses",
        "therap* headline:strike",
    ]:
        assert tree(ql.to_text(tree(q))) == tree(q)


def test_repairs_are_reported():
    parsed = ql.parse_query('(kaiser "life or death')
    assert parsed.tree == ql.And((ql.Term("kaiser"), ql.Phrase("life or death")))
    assert len(parsed.notices) == 2


def test_limits():
    parsed = ql.parse_query(" ".join(f"w{n}" for n in range(100)))
    assert len(list(ql.leaves(parsed.tree))) == ql.MAX_TERMS
    assert any("up to 24 words" in notice for notice in parsed.notices)
    assert len(ql.parse_query("y" * 10_000).text) == ql.MAX_QUERY_CHARS


def test_only_negative_is_allowed_with_a_notice():
    parsed = ql.parse_query("NOT kaiser")
    assert parsed.tree == ql.Not(ql.Term("kaiser"))
    assert "only says what to leave out" in parsed.notices[0]


QUERY_ALPHABET = (
    string.ascii_letters + string.digits + " \"“”()*:-+!&|\\'/.,\t\x00\x1f\u202e\ufffdéß"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=QUERY_ALPHABET, max_size=80) | st.text(max_size=40))
def test_any_text_parses_without_error(text):
    parsed = ql.parse_query(text)
    for leaf in ql.leaves(parsed.tree):
        assert ql.plain_words(leaf.text)
        assert leaf.field in (None, *ql.PUBLIC_FIELDS)
    assert "\x00" not in parsed.text
    # what we write back (e.g. in "did you mean" links) means the same
    if parsed.tree is not None:
        assert _words(ql.parse_query(ql.to_text(parsed.tree)).tree) == _words(parsed.tree)


def _words(node):
    return ql.map_leaves(
        node, lambda leaf: type(leaf)(" ".join(ql.plain_words(leaf.text)), leaf.field)
    )


def test_analysis_folds_and_stems():
    assert text_terms("Therapists’ CAFÉ") == ["therapist", "cafe"]
    assert fold("Ünïon") == "union"
    assert len(fold("İstanbul")) == len("İstanbul")


def test_highlighter_marks_stems_and_prefixes():
    highlighter = Highlighter(frozenset(text_terms("therapists")), ("strik",))
    parts = highlighter.parts("The Therapist and her therapy: strikers on strike.")
    assert [p.text for p in parts if p.mark] == ["Therapist", "strikers", "strike"]
    assert parts_text(parts) == "The Therapist and her therapy: strikers on strike."


def test_highlighter_windows_long_text_around_matches():
    text = (
        "Filler words here. " * 40
        + "The union called the walkout a success."
        + " More filler." * 40
    )
    parts = Highlighter(frozenset(text_terms("walkout"))).parts(text, max_chars=120)
    snippet = parts_text(parts)
    assert len(snippet) <= 130
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert [p.text for p in parts if p.mark] == ["walkout"]
