"""A name read as a person's written right before a workplace ("the Tatransky Pramen
a.s. plant") owns that workplace: the strikers' employer speaking."""

from articles.quotes import extract_quotes


def test_the_name_before_the_plant_is_the_employer():
    paras = [
        "Workers went on strike on Monday, halting three of the four filling lines at the "
        "Tatransky Pramen a.s. plant in the north of the country.",
        "Tatransky Pramen said in a statement that the union's demand was “not sustainable.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "employer"
