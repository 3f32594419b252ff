"""A person whose only description is an office at one of the article's
organisations ("Ravenscar Board's director of talks", "HCMB Regional
Director") speaks for that organisation, and takes its side."""

from articles.quotes import extract_quotes

from .helpers import by_text

LEDE = (
    "Hundreds of quarry workers at Tarnbeck Stone Ltd walked off the job on Monday. The "
    "Tarnbeck Quarrymen's Union called the strike after talks failed."
)


def test_an_office_at_an_employers_body_is_the_employers_side():
    found = extract_quotes(
        [
            LEDE,
            "The Ravenscar Board, the employers' organisation for the quarrying industry, "
            "said the claim was unaffordable.",
            "“We cannot pay what we do not earn,” the Ravenscar Board's director of talks, "
            "Imelda Voss, told reporters.",
        ]
    )
    f = by_text(found, "We cannot pay")
    assert (f.speaker_name, f.side) == ("Imelda Voss", "employer")
    assert "speaks for: Ravenscar Board" in f.side_evidence


def test_an_office_at_a_public_body_named_by_its_acronym_is_government():
    found = extract_quotes(
        [
            LEDE,
            "The Highland Conciliation and Mediation Bureau (HCMB) has called both sides in.",
            "“Both sides have to give a little,” said HCMB Regional Director Tobias Krall.",
        ]
    )
    f = by_text(found, "Both sides have")
    assert (f.speaker_name, f.side) == ("Tobias Krall", "government")


def test_its_office_holder_speaks_for_the_organisation_the_paragraph_opens_with():
    found = extract_quotes(
        [
            LEDE,
            "The Quarry Owners' Federation of Tarnbeck, which is backed by the Ledmore Trust, "
            "said the claim was unaffordable, and its president, Ravi Olawale, warned that "
            "“outsiders” were stirring trouble.",
            "“Quarries will stay shut where there is a risk,” Olawale told reporters.",
        ]
    )
    f = by_text(found, "Quarries will stay shut")
    assert (f.speaker_name, f.side) == ("Ravi Olawale", "employer")
