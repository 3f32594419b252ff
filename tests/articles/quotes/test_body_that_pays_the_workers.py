"""A body described as paying the strikers' salaries or wages is their
employer, even when it is a ministry that would otherwise be government."""

from articles.quotes import extract_quotes


def test_ministry_that_pays_the_strikers_salaries_is_the_employer():
    paras = [
        "Registry clerks across Moldavia walked out on Monday over a pay freeze.",
        "The Ministry of Culture, which pays the clerks’ salaries, said it “shares the "
        "concern” of staff.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Ministry of Culture"
    assert f.side == "employer"


def test_ministry_that_pays_for_something_else_stays_government():
    paras = [
        "Registry clerks across Moldavia walked out on Monday over a pay freeze.",
        "The Ministry of Culture, which pays for the new archive, said it “shares the "
        "concern” of staff.",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "government"
