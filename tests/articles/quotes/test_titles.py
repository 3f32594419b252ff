"""Titles and descriptions of a person: courtesy titles, offices, ranks,
professions, party labels and appositives, on invented text."""

from articles.quotes import extract_quotes

from .helpers import only, quote_by, speaker_of, speakers


def test_uk_councillor_abbreviation_is_a_title():
    paras = [
        "The council leader, Cllr Martin Hoyle, defended the offer. 'It is fair,' said Cllr Hoyle."
    ]
    assert only(paras).speaker_name == "Martin Hoyle"


def test_age_before_a_role_appositive_makes_a_person():
    paras = [
        "Shondra Pettiford was elected president of the local in November.",
        "Pettiford, 47, a bus operator for 19 years, sat down with the Courier. Spokesman Glen Hadley "
        "declined to comment.",
        "Q: What do riders not understand?",
        "A: That we're alone out there.",
        "Q: Are you prepared to strike?",
        "A: Nobody wants a strike.",
    ]
    assert {n for _, n in speakers(paras)} == {"Shondra Pettiford"}


def test_profession_before_a_name_is_a_title():
    paras = [
        "Epidemiologist Chinonso Eze, who lives near the plant, spoke at the meeting.",
        "“The data are clear,” Eze said.",
    ]
    assert quote_by(paras, "The data").speaker_name == "Chinonso Eze"


def test_capitalised_role_noun_before_a_known_given_name_is_a_title():
    paras = [
        "Headliner Maria Castellanos-Rue posted a video on Sunday.",
        "“I'm so sorry, Texas,” the singer said.",
    ]
    assert quote_by(paras, "I'm so sorry").speaker_name == "Maria Castellanos-Rue"


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


def test_educator_is_a_title():
    paras = ["Educator Philomena Okonkwo-Rees held a sign. \u201cI love this job,\u201d she said."]
    assert speaker_of(paras, "I love") == "Philomena Okonkwo-Rees"


def test_abbreviated_rank_matches_the_spelled_out_role():
    paras = [
        "Police Lt. Ermengarde Szabo-Wicks said the alarms had been disconnected.",
        "A neighbour pulled two people from the building.",
        "\u201cHe saved two lives,\u201d the lieutenant said.",
    ]
    assert speaker_of(paras, "He saved") == "Ermengarde Szabo-Wicks"


def test_title_dropped_and_appositive_kept():
    paras = [
        "Dr. Corrine McIntosh Sako, a licensed clinical psychologist, said she declined the offer.",
        "“Kaiser needs to do better,” said Sako.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Corrine McIntosh Sako"
    assert f.speaker_description == "licensed clinical psychologist"


def test_parenthetical_party_label_after_the_name():
    paras = ['Sen. Laura Whitby (D-Va.) wrote on X: "Big night in Virginia."']
    assert speakers(paras) == [("Big night in Virginia.", "Laura Whitby")]


def test_trades_and_offices_opening_a_sentence_are_titles_not_names():
    for title in (
        "Shopkeeper",
        "Florist",
        "Dispatcher",
        "Linesman",
        "Conciliator",
        "Vendor",
        "Fisherman",
        "Guest",
        "Tourist",
    ):
        paras = [
            "Drivers at Corran Buses Ltd walked off the job on Monday.",
            f"{title} Odile Brancart, who has been at the depot for years, said the strike was "
            "“long coming.”",
        ]
        assert only(paras).speaker_name == "Odile Brancart", title


def test_an_office_then_its_holder_in_apposition_gives_the_holder():
    paras = [
        "Dockers at Harwich Box Ltd walked out on Monday.",
        "The Minister of Ports and Inland Shipping, Wiebke Aalders, said she was “following it "
        "closely.”",
    ]
    f = only(paras)
    assert f.speaker_name == "Wiebke Aalders"
    assert f.side == "government"
    paras = [
        "Dockers at Harwich Box Ltd walked out on Monday.",
        "Norway's Minister of Trade, Industry and Fisheries, Ottar Brekkvik, urged both sides "
        "to “find a way.”",
    ]
    f = only(paras)
    assert (f.speaker_name, f.side) == ("Ottar Brekkvik", "government")


def test_an_office_with_its_portfolio_in_capitals_then_a_name_gives_the_name():
    paras = [
        "Dockers at Harwich Box Ltd walked out on Monday.",
        "Minister of Labour and Social Cohesion Vibeke Strand said the government was "
        "following the strike “very closely.”",
    ]
    f = only(paras)
    assert (f.speaker_name, f.side) == ("Vibeke Strand", "government")


def test_an_office_with_a_portfolio_but_no_name_stays_as_it_is():
    paras = [
        "Dockers at Harwich Box Ltd walked out on Monday.",
        "The Minister of Social Affairs and Employment said the dispute was “a matter for the "
        "parties.”",
    ]
    assert only(paras).speaker_name != "Affairs Employment"


def test_a_speaker_who_gave_only_a_first_name_keeps_the_description():
    paras = [
        "Bakers at Hollin Loaf Ltd walked off the job on Sunday.",
        "A mixer operator leaving the plant, who gave his name only as Tadgh, said he had "
        "crossed because he “can't miss a rent payment.”",
    ]
    f = only(paras)
    assert (f.speaker_name, f.side) == ("Tadgh", "labor")


def test_an_experts_word_opening_the_sentence_is_no_part_of_the_name():
    paras = [
        "Cinema staff walked out across the city on Saturday.",
        "Academic Leung Ka-wai, who studies wages at a city university, said the walkout was "
        "rare. “Strikes here are almost unknown,” she said.",
    ]
    assert extract_quotes(paras)[0].speaker_name == "Leung Ka-wai"


def test_an_office_in_capitals_is_not_the_person_a_pronoun_stands_for():
    paras = [
        "About 300 workers at the Tema flour mill downed tools on Monday.",
        "The company's Mill Manager, Mr Kojo Asante, said the kilns had been shut for safety. "
        "“We respect our workers' right to raise concerns,” he said.",
    ]
    assert extract_quotes(paras)[0].speaker_name == "Kojo Asante"
