"""Role descriptions: the person "the spokeswoman", "the Ohio Democrat", "the
34-year-old" or "the union's president" stands for; unnamed sources stay
unattributed."""

from articles.quotes import extract_quotes

from .helpers import by_text, only, quote_by, speaker_of, speakers


def test_role_description_resolves_to_the_person_introduced_with_it():
    paras = [
        "Lorna Beck, a mother of four who lives near the plant, said she was worried.",
        "Her neighbor, Carla Dunn, said she was not.",
        "“I just want the truth,” the mother of four said.",
    ]
    f = only(paras)
    assert f.speaker_name == "Lorna Beck"


def test_role_word_before_the_name_and_age_descriptions():
    paras = [
        "The last touchdown came over safety Devon Price, who fell at the goal line.",
        "“Bad angle, my fault,” the safety said.",
        "Tina Marsh, 34, a welder, joined the picket line.",
        "“We want what they have,” the 34-year-old said.",
    ]
    assert [n for _, n in speakers(paras)] == ["Devon Price", "Tina Marsh"]


def test_the_executive_is_the_named_executive():
    paras = [
        "Chief Executive Officer Dana Pruitt announced the cuts in a memo.",
        "“We have to move faster,” the executive said on a call with analysts.",
    ]
    assert only(paras).speaker_name == "Dana Pruitt"


def test_the_org_executive_needs_that_organisation():
    paras = [
        "Mark Hale, chief executive of Summit Air, and Janet Cole, chief executive of Bluewing Airlines, "
        "testified.",
        "“We are reviewing it,” the Bluewing executive said.",
    ]
    assert only(paras).speaker_name == "Janet Cole"


def test_a_role_with_no_introduction_stays_unattributed():
    paras = [
        "Carla Dunn said the line was long.",
        "“It took an hour,” the cashier said.",
    ]
    assert only(paras).speaker_name == ""


def test_nationality_stands_for_the_player_named_before():
    paras = [
        "The only goal came from a penalty by captain Mateo Ferreyra. “We were not good enough,” the "
        "Paraguayan said.",
    ]
    assert only(paras).speaker_name == "Mateo Ferreyra"


def test_younger_with_a_courtesy_title():
    paras = [
        "Ana Ruiz opened the bakery with her husband, Luis Ruiz, in 1990.",
        "Their son, Marco Ruiz, now runs the ovens.",
        "“It is my turn,” the younger Mr. Ruiz said.",
    ]
    assert only(paras).speaker_name == "Marco Ruiz"


def test_courtesy_title_picks_the_man_or_woman_sharing_a_surname():
    paras = [
        "Grace Lin runs the shop with her husband, Peter Lin.",
        "“We never expected this,” Ms. Lin said.",
        "“Neither did I,” Mr. Lin said.",
    ]
    assert [n for _, n in speakers(paras)] == ["Grace Lin", "Peter Lin"]


def test_epithet_in_narrative_is_not_a_name():
    paras = [
        "Sen. Walt Hagen, R-Neb., pressed the executive on fees.",
        "Lisa Moreau, chief executive of Atlas Airlines, defended them. The Nebraska Republican cut her off.",
        "“Nobody needs extras,” he said.",
    ]
    f = only(paras)
    assert f.speaker_name == "Walt Hagen"


def test_union_leader_is_the_union_president():
    paras = [
        "“We will not accept crumbs,” union president Hernán Soto told Reuters.",
        "Union No. 1 said it had food for weeks.",
        "“We are ready for a long strike,” the union leader said.",
    ]
    assert [n for _, n in speakers(paras)] == ["Hernán Soto", "Hernán Soto"]


def test_unintroduced_age_description_goes_to_the_sentence_subject():
    paras = [
        "Emeka Okafor and Jalen Reed traded baskets all night.",
        "Okafor finished with 27 points, including the winning 3 after Denver’s Reed missed two free throws.",
        "“I’ve dreamed about that shot,” the 24-year-old guard said.",
    ]
    assert only(paras).speaker_name == "Emeka Okafor"


def test_lowercase_owner_role_then_name_before_a_colon():
    paras = [
        "Workers voted to authorize a strike, their union announced Sunday.",
        "The union's president, Janelle Oko, did not mince words at a news conference: “That is a choice "
        "the company made.”",
    ]
    assert quote_by(paras, "That is a choice").speaker_name == "Janelle Oko"


def test_speaker_who_gave_only_a_first_name():
    paras = ["“I just need milk,” said a man who gave only his first name, Doug."]
    assert quote_by(paras, "I just need").speaker_name == "Doug"


def test_person_who_gave_only_a_name_is_the_subject():
    paras = [
        "Premier Arjun Mehta said the plan would work.",
        "One fisherman at the harbour, who gave his name only as Ramesh, said he had voted for Mehta. “I "
        "had hope,” he said.",
    ]
    assert quote_by(paras, "I had hope").speaker_name == "Ramesh"


