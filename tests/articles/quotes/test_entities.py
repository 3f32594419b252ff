"""Who is who in an article: surnames, spelling variants, short forms and
acronyms linked to the full name; people, organisations and places told apart."""

from articles.quotes import extract_quotes

from .helpers import only, quote_by, speaker_of, speakers


def test_org_appositive_makes_an_organisation_for_the_company():
    paras = [
        "Workers at Halvard Cells, a joint venture between two automakers, walked out on Monday.",
        "Halvard said in a statement that it was disappointed.",
        "“Our offer is fair,” the company said.",
    ]
    f = only(paras)
    assert (f.speaker_name, f.speaker_kind) == ("Halvard Cells", "organization")


def test_short_form_of_an_organisation_links_to_its_full_name():
    paras = [
        "The family sued Red Mesa Freight Lines last year.",
        "“We will appeal,” Red Mesa said in a statement.",
        "A spokesman for Red Mesa Freight said the company had “followed every rule.”",
    ]
    assert [n for _, n in speakers(paras)] == ["Red Mesa Freight Lines", "Red Mesa Freight Lines"]


def test_short_form_of_a_hospital_links_to_its_full_name():
    paras = [
        "Nurses at Fairmount Methodist Medical Center walked out on Tuesday.",
        "In a statement, Fairmount said it was “deeply disappointed.”",
    ]
    f = only(paras)
    assert f.speaker_name == "Fairmount Methodist Medical Center"


def test_bare_surname_keeps_the_person_it_was_used_for():
    paras = [
        "Dolores Vance started at the plant in 1984.",
        "“You starve it,” Vance said.",
        "Her father, Walt, was a batch mixer.",
        "Walt Vance died in 2009.",
        "Vance was one of the last 40 workers. On the final day, she said, the crew signed the furnace wall.",
        "“I wrote my dad's name, not mine,” she said.",
    ]
    assert quote_by(paras, "I wrote").speaker_name == "Dolores Vance"


def test_adjective_and_lowercase_government_is_an_organisation():
    paras = [
        "Care workers will strike next week, the GMB said.",
        "A Welsh government spokesperson said: “Pay is a matter for employers.”",
        "The Dundee Council closed schools. The Scottish government said it had provided “record funding” "
        "this year.",
    ]
    found = dict(speakers(paras))
    assert found["Pay is a matter for employers."] == "Welsh government"
    assert found["record funding"] == "Scottish government"


def test_industry_word_makes_an_organisation_after_a_role_like_noun():
    paras = [
        "About 600 staff employed by contractor Skyway Aviation will strike from Friday.",
        "Skyway Aviation hit back, saying the offer was “generous.”",
        "A spokesman for the firm said: “Our door remains open.”",
    ]
    assert quote_by(paras, "Our door").speaker_name == "Skyway Aviation"


def test_multi_word_surname_of_an_unlisted_given_name_links_to_the_full_name():
    paras = [
        "Rowena Dela Paz, a ward clerk, said she had worked there for nine years.",
        "“We are tired,” said Harold Finch, a porter.",
        "Dela Paz added that she would strike again. “We have no choice.”",
    ]
    assert quote_by(paras, "We have no").speaker_name == "Rowena Dela Paz"


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


def test_double_surname_first_part_on_second_reference():
    paras = [
        "Anacleto Quispe Mamani, 41, arrived from Puno on Sunday.",
        "\u201cWe walked for a week,\u201d Quispe said through an interpreter.",
    ]
    assert speaker_of(paras, "We walked") == "Anacleto Quispe Mamani"


def test_outlet_only_named_as_addressee_is_not_the_company():
    paras = [
        "Brightwater Ferries Ltd cancelled 40 sailings on Monday.",
        "\u201cSafety comes first,\u201d union organiser Tamsin Quayle told The Island Times.",
        "\u201cWe expect normal service on Tuesday,\u201d the company said.",
    ]
    assert speaker_of(paras, "We expect") == "Brightwater Ferries Ltd"


def test_organisations_with_different_middle_words_are_not_merged():
    paras = [
        "The Northern Junior Doctors Association said the plan was \u201ca trap.\u201d",
        "The Northern Midwives Association said it was \u201cunsafe.\u201d",
    ]
    assert speaker_of(paras, "a trap") == "Northern Junior Doctors Association"
    assert speaker_of(paras, "unsafe") == "Northern Midwives Association"


