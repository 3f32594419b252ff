"""An organisation's side from the reporter's description of it: an
appositive calling it a union or a body of employers ("X, the union that
represents ...", "X, which represents the region's quarry owners, said"), and
a federation named for an industry being a business federation, not a union."""

import pytest

from articles.quotes import extract_quotes, infer_side
from articles.quotes.names import is_union_name

from .helpers import by_text

LEDE = (
    "Dockers at Portmere Terminals Ltd walked off the job on Friday, the second strike at the port "
    "this year."
)


def test_an_organisation_described_as_the_union_is_labor():
    found = extract_quotes(
        [
            LEDE,
            "Estibadores Unidos, the union that represents about 900 dockers, said the strike "
            "would go on and called the offer “a provocation.”",
            "Portmere Terminals said in a statement that the port was “operating normally.”",
        ]
    )
    union = by_text(found, "a provocation")
    assert (union.speaker_name, union.side) == ("Estibadores Unidos", "labor")
    assert by_text(found, "operating normally").side == "employer"


def test_an_organisation_representing_businesses_is_an_employers_body():
    found = extract_quotes(
        [
            LEDE,
            "The Northmoor Haulage Circle, which represents the region's freight companies, "
            "said the stoppage was “costing members a fortune.”",
            "Stonebridge Alliance, the employers' organisation for the sector, urged both sides "
            "to “settle before winter.”",
        ]
    )
    assert by_text(found, "costing members").side == "employer"
    assert by_text(found, "settle before winter").side == "employer"


def test_representing_workers_at_hospitals_is_no_employers_body():
    found = extract_quotes(
        [
            "Nurses at three Holloway Health Ltd hospitals walked off the job on Tuesday.",
            "The Brackwater Care Alliance, which represents nurses at the hospitals, called the "
            "walkout “long overdue.”",
        ]
    )
    assert by_text(found, "long overdue").side != "employer"


def test_a_federation_named_for_an_industry_is_not_a_union():
    assert not is_union_name(["Timber", "Industries", "Federation"])
    assert not is_union_name(["Small", "Enterprise", "Federation"])
    assert is_union_name(["Timber", "Workers", "Federation"])
    assert is_union_name(["Federation", "of", "Musicians"])


def test_national_union_federations_and_union_in_other_languages_are_unions():
    assert is_union_name(["CCOO"])
    assert is_union_name(["FNV"])
    assert is_union_name(["Sindicato", "Independiente", "de", "Mineros"])
    assert is_union_name(["Syndicat", "des", "Cheminots"])


def test_a_name_right_after_the_word_union_is_a_union():
    found = extract_quotes(
        [
            "Welders at Harrow Steel Ltd walked out on Monday, backed by the Basque union ORBE.",
            "ORBE said the company had been “hiding the closure for years.”",
        ]
    )
    assert by_text(found, "hiding the closure").side == "labor"


def test_where_the_strikers_work_is_the_employer_even_if_read_as_a_person():
    found = extract_quotes(
        [
            "Striking workers at the Tolosa del Ebro rolling mill blocked the motorway on Tuesday.",
            "Tolosa del Ebro said the blockade was “unacceptable.”",
        ]
    )
    assert by_text(found, "unacceptable").side == "employer"


def test_a_name_owning_the_struck_plant_is_the_employer_even_if_read_as_a_person():
    found = extract_quotes(
        [
            "Strike banners hung for a fifth day over the gates of Moreno Valle Alto's main "
            "plant, where 900 workers are out.",
            "In a statement, Moreno Valle Alto said the union's demands were “out of reach.”",
        ]
    )
    assert by_text(found, "out of reach").side == "employer"


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("Confederation of British Industry", "employer"),
        ("Confindustria", "employer"),
        ("Business Council of New Zealand", "employer"),
        ("Employment Tribunal", "government"),
        ("Pensions Ombudsman", "government"),
        ("Cambridge Economics", "expert"),
        ("Local Government Association", "government"),
        ("Teamsters Local 727", "labor"),
        ("Royal College of Nursing", "labor"),
        ("British Medical Association", "labor"),
    ],
)
def test_side_of_an_organisation_by_its_name(name, side):
    assert infer_side(name, "organization", "") == side


def test_a_student_of_economics_is_no_expert():
    assert infer_side("Lee Park", "person", "junior studying economics") != "expert"


def test_representing_train_operators_is_an_employers_body():
    found = extract_quotes(
        [
            "Train drivers at Southvale Railways Ltd walked out on Saturday.",
            "Rail Operators Circle, which represents train operators, urged the union to “call "
            "off this damaging action.”",
        ]
    )
    assert by_text(found, "call off this").side == "employer"


def test_a_short_name_in_brackets_after_an_organisation_is_its_alias():
    found = extract_quotes(
        [
            "Smelter workers at PT Karang Nikel walked off the job on Monday.",
            "The Sulawesi Employers' Association (Apsul) said strikes were “deterring investors.”",
        ]
    )
    f = by_text(found, "deterring investors")
    assert (f.speaker_name, f.side) == ("Sulawesi Employers' Association", "employer")


def test_a_clause_after_a_name_that_starts_with_said_is_no_appositive():
    found = extract_quotes(
        [
            "Workers at Helmsdale Seafoods plc walked off the job on Monday after the Fish "
            "Processors Union rejected a pay offer.",
            "Dr Isla Crane, a lecturer in employment law at the University of Stirling, said the "
            "union had “followed the rules to the letter.”",
            "Northern Seafood Processors' Federation chief executive Duncan Gow said margins were "
            "“thin.”",
            "Fisherman Donald Mackay, whose boat supplies the cannery, said it was “a disaster.”",
        ]
    )
    assert by_text(found, "followed the rules").side == "expert"
    assert by_text(found, "thin").side == "employer"
    f = by_text(found, "a disaster")
    assert (f.speaker_name, f.side) == ("Donald Mackay", "community")
