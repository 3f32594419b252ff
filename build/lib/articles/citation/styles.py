"""
APA 7, MLA 9 and Chicago 17 (notes and bibliography) for a newspaper article
read online, and for a quotation in one.

Decisions (each rule is cited again, with its source, where it is applied):

* Headlines are reproduced as published. APA wants sentence case, MLA and
  Chicago title case; converting either way needs to know which words are
  proper nouns ("Kaiser", "Permanente"), which we cannot do reliably, and a
  wrong capital is worse than the outlet's own style. Titles are only
  punctuated: a period or comma goes inside the closing quotation mark
  (American style, shared by all three manuals), none is added after a
  title that ends in "?" or "!" (so "... in Kaiser?" is never followed by
  "?." or "?,"), and double quotation marks inside a quoted title become
  single ones.
* The URL cited is the outlet's when known, else StrikeWatch's permanent page
  (``CitedArticle.cited_url``): a citation should lead to the publication
  itself. The exports record the archive copy as well.
* Every article is cited as a newspaper article, whatever the outlet, so that
  the styles, the exports and Zotero's item type agree; an article whose
  outlet is not known is cited without a container, as each manual cites a
  web page with no site named: APA 7 and MLA 9 italicise the title then
  (APA 7 §10.16, webpage on a website; MLA 9 §5.24, a self-contained work),
  Chicago keeps it in quotation marks (CMOS 17 14.206).
* The outlet's name is given as published ("The Sacramento Bee") in APA and
  MLA; Chicago drops an initial "The" from newspaper names in notes and
  bibliographies ("Sacramento Bee"), as the CMOS Q&A and its examples do.
* No author: APA and MLA start with the title, so does a Chicago note; a
  Chicago bibliography entry starts with the outlet, which "stands in place
  of the author" (CMOS 14.207), so unsigned stories file under their outlet.
* A quote is cited through the article that carries it, with the paragraph as
  the locator (StrikeWatch numbers paragraphs from 1, ``#p6``), naming the
  speaker as each manual asks for words quoted in a source: APA names the
  speaker in the sentence and cites the article "(Author, year, para. 6)";
  MLA "qtd. in" with "par."; Chicago "quoted in". APA and MLA put locators
  only in in-text citations, so a quote's APA and MLA citations are two
  lines: the reference entry, then the in-text citation.

Sources checked: APA Style reference examples for newspaper articles
(apastyle.apa.org/style-grammar-guidelines/references/examples/
newspaper-article-references) and the Publication Manual, 7th ed. (2020);
MLA Handbook, 9th ed. (2021) and the MLA Style Center; The Chicago Manual of
Style, 17th ed. (2017), its Citation Quick Guide and its Q&A.
"""

from __future__ import annotations

import re
from datetime import date

from .model import CitedArticle, Formatted, Rich, join_lines
from .names import Name, parse_name

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# MLA 9 abbreviates months longer than four letters in the works-cited list (MLA Handbook 9,
# p. 295): "Sept." not "Sep.", "June" and "July" in full.
MLA_MONTHS = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)


# --- dates ----------------------------------------------------------------------------------------


def apa_date(day: date) -> str:
    # APA 7 newspaper examples: year, month and day: "(2022, August 26)".
    return f"{day.year}, {MONTHS[day.month - 1]} {day.day}"


def mla_date(day: date) -> str:
    # MLA 9: day month year, month abbreviated: "26 Aug. 2022" (MLA Handbook 9, p. 295).
    return f"{day.day} {MLA_MONTHS[day.month - 1]} {day.year}"


def chicago_date(day: date) -> str:
    # CMOS 17 and its Quick Guide newspaper example: "August 26, 2022".
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


# --- titles and punctuation -----------------------------------------------------------------------


def _closing_quotes(text: str) -> int:
    """How many characters at the end of ``text`` are closing quotation marks."""
    count = 0
    for char in reversed(text):
        if char in '”"' or (char == "’" and "‘" in text):
            count += 1
        else:
            break
    return count


