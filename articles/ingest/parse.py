"""
The seed format: an optional header block, the headline on its own line,
then paragraphs separated by blank lines.

    Source: The Sacramento Bee          <- optional header lines, then a blank line
    Published: 2022-08-26T05:25-07:00

    Headline

    First paragraph ...

Scraped text carries damage the parser repairs or removes: page furniture
("Related Stories from ...", comment forms, author bios, advertisement slots,
sharing buttons, newsletter and app prompts, photo captions, timestamps, wire
and press-release credits, live-blog markers, social-embed signatures, gallery
and video-player controls, a video's transcript, paywall and email-newsletter
lines), a lead paragraph that repeats the whole article run together, pull
quotes, soft-wrapped lines, invisible characters, bullet lists run into one
line, a paragraph the page broke mid-sentence or inside a quotation. Rules
that could match a story's own words are bounded by length and never drop a
paragraph that quotes or attributes speech: when in doubt a paragraph is kept. What the header
does not give is inferred from the text: the outlet from its references to
itself, the date from "This story was originally published ...", the byline
from the author's bio.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from .errors import IngestError
from .outlets import CALL_SIGN, Outlet, guess_outlet, looks_like_outlet, lookup_outlet
from .paragraphs import BLANK_LINE, SPACES, normalise
from .zones import zone as zone_named

MAX_HEADLINE_CHARS = 300
HEADER_KEYS = ("source", "published", "url", "byline", "strike", "status")

_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z]+):[ \t]*(?P<value>.*?)\s*$")
# Screen-reader text scraped with a link: "Samsung Electronics (005930.KS), opens new tab".
_LINK_NOTE = re.compile(r",? opens (?:in )?(?:a )?new (?:tab|window)\b", re.IGNORECASE)

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
_AD_LINE = re.compile(
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
# A bullet at the start of a line: "• ", "▪ ", and in a list of several lines "- ", "* ".
_BULLET_LINE = re.compile(r"^(?:[•▪●◦‣]|[-*])\s+(?=\S)")
_BULLET_GLYPH = re.compile(r"^[•▪●◦‣]\s+(?=\S)")
# A title that never ends a sentence: "Dr.", "Sen.", "Gov.".
_TITLE_END = re.compile(
    r"(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Sen|Rep|Gov|Lt|Sgt|Capt|Cmdr|Col|Prof|Rev|Hon|Atty|Supt|Insp|Det)\.$"
)
_SPLIT_END = re.compile(r"(?:\b[a-z][a-z'’-]*|,)$")
_SPLIT_START = re.compile(r"^[a-z]+(?=[\s,;:'’-]|$)")
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

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
} | {
    name: number
    for number, names in enumerate(
        (
            ("enero", "ene"),
            ("febrero",),
            ("marzo",),
            ("abril",),
            ("mayo",),
            ("junio",),
            ("julio",),
            ("agosto",),
            ("septiembre", "setiembre"),
            ("octubre",),
            ("noviembre",),
            ("diciembre", "dic"),
        ),
        start=1,
    )
    for name in names
}
_TZ_ABBREVIATIONS = {
    "pt": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "mt": "America/Denver",
    "mdt": "America/Denver",
    "mst": "America/Denver",
    "ct": "America/Chicago",
    "cdt": "America/Chicago",
    "cst": "America/Chicago",
    "et": "America/New_York",
    "edt": "America/New_York",
    "est": "America/New_York",
    "utc": "UTC",
    "gmt": "UTC",
    "bst": "Europe/London",
}
# "Aug. 26, 2022" and "26 August 2022" (weekday and ordinal allowed), with a clock
# time after ("5:25 am", "at 4:10 p.m. ET", "07.00 BST") or before ("6:02 a.m. ET Sept. 15, 2023").
_DATES = (
    re.compile(
        r"\b(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2})(?:st|nd|rd|th)?,? (?P<year>\d{4})\b"
    ),
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)? (?P<month>[A-Za-z]{3,9})\.?,? (?P<year>\d{4})\b"
    ),
    # "3 de marzo de 2024"
    re.compile(r"\b(?P<day>\d{1,2}) de (?P<month>[A-Za-z]{3,10}) (?:de |del )?(?P<year>\d{4})\b"),
)
_CLOCK = (
    r"(?P<hour>\d{1,2})(?::|\.(?=\d\d\s*(?:[AaPp]\.?[Mm]\b|[A-Z]{2,4}\b)))(?P<minute>\d\d)"
    r"(?:\s*(?P<ampm>[AaPp])\.?[Mm]\b\.?)?(?:,?\s+(?P<tz>[A-Z]{2,4})\b(?P<offset>[+-]\d{1,2}(?::?\d\d)?\b)?)?"
)
_CLOCK_AFTER = re.compile(r"^(?:,?\s+(?:at\s+|a las\s+|a la\s+)?|\s*/\s*)" + _CLOCK)
_CLOCK_BEFORE = re.compile(_CLOCK + r"\s*,?\s*$")
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_WORD = r"(?:" + _MONTH_NAMES + r")\b\.?"
_STAMP_DATE = re.compile(r"(?i:\b" + _MONTH_WORD + r")|\b\d{4}-\d\d-\d\d\b")
_STAMP_LABEL = re.compile(
    r"^(?:(?:first |originally |last )?(?:published|posted|updated|modified)|date|publicado|actualizado)\b",
    re.IGNORECASE,
)
_STAMP_TOKEN = re.compile(
    r"\b(?:" + _MONTH_NAMES + r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
    r"|first|originally|last|published|posted|updated|modified|date|on|at|and|"
    r"publicado|actualizado|el|de|del|a las|a la|ago|just now|hours?|hrs?|minutes?|mins?|"
    + "|".join(_TZ_ABBREVIATIONS)
    + r")\b\.?"
    r"|\b\d{1,4}(?:[:.-]\d\d)*(?:st|nd|rd|th|T[\d:.+-]+Z?)?\b|\b[ap]\.?m\b\.?|[\s,|:;—–/•·()+-]",
    re.IGNORECASE,
)
_PUBLISHED_NOTE = re.compile(
    r"\b(?:originally |first )?(?:published|posted)(?: on| at)?:? ", re.IGNORECASE
)

# How the outlet names itself. Each: (weight, pattern with a "name" group).
_OUTLET_NAME = r"(?:The )?[A-Z][\w&.'’-]*(?: (?:[A-Z0-9][\w&.'’-]*|of|de|la)){0,5}"
_SELF_REFERENCES = tuple(
    (weight, re.compile(pattern))
    for weight, pattern in (
        (3, r"^(?:Related|More) [Ss]tories from (?P<name>" + _OUTLET_NAME + r")\s*$"),
        (
            3,
            r"\b(?:covers|reports on|writes about) [\w ,&-]{1,60}? for (?P<name>"
            + _OUTLET_NAME
            + r")",
        ),
        (
            3,
            r"\b(?:reporter|writer|correspondent|columnist|editor) (?:for|at|with) (?P<name>"
            + _OUTLET_NAME
            + r")",
        ),
        (3, r"^(?:Copyright|©) (?:\d{4} )?(?:by )?(?P<name>" + _OUTLET_NAME + r")"),
        # "OAKLAND, Calif. (AP) —", "DENVER (KDVR) —", "(Reuters) -"
        (
            3,
            r"^(?:[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*)?\((?P<name>AP|Reuters|AFP|UPI|"
            + CALL_SIGN
            + r")\)\s*[—–-]",
        ),
        (
            2,
            r"\b(?P<name>" + CALL_SIGN + r"|The " + _OUTLET_NAME + r") (?:has |had )?"
            r"(?:reached out|contacted|asked|obtained|spoke|learned|reported|confirmed|"
            r"requested|reviewed|was told|received|interviewed)\b",
        ),
        (
            2,
            r"\b(?:told|(?:a |in a |written )?statements? to|in an interview with) (?P<name>"
            + CALL_SIGN
            + r"|The "
            + _OUTLET_NAME
            + r")\b",
        ),
        (1, r"\bjoined (?P<name>The " + _OUTLET_NAME + r") in \d{4}"),
    )
)
# "Copyright 2023 Scripps Media, Inc.": the owner, not the outlet; it counts for little.
_PARENT_COMPANY = re.compile(
    r"^(?:[^,]*\b(?:Media|Group|Holdings|Company|Corporation|Communications|Broadcasting|Enterprises|Networks))?"
    r",? (?:Inc|LLC|Ltd|Corp|Co|PLC|L\.P)\b\.?|\b(?:Media|Group|Holdings|Company|Corporation|Communications|"
    r"Broadcasting|Enterprises)$"
)
_HEADLINE_SUFFIX = re.compile(
    r"\s+[|–—-]\s+(?P<name>(?:[^|–—\s-]|\s(?![|–—-]\s)|(?<=\w)-(?=\w)){2,60})$"
)
_HEADLINE_SECTION = re.compile(r"\s+\|\s+[A-Za-z][\w&'’-]*(?: [\w&'’-]+){0,2}$")

_WORD = re.compile(r"\w+")
SHINGLE = 5
PULL_QUOTE_MIN_WORDS = 8
# A pull quote is set near the paragraph it repeats; the same sentence opening a paragraph
# further away (the story's first and last paragraphs) is the writer's bookend.
PULL_QUOTE_MAX_DISTANCE = 4
DUPLICATE_MIN_WORDS = 12
# Where a sentence starts inside a paragraph.
_SENTENCE_START = re.compile(r"(?<=[.!?”’\"])\s+(?=[“‘\"]?[A-Z])")


@dataclass
class ParsedArticle:
    headline: str
    paragraphs: list[str]
    outlet: Outlet | None = None
    published_at: datetime | None = None
    byline: str = ""
    url: str = ""
    strike: str = ""
    status: str = ""
    from_header: frozenset[str] = frozenset()
    dropped: list[tuple[str, str]] = field(default_factory=list)


def parse_article(text: str, *, default_timezone: str = "UTC") -> ParsedArticle:
    text = normalise(text)
    header, rest = _split_header(text)
    first_line, _, body = rest.strip().partition("\n")
    headline = SPACES.sub(" ", first_line).strip()
    if not headline:
        raise IngestError("no headline: the file has a header but no article")
    if len(headline) > MAX_HEADLINE_CHARS:
        raise IngestError(
            "no headline: the first line is a paragraph "
            f"({len(headline)} characters); put the headline on its own first line"
        )
    # Soft-wrapped lines within a block belong to one paragraph, unless the
    # block is a list of sharing buttons or other stories' headlines.
    raw, block_reasons, ad_lines, bullet_items = [], [], [], set()
    for block in BLANK_LINE.split(body):
        lines = [_LINK_NOTE.sub("", SPACES.sub(" ", line)).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        # "Key points:" with one bullet a line: each bullet is a paragraph of the story.
        items = _bullet_items(lines)
        if items:
            raw.extend(items)
            bullet_items.update(items[1:] if not _BULLET_LINE.match(lines[0]) else items)
            block_reasons.extend([None] * len(items))
            continue
        if len(lines) > 1:
            # "Advertisement" on a line of its own inside a paragraph: the ad slot, not text.
            dropped_lines = [line for line in lines if _AD_LINE.match(line)]
            if len(dropped_lines) < len(lines):
                lines = [line for line in lines if not _AD_LINE.match(line)]
                ad_lines.extend(("advertisement", line) for line in dropped_lines)
        if lines:
            previous = raw[-1] if raw else ""
            raw.append(_BULLET_GLYPH.sub("", " ".join(lines)))
            block_reasons.append(_block_reason(lines, previous))
    if not raw:
        raise IngestError("no article text after the headline")

    outlet_name, headline = _strip_headline_suffix(headline)
    parsed = ParsedArticle(headline=headline, paragraphs=[])
    kept, dropped = _drop_furniture(raw, block_reasons)
    dropped = ad_lines + dropped
    kept = _rejoin_split_sentences(kept, bullet_items)
    kept, repeated = _drop_repeats(kept)
    dropped += repeated
    kept, pulled = _drop_pull_quotes(kept)
    dropped += pulled
    if not kept:
        raise IngestError("no article text after the headline once page furniture is removed")
    parsed.paragraphs = kept
    parsed.dropped = dropped

    parsed.outlet = _infer_outlet(raw, outlet_name)
    parsed.byline = _infer_byline(dropped)
    tz_name = (
        parsed.outlet.timezone
        if parsed.outlet and parsed.outlet.timezone != "UTC"
        else default_timezone
    )
    parsed.published_at = _infer_published(raw, dropped, tz_name)
    _apply_header(parsed, header, tz_name)
    return parsed


def _split_header(text):
    """Header lines before the headline, if every line of the first block is one."""
    stripped = text.lstrip("\n \t")
    first, sep, rest = stripped.partition("\n\n")
    lines = [line for line in first.split("\n") if line.strip()]
    matches = [_HEADER_LINE.match(line.strip()) for line in lines]
    if sep and lines and all(m and m["key"].lower() in HEADER_KEYS for m in matches):
        return {m["key"].lower(): m["value"] for m in matches}, rest
    return {}, stripped


def _apply_header(parsed, header, tz_name):
    if "source" in header and header["source"]:
        parsed.outlet = guess_outlet(header["source"])
        tz_name = parsed.outlet.timezone if parsed.outlet.timezone != "UTC" else tz_name
    if header.get("published"):
        parsed.published_at = parse_datetime_text(header["published"], tz_name)
        if parsed.published_at is None:
            raise IngestError(f"the Published header is not a date: {header['published']!r}")
    if header.get("url"):
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", header["url"]):
            raise IngestError(f"the URL header is not a web address: {header['url']!r}")
        parsed.url = header["url"]
    if header.get("byline"):
        parsed.byline = header["byline"]
    if header.get("strike"):
        parsed.strike = header["strike"].strip()
    if header.get("status"):
        status = header["status"].strip().lower()
        if status not in ("draft", "published"):
            raise IngestError(
                f"the Status header must be draft or published, not {header['status']!r}"
            )
        parsed.status = status
    parsed.from_header = frozenset(k for k, v in header.items() if v)


def _strip_headline_suffix(headline):
    """'Kaiser workers strike | KCRA 3' -> ('KCRA 3', 'Kaiser workers strike')."""
    match = _HEADLINE_SUFFIX.search(headline)
    if match and looks_like_outlet(match["name"].strip()):
        rest = headline[: match.start()].strip()
        # "Dock strike: offer rejected | Liverpool | The Guardian": section names before the outlet.
        while (section := _HEADLINE_SECTION.search(rest)) and section.start() > 0:
            rest = rest[: section.start()].strip()
        return match["name"].strip(), rest
    return None, headline


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


def _bullet_items(lines):
    """
    The items of a bulleted list written one bullet a line ("• ...", "- ..."), with
    any lead-in line ("Key points:") as a paragraph of its own; None if the block
    is not such a list. A line without a bullet continues the item above it.
    """
    starts = [i for i, line in enumerate(lines) if _BULLET_LINE.match(line)]
    if len(starts) < 2 or (starts[0] > 1):
        return None
    items = [" ".join(lines[: starts[0]])] if starts[0] else []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        items.append(" ".join([_BULLET_LINE.sub("", lines[start]), *lines[start + 1 : end]]))
    return [item for item in items if item]


def _block_reason(lines, previous=""):
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


def _drop_furniture(paragraphs, block_reasons=None):
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


def _rejoin_split_sentences(paragraphs, bullet_items=frozenset()):
    """
    A paragraph the page broke mid-sentence ("... who's going to" / "run the
    building?” he said.") is joined again, so that a quotation is not cut in two:
    the first part stops without punctuation after a lower-case word, and is a
    sentence (long, or with a quotation left open) rather than a subheading; the
    second starts with a lower-case word.
    """
    joined = []
    for paragraph in paragraphs:
        # Items of a list written one bullet a line are whole: "a base wage of $30 an
        # hour ... this year" / "an end to mandatory overtime" is not a broken sentence.
        if paragraph in bullet_items or (joined and joined[-1] in bullet_items):
            joined.append(paragraph)
            continue
        if joined and _SPLIT_START.match(paragraph) and _SPLIT_END.search(joined[-1]):
            previous = joined[-1]
            if len(previous) > 80 or previous.count("“") > previous.count("”"):
                joined[-1] = previous + " " + paragraph
                continue
        if joined and _split_at_a_sentence(joined[-1], paragraph):
            joined[-1] = joined[-1] + " " + paragraph
            continue
        joined.append(paragraph)
    return joined


def _split_at_a_sentence(previous, paragraph):
    """
    A page split at every sentence may cut a quotation ("“We did not take this
    lightly." / "We are doing this for our students,” said ...") or a name
    after its title ("... superintendent, Dr." / "Guadalupe Guerrero said ...").
    A paragraph that continues a quotation the paragraph before opened starts
    with a quotation mark of its own, so a paragraph that only closes one is the
    rest of the cut sentence.
    """
    if _TITLE_END.search(previous) and paragraph[:1].isupper():
        return True
    return (
        previous.count("“") > previous.count("”")
        and not paragraph.startswith(("“", "‘", '"'))
        and paragraph.count("”") > paragraph.count("“")
    )


def _is_photo_credit(paragraph):
    """A caption ending in its photographer's credit: "... on Monday. Bryan Anselm for The New York Times"."""
    if len(paragraph) > 400 or _SPEECH.search(paragraph):
        return False
    match = _CREDIT_FOR_OUTLET.search(paragraph)
    return bool(match and looks_like_outlet(match["outlet"]))


def _shingles(paragraph):
    words = [w.casefold() for w in _WORD.findall(paragraph)]
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _drop_repeats(paragraphs):
    """
    Drop a paragraph that repeats the article: most of its word sequences
    reappear elsewhere and it contains at least two other paragraphs whole.
    Scrapers produce these when a page's summary or lead block runs the story
    together. Exact duplicate paragraphs go too (the first is kept), if long
    (``DUPLICATE_MIN_WORDS``) or right after their twin: a short one further on is a refrain.
    """
    dropped = []
    seen = set()
    unique = []
    last = None
    for paragraph in paragraphs:
        key = " ".join(w.casefold() for w in _WORD.findall(paragraph))
        # A long paragraph twice is the page rendering a block twice; a short one is a
        # refrain ("And still the trucks did not move."), unless it follows its twin.
        if (
            key in seen
            and len(key.split()) >= 4
            and (len(key.split()) >= DUPLICATE_MIN_WORDS or key == last)
        ):
            dropped.append(("repeated paragraph", paragraph))
            continue
        seen.add(key)
        last = key
        unique.append(paragraph)

    shingles = [_shingles(p) for p in unique]
    removed = set()
    for i in sorted(range(len(unique)), key=lambda i: -len(shingles[i])):
        own = shingles[i]
        if len(own) < 10:
            continue
        others = [shingles[j] for j in range(len(unique)) if j != i and j not in removed]
        if not others:
            continue
        elsewhere = set().union(*others)
        covered = len(own & elsewhere) / len(own)
        contained = sum(1 for s in others if s and len(s & own) / len(s) >= 0.8)
        if covered >= 0.6 and contained >= 2:
            removed.add(i)
            dropped.append(("repeats the rest of the article", unique[i]))
    return [p for i, p in enumerate(unique) if i not in removed], dropped


def _drop_pull_quotes(paragraphs):
    """
    A pull quote repeats a sentence of the story in large type: a short paragraph
    whose words (at least ``PULL_QUOTE_MIN_WORDS``, punctuation aside) stand
    word for word, from a sentence's start, inside a longer paragraph (a whole
    sentence unless the copy is cut; the paragraph's first sentence, at most
    ``PULL_QUOTE_MAX_DISTANCE`` paragraphs away, unless the two stand side by side). It goes;
    the paragraph that holds the words stays. A short paragraph that only shares
    some words with another is story text.
    """
    words = [[w.casefold() for w in _WORD.findall(p)] for p in paragraphs]
    sentences = [
        [" ".join(w.casefold() for w in _WORD.findall(part)) for part in _SENTENCE_START.split(p)]
        for p in paragraphs
    ]
    kept, dropped = [], []
    for i, paragraph in enumerate(paragraphs):
        own = " ".join(words[i])
        # A pull quote cut from a longer sentence stops without a full stop ("... replaceable,”");
        # a whole sentence that opens a longer one ("They were not going back to work without a
        # contract." / "They were not going back ..., and 18 months later ...") is a refrain.
        # The words must open the paragraph that holds them, or stand next to it: a sentence
        # repeated from the middle of a paragraph further away is the writer's refrain.
        cut = not re.search(r"[.!?][”’\"')]*$", paragraph)
        pulled = (
            len(words[i]) >= PULL_QUOTE_MIN_WORDS
            and len(paragraph) <= 400
            and any(
                j != i
                and len(words[j]) > len(words[i])
                and any(
                    (sentence == own or (cut and sentence.startswith(own + " ")))
                    and (abs(i - j) == 1 or (k == 0 and abs(i - j) <= PULL_QUOTE_MAX_DISTANCE))
                    for k, sentence in enumerate(sentences[j])
                )
                for j in range(len(paragraphs))
            )
        )
        if pulled:
            dropped.append(("pull quote", paragraph))
        else:
            kept.append(paragraph)
    return kept, dropped


def _infer_outlet(paragraphs, headline_outlet):
    scores = Counter()
    names = {}
    if headline_outlet:
        key = _canonical_outlet_name(headline_outlet)
        scores[key] += 2
        names.setdefault(key, headline_outlet)
    for paragraph in paragraphs:
        for weight, pattern in _SELF_REFERENCES:
            for match in pattern.finditer(paragraph):
                # "The Associated Press. All rights reserved." ends at the sentence.
                name = re.split(r"\.\s", match["name"])[0].strip(" .,'’")
                if weight < 3 and not looks_like_outlet(name):
                    continue
                counts = weight
                if paragraph.startswith(("Copyright", "©")) and (
                    _PARENT_COMPANY.search(name)
                    or _PARENT_COMPANY.match(paragraph[match.end("name") :])
                ):
                    counts = 1
                key = _canonical_outlet_name(name)
                scores[key] += counts
                names.setdefault(key, name)
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], -list(names).index(k)))
    name = names[best]
    if not lookup_outlet(name) and re.fullmatch(
        CALL_SIGN, name
    ):  # "KABC-TV" in a headline, "KABC" in the text
        name = re.match(r"[KW][A-Z]{2,3}", name)[0]
    return guess_outlet(name)


