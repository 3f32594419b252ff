"""A pronoun after a quote stands for the person its own paragraph names, even
when the gender of that person is unknown and someone of the right gender was
named in the paragraph before."""

from articles.quotes import extract_quotes


def test_he_is_the_person_of_his_own_paragraph():
    paras = [
        "Taxi drivers blocked the ring road for a second day on Thursday, the third strike "
        "this month.",
        "16:05 Opposition reaction. Marco Galli, a Green Party senator from Umbria, said he "
        "would vote against the plan.",
        "15:40 Transport minister Livio Sanna has responded. In a post on X, he said the plan "
        "would “bring more cars to the streets at night.”",
    ]
    found = extract_quotes(paras)
    (f,) = [q for q in found if "more cars" in q.text]
    assert f.speaker_name == "Livio Sanna"
