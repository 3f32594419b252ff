"""Sides read from a speaker's description: clergy are the community even
near the picket line; analysts a speaker talked to do not make the speaker an
expert; a rank before a trade ("principal cellist") is no management title
and instrumentalists are musicians; union delegates, convenors and works
councils are labour; a county agency is government; shopkeepers and traders
are the community, and so is a parent bringing soup to the picket line; "a
fellow agent" is a co-worker; a clause "who said she had shopped there ..."
still describes the speaker; a speaker misread as an organisation but described as a
worker is labour."""

import pytest

from articles.quotes import extract_quotes
from articles.quotes.dispute import Dispute
from articles.quotes.sides import classify_description

from .helpers import by_text

MUSICIANS = Dispute(
    employers=("Harbour Philharmonic",),
    about_a_dispute=True,
    strike_paras=("the orchestra's musicians went on strike",),
)


@pytest.mark.parametrize(
    ("description", "side"),
    [
        ("parish priest in the estate where many of the strikers live", "community"),
        ("Imam of the mosque that feeds the picket line", "community"),
        ("told analysts on a conference call", None),
        ("chief executive, who told analysts on a call", "employer"),
        ("an analyst at Brightwater Research", "expert"),
        ("branch delegate", "labor"),
        ("works council chair", "labor"),
        ("convenor at the depot", "labor"),
        ("workers' representative", "labor"),
        ("county agency that funds the arts", "government"),
        ("shopkeeper", "community"),
        ("a market trader", "community"),
        ("who said she had shopped there for 30 years", "community"),
        ("a fellow agent", "labor"),
        ("another fellow picker", "labor"),
        ("distinguished fellow at the Institute for Fiscal Studies", "expert"),
        ("a father of three who brought soup to the picket line", "community"),
        ("a striking porter on the picket line", "labor"),
        ("a software developer who brought coffee for the nurses", None),
        ("the company's chief negotiator", "employer"),
        ("people director", "employer"),
        ("the local MP, who joined the picket line", "government"),
        ("a professor who visited the picket line", "expert"),
        ("general secretary", "labor"),
        ("health and safety rep", "labor"),
        ("organising director", "labor"),
        ("newsagent", "community"),
        ("pub landlord", "community"),
        ("State Sen., Democrat who joined nurses on the picket line", "government"),
        ("Shire president", "government"),
    ],
)
def test_side_of_description(description, side):
    assert classify_description(description) == side


@pytest.mark.parametrize(
    "description", ["principal cellist", "second violinist", "substitute percussionist"]
)
def test_orchestral_players_are_musicians(description):
    assert classify_description(description, MUSICIANS) == "labor"


def test_a_worker_misread_as_an_organisation_keeps_a_workers_side():
    found = extract_quotes(
        [
            "Glassworkers at Ormsby Glass Ltd walked off the job on Monday over pay.",
            "“We keep the furnaces alive for them,” said Workers' representative Dilek Arda, a "
            "furnace operator and union delegate.",
        ]
    )
    assert by_text(found, "We keep the furnaces").side == "labor"


def test_a_clause_with_a_speech_verb_about_the_speaker_still_describes_them():
    found = extract_quotes(
        [
            "Staff at Ferrand's department store went on strike on Saturday.",
            "Marthe Olin, 70, who said she had shopped at Ferrand's for decades, called the "
            "closure “a shame.”",
        ]
    )
    f = by_text(found, "a shame")
    assert (f.speaker_name, f.side) == ("Marthe Olin", "community")


def test_a_description_opening_the_sentence_before_a_job_title_counts():
    found = extract_quotes(
        [
            "Educators at 20 Lakeview daycare centres went on strike on Tuesday.",
            "Another parent, nurse Odile Marchand, said she had cancelled a shift. “I support "
            "them,” she said.",
            "A customer waiting outside the bakery, designer Ana Ruiz, said she did not mind. "
            "“Pay them,” she said.",
        ]
    )
    assert by_text(found, "I support them").side == "community"
    assert by_text(found, "Pay them").side == "community"


@pytest.mark.parametrize(
    "intro",
    [
        "Québec solidaire MNA Lucie Brassard",
        "Morena congressman Iván Robles",
        "MNA Lucie Brassard",
    ],
)
def test_a_party_politician_or_an_assembly_member_is_government(intro):
    found = extract_quotes(
        [
            "Educators at 40 Laval daycare centres went on strike on Tuesday.",
            f"{intro}, who joined the picket line, said the strike was “a fight for everyone.”",
        ]
    )
    f = by_text(found, "a fight for everyone")
    assert f.side == "government"
    assert not f.speaker_name.startswith("MNA")


def test_another_association_with_an_employers_word_is_not_the_union():
    found = extract_quotes(
        [
            "More than 900 nurses at Carrow General walked off the job after talks with the "
            "Carrow Nurses Association broke down.",
            "Dana Whitlow, director of labour relations for the Wessex Hospital Association, "
            "said hospitals were “watching closely.”",
            "“We are not going anywhere,” said Kit Ames, the association's president.",
        ]
    )
    assert by_text(found, "watching closely").side == "employer"
    assert by_text(found, "We are not going").side == "labor"


def test_a_trade_named_by_a_phrase_in_the_strike_sentence_makes_its_members_labour():
    found = extract_quotes(
        [
            "About 500 call centre agents at Fenwick Contact Ltd went on strike on Monday.",
            "Agent Lora Quist, 24, said the night pay had been cut. “It is not enough,” she said.",
            "A fellow rider of the night bus, Ben Okoro, said he was “stuck.”",
        ]
    )
    assert by_text(found, "It is not enough").side == "labor"
