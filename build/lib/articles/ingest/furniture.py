"""
Page furniture: what a scraped page carries around the story (sharing
buttons, advertisement slots, captions and credits, bylines and author bios,
timestamps, newsletter and app prompts, live-blog, gallery and video-player
controls, wire and press-release lines, embedded posts' signatures...).

The rules are data, named and kept here: each a reason, a pattern and, where
the words could be a story's own, a length bound; a rule never drops a
paragraph that quotes or attributes speech. ``drop_furniture`` takes the raw
paragraphs (and what each block looked like) and gives the story's paragraphs
and the dropped ones with their reasons; ``infer_byline`` and
``infer_published`` read the byline and the date from what was dropped.
"""

import re

from .dates import MONTH_NAMES, MONTH_WORD, TZ_ABBREVIATIONS, read_date
from .outlet_mentions import without_outlet
from .outlets import looks_like_outlet, lookup_outlet

_NAME = r"[A-Z][\w'’.-]+(?: (?:[A-Z][\w'’.-]+|de|van|von|da|del|la|le)){1,3}"
# What may follow "Follow us on Twitter" in a prompt: handles, more networks, "for the
# latest news". Anything else ("Follow Ana Ruiz on X and you get ...") is a sentence.
_FOLLOW_TAIL = (
    r"(?:\s*(?:[,.!:&]|and|or|on|at|@[\w.]+|(?:facebook|instagram|twitter|x|tiktok|youtube|threads|bluesky|linkedin)\b"
    r"|for (?:the )?(?:latest|more|updates|breaking|news)\b[^.!?;]{0,40}))*\W*$"
)

# A date or a clock time as a note gives it: "August 26, 2022", "2022-08-26", "26 Aug 2022", "5:25 am".
_DATE_OR_TIME = (
    r"[a-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [a-z]{3,9}\.? "
    r"\d{4}|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{1,2}(?::\d\d)?\s*[ap]\.?m\b"
)

# Paragraphs that belong to the page, not the story. Each entry: (reason,
# pattern, longest paragraph it may match). Page furniture is short; a long
# paragraph that happens to start like it ("Copyright law ...", "More news
# from the bargaining table ...") is story text.
FURNITURE = tuple(
    (reason, re.compile(pattern, re.IGNORECASE), max_chars)
    for reason, pattern, max_chars in (
        ("video or photo caption", r"^\|[^|]{1,40}\|", 300),
        (
            "related-stories box",
            r"^(?:related|more) (?:stories|articles|coverage|content|news)(?: from [^.!?]{1,60})?\W*$",
            100,
        ),
        (
            "related link",
            r"^(?:related|read more|see also|more from|more|recommended|also read|read also|watch(?: live| "
            r"now| video| more)?)\s*:",
            250,
        ),
        ("author photo", r"^(?:profile )?photo of (?P<name>" + _NAME + r")\W*$", 100),
        (
            "comment form",
            r"^(?:leave a (?:reply|comment)|\d+ comments?|comments|post a comment)\W*$",
            40,
        ),
        ("comment form", r"^your email address will not be published", 120),
        ("comment form", r"^required fields are marked", 80),
        # "This story was originally published August 26, 2022", "... by CalMatters", "... on The
        # Conversation.": a date, a time or a name follows. "This story was first published in a
        # mimeographed union bulletin in 1932, and it has been retold ..." is the story's own.
        (
            "publication note",
            r"^this (?:story|article) was (?:originally |first )?(?:published|posted)"
            r"(?:\W*$|,? (?:(?:on|in|by|at|with|from) )?(?:the )?(?:(?-i:[A-Z])|"
            + _DATE_OR_TIME
            + r"))",
            200,
        ),
        (
            "publication note",
            r"^(?:originally )?(?:published|posted|updated)(?: on| at)?:? (?:\w+\.? \d{1,2}, "
            r"\d{4}|\d{4}-\d\d-\d\d)",
            120,
        ),
        (
            "advertisement",
            r"^(?:skip )?(?:advertisement|sponsored content|(?:story|article) continues below(?: "
            r"advertisement)?|continue reading the main story)\W*$",
            60,
        ),
        (
            "sharing links",
            r"^(?:share|share this|share on \w+|tweet|email this|print this)(?: "
            r"(?:story|article|post|page))?\s*:?$",
            40,
        ),
        (
            "newsletter prompt",
            r"^(?:sign up|subscribe)(?: now| today)? (?:for|to) (?:our|the) "
            r"\w+(?=.*\b(?:newsletters?|alerts?|inbox|updates|emails?|briefings?|digest|headlines)\b)",
            200,
        ),
        ("copyright line", r"^(?:copyright\s*(?:©|\(c\))?\s*\d{4}|©|\(c\)\s*\d{4})", 200),
        ("copyright line", r"^all rights reserved\W*$", 40),
        (
            "copyright line",
            r"^copyright [^.!?]{2,60}(?:, (?:inc|llc|ltd)\.?)? all rights reserved\W*$",
            120,
        ),
        (
            "follow prompt",
            r"^follow (?:us|" + _NAME + r") on (?:twitter|x|facebook|instagram)\b" + _FOLLOW_TAIL,
            200,
        ),
    )
)
# FURNITURE rules whose words a story can use ("Sign up for the strike text updates,
# organizers told members ..."): never drop a paragraph that quotes or attributes speech.
_GUARDED_FURNITURE = {"newsletter prompt", "follow prompt"}
_DATED_NOTE = re.compile(
    r"^(?:originally )?(?:published|posted|updated)(?: on| at)?:? (?:\w+\.? \d{1,2}, \d{4}|\d{4}-\d\d-\d\d)",
    re.IGNORECASE,
)
_AUTHOR_PHOTO = next(pattern for reason, pattern, _ in FURNITURE if reason == "author photo")
# What only comes after the story: once one is seen, an author bio may follow.
_TAIL_MARKERS = {
    "related-stories box",
    "author photo",
    "comment form",
    "publication note",
    "copyright line",
    "print edition note",
    "end of press release",
    "wire credit",
}