def test_name_used_as_a_union_is_not_the_airline():
    paras = [
        "Pilots at Nordavia's regional arm walked out on Friday.",
        "The Flieger Verband (FV) pilots' union called the strike after talks failed.",
        "\u201cWe had no choice,\u201d union spokesman Ulrich Hanke said.",
        "The airline said it expected \u201csignificant disruption\u201d to continue.",
    ]
    assert speaker_of(paras, "significant disruption") == "Nordavia"


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


def test_two_word_surname_on_second_reference():
    paras = [
        '"We are not going back," union President Stacy Davis Gates told reporters.',
        'Davis Gates said talks would resume. "We\'ll be there," she said.',
    ]
    assert [n for _, n in speakers(paras)] == ["Stacy Davis Gates", "Stacy Davis Gates"]


def test_organisation_short_forms_link_to_the_full_name():
    paras = [
        "Ken Hashimoto spoke for the Apartment Association of Orange County. The plant is owned by "
        "Allegheny Coke Co.",
        'The Apartment Association said it was "evaluating all options." Allegheny Coke said its offer was '
        '"fair."',
    ]
    assert [n for _, n in speakers(paras)] == [
        "Apartment Association of Orange County",
        "Allegheny Coke Co.",
    ]


def test_organisation_name_with_of_in_the_cue():
    paras = [
        "The Association of American Railroads, the industry’s main lobbying group, said it supported "
        "“common-sense safety measures.”"
    ]
    assert speakers(paras) == [
        ("common-sense safety measures.", "Association of American Railroads")
    ]


def test_shared_surname_goes_to_the_person_mentioned_last():
    paras = [
        'Ana Hernandez, a tenant, spoke first. "Where are we supposed to go?" she asked.',
        'Councilmember Johnathan Ryan Hernandez thanked her. "You shouldn\'t have to beg," Hernandez said.',
        'Ana Hernandez, reached by phone later, was relieved. "I slept for the first time in weeks," '
        "Hernandez said.",
    ]
    assert [n for _, n in speakers(paras)] == [
        "Ana Hernandez",
        "Johnathan Ryan Hernandez",
        "Ana Hernandez",
    ]


def test_couple_sharing_a_surname_and_first_name_references():
    paras = [
        "Rosa and Miguel Lopez opened the bakery in 1984.",
        '"My hands don\'t work like they used to," Miguel said.',
        'Rosa said it was harder for her. "This place is my whole life," she said.',
    ]
    assert [n for _, n in speakers(paras)] == ["Miguel Lopez", "Rosa Lopez"]


def test_a_place_is_never_the_speaker():
    paras = [
        "Their son, Daniel Lopez, a software engineer in San Jose, said nobody wanted the bakery.",
        '"We all grew up here," he said.',
    ]
    assert speakers(paras) == [("We all grew up here", "Daniel Lopez")]


def test_surname_used_before_the_full_name_live_blog():
    paras = [
        "11:55 p.m. ET",
        '"We\'re going to sleep for three days," Okonkwo joked as she left.',
        "11:42 p.m. ET",
        "Democrat Maya Okonkwo has won the race for the 7th District.",
    ]
    assert speakers(paras) == [("We're going to sleep for three days", "Maya Okonkwo")]


def test_plural_unions_are_not_one_union():
    paras = [
        "The Tennessee Education Association sued along with two other unions.",
        'The unions argued in their complaint that the law was "retaliation, plain and simple," for their '
        "views.",
    ]
    assert speakers(paras) == [("retaliation, plain and simple", "")]


def test_statement_owner_found_alike_with_letters_that_match_only_ignoring_case():
    # The owner of "a statement" is read from the lowercased paragraph; a
    # paragraph with "İ" (two letters lowercased) or the long s ("ſ", an "s"
    # only case-insensitively) is read case-insensitively instead, and the
    # owner is the same.
    paras = [
        "About 6,000 workers at Thanh Phat Footwear Co Ltd stopped work on Monday.",
        "Thanh Phat, which is majority owned by Taiwan-based Everstride Holdings, said in a "
        "statement emailed to Reuters that new orders were down 30%.",
        '"The company deeply regrets that it is unable to pay the full bonus," the statement said.',
    ]
    dotted = [paras[0], paras[1].replace("Taiwan", "İstanbul"), paras[2]]
    long_s = [paras[0], paras[1].replace("emailed", "emailed (ſic)"), paras[2]]
    for article in (paras, dotted, long_s):
        assert only(article).speaker_name == "Thanh Phat Footwear Co Ltd"
