"""In a strike story a person described only by the work they do ("who irons
finished jackets") is one of the workers; one who works at another kind of place
("who works at a bank on the square") or whose clause is about their own life
("who runs a grocery") is one of the public."""

from articles.quotes import extract_quotes

STRIKE = (
    "Sales assistants at a chain of fashion stores went on strike on Saturday, closing "
    "seven of its shops before the holidays in the first strike in the chain's history."
)


def side_of(sentence):
    (f,) = extract_quotes([STRIKE, sentence])
    return f.side


def test_a_clause_about_the_work_they_do_is_labour():
    assert side_of("“My legs do not belong to me,” said Mariam Kapanadze, who folds stock.") == (
        "labor"
    )


def test_working_at_the_strikers_kind_of_workplace_is_labour():
    assert side_of(
        "“We stand for twelve hours,” said Mariam Kapanadze, 23, who works at a store."
    ) == ("labor")


def test_working_at_another_kind_of_place_is_community():
    assert side_of("“I parked all day,” said Luis Ortega, who works at a bank on the square.") == (
        "community"
    )


def test_a_clause_about_their_own_life_is_community():
    assert side_of("“Nobody comes in,” said Tamar Iosava, who runs a grocery nearby.") == (
        "community"
    )


def test_a_clause_about_getting_about_is_community():
    assert side_of("“I waited an hour,” said Tamar Iosava, who takes the bus to the mall.") == (
        "community"
    )


def test_a_clause_with_an_auxiliary_is_no_job_clause():
    assert (
        side_of("“The wards were empty,” said Gloria Pettway, 71, who was admitted on Sunday.")
        != "labor"
    )


def test_a_clause_about_research_or_advice_is_an_experts():
    assert side_of("“It will last,” said Ana Ruiz, who researches retail pay in Georgia.") == (
        "expert"
    )