def punctuate(text: str, mark: str) -> str:
    """
    End ``text`` with ``mark`` ("." or "," or ""), American style: inside any
    closing quotation marks, nothing after "?" or "!" (the question mark or
    exclamation point takes the place of the period or comma, in all three
    manuals' punctuation chapters), and no second period.
    """
    text = text.rstrip()
    cut = len(text) - _closing_quotes(text)
    body, closing = text[:cut], text[cut:]
    if not mark or body.endswith(("?", "!")):
        return body + closing
    if body.endswith(".") and mark == ".":
        return body + closing
    return body + mark + closing


def nest_quotes(title: str) -> str:
    """Double quotation marks inside a title that will itself be quoted become single ones."""
    title = title.replace("“", "‘").replace("”", "’")
    opening = True

    def swap(_match):
        nonlocal opening
        mark = "‘" if opening else "’"
        opening = not opening
        return mark

    return re.sub('"', swap, title)


def quoted(title: str, mark: str) -> str:
    """``“Title,”`` / ``“Title.”`` / ``“Why strike?”``: the mark goes inside the quotation marks."""
    return "“" + punctuate(nest_quotes(title), mark) + "”"


def short_title(title: str) -> str:
    """
    The title as an in-text citation gives it when there is no author: long
    titles shortened to their first phrase (APA 7 §8.14; MLA 9 §6.10), here
    up to the first "?" or "!" (kept) or ":", ";", ",", dash (dropped), if
    that leaves at least two words; short titles whole.
    """
    if len(title.split()) <= 4:
        return title
    match = re.search(r"[?!]|[:;,](?=\s)|\s[—–-]\s|[—–]", title)
    if match:
        cut = title[: match.end()] if match.group() in "?!" else title[: match.start()]
        if len(cut.split()) >= 2:
            return cut.strip()
    return title


def standalone_title(title: str) -> str:
    """A title set in italics, closed by the element's period unless it ends in "?", "!" or "."."""
    title = title.rstrip()
    return title if title.endswith(("?", "!", ".")) else title + "."


def strip_scheme(url: str) -> str:
    # MLA 9: omit "http://" and "https://" from URLs, end the element with a period
    # (MLA Handbook 9, pp. 193-194).
    return re.sub(r"^https?://", "", url)


def without_article(name: str) -> str:
    """ "The Sacramento Bee" -> "Sacramento Bee"."""
    return re.sub(r"^(?:The|A|An)\s+", "", name)


# --- names ----------------------------------------------------------------------------------------


def _apa_initials(given: str) -> str:
    """APA 7 §9.8: initials for given names, hyphens kept: "Jean-Paul Mary" -> "J.-P. M." """
    initials = []
    for word in given.split():
        parts = [part for part in word.split("-") if part]
        letters = [next((c for c in part if c.isalpha()), "") for part in parts]
        if letters and all(letters):
            initials.append("-".join(f"{letter.upper()}." for letter in letters))
    return " ".join(initials)


def _apa_name(name: Name) -> str:
    # APA 7 §9.8: "Anderson, K."; §9.11: a group author is spelled out as given; suffix after the
    # initials: "King, M. L., Jr.".
    if name.is_organization:
        return name.literal
    initials = _apa_initials(name.given)
    text = f"{name.family}, {initials}" if initials else name.family
    return f"{text}, {name.suffix}" if name.suffix else text


def apa_reference_authors(names: list[Name]) -> str:
    # APA 7 §9.8: up to 20 authors, "&" before the last (with a serial comma even for two);
    # 21 or more: the first 19, an ellipsis, then the last.
    parts = [_apa_name(name) for name in names]
    if len(parts) == 1:
        text = parts[0]
    elif len(parts) <= 20:
        text = ", ".join(parts[:-1]) + ", & " + parts[-1]
    else:
        text = ", ".join(parts[:19]) + ", . . . " + parts[-1]
    return punctuate(text, ".")


def apa_in_text_authors(names: list[Name], *, narrative: bool) -> str:
    # APA 7 §8.17: one or two authors by surname ("&" in parentheses, "and" in running text);
    # three or more: first author "et al." from the first citation.
    surnames = [name.literal or name.family for name in names]
    if len(surnames) == 1:
        return surnames[0]
    if len(surnames) == 2:
        return f"{surnames[0]} {'and' if narrative else '&'} {surnames[1]}"
    return f"{surnames[0]} et al."


