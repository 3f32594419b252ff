"""Speaker-attribution patterns found by the sixth challenge set
(benchmarks/gold/quotes_round6): one test per fix, on invented text."""

from .helpers import quote_by

# -- names and titles ----------------------------------------------------------------


def test_post_nominal_after_a_name_is_dropped():
    paras = [
        "Her barrister, Oswin Kettleby SC, told the court his client was “deeply sorry.”",
        "“She will not offend again,” Mr Kettleby said.",
    ]
    assert quote_by(paras, "deeply sorry").speaker_name == "Oswin Kettleby"
    assert quote_by(paras, "She will not").speaker_name == "Oswin Kettleby"


def test_councillor_abbreviation_and_military_rank_are_titles():
    paras = [
        "Shire Mayor Tallis Greaney said the bridge was unsafe.",
        "“We have asked for years,” Cr Greaney said.",
        "Police spokesperson Colonel Zanele Mokoena said patrols would continue.",
        "“Nobody will be harmed,” Mokoena said.",
    ]
    assert quote_by(paras, "We have asked").speaker_name == "Tallis Greaney"
    assert quote_by(paras, "Nobody will").speaker_name == "Zanele Mokoena"


def test_office_with_of_before_a_name_is_a_title():
    paras = [
        "Leader of the Opposition Parvathi Menon called the plan a “stunt”.",
        "“Nobody believes it,” Ms Menon said.",
    ]
    assert quote_by(paras, "stunt").speaker_name == "Parvathi Menon"
    assert quote_by(paras, "Nobody believes").speaker_name == "Parvathi Menon"


def test_capitalised_common_role_noun_before_an_unlisted_name_is_a_title():
    paras = [
        "Witness Dragoslava Petkovic told the jury she heard two shots.",
        "“They were very loud,” Petkovic said.",
        "Midfielder Kwabena Asante-Fordjour scored twice.",
        "“I was lucky,” Asante-Fordjour said.",
    ]
    assert quote_by(paras, "They were").speaker_name == "Dragoslava Petkovic"
    assert quote_by(paras, "I was lucky").speaker_name == "Kwabena Asante-Fordjour"


def test_bracketed_acronym_does_not_block_the_subject():
    paras = [
        "The Allied Dockworkers Union (ADU), a minority union at the port, said it had not "
        "called the strike and urged its members to “make their own choice”."
    ]
    f = quote_by(paras, "make their own")
    assert f.speaker_name == "Allied Dockworkers Union"
    assert f.speaker_kind == "organization"


# -- roles -----------------------------------------------------------------------------


def test_capitalised_office_after_the_stands_for_its_holder():
    paras = [
        "Chief Financial Officer Ravindra Pillai said costs were falling.",
        "“The program is ahead of plan,” the CFO said.",
        "Speaker Hollis Brandvold refused the motion.",
        "The Speaker said the matter was “closed”.",
    ]
    assert quote_by(paras, "The program").speaker_name == "Ravindra Pillai"
    assert quote_by(paras, "closed").speaker_name == "Hollis Brandvold"


def test_age_given_only_in_the_reference_is_the_person_just_named():
    paras = [
        "Crane operator Thembinkosi Nxumalo, who has worked at the port for 20 years, said he was tired.",
        "“There is nothing left at the end of the month,” the 51-year-old said.",
    ]
    assert quote_by(paras, "There is nothing").speaker_name == "Thembinkosi Nxumalo"


def test_gendered_role_with_no_introduction_resolves_like_the_pronoun():
    paras = [
        "Homeowner Marisela Quennell said her daughter woke the family.",
        "She said they escaped through the back door.",
        "“She saved all of us,” the mother said.",
    ]
    assert quote_by(paras, "She saved").speaker_name == "Marisela Quennell"


def test_role_of_an_anonymous_source_stays_unattributed():
    paras = [
        "Ines Rautio, a nurse, said the ward was short-staffed. “We are exhausted,” the nurse said.",
        "Another nurse at the clinic, who asked that her name not be used, said two colleagues had quit.",
        "“They doubled their pay elsewhere,” the nurse said.",
    ]
    assert quote_by(paras, "We are exhausted").speaker_name == "Ines Rautio"
    assert quote_by(paras, "They doubled").speaker_name == ""


def test_role_in_an_appositive_before_the_name():
    paras = [
        "Two nurses spoke. Nurse Halldora Berg said pay was the problem.",
        "“We are tired,” Berg said.",
        "The other nurse, Aoife Lenihan, disagreed. “It is staffing,” the nurse said.",
    ]
    assert quote_by(paras, "It is staffing").speaker_name == "Aoife Lenihan"


def test_role_after_the_previous_sentence_subject_in_the_paragraph():
    paras = [
        "Rival captain Zbigniew Olszak said his side had been outplayed.",
        "Tanvir Qadri-Lowe's team had won the title. His mother watched from the stand.",
        "Qadri-Lowe, asked about her advice, smiled. “She is always right,” the captain said.",
    ]
    assert quote_by(paras, "She is always").speaker_name == "Tanvir Qadri-Lowe"


def test_union_official_is_the_person_introduced_with_a_union_role():
    paras = [
        "Unite regional officer Perrin Galloway said drivers had “no choice”.",
        "Northway Coaches said its offer was fair.",
        "“The door is open,” the union official said.",
    ]
    f = quote_by(paras, "The door")
    assert f.speaker_name == "Perrin Galloway"
    assert f.speaker_kind == "person"


# -- organisations -------------------------------------------------------------------


def test_analysts_at_a_firm_are_the_firm():
    paras = ["Analysts at Quarrington Hale & Co said the outlook “resets expectations”."]
    f = quote_by(paras, "resets")
    assert f.speaker_name == "Quarrington Hale & Co"
    assert f.speaker_kind == "organization"


def test_the_company_is_not_the_analysts_employer():
    paras = [
        "Shares of Dunmore Bakeries Inc fell 9% after it cut its forecast.",
        "Analysts at Quarrington Hale & Co said the cut was deep.",
        "“We are evaluating all options for the brand,” the company said.",
    ]
    assert quote_by(paras, "We are evaluating").speaker_name == "Dunmore Bakeries Inc"
