"""Speaker-attribution patterns found by the fifth challenge set
(benchmarks/gold/quotes_round5): one test per fix, on invented text."""

from .helpers import quote_by

# -- names ---------------------------------------------------------------------------


def test_name_starting_with_a_non_ascii_capital_is_a_name():
    paras = [
        "Writing in the journal Filmkritik, critic Søren Ødegaard called the film “long but lovely.”"
    ]
    assert quote_by(paras, "long but").speaker_name == "Søren Ødegaard"


def test_capitalised_particle_opening_a_name_is_kept():
    paras = [
        "Le Van Minh, deputy head of the district labour office, said talks had stalled.",
        "“Both sides must give something,” Minh said.",
    ]
    assert quote_by(paras, "Both sides").speaker_name == "Le Van Minh"


def test_profession_before_a_name_is_a_title():
    paras = [
        "Epidemiologist Chinonso Eze, who lives near the plant, spoke at the meeting.",
        "“The data are clear,” Eze said.",
    ]
    assert quote_by(paras, "The data").speaker_name == "Chinonso Eze"


def test_multi_word_surname_of_an_unlisted_given_name_links_to_the_full_name():
    paras = [
        "Rowena Dela Paz, a ward clerk, said she had worked there for nine years.",
        "“We are tired,” said Harold Finch, a porter.",
        "Dela Paz added that she would strike again. “We have no choice.”",
    ]
    assert quote_by(paras, "We have no").speaker_name == "Rowena Dela Paz"


def test_two_companies_joined_by_and_after_a_corporate_suffix_are_two_names():
    paras = [
        "Regulators sued to block the merger of Greenfield Foods Inc and Marlow Markets on Monday.",
        "“We will fight this,” Greenfield Foods said in a statement.",
    ]
    f = quote_by(paras, "We will fight")
    assert f.speaker_name == "Greenfield Foods Inc"


def test_short_form_of_a_company_with_a_corporate_suffix_links_to_it():
    paras = [
        "Workers struck at the plant of Minh Long Textiles Co Ltd on Monday.",
        "“We regret the situation,” Minh Long said.",
    ]
    f = quote_by(paras, "We regret")
    assert (f.speaker_name, f.speaker_kind) == ("Minh Long Textiles Co Ltd", "organization")


def test_sports_club_name_is_an_organisation_not_a_woman():
    paras = [
        "Kestrel Athletic lost 2-1 on Saturday.",
        "Kestrel Athletic manager Aoife Brennan-Kaur defended her players. “We ran out of legs,” she told "
        "reporters.",
    ]
    assert quote_by(paras, "We ran out").speaker_name == "Aoife Brennan-Kaur"


def test_newspaper_name_in_a_byline_is_not_a_person():
    paras = [
        "By Dana Cole | The Savannah Ledger",
        "Maria Bright, 44, is one of 31 workers hurt at the plant, according to records reviewed by the "
        "Ledger.",
        "“Injuries are up,” the Ledger said.",
    ]
    assert quote_by(paras, "Injuries").speaker_kind == "organization"


# -- pronouns and unnamed speakers ----------------------------------------------------


def test_subject_takes_gender_from_the_next_sentences_pronoun():
    paras = [
        "Defence lawyer Radoslaw Wierzbicki questioned the witness for an hour. During cross-examination, "
        "he asked about her pay.",
        "“You were paid well,” Wierzbicki said.",
        "“Not for that job,” she answered.",
    ]
    assert quote_by(paras, "Not for that").speaker_name == ""
    paras2 = [
        "Ewelina Mroczek, 51, a bookkeeper, testified on Tuesday. Mroczek said she warned the owner.",
        "Defence lawyer Radoslaw Wierzbicki questioned her for an hour. During cross-examination, he asked "
        "about her pay.",
        "“You were paid well,” Wierzbicki said.",
        "“Not for that job,” she answered.",
    ]
    assert quote_by(paras2, "Not for that").speaker_name == "Ewelina Mroczek"