def test_the_official_after_an_anonymous_official_is_unattributed():
    paras = [
        "Dr. Omar Rahimi, the hospital's chief medical officer, said staff were stretched.",
        "A state official, who spoke on condition of anonymity, said records would be checked. “It may be "
        "a system failure,” the official said.",
    ]
    assert quote_by(paras, "It may be").speaker_name == ""


def test_prosecutors_are_not_a_named_speaker():
    paras = ["Prosecutors wrote in response that the auditors “never saw the ledgers.”"]
    assert quote_by(paras, "never saw").speaker_name == ""


def test_role_word_as_a_possessive_owner_does_not_describe_the_person():
    paras = [
        "Hartley captain Imran Baig-Khan scored an unbeaten 88.",
        "Among the crowd was Nasreen Baig, the captain's mother, who flew in from Lahore.",
        "“She is always right,” the captain said.",
    ]
    assert quote_by(paras, "She is always").speaker_name == "Imran Baig-Khan"


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


def test_unnamed_employee_who_declined_to_give_name_is_unattributed():
    paras = [
        "Company spokesman Leopold Ashdown-Pryce said the hotels would reopen.",
        "A Marlowe manager, who declined to give his name, said the restaurants were open. \u201cWe are "
        "running,\u201d he said.",
    ]
    assert speaker_of(paras, "We are running") == ""


def test_role_given_in_the_next_sentence():
    paras = [
        "Cosmo Haverstock-Biel joined the team in 2019. He is a virologist at the institute who studies "
        "bats.",
        "Other researchers were cautious.",
        "\u201cBats do not read our models,\u201d the virologist said.",
    ]
    assert speaker_of(paras, "Bats do not") == "Cosmo Haverstock-Biel"


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


def test_role_given_in_the_next_sentence_after_an_appositive_subject():
    paras = [
        "Her co-author, Leofric Anand-Thorsby, spent a year at sea. He is an oceanographer at the institute.",
        "Other scientists were cautious.",
        "\u201cThe sea keeps its own books,\u201d the oceanographer said.",
    ]
    assert speaker_of(paras, "The sea keeps") == "Leofric Anand-Thorsby"


def test_possessive_kin_phrase_resolves_to_named_relative():
    paras = [
        "At the station, Marlene Okafor-Voss and her husband, Bertram, waited for a train.",
        "\u201cWe have waited three hours,\u201d Marlene Okafor-Voss said.",
        "\u201cIt is not the drivers\u2019 fault,\u201d her husband said.",
    ]
    assert speaker_of(paras, "It is not") == "Bertram"


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


def test_owner_role_and_appositive_name_before_a_participle():
    paras = [
        "RideNow's chief executive, Marcus Feld, said as much last spring, telling CNBC that drivers "
        '"don\'t want to be employees."'
    ]
    assert speakers(paras) == [("don't want to be employees.", "Marcus Feld")]


def test_party_description_resolves_through_the_label():
    paras = [
        "“We waited long enough,” Sen. Karen Whitfield, D-Ohio, said in a floor speech.",
        "House Speaker Dan Mercer, R-La., told reporters he had not read the bill.",
        "“I think we can get there,” the Ohio Democrat told reporters after the vote.",
    ]
    assert [n for _, n in speakers(paras)] == ["Karen Whitfield", "Karen Whitfield"]


def test_role_description_goes_to_the_person_just_named():
    paras = [
        "Andre Whitaker added 21 points.",
        "Whitaker, who has been playing through a bruised knee, shrugged. “I’ll play,” the 6-foot-9 "
        "forward said.",
    ]
    assert speakers(paras) == [("I’ll play", "Andre Whitaker")]


def test_nationality_description_goes_to_the_person_just_named():
    paras = [
        "Leeds United manager Tomas Brandt insists he retains the backing of his players.",
        "The German, who was appointed in the summer, faced fresh questions. 'I understand,' said Brandt.",
        "The German added: 'It is not a crisis.'",
    ]
    found = extract_quotes(paras)
    assert by_text(found, "It is not").speaker_name == "Tomas Brandt"


def test_the_spokeswoman_is_the_named_spokeswoman():
    paras = [
        '"We need cars off the streets," Minneapolis Public Works spokeswoman Sarah Larsen said.',
        'Crews will work overnight, the spokeswoman said. "Please be patient," the spokeswoman said.',
    ]
    assert [n for _, n in speakers(paras)] == ["Sarah Larsen", "Sarah Larsen"]


def test_elder_and_younger_of_two_people_sharing_a_surname():
    paras = [
        "Tony Russo and his son, Michael Russo, spent the night in their bathtub.",
        "“It sounded like a freight train,” the elder Russo, 67, told reporters.",
        "“That’s on me,” the younger Russo said.",
    ]
    assert [n for _, n in speakers(paras)] == ["Tony Russo", "Michael Russo"]