# More page furniture as scrapers leave it from news sites, wire pages, press
# releases and newsletters. Each entry: (reason, pattern, longest paragraph it
# may match, guarded). A guarded rule matches prompts ("Click here to ...",
# "Contact ... at ...") whose words a story paragraph can also use: it never
# drops a paragraph that quotes or attributes speech.
SCRAPED_FURNITURE = tuple(
    (reason, re.compile(pattern, re.IGNORECASE), max_chars, guarded)
    for reason, pattern, max_chars, guarded in (
        ("advertisement", r"^(?:paid (?:content|post)|promoted content|sponsored)\W*$", 40, False),
        (
            "sharing links",
            r"^(?:copy (?:article )?link|link copied|share via email|share (?:this "
            r")?(?:story|article|post) on \w+)\W*$",
            50,
            False,
        ),
        ("sharing links", r"^share(?-i:(?: [A-Z][\w'’&-]*){1,5})$", 50, False),
        (
            "video prompt",
            r"^watch (?:the )?(?:full |entire )?(?:interview|video|report|story|clip|segment|press "
            r"conference|coverage)(?: above| below| here)?\W*$",
            80,
            False,
        ),
        ("link prompt", r"^(?:click|tap) here(?=\s+(?:to|for|now|and)\b|\s*[.:!]?\s*$)", 200, True),
        (
            "app prompt",
            r"^download (?:the|our) .{1,60}?\bapps?\b(?:\W*$|\s+(?:now|today|here|free|for|to|on|from|and "
            r"(?:get|stay|receive|sign|turn|enable|never)\b))",
            200,
            True,
        ),
        ("newsletter prompt", r"^(?:sign up|subscribe)(?: here| now| today)?\W*$", 30, False),
        (
            "newsletter prompt",
            r"^(?:sign up|subscribe|register)\b.{0,120}?\b(?:newsletters?|alerts|inbox|for "
            r"free(?=\W*$|\s+(?:to|and|today|now)\b))\b|^(?:sign up|subscribe)\b.{0,120}?[$£€]\d",
            200,
            True,
        ),
        ("newsletter prompt", r"^(?:thanks|thank you) for reading\b.{0,100}\bsubscribe", 250, True),
        ("newsletter prompt", r"^(?:type|enter) your email\W*$", 40, False),
        (
            "comment prompt",
            r"^(?:leave a comment|discussion about this post|join the (?:conversation|discussion)|show "
            r"comments|view comments|ready for more\?)\W*$",
            40,
            False,
        ),
        (
            "page box",
            r"^(?:most (?:read|viewed|popular|shared|watched)|trending(?: now| stories| news)?|top "
            r"stories|popular(?: now)?|editor'?s picks|you may also like|recommended(?: for you)?|more on "
            r"this story|related topics|explore more on these topics|reuse this content|report a "
            r"typo|report an error)\W*$",
            40,
            False,
        ),
        ("reading time", r"^\d{1,2}[- ]min(?:ute)?s?(?: read| listen)\W*$", 20, False),
        (
            "language link",
            r"^(?:leer en español|read in english|lire en français|en español)\W*$",
            25,
            False,
        ),
        (
            "tag list",
            r"^(?:tags?|topics?|filed under|posted in|categories|category|keywords)\s*:",
            250,
            True,
        ),
        (
            "photo caption",
            r"\((?:[^()]{0,80}\b)?(?:photo|photograph|image|picture|getty "
            r"images|shutterstock|credit)\b[^()]{0,80}\)\s*$",
            400,
            True,
        ),
        (
            "photo caption",
            r"\b(?:photo|photograph|image|picture|photo illustration)s?(?: credit)?\s*:\s*[^.!?:]{1,80}$",
            400,
            True,
        ),
        (
            "photo caption",
            r"^(?:photo|photograph|image|picture|video)(?:s| credits?)?\s*:",
            300,
            True,
        ),
        (
            "photo caption",
            r"^(?:image|media|video|photo) (?:source|caption|credit)s?\s*[,:]",
            300,
            False,
        ),
        (
            "contact line",
            r"^(?:contact|reach|e-?mail|write "
            r"to)\b.{0,100}?[\w.+-]+@[\w-]+\.[\w.]*\w(?=\W*$|\W*(?:or|and)?\s*(?:follow|call|find|reach|message|text|dm|e-?mail|on|twitter|x|phone|tel|instagram|bluesky)\b.{0,60}$)",
            300,
            True,
        ),
        ("contact line", r"^(?:media |press )?contacts?\s*:", 200, True),
        (
            "contact line",
            r"^(?:have|got) a (?:news |story )?tip(?: (?:for us|about|on|to share)\b[^.!?]{0,80})?\?",
            200,
            True,
        ),
        (
            "follow prompt",
            r"^follow "
            r"(?:us|me|him|her|them)\b.{0,40}?(?:@\w+|\b(?:twitter|facebook|instagram|tiktok|x|threads|bluesky)\b)"
            + _FOLLOW_TAIL,
            200,
            True,
        ),
        ("cookie notice", r"^(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b", 500, True),
        (
            "copyright line",
            r"^this material may not be published, broadcast, rewritten,? or redistributed\W*$",
            100,
            False,
        ),
        (
            "wire credit",
            r"^\(?(?:additional )?(?:reporting|writing) by\b.{0,200}?;\s*(?:additional "
            r"reporting|editing|edited|writing) by\b[^()]*\)?$",
            300,
            False,
        ),
        (
            "update note",
            r"^\((?:updates|adds|recasts|corrects|changes) "
            r"(?!to\b)(?![^()]*\b(?:is|are|was|were|will|would)\b)[^()]{3,150}\)$",
            160,
            False,
        ),
        ("press release", r"^(?-i:SOURCE) [A-Z][^.!?]{1,80}\.?$", 100, False),
        ("separator", r"^(?:_{3,}|-{3,}|\*{3,}|\* \* \*)$", 20, False),
        (
            "timestamp",
            r"^(?:posted|updated|published)(?: at)? \d+\s*(?:[smhd]|mins?|minutes?|hours?|hrs?|days?) "
            r"ago(?:[,;|]? (?:updated|last updated) \d+\s*(?:[smhd]|mins?|minutes?|hours?|hrs?|days?) "
            r"ago)?\W*$",
            80,
            False,
        ),
        (
            "wire credit",
            r"^\(?editing by (?-i:[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)+)(?:(?:,|;| and) .{0,100})?\)?\W*$",
            150,
            False,
        ),
        ("wire credit", r"^our standards\s*:", 120, False),
        (
            "print edition note",
            r"^a version of this (?:article|story) appears? in print\b",
            400,
            False,
        ),
        ("press release", r"^for (?:immediate|future) release\W*$", 40, False),
        ("end of press release", r"^(?:#{3}|-\s?30\s?-|-end-)$", 10, False),
        (
            "timestamp",
            r"^\d{1,3}\s*(?:[smhd]|mins?|minutes?|hrs?|hours?|days?) ago\W*$|^just now\W*$",
            20,
            False,
        ),
        # Live blogs: labels, pinned and key-event markers, loaders.
        (
            "live blog",
            r"^(?:live|live updates|live blog|pinned(?: post)?|key events?|show key events only|"
            r"load (?:more|new|earlier|later)(?: updates| posts)?|see (?:the )?latest updates|new updates?|"
            r"back to top|refresh|loading\W*|something went wrong\W+(?:please )?try again)\W*$",
            50,
            False,
        ),
        ("live blog", r"^please (?:turn on|enable) javascript\b", 150, False),
        # Embedded social posts: the embed's signature and buttons, not the post's text.
        (
            "embedded post",
            r"^[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s+(?:\w+\.? \d{1,2}, \d{4}|\d{1,2} \w+ \d{4})$",
            160,
            False,
        ),
        (
            "embedded post",
            r"^(?:view|see) (?:this|more) (?:post|video|photo|profile)?\s*on "
            r"(?:instagram|tiktok|x|twitter|facebook|threads|youtube)\W*$",
            50,
            False,
        ),
        (
            "embedded post",
            r"^a (?:post|video|photo|reel) shared by [^.!?()]{1,80}\(@[\w.]{1,30}\)$",
            120,
            False,
        ),
        (
            "embedded post",
            r"^(?:watch on|follow on|view on) (?:instagram|tiktok|youtube|x|twitter)\W*$",
            30,
            False,
        ),
        # Video players and galleries.
        (
            "video player",
            r"^\d{1,2}:\d\d(?: / \d{1,2}:\d\d)?$|^(?:now playing|autoplay|play video|mute|unmute|closed "
            r"captions?)\W*$",
            20,
            False,
        ),
        (
            "video player",
            r"^\[\s*(?:music|no audio|applause|laughter|inaudible|crosstalk|silence|cheering|sot|vo)\s*\]$",
            30,
            False,
        ),
        (
            "photo gallery",
            r"^(?:\d{1,3} of \d{1,3}|next (?:slide|image|photo)|previous "
            r"(?:slide|image|photo)|prev|expand|enlarge(?: this)? image|"
            r"(?:show|hide|toggle) caption|photo gallery|(?:view|open|see) (?:the )?(?:full "
            r")?(?:gallery|image|photos?)|open image modal|fullscreen|close)[^\w.!?]*$",
            40,
            False,
        ),
        ("photo caption", r"^(?:item \d{1,3} of \d{1,3}|\[\d{1,3}/\d{1,3}\]) ", 500, True),
        (
            "photo caption",
            r"^(?:photographs?|photos?|photography|video|illustrations?|graphics?) by "
            + _NAME
            + r"(?: and "
            + _NAME
            + r")?$",
            80,
            False,
        ),
        ("photo caption", r"^(?:acquire|purchase) licensing rights\W*$", 40, False),
        # Paywalls, account walls and email newsletters' own lines.
        (
            "paywall",
            r"^(?:subscribe|sign in|log in|register) (?:now )?to (?:continue|keep) reading\b|^(?:this "
            r"(?:article|story|content) is (?:only )?(?:for|available to|exclusive to) "
            r"(?:subscribers|members)(?: only)?)\W*$"
            r"|^already (?:a subscriber|have an account|registered)\?|^(?:get|enjoy) (?:unlimited|full) "
            r"(?:digital )?access\b|^cancel (?:at )?anytime\W*$"
            r"|^(?:create|register for) a free account to (?:continue|keep) reading|^you(?:'|’)ve "
            r"(?:reached|read) (?:your|all of your|the) (?:limit|free articles)",
            150,
            True,
        ),
        (
            "email newsletter",
            r"^(?:view (?:this email|it) in (?:your|a) browser|forward (?:this email )?to a "
            r"friend|unsubscribe(?: from this list)?|update (?:your )?(?:subscription )?preferences)\W*$",
            50,
            False,
        ),
        (
            "email newsletter",
            r"^you (?:are|were) receiving this (?:email|message|newsletter) because\b|^our mailing address "
            r"is\b|^want to change how you receive these emails\b",
            300,
            True,
        ),
        (
            "donation button",
            r"^(?:donate|give|chip in|contribute)(?: now| today| here)?(?: to (?:the |our )?[\w' "
            r"-]{1,40})?\W*$",
            50,
            False,
        ),
        (
            "author box heading",
            r"^(?:about the (?:author|reporter|writer)s?|about this (?:author|reporter))\W*$",
            30,
            False,
        ),
        (
            "wire credit",
            r"^\(?with files from (?-i:(?:the |The )?[A-Z][\w'’&.-]*(?:,? "
            r"(?:[A-Z][\w'’&.-]*|and|of|the|de|la)){0,8})\)?\.?$",
            80,
            False,
        ),
        (
            "sharing links",
            r"^social sharing\W*$|^compartir\W*$|^comparte(?: esta nota| este artículo)?\W*$",
            30,
            False,
        ),
        ("newsletter prompt", r"\bnewsletters?\b.{0,80}\bsign up here\W*$", 250, True),
        # Spanish-language outlets.
        (
            "related link",
            r"^(?:lea|lee|vea|mira) (?:también|además|más)\s*:|^te puede "
            r"interesar\s*:|^(?:relacionad[oa]s?|más noticias)\s*:",
            250,
            False,
        ),
        (
            "newsletter prompt",
            r"^(?:suscríbete|suscribete|regístrate|registrate) (?:a|en) (?:nuestro|nuestros|el|los) "
            r"(?:boletín|boletines|newsletter)\b",
            200,
            True,
        ),
        (
            "follow prompt",
            r"^síguenos en (?:facebook|twitter|x|instagram|tiktok|youtube|whatsapp)\b",
            120,
            True,
        ),
        (
            "tag list",
            r"^this (?:article|story|post) (?:is )?tagged(?: under| with)?\s*:?$",
            40,
            False,
        ),
    )
)
AD_LINE = re.compile(
    r"^(?:skip )?(?:advertisement|(?:story|article) continues below(?: advertisement)?)$",
    re.IGNORECASE,
)
# Lines that are only furniture inside a block of sharing buttons ("Like /
# Comment / Restack", "Facebook / Twitter / Email"); alone they may be words of a story.
_BUTTON_LINE = re.compile(
    r"^(?:like|comment|restack|facebook|twitter|x|email|e-mail|linkedin|whatsapp|reddit|print|"
    r"pinterest|threads|bluesky|messenger|flipboard|copy link|share)\W*$",
    re.IGNORECASE,
)
# The first line of a list of other stories' headlines ("Most Read", "Trending", "Related Topics").
_BOX_HEADING = re.compile(
    r"^(?:most (?:read|viewed|popular|shared|watched)|trending(?: now| stories| news)?|top stories|"
    r"popular(?: now)?|editor'?s picks|you may also like|recommended(?: for you| stories)?|"
    r"related(?: stories| articles| topics| links| coverage| content)?|more (?:on this story|stories|news)|"
    r"explore more on these topics|latest(?: news| stories)?|share(?: this)?)\W*$",
    re.IGNORECASE,
)
# Quoted or attributed speech: what a guarded rule never drops.
_SPEECH = re.compile(
    r"[“”\"«»]|‘[^’]{10,}’|\b(?:said|says|told|tells|dijo|dice|afirmó|declaró)\b", re.IGNORECASE
)
# Only a page's top matter (before the first story paragraph) carries these.
_TOP_MATTER = tuple(
    (reason, re.compile(pattern), max_chars)
    for reason, pattern, max_chars in (
        ("reporting location", r"^Reporting from [A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,4}$", 80),
        # "Helen Pidd North of England editor", "Jane Roe Senior Reporter"
        (
            "author line",
            r"^[A-Z][\w'’.-]+ [A-Z][\w'’.-]+(?: [\w'’&.-]+){0,6} "
            r"(?i:editor|correspondent|reporter|writer|columnist|producer)$",
            80,
        ),
    )
)
# A bare author name under the headline: "Sam Ortiz".
_BARE_NAME = re.compile(
    r"^(?P<name>[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: (?:de |van |von |da |del |la |le )?[A-Z][A-Za-z'’-]+){1,2})$"
)
_NOT_NAME_WORDS = re.compile(
    r"\b(?:News|Breaking|Update|Updates|Live|Video|Photos?|Local|Sports|Weather|Business|Politics|"
    r"Opinion|Editorial|Analysis|Exclusive|Watch|Listen|Read|Home|Menu|Search|Share|Subscribe|Latest|"
    r"Strike|Strikes|Labor|Labour|Union|Unions|Workers|San|Santa|Los|Las|New|North|South|East|West|"
    r"Fort|Port|Lake|County|City|Valley|Beach|Bay|Day)\b"
)
# "Dockworkers at the port on Monday. Bryan Anselm for The New York Times": a photo credit.
_CREDIT_FOR_OUTLET = re.compile(
    r"(?:^|[.!?]\s+)" + _NAME + r" for (?P<outlet>The [A-Z][\w&.'’ -]{2,50})$"
)
# A bare time or relative stamp heading a live blog's post: "10:42 a.m. PT", "14.05 BST", "2h ago".
_BARE_CLOCK = re.compile(
    r"^(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s+[A-Z]{2,4})?$"
    r"|^\d{1,3}\s*(?:[smhd]|mins?|minutes?|hrs?|hours?|days?) ago$",
    re.IGNORECASE,
)
# The heading of a video's transcript, below the story on a video page.
_TRANSCRIPT_HEADING = re.compile(
    r"^(?:(?:video |full |auto-generated )?transcript|(?:show|hide|read|view) (?:the )?(?:full )?(?:video "
    r")?transcript)\W*$",
    re.IGNORECASE,
)
# "About Local 9: ..." after a press release's end mark.
_ABOUT_BOILERPLATE = re.compile(r"^About (?:the )?[A-Z][^:.!?]{1,100}:")

