"""Any input gives well-formed findings (offsets in range, kinds consistent), never an error."""

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.quotes import extract_quotes

_ALPHABET = st.sampled_from(
    list("abc XYZ.,;:!?\"“”‘’'—-()…") + ["said ", "she ", "Smith ", "the union ", ": "]
)
_PARA = st.lists(_ALPHABET, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARA, max_size=6))
def test_findings_are_well_formed(paras):
    for f in extract_quotes(paras):
        assert 0 <= f.paragraph <= f.end_paragraph < len(paras)
        assert 0 <= f.start <= len(paras[f.paragraph])
        assert 0 <= f.end <= len(paras[f.end_paragraph])
        if f.paragraph == f.end_paragraph:
            assert f.start < f.end
        assert f.speaker_kind in ("person", "organization", "")
        assert (f.speaker_name == "") == (f.speaker_kind == "")
        assert f.speaker_name not in f.speaker_aliases
        assert 0.0 <= f.confidence <= 1.0
        assert f.text and not f.text.endswith((",", " "))


def test_empty_and_quote_free_input():
    assert extract_quotes([]) == []
    assert extract_quotes(["", "No quotes here, only facts.", "   "]) == []


def test_findings_are_in_document_order_and_spans_exact():
    paras = ['"One," said Ann Lee.', 'Ann Lee left. "Two," she said, "and three."', "“Four.”"]
    found = extract_quotes(paras)
    assert [f.text for f in found] == ["One", "Two", "and three.", "Four."]
    assert [(f.paragraph, f.start) for f in found] == sorted((f.paragraph, f.start) for f in found)
    for f in found:
        assert paras[f.paragraph][f.start : f.end].rstrip(",") == f.text
