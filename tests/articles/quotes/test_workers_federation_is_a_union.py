"""An organisation the reporter describes as a federation or association of
workers ("Agrosind, the farm workers' federation") is a union, and a member of
it who leads the strike is on the labour side."""

from articles.quotes import extract_quotes


def test_a_workers_federation_and_its_member_are_labour():
    paras = [
        "For nine days the 600 pickers at the Finca Alta Verde plantation have been on "
        "strike over pay and contracts.",
        "“The company sells every bean it can grow,” said Tomás Rivas, the strike "
        "committee's leader and a member of Agrosind, the farm workers' federation.",
        "Agrosind said in a statement that the pickers were “the true owners of the boom.”",
    ]
    found = extract_quotes(paras)
    assert {f.speaker_name: f.side for f in found} == {
        "Tomás Rivas": "labor",
        "Agrosind": "labor",
    }
