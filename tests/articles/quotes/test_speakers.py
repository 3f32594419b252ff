"""Speaker resolution: pronouns, surnames, titles, variants, organisations."""

from articles.quotes import extract_quotes


def test_surname_resolves_to_person_introduced_without_a_quote():
    paras = [
        "Sarah Soroken has been on the picket lines for seven weeks and said her commitment is firm.",
        "“Patients can’t get care,” Soroken said.",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_mention, f.speaker_name, f.speaker_kind) == (
        "Soroken",
        "Sarah Soroken",
        "person",
    )


def test_title_dropped_and_appositive_kept():
    paras = [
        "Dr. Corrine McIntosh Sako, a licensed clinical psychologist, said she declined the offer.",
        "“Kaiser needs to do better,” said Sako.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Corrine McIntosh Sako"
    assert f.speaker_description == "licensed clinical psychologist"


def test_she_goes_to_the_woman_not_the_more_recent_man():
    paras = [
        "Maria Lopez, a flight attendant, said the schedule was brutal. John Doe, a pilot, agreed.",
        '"It\'s hard," she said.',
        '"It is," he said.',
    ]
    a, b = extract_quotes(paras)
    assert a.speaker_name == "Maria Lopez"
    assert b.speaker_name == "John Doe"


def test_pronoun_gender_learned_from_the_text():
    paras = [
        "Kerrigan Dwyer has worked at the plant since 1998, and she says the line is faster now.",
        "Pat Osei, who runs the union hall, said he expects the vote Monday.",
        '"We are ready," she said.',
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Kerrigan Dwyer"


def test_he_prefers_the_subject_of_his_own_sentence():
    paras = [
        "Jon Holden leads the machinists.",
        "Brian Tate disagreed with the union's plan, noting the raise was large, “It is enough for me,” he said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Brian Tate"


def test_spelling_variants_merge_and_fullest_form_wins():
    paras = [
        "Jane McAleigh is a policy fellow at the University of California.",
        "McAlevey described the plan as “an ordinary strategy in the US,” she said.",
        "In the US, “employers are suddenly willing to pay,” McAlevy said.",
    ]
    a, b = extract_quotes(paras)
    assert a.speaker_name == b.speaker_name == "Jane McAleigh"
    assert a.speaker_aliases == ("McAlevey", "McAlevy")
    assert a.speaker_description == "policy fellow at the University of California"


def test_short_organization_name_resolves_to_full_name():
    paras = [
        "Kaiser Permanente mental health workers are on strike.",
        "Kaiser said it was disappointed. “We remain at the table,” Kaiser said.",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.speaker_kind) == ("Kaiser Permanente", "organization")


def test_facility_name_is_not_the_short_form_target():
    paras = [
        "Nurses at Providence St. Vincent Medical Center walked out.",
        "Providence said the strike was costly. “We are disappointed,” Providence said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Providence"


def test_the_union_and_the_company_resolve_to_the_right_side():
    paras = [
        "The United Auto Workers struck Ford on Friday.",
        '"We have made a record offer," the company said.',
        '"It is not enough," the union said.',
    ]
    a, b = extract_quotes(paras)
    assert (a.speaker_name, b.speaker_name) == ("Ford", "United Auto Workers")


def test_acronym_resolves_to_introduced_organization():
    paras = [
        "Dockworkers struck after talks with the United States Maritime Alliance (USMX) collapsed.",
        '"Our offer was generous," USMX said.',
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "United States Maritime Alliance"
    assert "USMX" in f.speaker_aliases


def test_acronym_from_initials():
    paras = [
        "Writers have not met the Alliance of Motion Picture and Television Producers since May.",
        '"We are ready to talk," the AMPTP said.',
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Alliance of Motion Picture and Television Producers"


def test_generic_speakers_stay_unattributed():
    paras = [
        "Amazon workers rallied outside the hub.",
        '"I\'ve lent my voice to 200 games," one performer said.',
        '"No AI without consent!" the crowd chanted.',
        'A person familiar with the talks, who spoke on condition of anonymity, said: "They are close."',
    ]
    found = extract_quotes(paras)
    assert len(found) == 3
    assert all(f.speaker_name == "" and f.speaker_kind == "" for f in found)
    assert found[0].speaker_mention == "one performer"


def test_pronoun_with_no_fitting_antecedent_is_unattributed():
    paras = ["The strike entered its third week.", '"We are tired," she said.']
    (f,) = extract_quotes(paras)
    assert (f.speaker_mention, f.speaker_name, f.speaker_kind) == ("she", "", "")
