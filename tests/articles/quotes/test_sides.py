"""Sides: each speaker's side from the article's description of them, the
organisations they are tied to and their own words, with the evidence in words
a person page can show; ``infer_side`` and ``combine_sides`` for the archive."""

import pytest

from articles.quotes import combine_sides, extract_quotes, infer_side
from articles.quotes.sides import classify_description

from .helpers import BEE, KCRA, by_text, load_seed

LEDE = (
    "More than 2,000 nurses at Westfield Hospital walked off the job on Monday, the first "
    "strike at the hospital in 20 years. The Westfield Nurses Union called the strike after "
    "talks broke down."
)


def side_of(quote: str, **context) -> tuple[str, str, tuple[str, ...]]:
    """(speaker, side, evidence) of the one quote in a strike article."""
    (f,) = extract_quotes([LEDE, quote], **context)
    return f.speaker_name, f.side, f.side_evidence


@pytest.mark.parametrize(
    ("quote", "side", "evidence"),
    [
        (
            "“We are not going back without a fair deal,” said Maria Lopez, a striking nurse.",
            "labor",
            "described as: striking nurse",
        ),
        (
            "“Management stopped listening months ago,” said Ken Oduya, a shop steward.",
            "labor",
            "described as: shop steward",
        ),
        (
            "“We have people out here around the clock,” said Rosa Diaz, a picket captain.",
            "labor",
            "described as: picket captain",
        ),
        (
            "“This is about safe staffing,” said union president Dana Ruiz.",
            "labor",
            "described as: union president",
        ),
        (
            "“Every union in the county stands with these nurses,” said Pat Gale, president of "
            "the Westfield Central Labor Council.",
            "labor",
            "described as: president of the Westfield Central Labor Council",
        ),
        (
            "“We have offered a generous package,” said Alan Park, a spokesperson for Westfield "
            "Hospital.",
            "employer",
            "described as: spokesperson for Westfield Hospital",
        ),
        (
            "“Patient care continues,” said Jill Moran, the hospital's chief nursing executive.",
            "employer",
            "described as: hospital's chief nursing executive",
        ),
        (
            "“Both sides need to get back to the table,” said Mayor Tom Reyes.",
            "government",
            "described as: Mayor",
        ),
        (
            "“Strikes like this are becoming more common,” said Ana Silva, a professor of labor "
            "relations at Temple University.",
            "expert",
            "described as: professor of labor relations at Temple University",
        ),
        (
            "“The hospital can afford the raise,” said Greg Holt, an analyst at Moody's.",
            "expert",
            "described as: analyst at Moody's",
        ),
        (
            "“I just want my surgery,” said Helen Ward, a patient whose operation was postponed.",
            "community",
            "described as: patient whose operation was postponed",
        ),
        (
            "“My kids were born here,” said Ben Cho, a parent of two.",
            "community",
            "described as: parent of two",
        ),
        (
            "“I have cleaned rooms here for 17 years,” said Ivy Stone, a housekeeper at "
            "Westfield Hospital.",
            "labor",
            "described as: housekeeper at Westfield Hospital",
        ),
    ],
    ids=[
        "striking-worker",
        "steward",
        "picket-captain",
        "union-president",
        "labour-council-president",
        "company-spokesperson",
        "hospital-executive",
        "elected-official",
        "professor",
        "analyst",
        "patient",
        "parent",
        "worker-of-the-employer",
    ],
)
def test_side_from_the_articles_description(quote, side, evidence):
    _, found, ev = side_of(quote)
    assert (found, ev) == (side, (evidence,))


