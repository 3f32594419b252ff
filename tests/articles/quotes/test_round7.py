"""Round-7 fixes of the quote extractor (invented text; one test per fix)."""

from .helpers import speaker_of, speakers


def test_courtesy_title_prefers_person_over_family_firm_and_picks_relative():
    paras = [
        "The kilns at Brannock & Daughters have been lit every morning since 1908.",
        "Osric Brannock, 80, still sweeps the yard. His granddaughter, Ysolde Brannock, runs the pottery "
        "now.",
        "\u201cWe sell every plate we make,\u201d Ms. Brannock said.",
        "\u201cWe always did,\u201d Mr. Brannock said.",
    ]
    assert speaker_of(paras, "We sell") == "Ysolde Brannock"
    assert speaker_of(paras, "We always") == "Osric Brannock"


def test_plural_family_surname_is_not_one_person():
    paras = [
        "Osric Brannock founded the pottery. His granddaughter, Ysolde Brannock, runs it now.",
        "The Brannocks have refused to sell.",
        "\u201cIt is not for sale,\u201d Ms. Brannock said.",
    ]
    assert speaker_of(paras, "It is not") == "Ysolde Brannock"


def test_different_courtesy_title_does_not_keep_the_bare_surname_holder():
    paras = [
        "Rhiannon Tebbutt, 29, a junior doctor, died in the crash.",
        "Dr Tebbutt had worked at the hospital for two years.",
        "Dr Tebbutt's mother, Gwenllian Tebbutt, spoke at the hearing.",
        "\u201cShe lived for her patients,\u201d Mrs Tebbutt said.",
    ]
    assert speaker_of(paras, "She lived") == "Gwenllian Tebbutt"


def test_which_said_is_the_organisation_it_follows():
    paras = [
        (
            "The vote will be overseen by the Harbor Employment Relations Commission, which said in a "
            "statement that it "
            "\u201cwill not comment on open matters.\u201d"
        ),
    ]
    assert speaker_of(paras, "will not comment") == "Harbor Employment Relations Commission"


def test_gender_from_pronoun_after_own_speech_verb():
    paras = [
        "Committee chair Sen. Oriel Vantongeren (D-Ore.) said Wednesday she would hold the vote next week.",
        "Vantongeren met with Sen. Cadfael Brightwater on Tuesday. \u201cWe talked for an hour,\u201d he "
        "said.",
    ]
    assert speaker_of(paras, "We talked") == "Cadfael Brightwater"


def test_he_by_elimination_reaches_a_name_with_no_evidence():
    paras = [
        "Oghenekaro Bassey met Yusra Tanveer at the depot on Monday.",
        "Tanveer said she was leaving the company. \u201cI have done my time here,\u201d he said.",
    ]
    assert speaker_of(paras, "I have done") == "Oghenekaro Bassey"


def test_newsletter_lead_in_labels_are_not_part_of_the_cue():
    paras = [
        'What they\'re saying: "We will keep pushing," said Ottilie Marchbanks, a lobbyist for the Freight '
        "Crew Alliance.",
        'The other side: The Regional Carriers Association called the plan "a costly mistake."',
        'HOW IT PLAYS OUT \u2014 House Majority Whip Perpetua Ingleby said the bill "has the votes."',
    ]
    assert speaker_of(paras, "We will keep") == "Ottilie Marchbanks"
    assert speaker_of(paras, "a costly") == "Regional Carriers Association"
    assert speaker_of(paras, "has the votes") == "Perpetua Ingleby"
    kept = [
        "Tobias Wendelin Achebe runs a delivery route.",
        "Achebe put it more bluntly: \"If I'm my own boss, why can't I set my own price?\"",
        'He added: "Nobody asked us."',
    ]
    assert speaker_of(kept, "If I'm my own boss") == "Tobias Wendelin Achebe"
    assert speaker_of(kept, "Nobody asked") == "Tobias Wendelin Achebe"