def _inverted(name: Name, *, organization_article: bool) -> str:
    """ "Anderson, Kathy"; "King, Martin Luther, Jr."; an organisation whole."""
    if name.is_organization:
        return without_article(name.literal) if not organization_article else name.literal
    if not name.given:
        return name.family
    text = f"{name.family}, {name.given}"
    return f"{text}, {name.suffix}" if name.suffix else text


def mla_authors(names: list[Name]) -> str:
    # MLA 9 §5.5: first author inverted; two authors "X, and Y"; three or more "X, et al."
    # (MLA Handbook 9, pp. 111-112).
    # MLA 9 §5.17: an organisation as author, in normal order, without an initial article.
    first = _inverted(names[0], organization_article=False)
    if len(names) == 1:
        text = first
    elif len(names) == 2:
        second = names[1]
        second_name = without_article(second.literal) if second.is_organization else second.natural
        text = f"{first}, and {second_name}"
    else:
        text = f"{first}, et al."
    return punctuate(text, ".")


def mla_in_text_authors(names: list[Name]) -> str:
    # MLA 9 ch. 6: surname; two authors "X and Y"; three or more "X et al.".
    surnames = [
        without_article(name.literal) if name.is_organization else name.family for name in names
    ]
    if len(surnames) == 1:
        return surnames[0]
    if len(surnames) == 2:
        return f"{surnames[0]} and {surnames[1]}"
    return f"{surnames[0]} et al."


def chicago_note_authors(names: list[Name]) -> str:
    # CMOS 17 14.76: in a note, up to three authors in full ("A and B", "A, B, and C");
    # four or more: the first followed by "et al.". Names in natural order; no comma before
    # "Jr." (CMOS 17 6.43).
    natural = [name.natural for name in names]
    if len(natural) == 1:
        return natural[0]
    if len(natural) == 2:
        return f"{natural[0]} and {natural[1]}"
    if len(natural) == 3:
        return f"{natural[0]}, {natural[1]}, and {natural[2]}"
    return f"{natural[0]} et al."


def chicago_bibliography_authors(names: list[Name]) -> str:
    # CMOS 17 14.76: first author inverted, the others in natural order; up to ten
    # listed; more than ten: the first seven followed by "et al.".
    first = _inverted(names[0], organization_article=True)
    if len(names) == 1:
        text = first
    elif len(names) > 10:
        text = ", ".join([first] + [name.natural for name in names[1:7]]) + ", et al."
    elif len(names) == 2:
        text = f"{first}, and {names[1].natural}"
    else:
        text = (
            ", ".join([first] + [name.natural for name in names[1:-1]])
            + f", and {names[-1].natural}"
        )
    return punctuate(text, ".")


def author_names(item: CitedArticle) -> list[Name]:
    return [parse_name(author) for author in item.authors]


# --- APA 7 ----------------------------------------------------------------------------------------


def apa_reference(item: CitedArticle) -> Rich:
    """
    APA 7 §10.1, newspaper article (apastyle.apa.org newspaper article references:
    "Carey, B. (2019, March 22). Can we get better at forgetting? *The New York Times*. URL"):
    ``Anderson, K. (2022, August 26). Headline. *The Sacramento Bee*. https://...``
    """
    names = author_names(item)
    # APA 7 Table 9.1 / §9.17: no date -> "n.d.". No retrieval date: a newspaper article is not
    # designed to change (§9.16).
    when = f"({apa_date(item.published_date)})." if item.published_date else "(n.d.)."
    line = Rich()

    def add_title():
        if item.publication:
            line.add(punctuate(item.headline, "."))
        else:
            # APA 7 §10.16: no container -> the work's own title in italics.
            line.italic(standalone_title(item.headline))

    if names:
        line.add(f"{apa_reference_authors(names)} {when} ")
        add_title()
    else:
        # APA 7 §9.12: no author -> the title moves to the author position, before the date.
        add_title()
        line.add(f" {when}")
    if item.publication:
        line.add(" ")
        line.italic(item.publication)
        line.add("" if item.publication.endswith((".", "?", "!")) else ".")
    if item.cited_url:
        # APA 7 §9.35: no period after a URL.
        line.add(f" {item.cited_url}")
    return line


