"""A name followed by a job ("Aino Virtanen, a machine operator who has worked
at the mill") is a person's, even when the words around it ("worked at the
mill") look like an organisation's, so "she said" can stand for her."""

from articles.quotes import extract_quotes


def test_a_name_described_by_a_job_is_a_person_a_pronoun_can_stand_for():
    paras = [
        "Workers at the Kallio board mill walked out on Monday, the first strike at the mill "
        "in decades.",
        "Pekka Rinne, the company's director of operations, said the walkout was regrettable.",
        "Aino Virtanen, a machine operator who has worked at the mill for 19 years, said the "
        "whole village depended on the mill. “If the mill goes, the school goes next,” she "
        "said.",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.side) == ("Aino Virtanen", "labor")
