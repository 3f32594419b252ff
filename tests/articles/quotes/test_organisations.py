"""Organisations speaking: "the company", "the union", "the hotel", "it", "the
statement", analysts at a firm."""

from articles.quotes import extract_quotes

from .helpers import only, quote_by, speaker_of, speakers


def test_the_hotel_is_the_hotel_named_earlier():
    paras = [
        "Housekeepers at the Harborview Grand Hotel joined the strike before the Olympics.",
        "“All of our guests are being looked after,” the hotel said in a statement.",
    ]
    f = only(paras)
    assert f.speaker_name == "Harborview Grand Hotel"


def test_the_hospital_is_the_medical_center_named_earlier():
    paras = [
        "Therapists at Dunmore Valley Medical Center joined the walkout.",
        "“Appointments will be rescheduled,” according to a notice posted on the hospital’s website.",
        "“Our doors are open,” according to a statement from the hospital, which said it had hired "
        "temporary staff.",
    ]
    assert [n for _, n in speakers(paras)] == ["Dunmore Valley Medical Center"] * 2


def test_the_company_skips_a_lone_place_word():
    paras = [
        "Workers walked off the job at Pine Ridge Market stores across the Tulsa area, after members "
        "rejected what the company called its “last and final offer.”",
    ]
    f = only(paras)
    assert (f.speaker_name, f.is_fragment) == ("Pine Ridge Market", True)


def test_it_can_be_a_hospital_that_speaks_of_itself():
    paras = [
        "The mayor visited the picket line on Hale Street.",
        "Brightmoor Regional Medical Center says it has hired replacement nurses.",
        "The hospital said it had offered raises, which it called “among the best in the state.”",
    ]
    assert quote_by(paras, "among").speaker_name == "Brightmoor Regional Medical Center"


def test_the_statement_is_by_whoever_issued_it_in_the_paragraph_before():
    paras = [
        "Thousands marched on Monday.",
        "Superintendent Marcus Whitlow was not there. In a statement, he said the district “shares the "
        "goal” of smaller classes.",
        "“We will continue to bargain in good faith,” the statement said.",
    ]
    assert quote_by(paras, "We will continue").speaker_name == "Marcus Whitlow"


def test_the_agency_is_the_commission_not_the_companies():
    paras = [
        "The Federal Maritime Commission sued on Tuesday to block the deal between Portline Holdings and "
        "Seacrest Shipping.",
        "The agency said the companies compete “head to head” on most routes.",
    ]
    assert quote_by(paras, "head to head").speaker_name == "Federal Maritime Commission"


def test_acronym_used_only_as_a_modifier_is_not_the_agency():
    paras = [
        "Starlight Entertainment said the concerts were postponed.",
        "Kim Na-rae, 19, had bought a VIP package.",
        "The agency said new dates would come “as soon as possible.”",
    ]
    assert quote_by(paras, "as soon as").speaker_name == "Starlight Entertainment"


def test_statement_owner_is_not_inside_a_relative_clause():
    paras = [
        "Binh An Garments, which is majority owned by Taipei-based Goldthread Holdings, said in a "
        "statement that orders had fallen.",
        "“We cannot pay the bonus,” the statement said.",
    ]
    assert quote_by(paras, "We cannot").speaker_name == "Binh An Garments"


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


def test_which_said_is_the_organisation_it_follows():
    paras = [
        (
            "The vote will be overseen by the Harbor Employment Relations Commission, which said in a "
            "statement that it "
            "\u201cwill not comment on open matters.\u201d"
        ),
    ]
    assert speaker_of(paras, "will not comment") == "Harbor Employment Relations Commission"


def test_office_for_the_and_society_of_the_names():
    paras = [
        (
            "The U.S. Attorney's Office for the Western District of Kentucky declined to comment. "
            "\u201cWe do not discuss investigations,\u201d a spokesperson for the office said."
        ),
        "The Friends of the Vesey Creek, a conservation group, said in a statement: \u201cThe creek cannot "
        "take more runoff.\u201d",
    ]
    assert (
        speaker_of(paras, "We do not")
        == "U.S. Attorney's Office for the Western District of Kentucky"
    )
    assert speaker_of(paras, "The creek") == "Friends of the Vesey Creek"


