"""An officer of the strike committee (or action committee) speaks for the
strikers, whatever their job title says ("editor and head of the strike
committee")."""

from articles.quotes import extract_quotes


def test_the_head_of_the_strike_committee_is_labour():
    paras = [
        "Staff at the Dunmere Courier went on strike on Wednesday over four months of "
        "unpaid wages, the paper's second strike this year.",
        "“We will not print a line until we are paid,” said Orla Quinn, the paper's "
        "managing editor and head of the strike committee.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Orla Quinn"
    assert f.side == "labor"
