"""A one-word short name set off by commas after an organisation's full name
("the Northern Textile Workers' Union, Tekstiliitto, which ...") is the same
body: later uses of the short name speak for it, on its side."""

from articles.quotes import extract_quotes


def test_short_name_after_a_union_speaks_for_the_union():
    paras = [
        "Workers at Harrowgate Mills walked out on Monday over pay.",
        "The strike was called by the Northern Textile Workers' Union, Tekstiliitto, which "
        "says the company refused to talk.",
        "Tekstiliitto said the strike was “entirely lawful” under the agreement.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Northern Textile Workers' Union"
    assert f.side == "labor"