def _canonical_outlet_name(name):
    known = lookup_outlet(name)
    if known:
        return known.name
    if re.fullmatch(CALL_SIGN, name):  # "WBNS" and "WBNS-TV" are one station
        return re.match(r"[KW][A-Z]{2,3}", name)[0].casefold()
    return name.casefold()


def _infer_byline(dropped):
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
            return _without_outlet(match["name"])
    return ""


def _without_outlet(name):
    """ "DANA MORALES and KEVIN PARK Associated Press" -> "DANA MORALES and KEVIN PARK"."""
    words = name.split()
    for size in (3, 2, 1):
        if len(words) - size >= 2:
            tail = " ".join(words[-size:])
            if lookup_outlet(tail) or (size > 1 and looks_like_outlet(tail) and tail.istitle()):
                return " ".join(words[:-size])
    return name


def _infer_published(paragraphs, dropped, tz_name):
    """From "This story was originally published ...", else from the page's first timestamp line."""
    for paragraph in paragraphs:
        note = _PUBLISHED_NOTE.search(paragraph)
        if note and furniture_reason(paragraph) == "publication note":
            found = parse_datetime_text(paragraph[note.end() :], tz_name)
            if found:
                return found
    for reason, paragraph in dropped:
        if reason == "byline" and _BYLINE_DOTS.match(paragraph):
            label = re.search(r"\b(?:published|posted)\b:?", paragraph, re.IGNORECASE)
            if label:
                paragraph = paragraph[label.start() :]
                reason = "timestamp"
        if reason == "timestamp":
            found = parse_datetime_text(paragraph, tz_name)
            if found:
                return found
    return None


