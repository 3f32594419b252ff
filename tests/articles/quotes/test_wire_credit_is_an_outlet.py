"""A wire service credited in the dateline ("ABIDJAN (AFP) - ...") is the outlet that
filed the story: "the company" later in it is the company the story is about, never
the agency, even when a speaker also "told AFP"."""

import pytest

from articles.quotes import extract_quotes

from .helpers import by_text


@pytest.mark.parametrize("agency", ["AFP", "EFE", "Reuters"])
def test_the_company_is_never_the_wire_service_in_the_dateline(agency):
    found = extract_quotes(
        [
            f"ABIDJAN, Dec 7 ({agency}) - Thousands of rubber tappers have stopped work for a "
            "week in protest at higher daily targets, unions said.",
            "The strike at Hevea du Sud, near Aboisso, began on November 30, union officials said.",
            f"“We cannot go on,” Koffi Kouassi, a union secretary, told {agency}.",
            "The company, in a statement, said the target was “in line with practice.”",
        ]
    )
    f = by_text(found, "in line with practice")
    assert (f.speaker_name, f.side) == ("Hevea du Sud", "employer")