def apa_in_text(item: CitedArticle) -> Rich:
    """
    The in-text citation for a quote, with the paragraph (APA 7 §8.28: "para." when
    there are no page numbers) and the speaker named in the sentence, since the words
    are the speaker's but the source is the article: APA cites an interview published
    in a newspaper by the article's author and date and names the speaker in the text
    (APA Style, "published interviews"; §8.6 for "as cited in" wording).
    """
    names = author_names(item)
    year = str(item.published_date.year) if item.published_date else "n.d."
    locator = f"para. {item.paragraph}" if item.paragraph else ""
    tail = ", ".join(part for part in (year, locator) if part)
    if item.speaker:
        # Narrative form: "Sarah Soroken, as quoted in Anderson (2022, para. 6)".
        # APA 7 §8.14: no author -> the (shortened) title in quotation marks stands in for it.
        who = (
            apa_in_text_authors(names, narrative=True)
            if names
            else quoted(short_title(item.headline), "")
        )
        return Rich().add(f"{item.speaker}, as quoted in {who} ({tail})")
    if names:
        return Rich().add(f"({apa_in_text_authors(names, narrative=False)}, {tail})")
    return Rich().add(f"({quoted(short_title(item.headline), ',')} {tail})")


# --- MLA 9 ----------------------------------------------------------------------------------------


def mla_works_cited(item: CitedArticle) -> Rich:
    """
    MLA 9, article in an online newspaper:
    ``Anderson, Kathy. “Headline.” *The Sacramento Bee*, 26 Aug. 2022, www.sacbee.com/....``
    The periodical's title keeps an initial "The" (MLA Style Center, "Should the initial
    article in periodical titles be retained"). No author: the entry starts with the title;
    MLA 9 has no "n.d.". No date: the access date closes the entry ("An access date ...
    should generally be provided if the work lacks a publication date", MLA Style Center,
    "Access Date").
    """
    names = author_names(item)
    line = Rich()
    if names:
        line.add(f"{mla_authors(names)} ")
    elements = []
    if item.published_date:
        elements.append(mla_date(item.published_date))
    if item.cited_url:
        elements.append(strip_scheme(item.cited_url))
    if item.publication:
        line.add(f"{quoted(item.headline, '.')} ")
        line.italic(item.publication)
        line.add("".join(f", {element}" for element in elements) + ".")
    else:
        # MLA 9: a work with no container is self-contained: its title in italics.
        line.italic(standalone_title(item.headline))
        if elements:
            line.add(" " + ", ".join(elements) + ".")
    if not item.published_date and item.accessed:
        line.add(f" Accessed {mla_date(item.accessed)}.")
    return line


def mla_in_text(item: CitedArticle) -> Rich:
    """
    MLA 9 §6.77: words quoted in a source are cited "qtd. in" that source; the paragraph
    as "par." after a comma (MLA Handbook 9, p. 244). No author: the shortened title
    (MLA 9 §6.10).
    """
    names = author_names(item)
    locator = f"par. {item.paragraph}" if item.paragraph else ""
    if names:
        who = mla_in_text_authors(names)
        source = f"{who}, {locator}" if locator else who
    else:
        title = short_title(item.headline)
        source = f"{quoted(title, ',')} {locator}" if locator else quoted(title, "")
    if item.speaker:
        return Rich().add(f"{item.speaker} (qtd. in {source})")
    return Rich().add(f"({source})")


# --- Chicago 17 -----------------------------------------------------------------------------------


def chicago_publication(item: CitedArticle) -> str:
    # CMOS: "In notes and bibliographies, an initial 'the' is omitted" from newspaper titles
    # (Chicago Manual of Style Online, Q&A "Capitalization, Titles": "Korte, Tim. ...
    # Washington Post, March 27, 2003.").
    return without_article(item.publication)


