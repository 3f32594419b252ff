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


def test_a_job_held_for_years_is_a_strikers_job():
    paras = [
        "Journalists at the Harwick Gazette walked out on Tuesday over a pay freeze, the "
        "paper's first strike in a decade.",
        "Ines Valbo, a photographer at the paper for 22 years, said the freeze "
        "“was the last straw.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Ines Valbo"
    assert f.side == "labor"


def test_a_customer_of_many_years_is_not_a_striker():
    paras = [
        "Clerks at the Harwick land registry walked out on Tuesday over a pay freeze, their "
        "first strike in a decade.",
        "Ines Valbo, a customer of the registry for 22 years, said the delays were "
        "“costing me sales.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.side != "labor"
