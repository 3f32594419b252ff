"""Word lists shared by the quote extractor.

Kept in one place so the rules in the other modules read as rules, and so the
vocabulary (speech verbs, titles, organisation words, first names) can be
extended without touching the logic. Everything here is general news English;
nothing is keyed on a particular article.
"""

from __future__ import annotations

import re

from . import given_names


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Finite speech verbs that can form a cue next to a quote ("Smith said",
# "said Smith", "the statement read").
SAY_VERBS = _words(
    """
    said says say told tells added adds wrote writes stressed stresses asked asks
    explained explains noted notes stated states declared declares continued continues
    argued argues insisted insists warned warns recalled recalls acknowledged acknowledges
    admitted admits conceded concedes claimed claims countered counters replied replies
    responded responds answered answers shouted shouts yelled yells chanted chants
    exclaimed exclaims emphasized emphasizes emphasised emphasises tweeted tweets
    posted posts testified testifies announced announces observed observes remarked
    remarks suggested suggests predicted predicts complained complains lamented laments
    cautioned cautions urged urges pledged pledges vowed vows contended contends
    maintained maintains reiterated reiterates quipped quips joked jokes laughed laughs
    sighed sighs concluded concludes agreed agrees echoed echoes boasted boasts
    wondered wonders mused muses affirmed affirms confirmed confirms alleged alleges
    pleaded pleads demanded demands texted emailed messaged read reads recounted recounts
    reported reports whispered sang cried screamed remembered remembers shared
    summarized summed wrote chanting shouting yelling singing posed fumed scoffed snapped
    retorted grumbled griped protested appealed appeals
    """
)

# Verbs that may precede the speaker in an inverted cue: '"...," said Smith'.
# "told" is excluded: in "told Smith" Smith is the listener.
INVERTED_VERBS = _words(
    """
    said says added adds wrote writes asked asks explained explains continued continues
    noted notes recalled recalls stressed stresses argued argues insisted insists warned
    warns replied replies responded responds countered counters remembered observed
    concluded declared exclaimed shouted chanted yelled quipped agreed acknowledged
    admitted conceded emphasized emphasised cautioned lamented reiterated recounted read reads
    """
)

# Verbs that make a short quotation inside running prose a reported fragment
# rather than a scare quote: 'Smith called the offer "insulting"'.
GOVERNING_VERBS = SAY_VERBS | _words(
    """
    called calls calling described describes describing dubbed dubs labeled labelled
    labels termed terms promised promises promising accused accuses accusing praised
    praises criticized criticised criticizes blamed blames dismissed dismisses denounced
    denounces condemned condemns touted touts saying telling writing adding arguing
    warning insisting noting stating describing vowing pledging urging asking tell
    call describe promise insist claim argue warn
    characterized characterised branded brands decried decries hailed hails
    reminded reminds estimated estimates
    """
)

PRONOUNS = {"he": "m", "she": "f", "they": "pl", "it": "n", "we": "pl", "i": "1"}

# Honorifics dropped from the name and not kept as a description.
HONORIFICS = _words(
    "mr mrs ms miss mx dr prof rev sir dame fr dra madam madame mme datuk datin dato haji hajjah"
)

# Capitalised job/office titles written before a name ("Gov. Jane Doe", "UAW
# President Shawn Fain"): dropped from the name, kept as the description.
ROLE_TITLES = _words(
    """
    sen senator rep representative gov governor lt mayor president pres vice judge justice
    secretary chancellor superintendent commissioner councilmember councilman councilwoman
    assemblymember assemblyman assemblywoman chairman chairwoman chair ceo cfo coo cto
    director chief executive officer manager general sgt sergeant officer detective capt
    captain gen col attorney minister premier speaker leader rabbi father sister coach
    principal trustee supervisor alderman alderwoman delegate treasurer comptroller
    controller auditor sheriff deputy inspector commander prime chairperson founder
    co-founder cofounder head economist professor analyst spokesperson spokesman
    spokeswoman organizer organiser steward nurse teacher lawyer negotiator
    ald alderperson councilor councillor council-member congressman congresswoman
    congressmember lawmaker legislator assemblyperson recorder clerk assessor
    administrator member cllr mp msp mep td mla mpp mna mha mpa
    cr colonel brigadier lieutenant opposition
    witness developer victim survivor volunteer juror plaintiff defendant bystander activist
    campaigner grower rancher landowner entrepreneur caregiver carer midwife motorist cyclist
    midfielder defender goalkeeper winger fullback quarterback linebacker cornerback receiver
    pitcher outfielder shortstop infielder batsman bowler batter all-rounder flanker
    coroner constable trooper adm admiral cmdr commodore cpl corporal
    pvt spc specialist det atty asst ambassador envoy consul
    pastor reverend imam bishop archbishop cardinal cantor deacon provost rector
    whip educator interpreter translator critic
    meteorologist forecaster housekeeper driver cashier barista janitor custodian
    firefighter paramedic electrician welder mechanic machinist pharmacist dentist
    physician surgeon psychologist therapist researcher scientist historian author
    novelist actor actress singer rapper democrat republican independent resident
    neighbor neighbour passenger shopper commuter voter tenant landlord homeowner
    retiree customer student parent protester striker picketer shopkeeper florist dispatcher
    linesman conciliator mediator agent trader vendor fisherman farmer guest visitor tourist
    """
)

# Words that mark a capitalised sequence as an organisation.
ORG_WORDS = _words(
    """
    union unions association federation guild brotherhood council department dept inc
    corp corporation company co llc ltd plc group board committee agency authority
    commission administration institute university college district hospital hospitals
    health healthcare workers teamsters local alliance coalition foundation fund trust
    society league party partners bank industries electronics motors airlines airways
    systems services service network press news times post journal tribune herald bee
    reuters project campaign caucus congress senate assembly legislature court office
    ministry government police communications entertainment studios pictures media foods
    markets stores mart coal steel energy oil gas railway rail railroad railroads railways
    companies associations solutions freight enterprises brands properties products
    retail farms ventures financial resorts hotels restaurants chemicals mining
    construction publishing gazette chronicle inquirer courier sentinel reporter
    magazine electric manufacturing automotive aerospace transit
    transportation logistics shipping lines laboratories labs pharmaceuticals technologies
    technology software holdings capital securities analytics insurance organization
    organisation center centre centers centres institutes clinic clinics medical nurses teachers educators pilots
    machinists employees united international national federal state city county
    commonwealth kingdom republic museum library zoo aquarium church airport port house
    aviation trucking drayage telecom biotech pharma hospitality apparel textiles networks culinary
    materials tire dairy milling terminals
    athletic rovers wanderers fc ledger dispatch examiner
    agencies associated bureau desk editorial editors newsroom syndicate team wire division
    buses bus coaches ferries trams forum chamber chambers confederation cinemas
    """
)

# Organisation-name words naming a facility rather than the organisation that
# speaks; a short form is not expanded to such a name ("Providence" is not
# "Providence St. Vincent Medical Center").
FACILITY_WORDS = _words(
    """
    hospital center centre plant factory mill station campus school elementary high
    store warehouse mine airport port terminal facility clinic assembly building tower
    hotel mall park stadium arena field coliseum ballpark
    """
)

# Words that mark an organisation as labour-side.
UNION_WORDS = _words(
    """
    union unions guild brotherhood teamsters workers local federation steelworkers
    autoworkers longshoremen machinists nurses teachers educators employees sindicato
    sindicatos sindacato syndicat syndicats gewerkschaft
    """
)
UNION_ACRONYMS = _words(
    """
    SEIU UAW AFL-CIO CNA NUHW UFCW ILA ILWU IAM IBEW AFT NEA CWA USW SAG-AFTRA WGA RMT
    AFSCME UNITE UNAC NNU ONA MNA NYSNA UTLA CTU OEA BLET IATSE TWU ATU ALPA AFA RCN BMA NEU
    GMB UNISON ASLEF PCS UCU EIS INMO SIPTU CUPE CUPW OPSEU NUM AMCU COSATU TUC CFMEU ANMF
    ETU MUA NTEU NALC APWU CCOO UGT CGIL CISL UIL CSN CSQ FTQ FNV CNV CFDT DGB KCTU NUMSA
    """
)

# Common nouns standing for an organisation in "the X said".
EMPLOYER_NOUNS = _words(
    """
    company companies automaker carmaker automakers hospital system provider district
    airline carrier railroad chain retailer employer studio studios firm corporation
    insurer operator university administration agency authority city county state
    coalition association alliance management hotel hotels grocer automaker giant
    manufacturer producer maker contractor organization organisation group network
    department board utility lender bank chipmaker drugmaker planemaker club team
    broadcaster publisher newspaper charity nonprofit ministry government campaign
    committee council commission
    """
)
UNION_NOUNS = _words("union unions guild local brotherhood federation")

# Nouns for someone speaking for an organisation: "a Kaiser employee wrote",
# "a spokesperson for the district said".
OFFICIAL_NOUNS = _words(
    """
    spokesperson spokesman spokeswoman spokespeople spokespersons representative
    representatives rep official officials executive executives leader leaders
    leadership management employee staff lawyer lawyers attorney attorneys negotiator
    negotiators officer manager managers reviewers economists scientists researchers
    strategists regulators inspectors investigators auditors analysts
    """
)

# Role nouns that, after "the", stand for a person named earlier: "the Ohio
# Democrat told reporters", "the 6-foot-9 forward said", "the judge wrote".
EPITHET_NOUNS = _words(
    """
    democrat republican independent senator congressman congresswoman lawmaker
    legislator governor mayor candidate nominee incumbent challenger president chairman
    chairwoman secretary minister judge justice prosecutor economist analyst professor
    researcher scientist historian author writer novelist poet director filmmaker
    producer actor actress singer rapper musician star athlete player forward guard
    center centre quarterback pitcher catcher coach manager striker midfielder
    goalkeeper keeper defender veteran rookie captain founder ceo owner detective
    sheriff commissioner superintendent teacher nurse doctor physician driver retiree
    widow widower grandmother grandfather mother father councilmember councilman
    councilwoman alderman alderwoman
    """
)
# Nationality and home-state nouns used the same way: "The German added:".
DEMONYMS = _words(
    """
    german french frenchman frenchwoman englishman englishwoman spaniard italian brazilian
    argentine argentinian dutchman portuguese american canadian mexican australian briton
    scot scotsman welshman irishman japanese korean chinese nigerian ghanaian egyptian
    moroccan senegalese swede norwegian dane finn pole belgian swiss austrian croatian
    serbian russian ukrainian indian pakistani texan californian floridian swedish danish
    finnish norwegian dutch british irish scottish welsh spanish polish greek turkish
    kenyan ugandan south-african zimbabwean ethiopian bangladeshi filipino indonesian
    vietnamese thai chilean colombian peruvian jamaican
    """
)
EPITHET_NOUNS = EPITHET_NOUNS | DEMONYMS
# Postal-era state abbreviations (AP style) that end a dateline or a place: "Homestead, Fla."
STATE_ABBREVS = _words(
    """
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo
    mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn vt va wash w.va
    wis wyo alta sask ont que nfld n.s n.b b.c p.e.i
    """
)

# Gender carried by a role noun.
EPITHET_GENDER = {
    "congressman": "m",
    "congresswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
    "actress": "f",
    "actor": "",
    "widow": "f",
    "widower": "m",
    "grandmother": "f",
    "grandfather": "m",
    "mother": "f",
    "father": "m",
    "councilman": "m",
    "councilwoman": "f",
    "alderman": "m",
    "alderwoman": "f",
    "spokeswoman": "f",
    "spokesman": "m",
}

# Documents that "say" things on an organisation's behalf.
DOCUMENT_NOUNS = _words(
    """
    statement statements email e-mail emails letter memo release post tweet message
    notice filing website announcement offer proposal note flyer text video ad
    advertisement complaint lawsuit newsletter update
    """
)

# Generic people: a speaker described only like this stays unattributed.
GENERIC_PEOPLE = _words(
    """
    crowd crowds protesters protester performer performers worker workers nurse nurses
    teacher teachers person people source sources woman women man men resident residents
    customer customers parent parents striker strikers picketer picketers driver drivers
    member members one another others someone passenger passengers commuter commuters
    student students patient patients voice voices chant chants sign signs marchers
    colleague colleagues coworker coworkers co-worker neighbor neighbours neighbors
    employees staffer staffers attendee attendees audience advocates activists supporters
    opponents critics demonstrators organizers prosecutors jurors
    """
)

# Social platforms: where a post appears, never who wrote it.
PLATFORMS = _words(
    "Facebook X Twitter Instagram TikTok YouTube LinkedIn Threads Bluesky Reddit Snapchat WhatsApp "
    "Telegram Substack Truth"
)

# Countries and regions written as one word: places a story is about, not who
# "a spokesman" or "it" stands for (a named country can still be a speaker).
COUNTRIES = _words(
    """
    UK U.K. US U.S. USA Britain England Scotland Wales Ireland America Canada Mexico China
    Japan India Russia Ukraine Germany France Italy Spain Israel Iran Brazil Australia
    Europe Africa Asia
    """
)

# Capitalised words that begin sentences but never start a name.
STOP_CAPS = _words(
    """
    The A An In On At For With By From As After Before During While When Whenever If
    But And Or So Yet It Its It's This That These Those There Here He She They We I You
    His Her Their Our My Your Some Many Most More Nearly About Almost Only Even Still
    Now Then Also However Meanwhile Instead Others Other Another One Two Three Four Five
    Six Seven Eight Nine Ten Every Each All Both Not No Since Because Although Though
    Unlike Like Under Over Into Through Across Amid Among Without Within Despite Until
    What Who Why How Where Which Whose Whom Today Tomorrow Yesterday Last Next First
    Second Third Earlier Later Once Just Already Several Few Such Much Any Neither Either
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Aug Sept Sep
    Oct Nov Dec Mr Mrs Ms Dr Yes Well Oh Please Thanks Let Do Does Did Is Are Was Were
    Has Have Had Will Would Can Could Should Must Might Shall To Of Up Out Off Down Away
    Please Asked Said Says According Let's We're I'm They're You're Perhaps Maybe Sometimes
    Often Never Always Again Overall Ultimately Regardless Besides Furthermore Moreover
    Still Plus Currently Recently Finally Afterward Afterwards Below Above Video Photo
    Related Read Watch Click Subscribe Advertisement Updated Published Posted Editor's
    Around Roughly Approximately Fewer Fully Hundreds Thousands Dozens Scores Tens Millions
    """
)

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = _words(
    """
    mr mrs ms dr sen rep gov lt gen col sgt capt st mt jr sr inc co corp ltd no jan feb
    mar apr aug sept sep oct nov dec vs prof rev ave blvd ph u.s u.k a.m p.m e.g i.e
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo
    mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn vt va wash w.va wis
    wyo d.c dept est approx fig gov't pres supt ald atty det cmdr adm cpl pvt spc asst
    hon msgr insp comm
    """
)

# Words that look capitalised in a name run but end it ("Smith of Temple").
NAME_PARTICLES = _words(
    "de da do van von der den del della di du dos das des es le la bin al el y ter"
)

# Head nouns of bodies named in French, Spanish, Portuguese or Italian, whose
# names run on through lowercase words ("Conseil du patronat du Québec").
ROMANCE_BODY_HEADS = _words(
    """
    conseil confédération fédération syndicat association centrale union consejo
    confederación federación sindicato asociación unión associação confederação
    federação conselho consiglio confederazione federazione sindacato
    associazione
    """
)

# Given names (``given_names``): a unisex name marks a person but no gender.
FEMALE_NAMES = given_names.FEMALE
MALE_NAMES = given_names.MALE
UNISEX_NAMES = given_names.UNISEX
FIRST_NAMES_ALL = FEMALE_NAMES | MALE_NAMES | UNISEX_NAMES


def alternation(words) -> str:
    """A regex alternation of ``words`` (escaped; a space matches a space) that
    tries a longer word before a shorter one it starts with.

    The words are written as a trie ("strike|striker|strikers" ->
    "strike(?:rs?)?"), so the regex engine compares each letter of the text
    once per branch instead of once per word: lists of a hundred words cost
    about a third as much to search. A word's longer forms come before it, as
    in a plain longest-first alternation, so what matches is the same. When
    letters of different case would make two words start alike only under
    IGNORECASE ("Colo" / "colonel"), the words are written one by one, longest
    first.
    """
    words = sorted(set(words), key=lambda w: (-len(w), w))
    if not _trie_safe(words):
        return "|".join(_escape(w) for w in words)
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _escape(text: str) -> str:
    return re.escape(text).replace(r"\ ", " ")


def _trie_safe(words: list[str]) -> bool:
    """Does every word that starts another under lowercase also start it as written?"""
    lowered: dict[str, list[str]] = {}
    for w in words:
        lowered.setdefault(w.lower(), []).append(w)
    for w in words:
        low = w.lower()
        for k in range(1, len(low) + 1):
            for other in lowered.get(low[:k], ()):
                if other != w and not w.startswith(other):
                    return False
    return True


def _trie_pattern(node: dict) -> str:
    branches = [_escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + (")?" if "" in node else ")")


# -- around a name (mentions) ---------------------------------------------------

# Nouns for people that may open a sentence before a name without being a
# title: "Sophomore Maya Castellanos", "Pensioner Doreen Platt".
PEOPLE_NOUNS = _words(
    """
    freshman sophomore junior senior student pensioner retiree resident parent patient
    passenger commuter shopper customer volunteer activist veteran widow widower
    """
)

# Courtesy titles that give a gender.
HONORIFIC_GENDER = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "madam": "f",
    "madame": "f",
    "mme": "f",
}

# Relatives and companions introduced before a name ("his son, Michael Russo"),
# and the gender of those that have one.
KIN_GENDER = {
    "wife": "f",
    "mother": "f",
    "daughter": "f",
    "sister": "f",
    "aunt": "f",
    "grandmother": "f",
    "girlfriend": "f",
    "husband": "m",
    "father": "m",
    "son": "m",
    "brother": "m",
    "uncle": "m",
    "grandfather": "m",
    "boyfriend": "m",
}
# "the elder Russo", "the younger Mr. Russo": one of two people sharing a surname.
GENERATION_WORDS = _words("elder older younger")
KIN_WORDS = frozenset(KIN_GENDER) | _words(
    "partner friend coworker co-worker colleague neighbor neighbour boss"
)

# Words after a name that only an organisation has: "Kaiser workers", "the
# hospital's board" ...
ORG_FOLLOWERS = _words(
    """
    workers employees leaders officials executives members stores hospitals plants facilities
    therapists nurses staff management spokesperson spokesman spokeswoman locations
    shareholders board negotiators headquarters
    """
)
# ... and after its possessive: "RideNow's chief executive", "Kestrel's shares".
ORG_POSSESSIONS = _words(
    """
    president ceo chairman chairwoman shares stock revenue profit profits drivers customers
    app website annual quarterly earnings
    """
) | {"chief executive"}

# Documents an organisation issues or files, and the verbs that introduce them
# ("In a statement, Harvest said", "they sent a statement that read in part:").
ISSUED_DOCUMENTS = _words(
    """
    statement email e-mail letter memo release post message notice announcement lawsuit
    complaint filing report note text
    """
)
# Verbs after an organisation's name that make it speak as "it" ("Voltera said it").
IT_SAID_VERBS = _words("said says announced added stated confirmed")
DOCUMENT_INTRO_VERBS = _words(
    "issued released sent provided emailed posted published shared gave"
) | {"put out"}

# What a name is the addressee of: "in a response to The Japan Times".
ADDRESSEE_NOUNS = _words("response reply statement comment comments email e-mail interview remarks")

# Before a name: a place, not a speaker ("in San Jose").
PLACE_PREPOSITIONS = (
    " in ",
    " near ",
    " outside ",
    " across ",
    " throughout ",
    " around ",
    " downtown ",
)

# Before a name inside an unnamed source's description: where they are, not who
# ("A striking barista in Tacoma, who asked not to be named, said").
PLACE_MODIFIER_PREPOSITIONS = _words("in from at on near outside inside across aboard")

# Role nouns that make an appositive describe a person ("Name, a therapist at ...").
PERSON_NOUNS = _words(
    """
    professor nurse worker president director spokesperson spokesman spokeswoman analyst
    economist psychologist therapist teacher housekeeper barista member veteran lawyer
    attorney chair chairman chairwoman chairperson leader organizer organiser fellow
    specialist supervisor picker cashier engineer inspector executive negotiator strategist
    secretary chief commuter parent mother father wife husband son daughter student doctor
    physician officer manager owner researcher historian scholar consultant driver cook
    dishwasher janitor miner machinist pilot clerk employee resident founder candidate mayor
    senator governor psychiatrist counselor he she who
    """
) | {"social worker"}

# Head nouns of an appositive that name an organisation ("a joint venture between ...").
ORG_HEADS = (
    EMPLOYER_NOUNS
    | UNION_NOUNS
    | _words(
        """
        venture subsidiary unit startup start-up firm nonprofit conglomerate supplier division
        affiliate maker owner-operator operator consortium cooperative co-op trade chain
        """
    )
)
# Words that end an appositive's head noun phrase.
APPOSITIVE_HEAD_END = _words(
    "of at for between with in that which who whose based from and on by to"
)

# Several organisations: "the unions argued", "one of the companies that ...".
PLURAL_ORG_NOUNS = _words(
    """
    unions companies automakers studios airlines hospitals employers districts carriers firms
    groups chains operators makers platforms apps
    """
)

# Words that stop the role words read before a name ("said the striking nurse").
ROLE_STOP = _words(
    """
    the a an of at to in on for with by from and or that who which as said says told is was
    are were has had have this these those its his her their our my your after over under
    later never ever other another either neither whether rather together per number order
    border water paper matter power summer winter center centre quarter corner offer answer
    chapter register error floor door event percent content current recent present moment
    """
)
# Endings of role nouns: "organizer", "therapist", "Headliner"; the longer list
# also "spokesperson", "executive", "trustee".
AGENT_NOUN_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")
ROLE_SUFFIXES = AGENT_NOUN_ENDINGS + ("man", "woman", "person", "ive", "ee")

# A name's joining words ("Food and Drug Administration", "Centers for ...").
NAME_LINK_WORDS = _words("of for and &")

# Capitalised common nouns that are not names: "Union leaders", "Company executives".
COMMON_CAPS = (
    UNION_NOUNS
    | EMPLOYER_NOUNS
    | GENERIC_PEOPLE
    | OFFICIAL_NOUNS
    | DOCUMENT_NOUNS
    | _words(
        "labor labour economists analysts officials strikers unionized striking hospital health"
    )
)

# Company-name endings: "Allegheny Coke Co.", "Thanh Phat Footwear Co Ltd".
CORPORATE_SUFFIXES = _words(
    """
    co inc corp corporation company llc ltd limited lda plc group holdings sa ag nv lp llp oyj
    asa gmbh spa bv pty
    """
)
# Other countries' legal forms, which count only written with their full stops or in
# capitals ("S.A.C.", "SAC", "d.o.o."): in title case some are surnames ("Sac").
LEGAL_FORM_ABBREVIATIONS = _words(
    "sac saa sas sarl srl sl ltda cjsc ojsc pjsc jsc doo sro bhd tbk kk as hf ehf"
)

# Finite verbs: a word of these before a name means the name is past the subject.
FINITE_WORDS = _words(
    """
    is was were are has had have will would did does do can could should may might must
    wants wanted asked agreed
    """
)

# Words a capitalised demonym ends with ("Uruguayan", "Japanese"), and
# look-alikes that are not demonyms.
DEMONYM_ENDINGS = ("ian", "ean", "ese", "an", "ish", "i")
NOT_DEMONYMS = _words(
    """
    guardian australian christian librarian veteran partisan vatican smithsonian caribbean
    mediterranean european olympian
    """
)

# Words that do not start a description in an appositive ("Name, who ...").
NOT_DESCRIPTION_STARTS = (
    "who ",
    "which ",
    "whose ",
    "that ",
    "where ",
    "when ",
    "of ",
    "from ",
    "in ",
    "said",
    "says",
    "however",
    "though",
    "too",
    "also",
)

# -- resolving speaker phrases (coreference, roles, organisations) ---------------

# Words that open an adverbial phrase or clause, not a subject ("In a statement,
# ...", "After the vote, ...").
ADVERBIAL_OPENERS = _words(
    """
    in on at after before during while when although though as since because if instead
    meanwhile still but and unlike like under over into through across amid despite until
    outside inside near last earlier later this for with by from to
    """
)
DETERMINERS = _words("the a an one another its their his her our this that these those some")
# Words that open a phrase about several or an unknown number of people.
QUANTITY_WORDS = _words(
    "one another someone some many several hundreds thousands dozens millions scores tens dozen"
)
PARTY_NOUNS = _words("democrat republican independent")
SPOKES_NOUNS = _words(
    "spokesperson spokesman spokeswoman spokespeople spokespersons representative"
)
# People speaking for an organisation in the plural: "officials said" names no one.
PLURAL_OFFICIALS = _words(
    """
    officials executives leaders representatives employees lawyers attorneys negotiators
    managers staff leadership management reviewers economists analysts scientists researchers
    strategists regulators inspectors investigators auditors spokespeople spokespersons
    """
)
ANALYST_NOUNS = _words("analyst analysts economist economists strategist strategists")
# Heads of "One/A ... said" that are not an unnamed person ("A spokesperson said",
# "A week after the accident, he said").
NOT_GENERIC_HEADS = _words(
    """
    spokesperson spokesman spokeswoman representative statement email letter post release memo
    filing lawsuit complaint notice message report spokespeople week day month year hour minute
    moment decade night morning evening afternoon while time few lot number couple bit total
    series
    """
)
# Groups a "they" may stand for ("asked the crowd what they wanted").
GROUP_NOUNS = _words(
    """
    crowd crowds protesters demonstrators marchers audience fans strikers picketers supporters
    residents students parents group rally mob congregation
    """
)
# Words of a description that do not have to match ("the mother of six").
ROLE_FILLER = _words("the a an of and in at for")
# Role words a description may use for a title given earlier ("the union leader"
# for "union president Hernán Soto"; "the lieutenant" for "Lt. Name").
ROLE_SYNONYMS = {
    "leader": ("president", "chair", "head", "secretary", "chief"),
    "boss": ("chief executive", "ceo", "president", "manager", "coach", "head"),
    "executive": ("ceo", "chief", "president"),
    "cfo": ("chief financial officer", "finance chief", "finance director"),
    "ceo": ("chief executive",),
    "coo": ("chief operating officer",),
    "chief": ("ceo", "chief executive", "president", "head"),
    "official": ("officer", "director", "secretary", "commissioner", "administrator"),
    "lawmaker": (
        "senator",
        "rep",
        "representative",
        "assembly",
        "congress",
        "legislator",
        "council",
    ),
    "legislator": ("senator", "rep", "representative", "assembly", "lawmaker"),
    "prosecutor": ("attorney", "prosecut"),
    "lawyer": ("attorney", "counsel"),
    "attorney": ("lawyer", "counsel"),
    "lieutenant": ("lt",),
    "sergeant": ("sgt",),
    "captain": ("capt",),
    "detective": ("det",),
    "commander": ("cmdr",),
    "corporal": ("cpl",),
    "governor": ("gov",),
    "senator": ("sen",),
}
# "the company" and its synonyms: never a public body (PUBLIC_BODY_WORDS).
COMPANY_HEADS = _words(
    """
    company firm corporation retailer chain carrier automaker carmaker manufacturer employer
    lender insurer grocer chipmaker drugmaker planemaker airline operator maker producer
    contractor startup broadcaster publisher utility
    """
)
PUBLIC_BODY_WORDS = _words(
    """
    city county state department ministry government council university college court police
    party senate house assembly commission committee union unions federation guild
    association agency administration office bureau district school schools authority
    inspectorate tribunal
    """
)
# "the hotel" -> a name with one of these words ("Bayshore Grand Hotel").
ORG_TYPE_WORDS = {
    "hospital": ("hospital", "medical", "infirmary"),
    "hotel": ("hotel", "resort", "inn"),
    "district": ("district",),
    "airline": ("airlines", "airways", "airline"),
    "carrier": ("airlines", "airways", "airline"),
    "railroad": ("railroad", "railway", "rail"),
    "university": ("university", "college"),
    "agency": (
        "agency",
        "commission",
        "administration",
        "bureau",
        "authority",
        "department",
        "office",
        "board",
        "service",
    ),
}

# -- cues and attribution ----------------------------------------------------------

# Words after a speech verb that open an adverbial, not a reported clause
# ("said in a statement after the vote was counted, “...”").
ADVERBIALS_AFTER_VERB = _words(
    """
    in on at during after before while when as via through to from outside inside by with
    later earlier afterward afterwards again then
    """
)
# Auxiliaries and copulas that make a reported clause finite.
CLAUSE_AUXILIARIES = _words(
    "is are was were had has have would will could can should might must does did"
)
# A lead-in label is not one when it starts with a pronoun or holds a verb ("He said:").
LABEL_PRONOUNS = _words("he she they it we i you her his their its our my")
LABEL_VERBS = _words(
    """
    read reads responded response message reply answer verdict ruling put puts had has have
    was is were did does gave gives kept keeps
    """
)
# Words between a speaker and the speech verb that are not part of the speaker
# ("the company had called", "Smith later said").
VERB_PRECEDERS = _words(
    """
    has had have would will did does could was once also then later again further previously
    earlier simply only recently separately always never often sometimes usually repeatedly
    """
)
# Words that open a clause, so what follows is not a speaker phrase.
CLAUSE_WORDS = _words("which that who whom because if when while as where whether")
# Verbs whose object takes a to-infinitive ("urged the union to accept"): they
# govern a quote only through an earlier reporting verb.
TO_INFINITIVE_VERBS = _words(
    "urged urges urging asked asks asking told tells telling pleaded begged begs appealed appeals"
)
# Of those, the verbs whose addressee follows "to" ("appealed to both sides to ...").
APPEAL_VERBS = _words("appealed appeals")
# Verbs that report speech and can carry quoted words in their clause.
REPORTING_VERBS = _words(
    "said says told tells added adds wrote writes argued argues insisted insists"
)
# Lowercase words of a role before a name ("council member Priya Natarajan").
ROLE_MODIFIERS = _words(
    "member vice senior former deputy acting interim assistant associate executive general chief"
)
# Words after which a speech-verb form is a noun ("its demands", "the call").
NOUN_MARKERS = _words("the a an its their his her our my your these those whose")
POSSESSIVE_DETERMINERS = _words("its their his her our my your")

# -- quotations that are not quotes (fragments) ------------------------------------

# Small words a title may leave lowercase ("Return of the King").
TITLE_SMALL_WORDS = _words("a an the of and or for to in on at by with from as vs")
# Words that introduce a name or a label, not speech ("the so-called 'Trump Train'").
NAMING_WORDS = _words("so-called dubbed titled entitled named hashtag") | {"so called"}
# What a sign's text is written on ("held a sign reading ...").
SIGN_NOUNS = _words(
    "sign placard banner poster t-shirt shirt button sticker billboard graffiti mural hat flag "
    "plaque marquee"
) | {"sandwich board"}
# Works whose title follows ("her book “Ghost Bosses”", "the 2021 hit “Hollow Crown”").
WORK_NOUNS = _words(
    """
    book novel memoir film movie documentary album song single show series sitcom play musical
    opera essay poem podcast episode exhibit exhibition painting column op-ed biography
    anthology collection game track ep mixtape special hit bestseller best-seller blockbuster
    sequel thriller comedy drama franchise soundtrack titled entitled
    """
)

# -- names ---------------------------------------------------------------------------

# Letters after a name that are not part of it ("Declan Moorhouse SC").
POST_NOMINALS = _words("SC KC QC OBE MBE CBE KBE")
# Abbreviations whose full stop belongs to the name ("Inc.", "Jr.", "St.").
DOTTED_WORDS = _words("inc jr sr co corp ltd bros st mt")
# Places whose names are joined by "and" ("England and Wales Cricket Board").
JOINED_PLACES = _words(
    "England Wales Scotland Ireland Trinidad Tobago Antigua Barbuda Bosnia Herzegovina"
)
# Heads of a society named for what it serves ("Friends of the Rouge River").
SOCIETY_HEADS = _words(
    """
    Friends Daughters Sons Sisters Brothers Knights Citizens Veterans Parents Mothers Fathers
    Families Neighbors Neighbours Defenders Guardians Keepers
    """
)
# Occupations that make an association a union ("California Nurses Association").
UNION_OCCUPATIONS = _words(
    """
    nurses teachers education educators longshoremen pilots attendants employees firefighters
    officers professors engineers musicians actors writers journalists clerks drivers carriers
    machinists workers technicians physicians residents interns librarians
    """
)
# "Detroit-based", "union-backed": a hyphenated place or organisation adjective, not a name.
PLACE_ADJECTIVE_ENDINGS = _words(
    "area based owned born made run led backed style era bound wide affiliated"
)
# Suffixes after a person's name ("Martin Luther King Jr.").
NAME_SUFFIXES = _words("jr jr. sr sr. ii iii iv v phd ph.d. md m.d.")
# Credits that name a role, not a person ("Staff Writer", "Special Correspondent").
CREDIT_ROLES = _words(
    """
    columnist columnists contributor contributors correspondent correspondents editor
    photographer photographers producer producers reporter reporters reporting staff writer
    writers
    """
)

# -- sides ---------------------------------------------------------------------------
# Words of a description that place a speaker in a labour dispute. Phrases
# match whole words; the sides module decides between them (affiliation first).

# Labour: the union and its people, striking or organising workers.
LABOR_WORDS = _words(
    """
    union unions unionized unionised guild steward stewards organizer organizers organiser
    organisers picket pickets picketing picketed picketer picketers striking striker strikers
    walkout afl-cio rank-and-file teamsters steelworkers autoworkers longshoremen brotherhood
    """
) | {
    "shop steward",
    "picket line",
    "picket lines",
    "picket captain",
    "strike captain",
    "on strike",
    "walked off",
    "walked out",
    "walk out",
    "bargaining committee",
    "negotiating committee",
    "rank and file",
    "labor council",
    "labour council",
    "labor congress",
    "labour congress",
    "branch leader",
    "branch secretary",
    "branch chair",
    "branch president",
    "labor rights",
    "labour rights",
    "workers' rights",
    "worker rights",
    "worker solidarity",
    "trades council",
    "trades union",
    "trade union",
    "federation of labor",
    "federation of labour",
    "labor federation",
    "labour federation",
    "trades hall",
    "union member",
    "union members",
    "on the picket line",
    "branch delegate",
    "union delegate",
    "shop delegate",
    "safety delegate",
    "staff representative",
    "workers' representative",
    "workers' representatives",
    "works council",
    "chief steward",
    "convenor",
    "convener",
    "general secretary",
    "assistant general secretary",
    "deputy general secretary",
    "regional secretary",
    "district secretary",
    "union official",
    "branch official",
    "full-time officer",
    "organising director",
    "organizing director",
    "works committee",
    "safety rep",
    "workplace rep",
    "shop rep",
    "staff rep",
    "union rep",
    "health and safety representative",
}
# Employer: who runs the employer or speaks and negotiates for it.
MANAGEMENT_WORDS = _words(
    """
    executive executives ceo cfo coo cto manager managers superintendent
    administrator administrators principal employer employers corporate owner owners
    proprietor
    """
) | {
    "chief executive",
    "chief operating officer",
    "chief financial officer",
    "chief people officer",
    "managing director",
    "coach",
    "head coach",
    "director of rugby",
    "team director",
    "race director",
    "tour director",
    "provost",
    "vice provost",
    "dean",
    "vice-chancellor",
    "vice chancellor",
    "the management",
    "senior management",
    "management team",
    "in management",
    "general manager",
    "human resources",
    "hr director",
    "people director",
    "hr manager",
    "head of hr",
    "operations director",
    "director of operations",
    "plant director",
    "mill director",
    "works director",
    "factory director",
    "site director",
    "vice president",
    "board chair",
    "board chairman",
    "board president",
    "board of directors",
    "board of trustees",
    "board of education",
    "school board",
    "trustee",
    "trustees",
    "company secretary",
    "general counsel",
    "chairman of the board",
    "chair of the board",
    "chief of staff",
    "company spokesperson",
    "company spokesman",
    "company spokeswoman",
}
# "whose ministry funds the centres": the public bodies an office-holder heads
# and the verbs that make that body the strikers' employer.
PUBLIC_OWNER_BODIES = _words(
    "administration ministry department government city council state county province office"
)
OWNER_VERBS = _words("owns runs oversees funds controls manages operates employs")
# Labour words that only place someone at the strike, not in it ("stood at the
# picket line with coffee for the strikers").
PICKET_PLACE_WORDS = _words("picket pickets picketers strikers") | {
    "picket line",
    "picket lines",
    "on the picket line",
}
# Workplaces a company owns ("X's main plant").
WORKPLACE_NOUNS = _words(
    """
    plant plants factory factories mill mills mine mines depot depots warehouse warehouses
    refinery smelter shipyard brewery headquarters
    """
)
# What a body does to the workplace or the workers in "X, which runs the teaching
# hospitals, said": it is their employer.
EMPLOYING_VERBS = _words("runs operates manages employs owns")
# Clergy: a priest or pastor speaks for the community, even from the picket line.
CLERGY_WORDS = _words(
    """
    priest priests pastor bishop archbishop imam rabbi reverend rev chaplain vicar deacon
    clergy clergyman clergywoman parish parishioners cardinal monsignor
    """
)
# A rank before a trade ("principal oboist", "senior nurse") is no management title.
RANK_WORDS = _words("principal senior junior")
# Before a trade, a word that says its holder no longer works ("a retired teacher").
RETIRED_WORDS = _words("retired")
# A group of workers whose leader is one of them ("team leader", "shift manager").
WORK_GROUP_NOUNS = _words("team shift crew line")
# Management words that say only that someone owns a business.
OWNER_WORDS = _words("owner owners proprietor")
# Roles that speak or act for whichever organisation they are tied to.
AGENT_WORDS = _words(
    """
    spokesperson spokesman spokeswoman spokespeople representative president director chair
    chairman chairwoman chairperson negotiator negotiators lawyer attorney counsel
    secretary officer official officials head leader member delegate communications
    """
)
# Government: elected officials, ministers, agencies, courts, police, mediators.
GOVERNMENT_WORDS = _words(
    """
    mayor governor gov senator sen rep justice lawmaker lawmakers legislator legislators assemblymember
    assemblyman assemblywoman congressman congresswoman congressmember councilmember
    councilman councilwoman councillor councilor cllr alderman alderwoman alderperson ald mp
    mps msp mla mpp mna td mep minister ministry premier parliament parliamentary senate congress
    government governmental regulator regulators commissioner
    commission mediator mediators conciliator arbitrator judge judges magistrate court
    police constable sheriff trooper prosecutor prosecutors nlrb ccma acas federal statehouse
    democrat democrats republican republicans taoiseach tánaiste secretary recorder patrol
    osha ftc fda cdc epa ofgem ofsted fema faa ntsb nhtsa usda hhs dhs hse knesset mpa
    """
) | {
    "member of parliament",
    "labour inspector",
    "labor inspector",
    "labour inspectorate",
    "labor inspectorate",
    "labour inspection",
    "labor inspection",
    "city council",
    "county council",
    "borough council",
    "district council",
    "council member",
    "cabinet member",
    "cabinet secretary",
    "secretary of state",
    "secretary of labor",
    "labor secretary",
    "labour secretary",
    "prime minister",
    "white house",
    "state rep",
    "state representative",
    "state senator",
    "labor board",
    "labour board",
    "labor relations board",
    "labour relations board",
    "fair work",
    "mediation service",
    "health officer",
    "public health",
    "attorney general",
    "district attorney",
    "police officer",
    "police spokesperson",
    "labor department",
    "labour department",
    "health department",
    "police department",
    "fire department",
    "education department",
    "state department",
    "department of",
    "government agency",
    "federal agency",
    "state agency",
    "county agency",
    "city agency",
    "public agency",
    "regional agency",
    "chief justice",
    "supreme court justice",
    "opposition",
    "city hall",
    "city manager",
    "house speaker",
    "assembly speaker",
    "speaker of the house",
    "fire chief",
    "police chief",
    "u.s. attorney",
    "attorney's office",
    "weather service",
    "county clerk",
    "county executive",
    "county commissioner",
    "county supervisor",
    "board of supervisors",
    "shire president",
    "shire council",
}
# Experts: academics, analysts and researchers.
EXPERT_WORDS = _words(
    """
    professor prof lecturer economist economists analyst analysts researcher researchers
    scholar scholars historian sociologist academic expert experts consultant consultants
    strategist strategists epidemiologist scientist scientists demographer statistician
    research strategy
    """
) | {
    "research fellow",
    "visiting fellow",
    "policy fellow",
    "senior fellow",
    "associate professor",
    "assistant professor",
    "labor lawyer",
    "labour lawyer",
    "employment lawyer",
    "law professor",
    "who studies",
    "who researches",
    "who advises",
    "who writes about",
    "studies labor",
    "studies labour",
}
# Institutions of experts (a role at one, when no other word decides, is an expert's).
EXPERT_BODY_WORDS = _words(
    "university universities college institute think-tank advisory consultancy consulting"
) | {
    "think tank",
    "center for",
    "centre for",
    "school of",
}
# Words of a research firm's name ("Oxford Economics"), read in organisations' names only
# (a "student of economics" is no expert).
RESEARCH_FIRM_WORDS = _words("economics analytics")
# Community: the people a dispute affects.
COMMUNITY_WORDS = _words(
    """
    parent parents mother father mom mum dad grandmother grandfather grandparent patient
    patients resident residents neighbor neighbour neighbors neighbours commuter commuters
    passenger passengers rider riders shopper shoppers customer customers client clients
    student students pupil pupils fan fans visitor visitors tourist tourists guest guests
    diner diners voter voters taxpayer taxpayers pensioner pensioners retiree retirees
    homeowner tenant tenants parishioner pastor priest activist activists advocate
    advocates volunteer volunteers caregiver caregivers carer carers villager villagers
    visiting vacationing holidaying passerby passersby bystander bystanders retired voting
    consumer consumers husband wife son daughter sister brother widow widower pastor
    reverend rev bishop priest imam rabbi kids grandchildren grandson granddaughter
    appointment flying flight traveling travelling commuting shopping shopped shopkeeper
    shopkeepers trader traders vendor vendors stallholder florist newsagent publican landlord
    first-grader second-grader third-grader fourth-grader fifth-grader sixth-grader
    seventh-grader eighth-grader ninth-grader kindergartner schoolgirl schoolboy schoolchildren
    """
) | {
    "business owner",
    "shop owner",
    "store owner",
    "restaurant owner",
    "café owner",
    "cafe owner",
    "bar owner",
    "community organizer",
    "community organiser",
    "community group",
    "community leader",
    "patient advocate",
    "family member",
    "season-ticket holder",
    "season ticket holder",
}
# Workers: a description with one of these tied to the employer (or naming the
# striking occupation) is a worker's, so labour.
WORKER_WORDS = _words(
    """
    worker workers employee employees staff staffer staffers nurse nurses teacher teachers
    driver drivers therapist therapists housekeeper housekeepers cook cooks dishwasher
    janitor janitors cashier cashiers barista baristas machinist machinists miner miners
    pilot pilots attendant attendants clerk clerks technician technicians operator operators
    assembler electrician mechanic mechanics dockworker dockworkers longshoreman longshoremen
    porter porters server servers bartender bartenders custodian custodians aide aides
    paramedic paramedics firefighter firefighters doctor doctors physician physicians
    psychologist psychologists counselor counselors educator educators librarian librarians
    engineer engineers welder welders loader loaders picker pickers packer packers courier
    couriers conductor conductors midwife midwives paraprofessional paraprofessionals
    housekeeping bellhop bellman crew crewmember rn rns lpn co-worker coworker
    co-workers coworkers colleague colleagues actor actors actress performer performers
    musician musicians journalist journalists co-pilot matron pharmacist pharmacists
    inspector inspectors specialist specialists assistant assistants sorter sorters
    handler handlers trucker truckers fitter fitters laborer laborers labourer labourers
    teaches taught player players athlete athletes forward guard quarterback goalkeeper keeper
    midfielder defender winger fullback linebacker cornerback receiver pitcher catcher
    outfielder shortstop infielder batsman bowler batter all-rounder flanker centre-back
    center-back rookie cleaner cleaners registrar registrars collector collectors
    """
) | {
    "social worker",
    "shift lead",
    "shift supervisor",
    "letter carrier",
    "bus driver",
    "line cook",
    "ward sister",
    "staff nurse",
    "station agent",
    "ticket agent",
    "gate agent",
    "room attendant",
    "flight attendant",
}
# Words of WORKER_WORDS that say someone works, not at what ("a staffer", "a
# co-worker", "who teaches"): no trade of their own.
GENERIC_WORKER_WORDS = _words(
    """
    worker employee staff staffer crew crewmember co-worker coworker colleague housekeeping
    teaches taught rookie
    """
)
# Public services and the trades that work in them, for the minister over each
# ("Health Minister" in a strike of nurses at public hospitals).
PORTFOLIO_TRADES = {
    "health": frozenset({"nurse", "doctor", "midwife", "paramedic", "physician", "therapist"}),
    "education": frozenset({"teacher", "lecturer", "educator", "librarian"}),
    "justice": frozenset({"prison officer", "guard", "warder"}),
    "corrections": frozenset({"prison officer", "guard", "warder"}),
}
# Words of the name of a public body that runs schools or hospitals itself
# ("Chinook Ridge School Division", "Fraser Health Authority"): the employer
# of their staff, rather than the minister over the service.
PUBLIC_SERVICE_BODY_WORDS = _words(
    "school schools division district board authority trust university college"
)
# Organisations on the employers' side: their associations.
EMPLOYER_BODY_WORDS = _words(
    """
    employers employer chamber industry industries manufacturers retailers business businesses
    maritime hospitals hospital hotels hotel restaurants restaurant carriers railroads airlines
    operators producers enterprise enterprises owners processors exporters growers suppliers
    """
)
# Members of a body of employers, after "represents" / "on behalf of" ("which
# represents large growers", "on behalf of oil companies").
BUSINESS_MEMBER_NOUNS = _words(
    """
    owners companies employers growers producers operators firms platforms banks boards
    manufacturers retailers hotels hospitals businesses exporters mills carriers airlines
    """
)
# Words of a union's name that say its members are workers: with one of them a
# federation named for an industry is still a union ("Hotel Workers Federation").
UNION_MEMBER_WORDS = _words("union unions guild brotherhood workers employees staff")
# Unions known by a name that is no acronym ("Equity", "Fórsa").
# Parts of a union with officers of their own ("president of the Halifax unit").
UNION_SUBDIVISIONS = _words("unit units branch branches local chapter lodge section")
# Offices a union's part elects; not "head" or "leader", which a hospital unit has too.
UNION_SUBDIVISION_OFFICES = _words(
    "president vice-president chair chairman chairwoman chairperson secretary treasurer"
)
UNION_NAMES = _words(
    "equity fórsa forsa usdaw unison aslef nautilus unifor solidarność solidarnosc histadrut"
) | {"royal college of nursing", "royal college of midwives", "british medical association"}
# National employers' federations known by a name with no employers' word in it.
EMPLOYER_FEDERATION_NAMES = _words(
    """
    cbi confindustria medef keidanren businesseurope confebask ceoe coparmex nho bda fki
    """
) | {"confederation of british industry", "svenskt näringsliv", "business council"}
# Head nouns of bodies of several organisations ("Ocean State Hospital Council"):
# never what "the hospital" stands for.
ASSOCIATION_HEADS = _words(
    "council association federation union alliance forum coalition league chamber confederation"
)
# Of those, the nouns a union's name is headed by before its field or place
# ("Professors' Association of the Lebanese University"); not a council or a
# chamber, which employers form as often.
UNION_BODY_HEADS = _words("association federation confederation union alliance syndicate")
# Words of a news outlet's name ("The Associated Press", "Sacramento Bee").
MEDIA_WORDS = _words(
    """
    press news times post journal tribune herald reuters gazette chronicle inquirer courier
    sentinel bee ledger dispatch examiner wire radio television tv broadcasting
    """
)
# Words of a sentence about a strike ("Hundreds of nurses walked off the job").
STRIKE_WORDS = _words(
    """
    strike strikes striking striker strikers struck walkout walkouts picket pickets picketing
    picketed picketers lockout union
    """
) | {
    "walked out",
    "walked off",
    "walk out",
    "walk off",
    "locked out",
    "industrial action",
    "work stoppage",
    "on strike",
}
# Parts of words that make a paragraph one about the strike ("striking", "picketers").
STRIKE_STEMS = (
    "strik",
    "struck",
    "picket",
    "sickout",
    "sick-out",
    "boycott",
    "walkout",
    "walked out",
    "walked off",
    "walk out",
    "walk off",
    "lockout",
    "locked out",
    "union",
    "industrial action",
    "work stoppage",
)
# Predicates of a sentence whose subject is the strikers ("Refuse collectors
# employed by a contractor stopped work", "librarians held a one-day strike"):
# verb phrases, and the verbs before a named action noun.
WALKOUT_PHRASES = _words("struck") | {
    "walked off",
    "walked out",
    "walk off",
    "walk out",
    "stopped work",
    "downed tools",
    "went on strike",
    "are on strike",
    "were on strike",
    "is on strike",
    "was on strike",
    "have been on strike",
    "had been on strike",
    "remain on strike",
    "remained on strike",
    "strike over",
    "strike for",
}
ACTION_VERBS = _words("began begin started start held hold staged stage launched launch went")
ACTION_NOUNS = _words("strike walkout stoppage sickout sick-out boycott")
# Words in a strikers' phrase that name no trade: who they are, not what they do.
NOT_TRADES = _words("workers employees staff members people staffers colleagues others")
# Prepositions before an organisation tied to the strikers ("nurses at X", "a
# strike against X", "talks with X").
TIE_PREPOSITIONS = _words("at in against for by of from with")
# An organisation after one of these and "with" is a party to the talks ("talks with X").
TALKS_WORDS = _words("contract negotiations talks offer bargaining dispute")
# After an organisation's name, what ties it to the strikers ("X's offer", "X depots").
TIE_NOUNS = _words(
    "offer proposal contract negotiators hospitals hotels stores plants sites depots mines"
)
# The strikers of a public employer: "city workers", "employees of the county".
PUBLIC_WORKFORCE_NOUNS = _words("workers employees staff")
# Head words of a government body's name ("Department of Labor", "City of Calgary").
GOVERNMENT_BODY_HEADS = _words(
    """
    department ministry agency council commission authority board office administration
    bureau service county district police court tribunal ombudsman inspectorate
    """
) | {"city of", "state of"}
# Words of a local government's name ("City of Springfield", "Riga City Council").
LOCAL_GOVERNMENT_WORDS = _words("city council county municipality borough town")
# Heads of a government body's name before "of"/"for" ("Ministry of ...",
# "Department for ..."); not "Board of Directors" or "Council of Hospitals".
MINISTRY_HEADS = _words("ministry department office agency bureau inspectorate commission")
# Before "workers"/"employees" of a public employer: "city workers", "outside workers".
PUBLIC_EMPLOYER_WORDS = _words(
    """
    city municipal council county town state public-sector civil-service federal outside
    inside municipality
    """
)

# -- sides: how the article describes a speaker ----------------------------------------
# Before a union word, a preposition (and determiner) makes it an object, no
# affiliation ("talks with the union").
OBJECT_PREPOSITIONS = _words("with against to from by about over than into")
OBJECT_DETERMINERS = _words("the its a their")
# Besides a preposition, what makes the next words whom someone spoke to or stood with,
# not what they are: "told analysts", "a coffee for the educators", "joined strikers".
OBJECT_LEAD_WORDS = _words(
    "for told tells telling briefed briefing joined joins joining alongside backing supporting"
)
# Parties whose name before an office makes a politician ("Labour leader", "NDP critic").
POLITICAL_PARTIES = _words(
    """
    Labour Conservative Conservatives Tory Tories Liberal SNP NDP Green ANC EFF GOP Democratic
    Republican Morena PAN PRI CHP AKP PiS Bloc CAQ
    """
) | {
    "Lib Dem",
    "Plaid Cymru",
    "Sinn Féin",
    "Fianna Fáil",
    "Fine Gael",
    "Québec solidaire",
    "Five Star",
    "Democratic Party",
}
# Fields of government a politician speaks for ("health spokeswoman", "shadow
# transport spokesman"): a portfolio, where a company's spokesperson has none.
PORTFOLIOS = _words(
    """
    health education transport transportation justice finance treasury labour labor
    employment industry environment housing energy economy agriculture defence defense home
    foreign interior immigration policing corrections infrastructure tourism culture
    """
) | {"industrial relations", "workplace relations", "corrective services", "local government"}
PARTY_OFFICES = _words(
    """
    leader party MP MPs MSP MSPs MLA MLAs MPP MPPs MNA MNAs TD TDs minister spokesperson spokesman
    spokeswoman councillor councilor candidate lawmaker senator government critic whip chair
    deputy leadership
    """
)
# Verbs of a "who" clause about someone's own life rather than their work ("who
# runs a grocery", "who lives near the mine", "who owns a diner").
PRIVATE_LIFE_VERBS = _words(
    """
    owns runs sells lives buys farms commutes has is does needs wants hopes rents visits
    attends studies shops travels uses heads leads chairs directs manages represents says
    supports teaches takes rides relies depends cares worries believes thinks remembers plans
    comes goes walks waits eats pays feels knows expects fears misses loves likes stays
    """
)
# The same, as a participle after "has": a clause of one's own life, not of a
# job done for years ("who has lived on the harbour road for 14 years").
PRIVATE_LIFE_PARTICIPLES = _words(
    """
    owned run sold lived bought farmed commuted been had done needed wanted hoped rented
    visited attended studied shopped travelled traveled used relied depended cared worried
    believed thought come gone walked waited eaten paid felt known expected feared missed
    loved liked stayed banked supported watched followed subscribed donated volunteered
    """
)
# Working somewhere for a while: "has cleaned rooms here for 17 years".
TENURE_VERBS = _words(
    """
    work works worked working employed cleaned cleans drives drove driven cooks cooked taught
    teaches served serves nursed sung sang sings performed performs joined
    """
)
# Bodies of government named for employing the state's own staff: in a strike
# they are the employer ("Ministry of Public Administration", "Treasury Board").
PUBLIC_STAFF_EMPLOYERS = (
    "public administration",
    "public service",
    "civil service",
    "treasury board",
    "employment board",
    "public service commission",
    "civil service commission",
)
# Vehicles whose drivers, in copy about another trade's strike, are the public
# held up by it ("a lorry driver who had waited since Sunday", "taxi driver").
VEHICLE_WORDS = _words(
    """
    taxi cab minicab truck lorry bus minibus van delivery haulage coach tractor rickshaw
    tuk-tuk matatu jeepney
    """
)
# Other names of a striking trade ("a medical officer" in a doctors' strike).
TRADE_SYNONYMS = {
    "physician": "doctor",
    "physicians": "doctor",
    "medical officer": "doctor",
    "medical officers": "doctor",
    "registered nurse": "nurse",
    "educator": "teacher",
    "educators": "teacher",
    "instructor": "teacher",
    "motorman": "driver",
    "bus operator": "driver",
    "train operator": "driver",
    "house officer": "doctor",
    "house officers": "doctor",
    "junior doctor": "doctor",
    "junior doctors": "doctor",
    "resident doctor": "doctor",
    "resident doctors": "doctor",
    "violinist": "musician",
    "violist": "musician",
    "cellist": "musician",
    "bassist": "musician",
    "oboist": "musician",
    "flautist": "musician",
    "flutist": "musician",
    "clarinetist": "musician",
    "clarinettist": "musician",
    "bassoonist": "musician",
    "trumpeter": "musician",
    "trombonist": "musician",
    "hornist": "musician",
    "percussionist": "musician",
    "timpanist": "musician",
    "harpist": "musician",
    "pianist": "musician",
}
# Strikers named by a phrase whose last word alone means something else ("delivery
# riders" are no passengers, "call centre agents" no spokespeople): the trade.
TRADE_PHRASES = {
    "delivery riders": "rider",
    "delivery rider": "rider",
    "call center agents": "agent",
    "call centre agents": "agent",
    "contact center agents": "agent",
    "contact centre agents": "agent",
    "customer service agents": "agent",
    "prison officers": "prison officer",
    "prison guards": "guard",
    "prison staff": "prison officer",
    "correctional officers": "prison officer",
}
# A parent: "whose two children attend Fruitvale Elementary".
CHILD_WORDS = _words("children child kids son sons daughter daughters")
# Students' years, as a people noun before a name ("Sophomore Maya Castellanos").
SCHOOL_YEARS = _words("freshman sophomore junior senior")
# Conjunctions that end the clause before a name ("and", "while").
CLAUSE_CONJUNCTIONS = _words("and but after when while as")
# The last words before a quote written on a sign ("One sign read:", "a banner
# with the slogan"), besides verbs in "proclaim..." and "declar...".
SIGN_VERBS = _words("read reads reading said saying says bore bearing")
SIGN_WORDING_NOUNS = _words("word words slogan message")