def chicago_note(item: CitedArticle) -> Rich:
    """
    CMOS 17 Citation Quick Guide, newspaper article ("Farhad Manjoo, “Snap Makes a Bet
    ...,” New York Times, March 8, 2017, https://..."), full note:
    ``1. Kathy Anderson, “Headline,” *Sacramento Bee*, August 26, 2022, https://....``
    No author: the note begins with the title (CMOS 17 14.207). No date: "accessed"
    and the date, just before the URL (CMOS 17 14.12). A quote: the speaker "quoted in"
    the article (CMOS 17 14.260); the paragraph, a locator for a source without pages
    (CMOS 17 14.22, 14.160), as "para." after the date (CMOS 17 10.43's abbreviation, which
    the official Chicago CSL style also uses; MLA's is "par.").
    """
    names = author_names(item)
    line = Rich().add("1. ")
    if item.is_quote and item.speaker:
        line.add(f"{item.speaker}, quoted in ")
    if names:
        line.add(f"{chicago_note_authors(names)}, ")
    tail = []
    if item.published_date:
        tail.append(chicago_date(item.published_date))
    if item.paragraph:
        tail.append(f"para. {item.paragraph}")
    if not item.published_date and item.accessed:
        tail.append(f"accessed {chicago_date(item.accessed)}")
    if item.cited_url:
        tail.append(item.cited_url)
    if item.publication:
        line.add(f"{quoted(item.headline, ',')} ")
        line.italic(chicago_publication(item))
        line.add("".join(f", {part}" for part in tail) + ".")
    elif tail:
        line.add(f"{quoted(item.headline, ',')} " + ", ".join(tail) + ".")
    else:
        line.add(quoted(item.headline, "."))
    return line


def chicago_bibliography(item: CitedArticle) -> Rich:
    """
    CMOS 17 Citation Quick Guide, newspaper article, bibliography entry:
    ``Anderson, Kathy. “Headline.” *Sacramento Bee*, August 26, 2022. https://....``
    No author: "the name of the newspaper stands in place of the author" (CMOS 17 14.207),
    ``*KCRA 3*. “Headline.” Accessed November 24, 2026. https://....`` -- chosen over
    starting with the title because it is the manual's own rule and files the entry
    under the outlet. A quote's entry is the article's: the bibliography lists the
    source consulted (CMOS 17 14.260).
    """
    names = author_names(item)
    line = Rich()
    if not item.publication:
        # No outlet to stand in for a missing author: the entry starts with the title.
        if names:
            line.add(f"{chicago_bibliography_authors(names)} ")
        line.add(quoted(item.headline, "."))
        if item.published_date:
            line.add(f" {chicago_date(item.published_date)}.")
    elif names:
        line.add(f"{chicago_bibliography_authors(names)} {quoted(item.headline, '.')} ")
        line.italic(chicago_publication(item))
        line.add(f", {chicago_date(item.published_date)}." if item.published_date else ".")
    else:
        line.italic(chicago_publication(item))
        line.add(f". {quoted(item.headline, '.')}")
        if item.published_date:
            line.add(f" {chicago_date(item.published_date)}.")
    if not item.published_date and item.accessed:
        line.add(f" Accessed {chicago_date(item.accessed)}.")
    if item.cited_url:
        line.add(f" {item.cited_url}.")
    return line


def format_citations(item: CitedArticle) -> dict[str, Formatted]:
    """
    The article (or the quote, when ``item.paragraph``/``quote_text`` is set) in each
    style, keyed "apa", "mla", "chicago_note", "chicago_bibliography".
    """
    if item.is_quote:
        apa = join_lines(apa_reference(item), apa_in_text(item))
        mla = join_lines(mla_works_cited(item), mla_in_text(item))
    else:
        apa = apa_reference(item).formatted()
        mla = mla_works_cited(item).formatted()
    return {
        "apa": apa,
        "mla": mla,
        "chicago_note": chicago_note(item).formatted(),
        "chicago_bibliography": chicago_bibliography(item).formatted(),
    }
