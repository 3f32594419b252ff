"""The kind of body written before its name ("the blue-collar union NUPENG",
"the employers' organisation DI Service") leaves the name as the speaker; a
union named so is a union, and a long word in capitals inside a sentence is a
body's acronym, not a dateline."""

from articles.quotes import extract_quotes


def test_union_named_after_its_kind_speaks_for_labour():
    paras = [
        "Tanker drivers walked out on Monday over unpaid allowances.",
        "The blue-collar union PETWAG said its members would “not move a single litre” "
        "until the allowances were paid.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "PETWAG"
    assert f.side == "labor"


def test_employers_organisation_named_after_its_kind_speaks():
    paras = [
        "Cleaners at offices across Aarvik walked out on Monday over workloads.",
        "The employers' organisation NorClean Service called the strike “out of all proportion.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "NorClean Service"
    assert f.side == "employer"


def test_a_dateline_in_capitals_is_still_no_speaker():
    paras = [
        "KESTRELTON — Bus drivers walked out on Monday over pay.",
        "“We are not going back for crumbs,” said Dara Quill, a driver for 12 years.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Dara Quill"