@pytest.mark.parametrize(
    ("quote", "speaker", "side", "evidence"),
    [
        (
            "“We are monitoring patient safety,” the state Department of Health said in a "
            "statement.",
            "Department of Health",
            "government",
            "organisation: Department of Health, a public body",
        ),
        (
            "“We will support the strike fund,” the Ohio AFL-CIO said.",
            "Ohio AFL-CIO",
            "labor",
            "organisation: Ohio AFL-CIO, a union or labour body",
        ),
        (
            "“The offer stands,” Westfield Hospital said in a statement.",
            "Westfield Hospital",
            "employer",
            "organisation: Westfield Hospital, the employer in this dispute",
        ),
        (
            "“We met for 14 hours,” the Westfield Nurses Union said.",
            "Westfield Nurses Union",
            "labor",
            "organisation: Westfield Nurses Union, a union or labour body",
        ),
    ],
)
def test_side_of_an_organisation_speaking(quote, speaker, side, evidence):
    assert side_of(quote) == (speaker, side, (evidence,))


def test_own_words_decide_only_without_a_description_and_unknown_without_evidence():
    said = "“Our members are ready to stay out as long as it takes,” said Lee Brandt."
    assert side_of(said) == ("Lee Brandt", "labor", ("own words: “Our members”",))
    assert side_of("“It is a cold morning,” said Lee Brandt.") == ("Lee Brandt", "unknown", ())


def test_a_speakers_quotes_share_the_side_of_their_description():
    paras = [
        LEDE,
        "“We are not going back without a fair deal,” said Maria Lopez, a striking nurse.",
        "“It is a cold morning,” Lopez said.",
    ]
    sides = {(f.speaker_name, f.side, f.side_evidence) for f in extract_quotes(paras)}
    assert sides == {("Maria Lopez", "labor", ("described as: striking nurse",))}


def test_every_attributed_finding_has_a_side_rule_and_confidence_unattributed_none():
    paras = [
        LEDE,
        "“Nobody knows,” said Maria Lopez, a striking nurse.",
        "Westfield Hospital did not respond on Tuesday.",
        "“Who knows?”",
    ]
    named, unnamed = extract_quotes(paras)
    assert named.side == "labor" and named.rule and 0 < named.confidence <= 1
    assert (unnamed.speaker_name, unnamed.side, unnamed.side_evidence, unnamed.rule) == (
        "",
        "",
        (),
        "",
    )


# -- the dispute's parties: given by the caller, or read from the text -----------------
TRANSIT = [
    "Hundreds of drivers for Metro Transit walked off the job on Monday, and the strike "
    "has stranded riders across the county, the Riverside Gazette reported.",
    "“We can't keep working split shifts,” said Omar Haddad, who has driven for the agency "
    "for nine years.",
    "“The offer stands,” Metro Transit said in a statement.",
]


def test_parties_inferred_from_the_text():
    haddad, metro = extract_quotes(TRANSIT)
    assert (haddad.side, metro.side) == ("labor", "employer")
    assert metro.side_evidence == ("organisation: Metro Transit, the employer in this dispute",)


def test_parties_given_by_the_caller():
    paras = [
        "Drivers stayed off the buses again on Tuesday.",
        "“The offer stands,” Metro Transit said in a statement.",
        "“We will not be moved,” Local 1001 said.",
    ]
    given = extract_quotes(
        paras, employers=["Metro Transit"], unions=["Local 1001"], outlet="Riverside Gazette"
    )
    assert [f.side for f in given] == ["employer", "labor"]
    # with no union named, only the caller tells the text is about a dispute
    (alone,) = extract_quotes(paras[:2])
    assert alone.side != "employer"
    (told,) = extract_quotes(paras[:2], employers=["Metro Transit"])
    assert told.side == "employer"


# -- the seeds ------------------------------------------------------------------------
def test_seed_speakers_sides():
    kcra = extract_quotes(load_seed(KCRA))
    soroken = by_text(kcra, "Currently our patients aren’t able")
    assert (soroken.speaker_name, soroken.side) == ("Sarah Soroken", "labor")
    assert soroken.side_evidence == (
        "described as: has been on the picket lines for seven weeks now",
    )
    assert by_text(kcra, "Even with that benefit").side == "labor"  # a striking psychologist
    assert {f.side for f in kcra if f.speaker_name == "Kaiser Permanente"} == {"employer"}
    bee = extract_quotes(load_seed(BEE))
    assert by_text(bee, "They offer these jobs").side == "labor"  # union research director
    assert by_text(bee, "employers are suddenly willing").side == "expert"  # policy fellow


