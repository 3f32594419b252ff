""" "it" in a paragraph that opens on "The zoo ..." / "The company ..." stands for
the organisation that phrase refers to, when no other body is named between."""

from articles.quotes import extract_quotes


def test_it_said_after_the_paragraph_opens_on_the_museum():
    paras = [
        "Guards at the Halvorsen Museum of Art went on strike on Friday, the first strike "
        "in its history, over pay and staffing.",
        "“We guard paintings worth millions on a wage we cannot live on,” said Petra "
        "Lind, a guard for nine years.",
        "Lind said the Norland Guards Union had asked for talks in March.",
        "The museum has closed two galleries. In a statement, it said it “regrets the "
        "inconvenience to visitors.”",
    ]
    found = extract_quotes(paras)
    f = next(q for q in found if q.text.startswith("regrets"))
    assert f.speaker_name == "Halvorsen Museum of Art"
    assert f.side == "employer"


def test_a_body_named_after_the_opening_is_what_it_stands_for():
    paras = [
        "Guards at the Halvorsen Museum of Art went on strike on Friday over pay.",
        "The museum was visited by the Arts Council of Norland. In a letter, it said the "
        "museum had “a duty to settle.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Arts Council of Norland"