# "By Kathy Anderson" / "By Kathy Anderson, The Sacramento Bee" near the top.
_BYLINE = re.compile(
    r"^(?i:by|por):? (?P<name>"
    + _NAME
    + r"(?:(?:,| and| y) "
    + _NAME
    + r")*)(?:\s*[,|—–-] (?P<tail>.*)| \([^()]{2,60}\))?$"
)
# Lower-case words after "By NAME, ...": an outlet or a title has few ("staff writer",
# "special to The Times"); "By Labor Day, the standoff had cost ..." is a sentence.
_BYLINE_TAIL_MAX_LOWER = 3
_BYLINE_TAIL_VERB = re.compile(r"\b(?-i:is|was|were|are|had|has|have|will|would|did|could|can)\b")
# "Rachel Ward · CBC News · Posted: Nov 15, 2024 4:00 AM EST": name, outlet, timestamp.
_BYLINE_DOTS = re.compile(r"^(?P<name>" + _NAME + r") [·•|] (?P<outlet>[^·•|]{2,60}) [·•|] ")
# "Kathy Anderson covers healthcare for The Bee. ..." names the outlet: a bio even as the last paragraph.
_BIO = re.compile(
    r"^(?P<name>"
    + _NAME
    + r") (?:covers|reports on|writes about|has covered|is an? (?:[\w-]+ ){0,3}"
    r"(?:reporter|writer|correspondent|journalist|editor|columnist|producer)) [^.]{0,80}?"
    r"\b(?:for|at|with) (?:the )?(?P<outlet>(?:The )?[A-Z][\w&.'’-]*(?: [A-Z0-9][\w&.'’-]*){0,4})"
)
# "Jane Roe is a staff reporter ..." is a bio only after the story's end (a tail marker):
# in the body it describes a person in the story.
_TAIL_BIO = re.compile(
    r"^(?P<name>" + _NAME + r") (?:covers|reports on|writes about|has covered|is an? "
    r"(?:[\w-]+ ){0,3}(?:reporter|writer|correspondent|journalist|editor|columnist|producer)\b)"
)
_STAMP_DATE = re.compile(r"(?i:\b" + MONTH_WORD + r")|\b\d{4}-\d\d-\d\d\b")
_STAMP_LABEL = re.compile(
    r"^(?:(?:first |originally |last )?(?:published|posted|updated|modified)|date|publicado|actualizado)\b",
    re.IGNORECASE,
)
_STAMP_TOKEN = re.compile(
    r"\b(?:" + MONTH_NAMES + r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
    r"|first|originally|last|published|posted|updated|modified|date|on|at|and|"
    r"publicado|actualizado|el|de|del|a las|a la|ago|just now|hours?|hrs?|minutes?|mins?|"
    + "|".join(TZ_ABBREVIATIONS)
    + r")\b\.?"
    r"|\b\d{1,4}(?:[:.-]\d\d)*(?:st|nd|rd|th|T[\d:.+-]+Z?)?\b|\b[ap]\.?m\b\.?|[\s,|:;—–/•·()+-]",
    re.IGNORECASE,
)
_PUBLISHED_NOTE = re.compile(
    r"\b(?:originally |first )?(?:published|posted)(?: on| at)?:? ", re.IGNORECASE
)


