"""The strikers' trade is what the sentence about the strike calls its subject
("Refuse collectors employed by a contractor stopped work"), so a speaker
described by that trade is one of them, even a trade no word list holds."""

from articles.quotes import extract_quotes
from articles.quotes.dispute import _strikers_named


def test_the_subject_of_a_walkout_is_the_strikers_trade():
    para = (
        "port louis - refuse collectors employed by a private contractor stopped work "
        "across the capital on monday."
    )
    assert _strikers_named(para) == {"collector"}


def test_the_subject_after_a_clause_break_and_a_held_strike():
    para = (
        "twenty-two branches closed their doors on wednesday as archivists held a one-day "
        "warning strike."
    )
    assert _strikers_named(para) == {"archivist"}


def test_workers_and_members_name_no_trade():
    para = "about 230 workers of the company and union members walked out on monday."
    assert _strikers_named(para) == set()


def test_a_speaker_of_the_strikers_trade_is_labour():
    paras = [
        "Refuse collectors employed by a private contractor stopped work across the city on "
        "Monday, leaving bins overflowing for a second day of the strike.",
        "“We start at four in the morning,” said Ravi Ramdin, a collector for twelve years.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Ravi Ramdin"
    assert f.side == "labor"
