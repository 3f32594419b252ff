"""A ministry the reporter says pays or employs the strikers is the dispute's
employer, and its minister ("Justice Minister" for the "Ministry of Justice")
is on the employer side; another minister stays government."""

from articles.quotes import extract_quotes


def _paras(second_minister: str) -> list[str]:
    return [
        "Court clerks across Moldavia went on strike on Monday, the second strike this "
        "year, over a pay cut in an emergency ordinance.",
        "The Ministry of Justice, which pays the clerks’ salaries, said it “understands "
        "the frustration” of staff.",
        f"{second_minister} Ilie Marin told reporters: “The budget does not allow us to "
        "treat one category differently.”",
    ]


def test_the_minister_of_the_ministry_that_pays_them_is_the_employer():
    found = extract_quotes(_paras("Justice Minister"))
    by = {f.speaker_name: f.side for f in found}
    assert by["Ministry of Justice"] == "employer"
    assert by["Ilie Marin"] == "employer"


def test_another_minister_is_government():
    found = extract_quotes(_paras("Transport Minister"))
    by = {f.speaker_name: f.side for f in found}
    assert by["Ilie Marin"] == "government"
