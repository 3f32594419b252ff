"""The outlet, read from how a text refers to itself: datelines, headline suffixes, call signs."""

import pytest

from articles.ingest import parse_article


def test_wire_dateline_gives_outlet():
    parsed = parse_article("Headline\n\nDETROIT (AP) — Auto workers walked out on Friday.")
    assert parsed.outlet.name == "The Associated Press"


@pytest.mark.parametrize(
    "dateline, outlet",
    [
        ("DENVER (KDVR) — Grocery workers walked off the job.", "KDVR"),
        ("JOLIET, Ill. (WJTV) – Warehouse workers walked off the job.", "WJTV"),
        ("OAKLAND, Calif. (AP) — Teachers walked off the job.", "The Associated Press"),
        # A city written with accented capitals is a dateline like the ASCII ones.
        ("SÃO PAULO (AP) — Metro workers walked off the job.", "The Associated Press"),
        ("BOGOTÁ, Colombia (AP) — Teachers walked off the job.", "The Associated Press"),
        ("ZÜRICH (Reuters) - Pilots walked off the job.", "Reuters"),
        ("MÉXICO (AFP) — Miners walked off the job.", "AFP"),
    ],
)
def test_station_and_wire_datelines_name_the_outlet(dateline, outlet):
    text = f"Headline\n\n{dateline}\n\nCopyright 2026 Nexstar Media Inc. All rights reserved."
    assert parse_article(text).outlet.name == outlet


@pytest.mark.parametrize(
    "paragraphs, outlet",
    [
        (["(Reuters) - Port workers walked off the job on Saturday."], "Reuters"),
        (
            ["Workers walked out.", "Copyright 2023 The Associated Press. All rights reserved."],
            "The Associated Press",
        ),
        (["Workers walked out.", "Copyright 2023 by KPTV. All rights reserved."], "KPTV"),
        (
            [
                "The company said in a statement to WXMI that it was disappointed.",
                "Copyright 2023 Scripps Media, Inc. All rights reserved.",
            ],
            "WXMI",
        ),
    ],
)
def test_outlet_from_wire_dateline_copyright_and_statement(paragraphs, outlet):
    parsed = parse_article("\n\n".join(["Headline", *paragraphs]))
    assert parsed.outlet.name == outlet


def test_call_sign_with_and_without_suffix_is_one_station():
    text = (
        "Headline\n\nCOLUMBUS, Ohio (WBNS) — Drivers struck.\n\nTold WXYZ.\n\nCopyright 2024 "
        "WBNS-TV. All rights reserved."
    )
    assert parse_article(text).outlet.name == "WBNS"


def test_headline_suffix_names_outlet():
    parsed = parse_article("Teachers strike enters day 3 | KCRA 3\n\nTeachers stayed out.")
    assert parsed.headline == "Teachers strike enters day 3"
    assert parsed.outlet.name == "KCRA 3"


@pytest.mark.parametrize(
    "headline, outlet, rest",
    [
        ("Kaiser workers strike | KABC-TV", "KABC", "Kaiser workers strike"),
        (
            "Muni operators vote to authorize strike - NBC Bay Area",
            "NBC Bay Area",
            "Muni operators vote to authorize strike",
        ),
        ("Hotel workers strike | fox5sandiego.com", "fox5sandiego.com", "Hotel workers strike"),
        ("Huelga en Salinas | Noticias Telemundo", "Noticias Telemundo", "Huelga en Salinas"),
        ("Union rejects two-tier offer - a first", None, "Union rejects two-tier offer - a first"),
    ],
)
def test_headline_site_suffixes(headline, outlet, rest):
    parsed = parse_article(f"{headline}\n\nWorkers walked out.")
    assert parsed.headline == rest
    assert (parsed.outlet.name if parsed.outlet else None) == outlet


def test_headline_section_names_before_outlet_are_stripped():
    parsed = parse_article(
        "Dock strike: offer rejected | Liverpool | The Guardian\n\nDockers walked out."
    )
    assert parsed.headline == "Dock strike: offer rejected"
    assert parsed.outlet.name == "The Guardian"


def test_headline_pipe_without_outlet_is_kept():
    parsed = parse_article("Dock strike | What we know\n\nDockers walked out.")
    assert parsed.headline == "Dock strike | What we know"


def test_unknown_self_reference_is_not_an_outlet():
    # "Kaiser Permanente reached out" is the employer acting, not the outlet naming itself.
    parsed = parse_article("Headline\n\nKaiser Permanente reached out to her three times.")
    assert parsed.outlet is None


def test_the_outlets_own_reporter_at_a_place_does_not_name_the_outlet():
    text = (
        "Taxi strike live\n\n16:30 Our reporter at Fiumicino spoke to a family who had just "
        "landed.\n\nThe writer at Harbour Weekly, Ana Ruiz, covers ports."
    )
    assert parse_article(text).outlet.name == "Harbour Weekly"
    assert parse_article(text.split("\n\nThe writer")[0]).outlet is None