def _publication_note_ok(paragraph):
    """
    "Posted Sep 15, 2023 4:10 PM", "Published March 20, 2024 • Updated on ...": after the
    date only times, zones and labels. "Published June 1, 2023, the audit found ..." is a
    sentence of the story.
    """
    stamp = _DATED_NOTE.match(paragraph)
    if not stamp:
        return True
    rest = _STAMP_TOKEN.sub(" ", paragraph[stamp.end() :])
    return sum(1 for w in re.findall(r"[^\W\d_][\w'’-]*", rest) if w[:1].islower()) <= 1


# Rules that match a label and its colon ("Related:", "Watch:", "Photos:", "Topics:"): a story
# can open a sentence the same way ("Related: a similar newsletter at Columbia ran to 90 issues.").
_LABEL_RULES = {"related link", "tag list", "photo caption", "contact line"}
_LABEL = re.compile(r"^[^\W\d][\w'’ -]{0,24}:\s+")
# Words that open a photo credit or a tag list in lower case: "Photo: courtesy of the union".
_CREDIT_WORDS = {
    "courtesy",
    "via",
    "provided",
    "submitted",
    "supplied",
    "file",
    "handout",
    "credit",
    "photo",
    "source",
}


def _label_opens_a_sentence(paragraph, match, reason):
    """
    "More: a section at the end of each issue lists smaller items, from lost gloves ... ." The
    label rule matched only the label, and what follows is a sentence of the story: it ends
    with a full stop, has at least 8 words (3 or more per comma-separated part), and starts in
    lower case (a headline, a caption, a credit or a tag starts with a capital or a credit
    word) or, after a related-link label, runs to 20 words or more (a linked headline is
    shorter and has no full stop).
    """
    label = _LABEL.match(paragraph)
    if not label or match.end() > label.end():
        return False
    rest = paragraph[label.end() :]
    words = rest.split()
    if len(words) < 8 or not re.search(r"[.!][”’\"')]*$", rest):
        return False
    # A tag list is short items between commas ("strike, nurses, health care, Duluth."); a
    # sentence runs on between its commas.
    if len(words) < 3 * (rest.count(",") + 1):
        return False
    first = words[0].strip("“‘\"'(").casefold()
    if rest[:1].islower() and first not in _CREDIT_WORDS:
        return True
    return reason == "related link" and len(words) >= 20


