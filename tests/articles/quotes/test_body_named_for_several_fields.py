"""A body of several organisations named for the fields or trades it gathers
("the Lakeland Forestry and Sawmill Workers' Union", "the Software and Data
Services Association of the Baltic States", "the Advisory Council for the Port
Authority") is one name: the words before "and", a possessive inside the name
and "of the"/"for the" after its head noun stay in it, so neither half speaks
for it and "the union" later in the article is the whole body."""

import pytest

from .helpers import speaker_of

LEDE = "Sawmill workers at Nordhavn Timber walked out on Monday over a pay freeze."


@pytest.mark.parametrize(
    "body",
    [
        "Lakeland Forestry and Sawmill Workers' Union",
        "Software and Data Services Association of the Baltic States",
        "Advisory Council for the Port Authority",
        "Coastal Fishing and Processing Federation",
    ],
)
def test_a_body_named_for_several_fields_speaks_under_its_whole_name(body):
    paras = [
        LEDE,
        f"The {body}, which has members at the mill, said the freeze was “a slap in the face.”",
    ]
    assert speaker_of(paras, "a slap") == body


def test_the_union_later_is_the_body_named_for_several_fields():
    paras = [
        LEDE,
        "Anna Berg, a steward at the Lakeland Forestry and Sawmill Workers' Union, said the vote "
        "was unanimous.",
        "The union said the company had “run out of excuses.”",
    ]
    assert speaker_of(paras, "run out") == "Lakeland Forestry and Sawmill Workers' Union"


def test_a_possessive_ends_the_body_named_for_several_fields_and_its_initials_name_it():
    paras = [
        LEDE,
        "“We have waited long enough,” said Ida Moen, the Timber and Sawmill Federation's Nordland "
        "branch secretary.",
        "The TSF said in a statement that the offer was “an insult to every mill.”",
    ]
    assert speaker_of(paras, "an insult") == "Timber and Sawmill Federation"
