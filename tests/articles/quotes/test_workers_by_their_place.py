"""A person described by the part of the workplace they work in ("who works in
the cloakroom") in a strike story is one of the strikers."""

from articles.quotes import extract_quotes


def test_who_works_in_a_part_of_the_workplace_is_labour():
    paras = [
        "Staff at the Larkmoor Opera House walked out on Friday, the first strike in the "
        "theatre's history.",
        "“We have not had a raise in six years,” said Tomas Vierra, 41, who works in the "
        "costume store and studied tailoring in Porto.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Tomas Vierra"
    assert f.side == "labor"