def furniture_reason(paragraph):
    """Why ``paragraph`` is page furniture wherever it stands, or None."""
    speech = None
    for reason, pattern, max_chars in FURNITURE:
        if len(paragraph) <= max_chars and (match := pattern.search(paragraph)):
            if reason in _LABEL_RULES and _label_opens_a_sentence(paragraph, match, reason):
                continue
            if reason == "publication note" and not _publication_note_ok(paragraph):
                continue
            if reason in _GUARDED_FURNITURE:
                speech = bool(_SPEECH.search(paragraph)) if speech is None else speech
                if speech:
                    continue
            return reason
    for reason, pattern, max_chars, guarded in SCRAPED_FURNITURE:
        if len(paragraph) <= max_chars and (match := pattern.search(paragraph)):
            if reason in _LABEL_RULES and _label_opens_a_sentence(paragraph, match, reason):
                continue
            if guarded:
                speech = bool(_SPEECH.search(paragraph)) if speech is None else speech
                if speech:
                    continue
            return reason
    if _is_timestamp(paragraph, labelled=True):
        return "timestamp"
    return None


def _top_matter_reason(paragraph):
    """Why ``paragraph``, standing above the story's first paragraph, is not story text."""
    match = _BYLINE.match(paragraph)
    if match and len(paragraph) < 120 and _byline_tail_ok(match["tail"]):
        return "byline"
    match = _BYLINE_DOTS.match(paragraph)
    if (
        match
        and len(paragraph) < 200
        and looks_like_outlet(match["outlet"].strip())
        and not _SPEECH.search(paragraph)
    ):
        return "byline"
    match = _BARE_NAME.match(paragraph)
    if match and not _NOT_NAME_WORDS.search(paragraph) and not looks_like_outlet(paragraph):
        return "byline"
    if _is_timestamp(paragraph, labelled=False):
        return "timestamp"
    for reason, pattern, max_chars in _TOP_MATTER:
        if len(paragraph) <= max_chars and pattern.match(paragraph):
            return reason
    return None