def parse_datetime_text(value, tz_name="UTC"):
    """
    A datetime from "2022-08-26T05:25:00-07:00", "2022-08-26" or
    "August 26, 2022 5:25 am" (local to ``tz_name`` unless the text says).
    None if nothing date-like is found.
    """
    value = value.strip()
    zone = zone_named(tz_name)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
    candidates = sorted(
        (m for pattern in _DATES for m in pattern.finditer(value) if m["month"].lower() in _MONTHS),
        key=lambda m: m.start(),
    )
    if not candidates:
        return None
    match = candidates[0]
    try:
        day = date(int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"]))
    except ValueError:
        return None
    clock = time(0, 0)
    found = _CLOCK_AFTER.match(value[match.end() :]) or _CLOCK_BEFORE.search(value[: match.start()])
    if found:
        hour, minute = int(found["hour"]), int(found["minute"])
        if found["ampm"]:
            valid = 1 <= hour <= 12
            hour = hour % 12 + (12 if found["ampm"].lower() == "p" else 0)
        else:
            valid = hour < 24
        if not valid or minute > 59:
            return None
        clock = time(hour, minute)
        if found["tz"] and found["tz"].lower() in _TZ_ABBREVIATIONS:
            zone = zone_named(_TZ_ABBREVIATIONS[found["tz"].lower()])
            if found["offset"] and found["tz"].lower() in ("gmt", "utc"):  # "4:21 AM GMT+1"
                sign = -1 if found["offset"][0] == "-" else 1
                digits = found["offset"][1:].replace(":", "")
                hours, minutes = (
                    (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
                )
                if hours <= 14 and minutes < 60:
                    zone = timezone(sign * timedelta(hours=hours, minutes=minutes))
    return datetime.combine(day, clock, tzinfo=zone)
