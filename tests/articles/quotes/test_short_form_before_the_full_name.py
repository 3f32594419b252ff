"""A live blog puts its newest entry first, so an organisation's short form can
come before its full name ("Golden Quay has issued a statement" above "staff at
Golden Quay Cinemas have stopped work"). The short form is that organisation
when one longer name adds a word to it and nothing shows the short form to be a
person's; a union named after a body ("Harbour Fire Brigade Union") stays a body
of its own."""

from .helpers import speaker_of


def test_a_short_form_above_the_entry_that_names_the_company_in_full():
    paras = [
        "18:05 Golden Quay has issued a statement saying its cinemas are open “with "
        "adjusted schedules.” The company said the walkout “does not speak for our staff.”",
        "09:30 The walkout has begun. About 200 ushers and cleaners at Golden Quay Cinemas "
        "have stopped work, the Cinema Workers Union says.",
    ]
    assert speaker_of(paras, "with adjusted") == "Golden Quay Cinemas"
    assert speaker_of(paras, "does not speak") == "Golden Quay Cinemas"


def test_a_body_is_not_the_union_named_after_it():
    paras = [
        "17:40 The Harbour Fire Brigade said in a release that cover was “being maintained.”",
        "08:15 Firefighters called in sick across the city, and the Harbour Fire Brigade "
        "Union said its members were “exhausted.”",
    ]
    assert speaker_of(paras, "being maintained") == "Harbour Fire Brigade"