def _byline_tail_ok(tail):
    if not tail:
        return True
    # "By Labor Day, it was over.": a verb makes the tail a clause, not a title or an outlet.
    if _BYLINE_TAIL_VERB.search(tail):
        return False
    words = [w for w in re.findall(r"[^\s,|()]+", tail) if "@" not in w]
    return sum(1 for w in words if w[:1].islower()) <= _BYLINE_TAIL_MAX_LOWER


def block_reason(lines, previous=""):
    """A block of several lines that is a button row, a box of other stories' headlines,
    a list of tags under a "tagged under:" heading, or an author box (name, outlet, blurb)."""
    if len(lines) < 2:
        return None
    if (
        previous.endswith(":")
        and furniture_reason(previous) == "tag list"
        and all(len(line) <= 40 and not re.search(r"[.!?“”\"]", line) for line in lines)
    ):
        return "tag list"
    if (
        _BARE_NAME.match(lines[0])
        and len(lines[1]) <= 60
        and (lookup_outlet(lines[1]) or looks_like_outlet(lines[1]))
        and len(" ".join(lines)) <= 300
        and not _SPEECH.search(" ".join(lines))
    ):
        return "author box"
    if all(_BUTTON_LINE.match(line) or furniture_reason(line) for line in lines):
        return "sharing links"
    if _BOX_HEADING.match(lines[0]) and all(
        len(line) <= 120 and not re.search(r"[“”\"]|\.$", line) for line in lines[1:]
    ):
        return "link box"
    return None