def test_educator_is_a_title():
    paras = ["Educator Philomena Okonkwo-Rees held a sign. \u201cI love this job,\u201d she said."]
    assert speaker_of(paras, "I love") == "Philomena Okonkwo-Rees"


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


def test_unnamed_employee_who_declined_to_give_name_is_unattributed():
    paras = [
        "Company spokesman Leopold Ashdown-Pryce said the hotels would reopen.",
        "A Marlowe manager, who declined to give his name, said the restaurants were open. \u201cWe are "
        "running,\u201d he said.",
    ]
    assert speaker_of(paras, "We are running") == ""


def test_double_surname_first_part_on_second_reference():
    paras = [
        "Anacleto Quispe Mamani, 41, arrived from Puno on Sunday.",
        "\u201cWe walked for a week,\u201d Quispe said through an interpreter.",
    ]
    assert speaker_of(paras, "We walked") == "Anacleto Quispe Mamani"


def test_role_given_in_the_next_sentence():
    paras = [
        "Cosmo Haverstock-Biel joined the team in 2019. He is a virologist at the institute who studies "
        "bats.",
        "Other researchers were cautious.",
        "\u201cBats do not read our models,\u201d the virologist said.",
    ]
    assert speaker_of(paras, "Bats do not") == "Cosmo Haverstock-Biel"


def test_interview_quote_paragraphs_without_cues():
    paras = [
        "Wilhelmina Achterberg-Oduya started driving buses in 1989.",
        "\u201cThe first week, I cried every night,\u201d she says.",
        "She stayed for 35 years.",
        "\u201cI never thought I would last a month.\u201d",
        "What was the worst day?",
        "\u201cThe ice storm of 1998. We ran every route anyway.\u201d",
        "Asked what comes next, Achterberg-Oduya shrugs.",
        "\u201cSleep, mostly.\u201d",
    ]
    got = dict(speakers(paras))
    assert got["I never thought I would last a month."] == "Wilhelmina Achterberg-Oduya"
    assert got["The ice storm of 1998. We ran every route anyway."] == "Wilhelmina Achterberg-Oduya"
    assert got["Sleep, mostly."] == "Wilhelmina Achterberg-Oduya"


def test_owner_role_subject_is_the_person_with_that_role():
    paras = [
        (
            "The owner, Radomir Kovalenko-Pratt, 61, was booked into the county jail. "
            "His attorney, Sunniva Lockhart-Amadi, said he would plead not guilty."
        ),
        "Kovalenko-Pratt's attorney met with prosecutors on Friday. \u201cThe evidence will clear "
        "him,\u201d she said.",
    ]
    assert speaker_of(paras, "The evidence") == "Sunniva Lockhart-Amadi"


def test_abbreviated_rank_matches_the_spelled_out_role():
    paras = [
        "Police Lt. Ermengarde Szabo-Wicks said the alarms had been disconnected.",
        "A neighbour pulled two people from the building.",
        "\u201cHe saved two lives,\u201d the lieutenant said.",
    ]
    assert speaker_of(paras, "He saved") == "Ermengarde Szabo-Wicks"


def test_role_given_in_the_next_sentence_after_an_appositive_subject():
    paras = [
        "Her co-author, Leofric Anand-Thorsby, spent a year at sea. He is an oceanographer at the institute.",
        "Other scientists were cautious.",
        "\u201cThe sea keeps its own books,\u201d the oceanographer said.",
    ]
    assert speaker_of(paras, "The sea keeps") == "Leofric Anand-Thorsby"


def test_more_given_names_carry_gender():
    paras = [
        "Imogen Pell-Askew chaired the meeting with Thaddeus Ruskin-Oyo beside her.",
        "Pell-Askew opened with the budget. \u201cWe are short by a million,\u201d he said.",
    ]
    assert speaker_of(paras, "We are short") == "Thaddeus Ruskin-Oyo"
