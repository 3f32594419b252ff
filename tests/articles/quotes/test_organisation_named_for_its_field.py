"""An organisation named for the field it serves ("The Ministry of Justice",
"The Court of Justice") is a name, not an epithet like "the Justice", so it
is the speaker of what it said."""

from articles.quotes import extract_quotes


def test_ministry_of_justice_after_the_speaks():
    paras = [
        "Prison guards across Moldavia walked out on Monday over pay.",
        "The Ministry of Justice said it “regrets the disruption” to families.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Ministry of Justice"


def test_the_justice_alone_still_stands_for_the_judge():
    paras = [
        "Justice Amara Kell heard the union's appeal on Monday.",
        "The Justice said the strike was “plainly lawful.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Amara Kell"