def _is_timestamp(paragraph, *, labelled):
    """
    "Updated: 5:42 PM PDT Mar 14, 2023", "Posted at 6:15 PM, Mar 03, 2023 and last
    updated ...", "Wed 21 Jun 2023 07.00 BST": nothing but a date, its time and
    labels. ``labelled`` asks for a "Published"/"Posted"/"Updated" label, which
    makes the line furniture anywhere; a bare date is only top matter.
    """
    if len(paragraph) > 150 or not _STAMP_DATE.search(paragraph) or not re.search(r"\d", paragraph):
        return False
    if labelled and (
        not _STAMP_LABEL.match(paragraph) or re.match(r"date\b", paragraph, re.IGNORECASE)
    ):
        # "Date: Oct. 29, 2021" in the body is a line of a memo the story quotes; above
        # the story it is top matter (``labelled=False``).
        return False
    return not _STAMP_TOKEN.sub(" ", paragraph).strip()


def _author_bio(paragraph, *, in_tail, is_last, story=()):
    if in_tail and _TAIL_BIO.match(paragraph):
        return True
    match = _BIO.match(paragraph)
    if not (
        match
        and (in_tail or is_last)
        and looks_like_outlet(match["outlet"])
        and not _SPEECH.search(paragraph)
    ):
        return False
    if in_tail:
        return True
    # The story's last paragraph, with no tail marker above it: a person the story
    # already named ("Follow Ana Ruiz on X ..." ... "Ana Ruiz has covered City Hall for
    # the Tribune ...") is someone in the story, not its author.
    surname = match["name"].split()[-1]
    return not any(re.search(r"\b" + re.escape(surname) + r"\b", p) for p in story)


