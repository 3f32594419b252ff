"""A live blog puts its newest entry first, so a surname can come before the
full name it stands for ("16:10 Minister Radev says ..." above "Labour Minister
Stoyan Radev has told reporters ..."). When the surname speaks, is shown to be
a person's, or is used again after the full name, and exactly one full name
ends in it, it is that person, whatever their given name."""

from .helpers import speaker_of


def test_a_titled_surname_above_the_entry_that_introduces_the_person():
    paras = [
        "16:10 Labour Minister Radev says there is no money this year",
        "Labour Minister Stoyan Radev has just told reporters that there is “no room in the "
        "budget” for a rise.",
        "“I support the crews, but I cannot promise what I do not have,” Radev said.",
    ]
    assert speaker_of(paras, "I support the crews") == "Stoyan Radev"


def test_a_surname_that_speaks_first_then_the_full_name_then_the_pronoun():
    paras = [
        "15:30 The stoppage is over for today. Farrugia tells reporters the crews will stop "
        "again on Friday “if nobody calls us.” “We gave them a week,” he says.",
        "09:05 Site section secretary Zorion Farrugia speaks to the crews at the yard.",
    ]
    assert speaker_of(paras, "if nobody calls") == "Zorion Farrugia"
    assert speaker_of(paras, "We gave them") == "Zorion Farrugia"


def test_a_surname_used_before_and_after_the_full_name():
    paras = [
        "17:00 Marchetti has spoken again at the square. “We showed the city what it is like "
        "without us,” she told the crowd.",
        "11:30 Thousands of drivers gathered. Ornella Marchetti, secretary of the drivers' "
        "union, opened the rally.",
        "“We are not against apps. We are against being replaced,” Marchetti said.",
    ]
    assert speaker_of(paras, "We are not against") == "Ornella Marchetti"
    assert speaker_of(paras, "We showed the city") == "Ornella Marchetti"
