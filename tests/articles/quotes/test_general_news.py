"""General news-copy patterns found by the independent challenge set
(benchmarks/gold/quotes_independent): one test per fix, on invented text."""

from articles.quotes import extract_quotes

from .helpers import by_text, speakers

# -- quote marks ------------------------------------------------------------------


def test_british_single_quotes_with_a_nested_double_quote():
    paras = [
        "Dr Robert Laurenson, co-chair of the committee, said: 'It is shameful that ministers walked away.'",
        "He added: 'Ministers keep telling us to \"be reasonable\", but what is reasonable about a pay cut?'",
        "A Department of Health and Social Care spokesperson said: 'We are working to minimise disruption.'",
    ]
    found = extract_quotes(paras)
    assert [f.text for f in found] == [
        "It is shameful that ministers walked away.",
        'Ministers keep telling us to "be reasonable", but what is reasonable about a pay cut?',
        "We are working to minimise disruption.",
    ]
    assert [f.speaker_name for f in found] == [
        "Robert Laurenson",
        "Robert Laurenson",
        "Department of Health and Social Care",
    ]


def test_american_article_with_nested_single_quotes_stays_double_quoted():
    paras = [
        "“I told her, ‘Forget it,’” said Jorge Diaz. “We're alive.”",
        "'Hey' is what she said, Ana Ruiz recalled.",
    ]
    assert [f.text for f in extract_quotes(paras)][:2] == [
        "I told her, ‘Forget it,’",
        "We're alive.",
    ]


def test_nested_quote_closing_with_the_outer_one_keeps_its_cue():
    paras = [
        "Bill Szymanski, the local's president, spoke at the hall.",
        "“The company keeps saying ‘shared sacrifice,’” he added. “Show me what the executives are "
        "sacrificing.”",
    ]
    found = extract_quotes(paras)
    assert [f.speaker_name for f in found] == ["Bill Szymanski", "Bill Szymanski"]


# -- what is not a quotation ------------------------------------------------------


def test_sign_text_is_not_a_quote():
    paras = [
        "Back at the union hall, a hand-lettered sign above the coffee pot reads “One Day Longer.” Kovach "
        "pointed to it.",
        'Many held handmade signs. One read "My rent went up 30%. Did your wages?"',
        'Workers carried signs reading "Justice for Luis" and chanted "Safety over speed!" outside the gate.',
    ]
    found = extract_quotes(paras)
    assert [f.text for f in found] == ["Safety over speed!"]
    # The chant's subject is the generic "Workers", not whoever spoke before.
    assert found[0].speaker_name == ""


def test_work_title_is_not_a_quote_even_with_a_cue_after_it():
    paras = [
        'In her 2021 book "Ghost Bosses," the labor historian Dana Whitfield writes that the apps built '
        '"a workplace with all of the control of a factory."',
        "In his new film, “Iron Season,” he plays a boxer.",
        "“Iron Season” opens in theaters Friday.",
    ]
    found = extract_quotes(paras)
    assert [f.text for f in found] == ["a workplace with all of the control of a factory."]
    assert found[0].speaker_name == "Dana Whitfield"


def test_nickname_is_not_a_quote_and_the_name_stays_whole():
    paras = [
        "Andre “Bones” Whitaker added 21 points for Golden State.",
        "“We’ve been here before,” Whitaker said.",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.speaker_kind) == ("Andre Whitaker", "person")


# -- Q&A interviews ---------------------------------------------------------------


def test_qa_answers_are_quotes_of_the_interviewee():
    paras = [
        "Tessa Marlowe's third novel follows a steel family. Marlowe spent six years on it.",
        "Marlowe spoke with the Gazette. The interview has been edited for length.",
        "Q: Why the 1959 strike?",
        'A: It was the longest steel strike. My grandfather called it "the summer we ate beans."',
        "Q: What's next?",
        "A: Sleep.",
        "Marlowe will read on Saturday.",
    ]
    found = extract_quotes(paras)
    assert [f.text for f in found] == [
        'It was the longest steel strike. My grandfather called it "the summer we ate beans."',
        "Sleep.",
    ]
    assert {f.speaker_name for f in found} == {"Tessa Marlowe"}


