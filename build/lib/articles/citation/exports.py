"""
Downloads for reference managers: BibTeX, RIS and CSL-JSON.

Each export describes a newspaper article (Zotero's "Newspaper Article",
CSL's ``article-newspaper``, RIS ``NEWS``, biblatex ``@article`` with
``entrysubtype = {newspaper}``), or, when its outlet is not known, a web page
with no container (CSL ``webpage``, RIS ``ELEC``, ``@misc``), points at the
outlet's URL when known and
records StrikeWatch's permanent copy where the format has a place for it.
A quote's export is the article's, with the speaker, the paragraph and the
quoted words in the note field reference managers show.
"""

from __future__ import annotations

import json
import re
import unicodedata

from .model import CitedArticle
from .names import Name, parse_name
from .styles import short_title

ARCHIVE_NAME = "StrikeWatch"
EXPORT_FORMATS = ("bibtex", "ris", "csl-json")

# Function words, and the words nearly every headline in a strike archive shares, skipped
# when a citation key takes the title's first distinctive word ("anderson2022kaiser").
_KEY_SKIP_WORDS = frozenset(
    """
    a an and as at but by for from in into is of on or over the to with
    strike strikes striking strikers walkout union unions workers
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
_BIBTEX_MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
# Characters BibTeX/LaTeX give a meaning to. Braces become commands rather than "\{" because
# BibTeX counts every brace, escaped or not, when it looks for the end of a field.
_TEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "`": r"\textasciigrave{}",
}
_TEX_SPECIAL = re.compile("|".join(re.escape(char) for char in _TEX_ESCAPES))
# LaTeX ligatures: "--" and "---" become dashes, "''" a closing quote, "?`" and "!`" inverted
# marks. An empty group between the characters keeps them as typed.
_TEX_LIGATURE = re.compile(r"([-'])(?=\1)")


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.casefold())


def citation_key_words(item: CitedArticle) -> tuple[str, str, str]:
    """
    The words a citation key is made of, as written: who (the first author's family
    name, an organisation's or, with no author, the outlet's first word), the year
    ("" when undated), and the title's first distinctive word.
    """
    names = [parse_name(author) for author in item.authors]
    if names:
        first = names[0]
        who = first.literal.split() if first.is_organization else [first.family]
        who = [word for word in who if word.casefold() not in {"the", "a", "an"}][:1]
    else:
        who = [
            word for word in item.publication.split() if word.casefold() not in {"the", "a", "an"}
        ][:1]
    year = str(item.published_date.year) if item.published_date else ""
    # Words as written, less surrounding punctuation; "3-month" is a number, not a topic.
    words = [word.strip("\"'“”‘’.,:;?!()[]") for word in item.headline.split()]
    topic = next(
        (
            word
            for word in words
            if not any(char.isdigit() for char in word)
            and word.casefold() not in _KEY_SKIP_WORDS
            and len(_ascii_word(word)) >= 3
        ),
        next((word for word in words if _ascii_word(word)), ""),
    )
    return (who[0] if who else ""), year, topic


def citation_key(item: CitedArticle) -> str:
    """
    The key derived from the item alone: "anderson2022kaiser", "kcrakaiser". Two
    articles can share it; the archive makes it unique (``CitedArticle.key``, set by
    ``articles.citing``), and that key is the one the exports use.
    """
    who, year, topic = citation_key_words(item)
    return f"{_ascii_word(who)}{year}{_ascii_word(topic)}" or "strikewatch"


def export_key(item: CitedArticle) -> str:
    return item.key or citation_key(item)


def _tex(text: str) -> str:
    """Escape text for a BibTeX field; non-ASCII stays UTF-8 (biber and modern BibTeX read it)."""
    escaped = _TEX_SPECIAL.sub(lambda match: _TEX_ESCAPES[match.group()], " ".join(text.split()))
    return _TEX_LIGATURE.sub(r"\1{}", escaped)


def _bibtex_url(url: str) -> str:
    """URLs go in verbatim (the url package reads them raw); only what breaks a field is encoded."""
    return url.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20").replace("\\", "%5C")


def _bibtex_name(name: Name) -> str:
    if name.is_organization:
        # Braces keep an organisation's name whole: BibTeX would otherwise read
        # "Associated Press" as given name "Associated", family name "Press".
        return "{" + _tex(name.literal) + "}"
    if name.suffix:
        return f"{_tex(name.family)}, {_tex(name.suffix)}, {_tex(name.given)}"
    return f"{_tex(name.family)}, {_tex(name.given)}" if name.given else _tex(name.family)


def quote_note(item: CitedArticle) -> str:
    """What a reference manager's note should say about a cited quote."""
    if not item.is_quote:
        return ""
    who = item.speaker or "Unattributed"
    if item.speaker and item.speaker_is_organization:
        who = f"{item.speaker} (organization)"
    where = f", paragraph {item.paragraph}" if item.paragraph else ""
    words = f": “{item.quote_text}”" if item.quote_text else ""
    return f"Quotation: {who}{where}{words}"


def archive_note(item: CitedArticle) -> str:
    return f"Archived copy: {item.archive_url}" if item.archive_url else ""


def to_bibtex(item: CitedArticle) -> str:
    """
    biblatex's ``@article`` with ``entrysubtype = {newspaper}`` (the biblatex manual's
    way to mark a newspaper article; plain BibTeX ignores the field), so the file works
    with both BibTeX (``journal``, ``year``, ``month``) and biblatex (``date``, ``urldate``).
    The headline is braced so that styles do not re-case it.
    """
    names = [parse_name(author) for author in item.authors]
    fields: list[tuple[str, str]] = []
    if names:
        fields.append(("author", "{" + " and ".join(_bibtex_name(name) for name in names) + "}"))
    fields.append(("title", "{{" + _tex(item.headline) + "}}"))
    if item.publication:
        fields.append(("journal", "{" + _tex(item.publication) + "}"))
        fields.append(("entrysubtype", "{newspaper}"))
    day = item.published_date
    if day:
        fields.append(("year", "{" + str(day.year) + "}"))
        fields.append(("month", _BIBTEX_MONTHS[day.month - 1]))  # BibTeX's month macro, unbraced
        fields.append(("date", "{" + day.isoformat() + "}"))
    if item.cited_url:
        fields.append(("url", "{" + _bibtex_url(item.cited_url) + "}"))
    if item.accessed:
        fields.append(("urldate", "{" + item.accessed.isoformat() + "}"))
    note = ". ".join(part for part in (quote_note(item), archive_note(item)) if part)
    if note:
        fields.append(("note", "{" + _tex(note) + "}"))
    if item.paragraph:
        # A quote's place, as fields of their own (BibTeX and biblatex ignore fields they do
        # not know; reference managers keep them): the paragraph, that paragraph in
        # StrikeWatch's copy, and the quote's own permanent page.
        fields.append(("paragraph", "{" + str(item.paragraph) + "}"))
        fields.append(("paragraphurl", "{" + _bibtex_url(item.paragraph_url) + "}"))
    if item.quote_url:
        fields.append(("quoteurl", "{" + _bibtex_url(item.quote_url) + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    entry_type = "article" if item.publication else "misc"
    return f"@{entry_type}{{{export_key(item)},\n{body}\n}}\n"


def _ris_value(text: str) -> str:
    # RIS is one tag per line: no line breaks inside a value.
    return " ".join(text.split())


def _ris_date(day) -> str:
    # RIS date format: YYYY/MM/DD/ (the trailing slash closes the "other info" part).
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}/"


def to_ris(item: CitedArticle) -> str:
    """
    RIS (Research Information Systems format): ``TY  - NEWS`` ... ``ER  - ``, CRLF line
    ends as the specification asks. Tags as Zotero's RIS translator maps them for a
    newspaper article: T2 the newspaper, DA the date, UR the URL, Y2 the access date,
    L2 a link to the full text (StrikeWatch's copy; for a quote, at its paragraph), L3 a
    related record (a quote's own page), DB the archive, N1 a note, ID the citation key.
    """
    lines = [("TY", "NEWS" if item.publication else "ELEC"), ("ID", export_key(item))]
    for name in (parse_name(author) for author in item.authors):
        if name.is_organization:
            lines.append(("AU", name.literal))  # no comma: read as a single-field name
        else:
            given = f", {name.given}" if name.given else ""
            suffix = f", {name.suffix}" if name.suffix else ""
            lines.append(("AU", f"{name.family}{given}{suffix}"))
    lines.append(("TI", item.headline))
    if item.publication:
        lines.append(("T2", item.publication))
    day = item.published_date
    if day:
        lines.append(("PY", f"{day.year:04d}"))
        lines.append(("DA", _ris_date(day)))
    if item.cited_url:
        lines.append(("UR", item.cited_url))
    if item.paragraph_url or item.archive_url:
        lines.append(("L2", item.paragraph_url or item.archive_url))
    if item.quote_url:
        lines.append(("L3", item.quote_url))
    lines.append(("DB", ARCHIVE_NAME))
    if item.accessed:
        lines.append(("Y2", _ris_date(item.accessed)))
    for note in (quote_note(item), archive_note(item)):
        if note:
            lines.append(("N1", note))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_ris_value(value)}\r\n" for tag, value in lines)


def _present(**values) -> dict:
    """The values that are there (CSL-JSON leaves a missing variable out, never empty)."""
    return {name: value for name, value in values.items() if value}


def _csl_date(day) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}