def test_time_phrase_opening_a_sentence_is_not_an_unnamed_speaker():
    paras = [
        "Ngo Van Hieu, a technician, said he had reported the fault. “I told my lead,” Hieu said.",
        "A day after the accident, he said, the guard was fixed.",
        "“So they can fix it,” he said.",
    ]
    assert quote_by(paras, "So they can").speaker_name == "Ngo Van Hieu"


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


# -- organisations and documents ------------------------------------------------------


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


# -- cues ----------------------------------------------------------------------------


def test_adverb_after_the_subject_is_not_part_of_the_name():
    paras = [
        "The developer, Ashford Crane Partners, presented its plan.",
        "Ashford Crane later issued a statement saying it was “disappointed by the delay.”",
    ]
    assert quote_by(paras, "disappointed").speaker_name == "Ashford Crane Partners"


def test_subject_before_a_first_predicate_and_but_said():
    paras = [
        "Moonrise Entertainment said the tour was off.",
        "A spokesman for Moonrise declined to comment on the criticism but said the company “follows "
        "medical advice.”",
    ]
    assert quote_by(paras, "follows").speaker_name == "Moonrise Entertainment"


def test_reminded_governs_a_fragment_of_the_sentence_subject():
    paras = [
        "Judge Harriet Okafor admonished the gallery and reminded jurors to ignore “any noise from the "
        "public.”"
    ]
    f = quote_by(paras, "any noise")
    assert (f.speaker_name, f.is_fragment) == ("Harriet Okafor", True)


def test_estimated_governs_a_fragment():
    paras = [
        "“How many jobs are full-time?” asked council member Lars Eklund.",
        "The developer's vice president, Mirela Costa, said she did not have a breakdown but estimated "
        "“around half.”",
    ]
    f = quote_by(paras, "around half")
    assert (f.speaker_name, f.is_fragment) == ("Mirela Costa", True)


def test_and_urged_to_verb_quote_is_the_first_subjects():
    paras = [
        "The Gulf Oyster Council, an industry group, said imports had doubled and urged regulators to "
        "enforce “the rules we already have.”"
    ]
    assert quote_by(paras, "the rules").speaker_name == "Gulf Oyster Council"


def test_according_to_a_transcript_keeps_the_speech_verbs_subject():
    paras = [
        "Finance chief Lin Mei-hua told analysts last month that the group was “reviewing its footprint,” "
        "according to a transcript."
    ]
    f = quote_by(paras, "reviewing")
    assert (f.speaker_name, f.is_fragment) == ("Lin Mei-hua", True)


# -- from the held-out batch (h_) -------------------------------------------------------


def test_role_word_as_a_possessive_owner_does_not_describe_the_person():
    paras = [
        "Hartley captain Imran Baig-Khan scored an unbeaten 88.",
        "Among the crowd was Nasreen Baig, the captain's mother, who flew in from Lahore.",
        "“She is always right,” the captain said.",
    ]
    assert quote_by(paras, "She is always").speaker_name == "Imran Baig-Khan"


def test_two_countries_joined_by_and_open_one_organisation_name():
    paras = [
        "The England and Wales Netball Board congratulated the club, calling the win “a triumph for the "
        "game.”"
    ]
    assert quote_by(paras, "a triumph").speaker_name == "England and Wales Netball Board"


def test_capitalised_role_noun_before_a_known_given_name_is_a_title():
    paras = [
        "Headliner Maria Castellanos-Rue posted a video on Sunday.",
        "“I'm so sorry, Texas,” the singer said.",
    ]
    assert quote_by(paras, "I'm so sorry").speaker_name == "Maria Castellanos-Rue"


def test_inverted_cue_with_a_role_then_the_name():
    paras = [
        "“This jury said it clearly,” said the family's attorney, Malik Okonjo-Grey, after the verdict."
    ]
    assert quote_by(paras, "This jury").speaker_name == "Malik Okonjo-Grey"