# -- names ------------------------------------------------------------------------


def test_role_words_before_a_name_are_not_part_of_it():
    paras = [
        '"This is a political strike," said Ald. Raymond Lopez, a critic of the mayor.',
        'NEXT Weather Meteorologist Chris Shaffer says more snow is coming. "We\'re not done yet," Shaffer '
        "said.",
        'Housekeeper Dolores Pina, 58, said her workload doubled. "My back hurts," Pina said.',
        'Republican Derek Vance conceded. "The voters have spoken," Vance said.',
        '"Please be patient," County Recorder Stephen Ruiz said.',
    ]
    assert [n for _, n in speakers(paras)] == [
        "Raymond Lopez",
        "Chris Shaffer",
        "Dolores Pina",
        "Derek Vance",
        "Stephen Ruiz",
    ]


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


def test_ampersand_and_possessive_inside_organisation_names():
    paras = [
        "Florida Power & Light said it had 20 crews ready. “This will be a multiday restoration,” the "
        "utility said.",
        "The Hamilton County Sheriff's Office, which assisted, thanked neighbors on Facebook. "
        '"Thank you for your patience," the post read.',
    ]
    assert [n for _, n in speakers(paras)] == [
        "Florida Power & Light",
        "Hamilton County Sheriff's Office",
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


def test_state_abbreviation_ends_the_place_before_a_name():
    paras = [
        "It's already 91 degrees south of Homestead, Fla. Esteban Morales, 44, has been picking since 6.",
        '"You drink water, you keep going," Morales says.',
    ]
    assert speakers(paras) == [("You drink water, you keep going", "Esteban Morales")]


def test_surname_used_before_the_full_name_live_blog():
    paras = [
        "11:55 p.m. ET",
        '"We\'re going to sleep for three days," Okonkwo joked as she left.',
        "11:42 p.m. ET",
        "Democrat Maya Okonkwo has won the race for the 7th District.",
    ]
    assert speakers(paras) == [("We're going to sleep for three days", "Maya Okonkwo")]


# -- cues -------------------------------------------------------------------------


def test_name_followed_by_a_place_after_said():
    paras = [
        '"This tragedy was preventable," said OSHA Area Director Angeline Loftus in Aurora. "It must not '
        'happen again."'
    ]
    assert [n for _, n in speakers(paras)] == ["Angeline Loftus", "Angeline Loftus"]


def test_analysts_led_by_a_named_person():
    paras = [
        "Morgan Stanley analysts led by Keith Wren wrote in a note that they view the cuts “as a sign of "
        "discipline.”"
    ]
    assert speakers(paras) == [("as a sign of discipline.", "Keith Wren")]


def test_owner_role_and_appositive_name_before_a_participle():
    paras = [
        "RideNow's chief executive, Marcus Feld, said as much last spring, telling CNBC that drivers "
        '"don\'t want to be employees."'
    ]
    assert speakers(paras) == [("don't want to be employees.", "Marcus Feld")]


def test_lowercase_role_between_body_and_name_in_a_colon_cue():
    paras = [
        "Council member Priya Natarajan, who chairs the housing committee, posted on X shortly before the "
        "meeting: "
        '"Proud to stand with tenants today."'
    ]
    assert speakers(paras) == [("Proud to stand with tenants today.", "Priya Natarajan")]


def test_parenthetical_party_label_after_the_name():
    paras = ['Sen. Laura Whitby (D-Va.) wrote on X: "Big night in Virginia."']
    assert speakers(paras) == [("Big night in Virginia.", "Laura Whitby")]


def test_base_form_speech_verb_governs_a_fragment():
    paras = [
        'Every few months, an executive goes on television to tell us that drivers "love the flexibility."'
    ]
    (f,) = extract_quotes(paras)
    assert (f.text, f.is_fragment, f.speaker_name) == ("love the flexibility.", True, "")


def test_document_owner_named_after_the_document():
    paras = [
        "In a lawsuit filed in Delaware, Harvest Markets Inc said Northgate Foods Corp had breached the "
        "deal.",
        'According to the filing, Harvest is seeking "billions of dollars in damages."',
    ]
    assert speakers(paras) == [("billions of dollars in damages.", "Harvest Markets Inc")]


def test_colon_cue_after_a_full_stop_belongs_to_the_next_quote():
    paras = [
        'Northgate Foods said it had "acted in good faith throughout." A Northgate spokesperson said in an '
        "email: "
        '"We will review our options."'
    ]
    a, b = extract_quotes(paras)
    assert (a.is_fragment, b.is_fragment) == (True, False)
    assert a.speaker_name == b.speaker_name == "Northgate Foods"


# -- coreference ------------------------------------------------------------------


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


def test_pronoun_prefers_a_person_known_to_fit():
    paras = [
        "Gov. Ron Harlan said the storm was dangerous.",
        "FEMA Administrator Karen Holt, who spoke with Harlan by phone, said supplies were ready. "
        "“We are ready to support the state,” she said.",
    ]
    assert speakers(paras) == [("We are ready to support the state", "Karen Holt")]


def test_they_after_a_crowd_is_the_crowd():
    paras = [
        "Trinidad Ruiz, an organizer with the Los Angeles Tenants Union, spoke from the steps.",
        'When Ruiz asked the crowd what they wanted, they shouted back: "Right to counsel!"',
    ]
    assert speakers(paras) == [("Right to counsel!", "")]


def test_plural_unions_are_not_one_union():
    paras = [
        "The Tennessee Education Association sued along with two other unions.",
        'The unions argued in their complaint that the law was "retaliation, plain and simple," for their '
        "views.",
    ]
    assert speakers(paras) == [("retaliation, plain and simple", "")]


def test_dateline_and_quantity_are_not_the_subject():
    paras = [
        'LOS ANGELES — Hundreds of tenants rallied outside City Hall on Tuesday, chanting "Housing is a '
        'human right!"'
    ]
    (f,) = extract_quotes(paras)
    assert (f.text, f.speaker_name, f.is_fragment) == ("Housing is a human right!", "", False)


def test_organisation_that_said_it_did_something_is_the_utility():
    paras = [
        "Southern California Edison said it had shut off power to 75,000 customers.",
        '"We understand how disruptive these shutoffs are," the utility said in a post on X.',
    ]
    assert speakers(paras) == [
        ("We understand how disruptive these shutoffs are", "Southern California Edison")
    ]


# -- found by the last fresh batch (h_r3_*) -----------------------------------------


def test_next_sentence_of_indirect_speech_is_not_a_cue():
    paras = [
        'The White House issued a statement calling the bill "a political stunt." Press secretary Nina '
        "Alvarez "
        "said President Paul Whitmer would veto it.",
        'Advocates rallied outside, chanting "No human is illegal!" One of them, Jorge Medina, said he had '
        "crossed the border as a child.",
    ]
    a, b = extract_quotes(paras)
    assert (a.speaker_name, a.is_fragment) == ("White House", True)
    assert b.speaker_name == ""


def test_capitalised_modifier_of_a_common_noun_is_not_the_subject():
    paras = ['Immigration advocates rallied outside the Capitol, chanting "No human is illegal!"']
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.is_fragment) == ("", False)


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


def test_missing_opening_mark_after_a_narrative_sentence():
    paras = [
        "Resident Keisha Monroe said she woke up to her neighbor pounding on her door. We just grabbed the "
        "kids "
        "and ran,” Monroe said. “I didn't even have shoes on.\""
    ]
    found = extract_quotes(paras)
    assert [(f.text, f.speaker_name) for f in found] == [
        ("We just grabbed the kids and ran", "Keisha Monroe"),
        ("I didn't even have shoes on.", "Keisha Monroe"),
    ]
