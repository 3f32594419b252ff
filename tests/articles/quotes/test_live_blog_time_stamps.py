"""A live blog's entries open on a time stamp ("11:20 The authority says ..."): the
stamp is no part of the speaker's name, so the entry's speaker is found as in any
other paragraph."""

import pytest

from articles.quotes import extract_quotes

from .helpers import by_text

LEDE = "Construction workers across Malta stopped work on Monday after a scaffold collapse."


@pytest.mark.parametrize("stamp", ["11:20", "9.45am", "14:05 CET", "08:50 —"])
def test_a_time_stamp_opening_an_entry_is_no_part_of_the_speaker(stamp):
    found = extract_quotes(
        [
            LEDE,
            f"{stamp} The Building and Construction Authority says it “will not hesitate to "
            "take enforcement action.”",
        ]
    )
    f = by_text(found, "will not hesitate")
    assert (f.speaker_name, f.side) == ("Building and Construction Authority", "government")
