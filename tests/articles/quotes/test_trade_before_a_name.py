"""A capitalised trade opening a sentence before a person's name ("Guard
Muhammad Hafiz", "Cleaner Siti Aminah") is a description, not part of the
name, and places the speaker among the strikers when that is their trade."""

from articles.quotes import extract_quotes


def test_a_trade_before_a_name_is_not_part_of_it():
    paras = [
        "Security guards at condominiums across the city went on strike on Monday, the "
        "first strike in the sector, over unpaid wages.",
        "Guard Muhammad Rizal, 31, said: “Two months without pay. How do I feed my children?”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Muhammad Rizal"
    assert f.side == "labor"
