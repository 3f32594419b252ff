"""The word after "of" that ends a union's name ("Confederation of Trade Unions of
Armenia") is a place or field, not a word the union goes by: a lecturer at the
National Polytechnic University of Armenia is no union member."""

from articles.quotes.dispute import Dispute
from articles.quotes.sides import classify_description


def test_a_university_named_for_the_unions_country_is_a_scholars():
    d = Dispute(unions=("Confederation of Trade Unions of Armenia",), about_a_dispute=True)
    desc = "mining engineer who teaches at the National Polytechnic University of Armenia"
    assert classify_description(desc, d) == "expert"


def test_the_unions_own_head_word_still_names_it():
    d = Dispute(unions=("Ohio Nurses Association",), about_a_dispute=True)
    assert classify_description("association president", d) == "labor"
