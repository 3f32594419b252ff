"""In a strike story a speaker given only an age ("Fatiha Ouali, 61, said") is one
of the public: copy gives a striker a trade and an official a title."""

from articles.quotes import extract_quotes

STRIKE = (
    "Warehouse workers at a medicine distributor have been on strike for five days, and the "
    "strike has emptied pharmacy shelves."
)


def test_a_speaker_given_only_an_age_is_community():
    paras = [
        STRIKE,
        "Fatiha Ouali, 61, said she had been looking for her husband's medication. “I "
        "understand the workers,” she said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Fatiha Ouali"
    assert f.side == "community"


def test_an_age_beside_a_trade_is_the_trades():
    paras = [STRIKE, "“We were promised a bonus,” said Karim Bouzid, 44, a warehouse worker."]
    (f,) = extract_quotes(paras)
    assert f.side == "labor"
