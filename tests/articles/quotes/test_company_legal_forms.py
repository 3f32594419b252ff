"""A company's legal form, written with its full stops ("S.A.", "S.A.C.", "N.V.") or
without ("SpA", "d.o.o." read as "doo"), makes its name an organisation's: a company
that answers strikers in a statement is the employer, not a person of unknown side."""

import pytest

from articles.quotes import extract_quotes
from articles.quotes.names import is_company, is_corporate_suffix

from .helpers import by_text


@pytest.mark.parametrize(
    "company",
    [
        "Frutas del Mar S.A.",
        "Agroexportadora Pampa Verde S.A.C.",
        "Molinos Andinos SAC",
        "Vlaamse Kade N.V.",
        "Ferrovie Alpine S.p.A.",
    ],
)
def test_a_company_with_a_legal_form_answering_strikers_is_the_employer(company):
    found = extract_quotes(
        [
            f"Packers at {company} walked off the job on Monday over unpaid overtime.",
            f"{company} said in a statement that the stoppage was “illegal.”",
        ]
    )
    f = by_text(found, "illegal")
    assert (f.speaker_name, f.speaker_kind, f.side) == (company, "organization", "employer")


@pytest.mark.parametrize(
    "token", ["S.A.", "S.A.C.", "N.V.", "Inc.", "Ltd", "GmbH", "d.o.o.", "SAC", "a.s."]
)
def test_legal_forms_are_read_with_or_without_their_full_stops(token):
    assert is_corporate_suffix(token)


@pytest.mark.parametrize("name", [("Sara", "Acosta"), ("Saúl", "Sac"), ("Ana", "Inés", "Sala")])
def test_a_persons_name_is_no_company(name):
    assert not is_company(name)


@pytest.mark.parametrize(
    "company", ["SkyCater Thailand Co., Ltd.", "Caju do Sul, Lda", "Harbor Foods, Inc."]
)
def test_a_legal_form_after_a_comma_stays_in_the_name(company):
    found = extract_quotes(
        [
            f"Workers at {company} walked off the job on Monday over unpaid wages.",
            f"{company} said in a statement that the delay was “temporary.”",
            "The company said salaries would be paid “in full by the end of the month.”",
        ]
    )
    for prefix in ("temporary", "in full"):
        f = by_text(found, prefix)
        assert (f.speaker_name, f.side) == (company, "employer")


@pytest.mark.parametrize(
    ("company", "short"),
    [
        ("Tatra Voda a.s.", "Tatra Voda"),
        ("Gorske Vlecnice d.o.o.", "Gorske Vlecnice"),
        ("Nordfiskur hf.", "Nordfiskur"),
        ("Arctic Prawn A/S", "Arctic Prawn A/S"),
        ("Mutare Grain Mills (Private) Limited", "Mutare Grain Mills"),
    ],
)
def test_a_legal_form_the_name_run_leaves_out_is_the_companys_full_name(company, short):
    """Lowercase with full stops, with a slash or after a bracketed word: the
    legal form belongs to the name, and the short form said later is the same
    company under its full name."""
    found = extract_quotes(
        [
            f"Packers at {company} walked off the job on Monday over shift allowances.",
            f"{short} said in a statement that the demand was “not sustainable.”",
        ]
    )
    f = by_text(found, "not sustainable")
    assert (f.speaker_name, f.speaker_kind) == (company, "organization")
