"""A delegate at the strikers' workplace ("the union's delegate at the plant",
the shop delegate of French and Spanish copy) speaks for the strikers."""

from articles.quotes import extract_quotes


def test_a_delegate_at_the_plant_is_labour():
    paras = [
        "Workers at the Ternay cement plant went on strike on Friday over the closure "
        "of a kiln, the plant's first strike in a decade.",
        "“Forty jobs go with that kiln,” said Luc Amaury, the FSTR's delegate at the plant.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Luc Amaury"
    assert f.side == "labor"