def _looks_like_transcript(following):
    """
    What follows a "Transcript" heading on a video page: stage cues ("[MUSIC]"),
    ">>" speaker turns, captions in capitals, player times. A Q&A or an interview
    under a "Transcript" subhead is the story itself.
    """
    for paragraph in following:
        letters = [c for c in paragraph if c.isalpha()]
        if (
            paragraph.startswith(">>")
            or re.match(r"^\[[^\]]{1,30}\]$|^\(?\d{1,2}:\d\d(?::\d\d)?\)?(?:\s|$)", paragraph)
            or (len(letters) >= 20 and sum(c.isupper() for c in letters) / len(letters) > 0.8)
        ):
            return True
    return False


def drop_furniture(paragraphs, block_reasons=None):
    block_reasons = block_reasons or [None] * len(paragraphs)
    reasons = [
        block or furniture_reason(p) for block, p in zip(block_reasons, paragraphs, strict=True)
    ]
    # last_story[i]: no paragraph after i is free of furniture.
    last_story = [True] * len(paragraphs)
    for index in range(len(paragraphs) - 2, -1, -1):
        last_story[index] = last_story[index + 1] and reasons[index + 1] is not None
    # A live blog's posts carry bare clock times ("10:42 a.m. PT"); elsewhere such a
    # line may be a heading of a timeline, and is kept.
    live_blog = any(r == "live blog" for r in reasons) or any(
        r == "timestamp" and re.search(r"\bago\W*$", p, re.IGNORECASE)
        for r, p in zip(reasons, paragraphs, strict=True)
    )
    kept, dropped = [], []
    in_tail = after_release = in_transcript = False
    for index, paragraph in enumerate(paragraphs):
        reason = reasons[index]
        if reason is None and in_transcript:
            reason = "video transcript"
        if (
            reason is None
            and kept
            and _TRANSCRIPT_HEADING.match(paragraph)
            and _looks_like_transcript(paragraphs[index + 1 : index + 3])
        ):
            # "Video transcript" under a video page's story: what follows is the video's words.
            reason, in_transcript = "video transcript", True
        if reason is None and live_blog and _BARE_CLOCK.match(paragraph):
            reason = "live blog"
        if reason is None and not kept and index < 6:
            reason = _top_matter_reason(paragraph)
        if reason is None and _is_photo_credit(paragraph):
            reason = "photo caption"
        if reason is None and after_release and _ABOUT_BOILERPLATE.match(paragraph):
            reason = "press release boilerplate"
        # A bio is the story's last paragraph if only furniture follows it.
        if reason is None and _author_bio(
            paragraph, in_tail=in_tail, is_last=last_story[index], story=kept
        ):
            reason = "author bio"
        if reason:
            in_tail = in_tail or reason in _TAIL_MARKERS
            after_release = after_release or reason == "end of press release"
            dropped.append((reason, paragraph))
        else:
            kept.append(paragraph)
    return kept, dropped


def _is_photo_credit(paragraph):
    """A caption ending in its photographer's credit: "... on Monday. Bryan Anselm for The New York Times"."""
    if len(paragraph) > 400 or _SPEECH.search(paragraph):
        return False
    match = _CREDIT_FOR_OUTLET.search(paragraph)
    return bool(match and looks_like_outlet(match["outlet"]))


def infer_byline(dropped):
    """The author, from the furniture that named them: a "By" line, a bio, a photo caption."""
    by_reason = {}
    for reason, paragraph in dropped:
        by_reason.setdefault(reason, paragraph)
    for reason, pattern in (
        ("byline", _BYLINE),
        ("byline", _BARE_NAME),
        ("byline", _BYLINE_DOTS),
        ("author bio", _TAIL_BIO),
        ("author photo", _AUTHOR_PHOTO),
    ):
        match = pattern.match(by_reason.get(reason, ""))
        if match:
            return without_outlet(match["name"])
    return ""


def infer_published(paragraphs, dropped, tz_name):
    """
    From "This story was originally published ...", else from the page's first
    timestamp line: a ``Dated``, or None.
    """
    for paragraph in paragraphs:
        note = _PUBLISHED_NOTE.search(paragraph)
        if note and furniture_reason(paragraph) == "publication note":
            found = read_date(paragraph[note.end() :], tz_name)
            if found:
                return found
    for reason, paragraph in dropped:
        if reason == "byline" and _BYLINE_DOTS.match(paragraph):
            label = re.search(r"\b(?:published|posted)\b:?", paragraph, re.IGNORECASE)
            if label:
                paragraph = paragraph[label.start() :]
                reason = "timestamp"
        if reason == "timestamp":
            found = read_date(paragraph, tz_name)
            if found:
                return found
    return None