# -- without the article ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "kind", "desc", "side"),
    [
        ("Fred Seyfe", "person", "director of research at the batting union", "labor"),
        ("Fred Seyfe", "person", "director of research at the union", "labor"),
        ("Pat Gale", "person", "president of the Westfield Central Labor Council", "labor"),
        ("Westfield Central Labor Council", "organization", "", "labor"),
        ("National Union of Healthcare Workers", "organization", "", "labor"),
        ("California Nurses Association", "organization", "", "labor"),
        ("Department of Managed Health Care", "organization", "", "government"),
        ("Karen Bass", "person", "Los Angeles Mayor", "government"),
        ("Harley Shaiken", "person", "labor professor at the University of California", "expert"),
        ("Jane McAleigh", "person", "policy fellow at the University of California", "expert"),
        ("Ana Lopez", "person", "parent at Fruitvale Elementary", "community"),
        ("Corrine McIntosh Sako", "person", "licensed clinical psychologist", "labor"),
        ("Lee Brandt", "person", "", "unknown"),
        ("", "", "", "unknown"),
    ],
)
def test_infer_side_from_a_name_and_description(name, kind, desc, side):
    assert infer_side(name, kind, desc) == side


def test_infer_side_with_the_strikes_parties():
    emp = ("Kaiser Permanente",)
    assert infer_side("Kaiser Permanente", "organization", "", employer_names=emp) == "employer"
    assert (
        infer_side("Steve Shivinsky", "person", "Kaiser spokesperson", employer_names=emp)
        == "employer"
    )
    assert infer_side("Steve Shivinsky", "person", "Kaiser spokesperson") == "employer"
    assert infer_side("Sarah Soroken", "person", "therapist", employer_names=emp) == "labor"
    assert infer_side("Local 1001", "organization", "", union_names=("Local 1001",)) == "labor"


def test_classify_description_without_a_dispute():
    assert classify_description("a striking nurse") == "labor"
    assert classify_description("talks with the union went nowhere") is None


def test_combine_sides_weighs_descriptions_over_own_words_and_ignores_unknown():
    nurse = ("labor", ("described as: a striking nurse",))
    words = ("employer", ("own words: “our offer”",))
    assert combine_sides([words, nurse, ("unknown", ()), nurse]) == (
        "labor",
        ("described as: a striking nurse",),
    )
    assert combine_sides([("unknown", ()), ("", ())]) == ("unknown", ())
    # equal weight: the side seen first
    assert combine_sides([words, ("community", ("own words: “our town”",))])[0] == "employer"


def _only_side(paragraphs):
    (f,) = extract_quotes(paragraphs)
    return f.speaker_name, f.side, f.side_evidence