def to_csl_item(item: CitedArticle) -> dict:
    """
    One CSL-JSON item (CSL 1.0.2 variables): ``article-newspaper``, ``container-title``,
    names as family/given (``literal`` for organisations), ``issued`` and ``accessed`` as
    date-parts, ``URL``, and the archive copy in ``archive``/``archive_location`` (for a
    quote, StrikeWatch's copy at its paragraph). A quote's speaker, paragraph and words
    go in ``note``, which Zotero shows as "Extra" and citeproc processors leave out of
    the bibliography; its paragraph (``locator``), paragraph URL and own page are also
    fields of their own, in ``custom`` (CSL-JSON 1.0.2's place for data without a
    variable of its own).
    """
    key = export_key(item)
    data: dict = {
        "id": key,
        "citation-key": key,
        "type": "article-newspaper" if item.publication else "webpage",
        "title": item.headline,
    }
    short = short_title(item.headline)
    if short != item.headline:
        # What an in-text citation gives when there is no author (APA 7 §8.14, MLA 9 §6.10):
        # the same shortened title the site's own citations use.
        data["title-short"] = short
    names = [parse_name(author) for author in item.authors]
    if names:
        data["author"] = [
            {"literal": name.literal}
            if name.is_organization
            else _present(family=name.family, given=name.given, suffix=name.suffix)
            for name in names
        ]
    if item.publication:
        data["container-title"] = item.publication
    if item.published_date:
        data["issued"] = _csl_date(item.published_date)
    if item.accessed:
        data["accessed"] = _csl_date(item.accessed)
    if item.cited_url:
        data["URL"] = item.cited_url
    data["archive"] = ARCHIVE_NAME
    if item.paragraph_url or item.archive_url:
        data["archive_location"] = item.paragraph_url or item.archive_url
    note = quote_note(item)
    if note:
        data["note"] = note
    if item.paragraph:
        data["locator"] = str(item.paragraph)
    quote_fields = _present(
        paragraph=item.paragraph, paragraph_url=item.paragraph_url, quote_url=item.quote_url
    )
    if quote_fields:
        data["custom"] = quote_fields
    return data


def export_citation(item: CitedArticle, fmt: str) -> tuple[str, str, str]:
    """
    The citation as a file: (content, content_type, file_extension).
    ``fmt`` is one of EXPORT_FORMATS; anything else is a ValueError that says which exist.
    """
    fmt_key = (fmt or "").strip().casefold()
    if fmt_key == "bibtex":
        return to_bibtex(item), "application/x-bibtex; charset=utf-8", "bib"
    if fmt_key == "ris":
        return to_ris(item), "application/x-research-info-systems; charset=utf-8", "ris"
    if fmt_key == "csl-json":
        content = json.dumps([to_csl_item(item)], ensure_ascii=False, indent=2) + "\n"
        return content, "application/vnd.citationstyles.csl+json", "json"
    raise ValueError(f"unknown citation format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
