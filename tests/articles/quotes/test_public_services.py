"""Public services on strike: who the employer is when the state runs the
service. The minister over a service (health for nurses and doctors,
education for teachers) speaks for the employer when no company and no other
public body (a school board, a council) employs the strikers; the council's
leader and councillors speak for the employer when council workers strike."""

import pytest

from articles.quotes import extract_quotes


def side_of(paragraphs: list[str], speaker: str) -> str:
    sides = {f.side for f in extract_quotes(paragraphs) if f.speaker_name == speaker}
    assert len(sides) == 1, sides
    return sides.pop()


PUBLIC_HOSPITALS = (
    "Thousands of nurses and midwives walked off the job at public hospitals across the "
    "state on Tuesday. The nurses' union is seeking a 15 per cent pay rise, while the "
    "government has offered 10.5 per cent over three years."
)


@pytest.mark.parametrize(
    "minister",
    ["Health Minister Rhys Calder", "Minister of State for Health Rhys Calder"],
)
def test_the_health_minister_speaks_for_the_employer_when_the_state_runs_the_hospitals(minister):
    quote = f"{minister} said the offer was “fair and responsible” and the strike “unnecessary.”"
    assert side_of([PUBLIC_HOSPITALS, quote], "Rhys Calder") == "employer"


def test_a_minister_over_another_service_stays_government():
    quote = "Transport Minister Rhys Calder said the stoppage would cause “real hardship.”"
    assert side_of([PUBLIC_HOSPITALS, quote], "Rhys Calder") == "government"


def test_the_education_minister_is_government_when_a_school_board_employs_the_teachers():
    paras = [
        "Some 1,900 teachers in the Chinook Ridge School Division walked off the job Monday. "
        "The teachers have been on strike since the division's offer was rejected.",
        "Board chair Wendell Sauvé said the division's offer was “the best we can do.”",
        "Education Minister Rhys Calder said the strike could not “go on indefinitely.”",
    ]
    assert side_of(paras, "Rhys Calder") == "government"
    assert side_of(paras, "Wendell Sauvé") == "employer"


def test_the_health_minister_is_government_when_a_company_runs_the_hospital():
    paras = [
        "Nurses at Harbor Health Inc. walked off the job on Monday in a strike over "
        "staffing; the nurses say Harbor Health Inc.'s offer falls short.",
        "Health Minister Rhys Calder urged both sides to “return to the table.”",
    ]
    assert side_of(paras, "Rhys Calder") == "government"


def test_the_council_leader_speaks_for_the_employer_of_council_workers():
    paras = [
        "Bin collectors and street cleaners employed by the City of Granton Council began "
        "an 11-day strike on Thursday over pay.",
        "Council leader Morag Fyfe said the council was “doing everything we can” to keep "
        "the streets clean during the strike.",
    ]
    assert side_of(paras, "Morag Fyfe") == "employer"