@pytest.mark.parametrize(
    ("lede", "quote", "speaker", "side"),
    [
        (
            "About 1,100 workers at Vantor Axle Systems walked off the job on Tuesday.",
            "“That ends with this contract,” said Denise Kowalczyk, the local's president.",
            "Denise Kowalczyk",
            "labor",
        ),
        (
            "Garment workers walked out on Thursday in a strike for a higher minimum wage.",
            "“How can a worker live on this?” said Kalpana Roy, head of the Dhaka Center for "
            "Worker Solidarity.",
            "Kalpana Roy",
            "labor",
        ),
        (
            "Housekeepers, cooks and room attendants at two casinos walked off the job on Friday.",
            "“I used to do 14 rooms,” said Rosa Morales, a guest room attendant.",
            "Rosa Morales",
            "labor",
        ),
        (
            "Machinists at Plainsfield Aerostructures walked off the job on Saturday.",
            "Aerospace analyst Richard Abelson, managing director at AeroDynamic Advisory, said "
            "the strike “adds another delay.”",
            "Richard Abelson",
            "expert",
        ),
        (
            "Bin collectors walked out on Thursday in a strike over pay.",
            "Alison Grantham, a public health professor at the University of Edinburgh, warned "
            "of “a genuine risk to public health.”",
            "Alison Grantham",
            "expert",
        ),
        (
            "Workers at the refinery voted to extend their strike on Tuesday.",
            "Olivier Gantier, president of the French oil industry association UFIP, said "
            "stocks were “sufficient for several days.”",
            "Olivier Gantier",
            "employer",
        ),
    ],
)
def test_side_from_the_role_that_a_description_names(lede, quote, speaker, side):
    """The union local named by the word alone, a labour-rights group's head, a
    worker whose trade is the compound's last noun ("guest room attendant"), a
    scholar or analyst whatever office they hold at a consultancy or
    university, the officer of an employers' association."""
    found = _only_side([lede, quote])
    assert found[:2] == (speaker, side)
    assert found[2][0].startswith("described as: ")


@pytest.mark.parametrize(
    ("quote", "speaker", "side"),
    [
        (
            "The Nigeria Labour Congress urged the government to “honour the agreements.”",
            "Nigeria Labour Congress",
            "labor",
        ),
        (
            "The Swedish Transport Workers' Union said its members would stop handling the "
            "cars “until the company signs.”",
            "Swedish Transport Workers' Union",
            "labor",
        ),
        (
            "The airport operator Fraport said it expected “massive disruption” all day.",
            "Fraport",
            "community",
        ),
    ],
)
def test_side_of_an_organisation_by_what_it_is(quote, speaker, side):
    """A labour congress is a labour body, not a legislature; a union whose name
    shares a word with the employer's place ("Swedish") is still a union; a
    business described by a trade word ("airport operator") is not a worker."""
    lede = "Mechanics at the Swedish service centers of Volta Motors have been on strike for weeks."
    assert _only_side([lede, quote])[:2] == (speaker, side)


@pytest.mark.parametrize(
    ("lede", "quote", "speaker", "side"),
    [
        (
            "Workers at Haedong Heavy Industries staged a full-day strike on Friday.",
            "“Now it must share the recovery,” branch leader Kim Ho-jin said at a rally.",
            "Kim Ho-jin",
            "labor",
        ),
        (
            "More than 5,000 machinists at Plainsfield Aerostructures walked off the job.",
            "At the Main Street Diner, a block from the plant, owner Lisa Tran said lunch "
            "business was “down by half.”",
            "Lisa Tran",
            "community",
        ),
        (
            "Mechanics at Volta Motors' service centers have been on strike for six weeks.",
            "Volta owner Anders Holm said he had waited “three weeks” for new plates.",
            "Anders Holm",
            "community",
        ),
        (
            "Bin collectors employed by Edinburgh walked out on Thursday in a strike over pay.",
            "Alison Grantham, a professor at the University of Edinburgh, warned of “a genuine "
            "risk to public health.”",
            "Alison Grantham",
            "expert",
        ),
        (
            "Workers at the Hanseong Electronics plant continued their strike for the 15th day; "
            "the strike is over union recognition.",
            "S. Kannan, 26, who joined the plant as a trainee four years ago, said “nothing will "
            "change.”",
            "S. Kannan",
            "labor",
        ),
    ],
)
def test_side_from_what_the_description_says_they_do(lede, quote, speaker, side):
    """A union branch's leader; an owner of a business that is not the
    employer's, or of the employer's product ("a Volta owner"); a scholar at a
    university whose name ends in the employer's; a worker who joined the
    workplace years ago."""
    assert _only_side([lede, quote])[:2] == (speaker, side)
