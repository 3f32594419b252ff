"""An office of the employer named by the kind of firm it is ("the
broadcaster's director", "the publisher's spokesperson") is management's."""

from articles.quotes import extract_quotes


def test_the_broadcasters_director_is_the_employer():
    paras = [
        "Journalists and technicians at Radio Velm went on strike on Tuesday over three "
        "months of unpaid wages, the station's first strike.",
        "“The money from the shareholders has not come,” said Ivan Petrak, the "
        "broadcaster's director.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Ivan Petrak"
    assert f.side == "employer"