def test_the_union_and_the_company_resolve_to_the_right_side():
    paras = [
        "The United Auto Workers struck Ford on Friday.",
        '"We have made a record offer," the company said.',
        '"It is not enough," the union said.',
    ]
    a, b = extract_quotes(paras)
    assert (a.speaker_name, b.speaker_name) == ("Ford", "United Auto Workers")


def test_analysts_led_by_a_named_person():
    paras = [
        "Morgan Stanley analysts led by Keith Wren wrote in a note that they view the cuts “as a sign of "
        "discipline.”"
    ]
    assert speakers(paras) == [("as a sign of discipline.", "Keith Wren")]


def test_document_owner_named_after_the_document():
    paras = [
        "In a lawsuit filed in Delaware, Harvest Markets Inc said Northgate Foods Corp had breached the "
        "deal.",
        'According to the filing, Harvest is seeking "billions of dollars in damages."',
    ]
    assert speakers(paras) == [("billions of dollars in damages.", "Harvest Markets Inc")]


def test_organisation_that_said_it_did_something_is_the_utility():
    paras = [
        "Southern California Edison said it had shut off power to 75,000 customers.",
        '"We understand how disruptive these shutoffs are," the utility said in a post on X.',
    ]
    assert speakers(paras) == [
        ("We understand how disruptive these shutoffs are", "Southern California Edison")
    ]


def test_organisation_at_the_end_of_an_object_relative_clause():
    paras = [
        "Nurses in Scotland voted to strike, after rejecting a pay offer the Royal College of Nursing "
        "described "
        "as 'insulting'.",
        "'We have had enough,' said Colin Pullman.",
    ]
    assert speakers(paras)[0] == ("insulting", "Royal College of Nursing")


def test_a_country_is_not_whom_a_spokesman_speaks_for():
    paras = [
        "The Scottish Government said the offer was the best in the UK. A spokesman said: 'We urge the RCN "
        "to "
        "put it to its members again.'"
    ]
    assert speakers(paras) == [
        ("We urge the RCN to put it to its members again.", "Scottish Government")
    ]


def test_a_workplace_named_after_workers_at_is_an_organisation_and_its_short_form_speaks_for_it():
    paras = [
        "More than 8,000 miners at Bafokeng Ridge Platinum's three shafts near Rustenburg went "
        "on strike on Monday over wages.",
        "Bafokeng Ridge said the strike was “unprotected” because the union had not followed "
        "the procedures.",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.speaker_kind, f.side) == (
        "Bafokeng Ridge Platinum",
        "organization",
        "employer",
    )


def test_a_nationality_or_a_numbered_thing_is_never_the_employer():
    paras = [
        "Mechanics at the Swedish service centers of Volta Motors walked out six weeks ago, "
        "and the strike has spread to the ports.",
        "Mechanics at the Number 2 workshop joined the strike on Monday.",
        "Volta Motors said in a statement that it offers “terms equal to or better than” an "
        "agreement.",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.side) == ("Volta Motors", "employer")


def test_a_possessive_inside_a_name_makes_it_an_organisation():
    paras = [
        "Cashiers at 77 King's Pantry grocery stores went on strike Thursday; the strike is "
        "the chain's first.",
        "King's Pantry said it had offered “historic wage increases” to the workers.",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.speaker_kind, f.side) == ("King's Pantry", "organization", "employer")


def test_the_company_is_a_name_never_shown_to_be_a_persons_that_speaks():
    paras = [
        "Some 900 rollers at the Cibola Tabacos factory stopped work on Tuesday over a new quota.",
        "In a press release, Cibola Tabacos said the quota had been “agreed with the workers.” "
        "The company said it “respects the right to protest.”",
    ]
    f = quote_by(paras, "respects the right")
    assert (f.speaker_name, f.speaker_kind) == ("Cibola Tabacos", "organization")


def test_the_company_is_the_nearest_business_even_when_its_name_reads_like_a_persons():
    paras = [
        "Riders in Turin logged off on Friday over the new pay system of the platform Vento Lampo.",
        "The protest was organised by a riders' collective. Vento Lampo said the system was "
        "“fairer.”",
        "“We are open to dialogue,” a spokeswoman for the company wrote.",
    ]
    assert quote_by(paras, "We are open").speaker_name == "Vento Lampo"
