"""
BibTeX, RIS and CSL-JSON downloads, each read back by a parser for its
format (bibtexparser, a small RIS reader written to the spec, json).
"""

import dataclasses
import json
import re
from datetime import date, datetime

import bibtexparser
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from hypothesis import given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from articles.citation import EXPORT_FORMATS, CitedArticle, citation_key, export_citation

from .conftest import BEE_URL, KCRA_URL

ORIGINAL = "https://www.sacbee.com/news/local/article265012345.html"


def _latex_decoder():
    """LaTeX to text, knowing the LaTeX2e kernel's text-symbol commands the export uses."""
    context = get_default_latex_context_db()
    context.add_context_category(
        "latex2e-text-symbols",
        prepend=True,
        macros=[
            MacroTextSpec(name, text)
            for name, text in (
                ("textbraceleft", "{"),
                ("textbraceright", "}"),
                ("textless", "<"),
                ("textgreater", ">"),
                ("textasciicircum", "^"),
                ("textasciitilde", "~"),
                ("textbackslash", "\\"),
            )
        ],
    )
    return LatexNodes2Text(latex_context=context)


DECODER = _latex_decoder()


def parse_bibtex(content, *, decode=True):
    middleware = [SeparateCoAuthors(), SplitNameParts()]
    if decode:
        middleware.append(LatexDecodingMiddleware(decoder=DECODER))
    library = bibtexparser.parse_string(content, append_middleware=middleware)
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    assert len(library.entries) == 1
    return library.entries[0]


def read_ris(content):
    """RIS as its specification defines it: ``TAG  - value`` lines, CRLF, TY first, ER last."""
    assert content.endswith("\r\n")
    lines = content[: -len("\r\n")].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in lines)
    tags = []
    for line in lines:
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, f"not a RIS line: {line!r}"
        tags.append((match[1], match[2]))
    assert tags[0][0] == "TY" and tags[-1] == ("ER", "")
    return tags


def ris_values(tags, tag):
    return [value for name, value in tags if name == tag]


# --- formats and errors ---------------------------------------------------------------------------


def test_export_formats_and_file_types(bee):
    assert EXPORT_FORMATS == ("bibtex", "ris", "csl-json")
    types = {fmt: export_citation(bee, fmt)[1:] for fmt in EXPORT_FORMATS}
    assert types == {
        "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
        "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
        "csl-json": ("application/vnd.citationstyles.csl+json", "json"),
    }
    assert export_citation(bee, " RIS ")[0] == export_citation(bee, "ris")[0]


@pytest.mark.parametrize("fmt", ["endnote", "", "bib", None])
def test_unknown_format_is_a_value_error_naming_the_choices(bee, fmt):
    with pytest.raises(ValueError, match="bibtex, ris, csl-json"):
        export_citation(bee, fmt)


def test_citation_keys(kcra, bee):
    # First author (or outlet), year, first distinctive word of the title.
    assert citation_key(bee) == "anderson2022kaiser"
    assert citation_key(kcra) == "kcrakaiser"
    dated_kcra = dataclasses.replace(kcra, published=datetime(2022, 10, 7, 16, 0))
    assert citation_key(dated_kcra) == "kcra2022kaiser"
    assert citation_key(dataclasses.replace(bee, authors=("José Núñez",))) == "nunez2022kaiser"
    assert (
        citation_key(dataclasses.replace(bee, authors=("The Associated Press",)))
        == "associated2022kaiser"
    )


# --- BibTeX ---------------------------------------------------------------------------------------


def test_bibtex_for_the_bee(bee):
    content, _, _ = export_citation(bee, "bibtex")
    assert content == (
        "@article{anderson2022kaiser,\n"
        "  author = {Anderson, Kathy},\n"
        "  title = {{A 3-month strike in Kaiser? "
        "The insurance company is preparing for the worst in California}},\n"
        "  journal = {The Sacramento Bee},\n"
        "  entrysubtype = {newspaper},\n"
        "  year = {2022},\n"
        "  month = aug,\n"
        "  date = {2022-08-26},\n"
        f"  url = {{{BEE_URL}}},\n"
        "  urldate = {2026-11-24}\n"
        "}\n"
    )
    entry = parse_bibtex(content)
    assert (entry.key, entry.entry_type) == ("anderson2022kaiser", "article")
    assert entry["title"] == bee.headline
    assert entry["journal"] == "The Sacramento Bee"
    assert (entry["author"][0].first, entry["author"][0].last) == (["Kathy"], ["Anderson"])


def test_bibtex_without_author_or_date(kcra):
    entry = parse_bibtex(export_citation(kcra, "bibtex")[0])
    assert entry.key == "kcrakaiser"
    assert "author" not in entry.fields_dict and "year" not in entry.fields_dict
    assert entry["journal"] == "KCRA 3" and entry["url"] == KCRA_URL


def test_bibtex_quote_and_archive_copy(soroken_quote):
    cited = dataclasses.replace(
        soroken_quote, original_url="https://www.kcra.com/article/kaiser-strike/41322350"
    )
    content = export_citation(cited, "bibtex")[0]
    entry = parse_bibtex(content, decode=False)
    assert entry["url"] == "https://www.kcra.com/article/kaiser-strike/41322350"
    note = parse_bibtex(content)["note"]
    assert note.startswith(
        "Quotation: Sarah Soroken, paragraph 6: “Currently our patients aren’t able"
    )
    assert note.endswith(f"Archived copy: {KCRA_URL}")


def test_bibtex_escapes_special_characters_and_keeps_utf8(bee):
    headline = 'Pay & "perks": 100% of $5 #raise_now {maybe} ~ ^ \\ <script> — José’s “win”'
    item = dataclasses.replace(
        bee,
        headline=headline,
        publication="Bee & Co_",
        authors=("José Núñez", "The Associated Press"),
    )
    content = export_citation(item, "bibtex")[0]
    title_line = next(line for line in content.splitlines() if line.lstrip().startswith("title"))
    assert title_line == (
        '  title = {{Pay \\& "perks": 100\\% of \\$5 \\#raise\\_now '
        "\\textbraceleft{}maybe\\textbraceright{} "
        "\\textasciitilde{} \\textasciicircum{} \\textbackslash{} "
        "\\textless{}script\\textgreater{} "
        "— José’s “win”}},"
    )
    # BibTeX counts every brace: they must balance in the whole entry.
    assert content.count("{") == content.count("}")
    entry = parse_bibtex(content)
    assert entry["title"] == headline
    assert entry["journal"] == "Bee & Co_"
    authors = entry["author"]
    assert (authors[0].first, authors[0].last) == (["José"], ["Núñez"])
    assert authors[1].last == ["{The Associated Press}"] and authors[1].first == []  # kept whole


@pytest.mark.parametrize(
    "headline",
    [
        "Why strike?` asked nobody",
        "Day 3 -- and counting",
        "Pickets --- then talks",
        "''Union strong''",
        "Wait!`",
    ],
)
def test_latex_ligatures_are_kept_as_typed(headline):
    # LaTeX would turn these into dashes, curly quotes or inverted marks.
    item = CitedArticle(
        headline=headline, authors=(), publication="KCRA 3", published=None, url=KCRA_URL
    )
    assert parse_bibtex(export_citation(item, "bibtex")[0])["title"] == headline


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80))
def test_any_headline_survives_bibtex(headline):
    if not headline.strip():
        return
    item = CitedArticle(
        headline=headline, authors=(), publication="KCRA 3", published=None, url=KCRA_URL
    )
    content = export_citation(item, "bibtex")[0]
    assert content.count("{") == content.count("}")
    entry = parse_bibtex(content)
    assert entry["title"] == item.headline


# --- RIS ------------------------------------------------------------------------------------------


def test_ris_for_the_bee(bee):
    content, _, _ = export_citation(bee, "ris")
    assert content == (
        "TY  - NEWS\r\n"
        "ID  - anderson2022kaiser\r\n"
        "AU  - Anderson, Kathy\r\n"
        "TI  - A 3-month strike in Kaiser? "
        "The insurance company is preparing for the worst in California\r\n"
        "T2  - The Sacramento Bee\r\n"
        "PY  - 2022\r\n"
        "DA  - 2022/08/26/\r\n"
        f"UR  - {BEE_URL}\r\n"
        "DB  - StrikeWatch\r\n"
        "Y2  - 2026/11/24/\r\n"
        "ER  - \r\n"
    )
    tags = read_ris(content)
    assert ris_values(tags, "TY") == ["NEWS"]


def test_ris_without_author_or_date(kcra):
    tags = read_ris(export_citation(kcra, "ris")[0])
    assert (
        ris_values(tags, "AU") == []
        and ris_values(tags, "DA") == []
        and ris_values(tags, "PY") == []
    )
    assert ris_values(tags, "TI") == [
        "Kaiser Permanente therapists continue strike, reject contract"
    ]
    assert ris_values(tags, "T2") == ["KCRA 3"]
    assert ris_values(tags, "UR") == [KCRA_URL]


def test_ris_quote_by_an_organization_with_archive_copy(bee_kaiser_quote):
    cited = dataclasses.replace(bee_kaiser_quote, original_url=ORIGINAL)
    tags = read_ris(export_citation(cited, "ris")[0])
    assert ris_values(tags, "UR") == [ORIGINAL]
    assert ris_values(tags, "L2") == [f"{BEE_URL}#p7"]  # the archive's copy, at the paragraph
    notes = ris_values(tags, "N1")
    assert notes[0].startswith(
        "Quotation: Kaiser Permanente (organization), paragraph 7: "
        "“We are on track to reach agreements"
    )
    assert notes[1] == f"Archived copy: {BEE_URL}"


def test_ris_values_never_break_lines(kcra):
    item = dataclasses.replace(
        kcra, paragraph=3, quote_text="line one\nline two\r\nthree", speaker="A\nB"
    )
    tags = read_ris(export_citation(item, "ris")[0])
    assert ris_values(tags, "N1") == ["Quotation: A B, paragraph 3: “line one line two three”"]


# --- CSL-JSON -------------------------------------------------------------------------------------


def test_csl_json_for_the_bee(bee):
    items = json.loads(export_citation(bee, "csl-json")[0])
    assert items == [
        {
            "id": "anderson2022kaiser",
            "citation-key": "anderson2022kaiser",
            "type": "article-newspaper",
            "title": bee.headline,
            "title-short": "A 3-month strike in Kaiser?",  # as in-text citations shorten it
            "author": [{"family": "Anderson", "given": "Kathy"}],
            "container-title": "The Sacramento Bee",
            "issued": {"date-parts": [[2022, 8, 26]]},
            "accessed": {"date-parts": [[2026, 11, 24]]},
            "URL": BEE_URL,
            "archive": "StrikeWatch",
        }
    ]


def test_csl_json_without_author_or_date_and_for_a_quote(kcra, kaiser_quote):
    (item,) = json.loads(export_citation(kcra, "csl-json")[0])
    assert "author" not in item and "issued" not in item
    assert item["container-title"] == "KCRA 3" and item["URL"] == KCRA_URL
    (quote,) = json.loads(
        export_citation(dataclasses.replace(kaiser_quote, original_url=ORIGINAL), "csl-json")[0]
    )
    assert quote["URL"] == ORIGINAL and quote["archive_location"] == f"{KCRA_URL}#p9"
    assert quote["note"].startswith(
        "Quotation: Kaiser Permanente (organization), paragraph 9: “Our primary care"
    )


def test_csl_json_names(bee):
    item = dataclasses.replace(
        bee, authors=("Martin Luther King Jr.", "The Associated Press", "José Núñez")
    )
    content = export_citation(item, "csl-json")[0]
    assert "José Núñez" not in content and "Núñez" in content  # UTF-8 kept, not \u-escaped
    (data,) = json.loads(content)
    assert data["author"] == [
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        {"literal": "The Associated Press"},
        {"family": "Núñez", "given": "José"},
    ]


def test_exports_use_the_articles_local_date(bee):
    late = dataclasses.replace(bee, published=datetime.fromisoformat("2022-08-26T23:30:00-07:00"))
    assert "date = {2022-08-26}" in export_citation(late, "bibtex")[0]
    assert "DA  - 2022/08/26/" in export_citation(late, "ris")[0]
    assert json.loads(export_citation(late, "csl-json")[0])[0]["issued"] == {
        "date-parts": [[2022, 8, 26]]
    }
    undated = dataclasses.replace(bee, accessed=date(2026, 1, 2))
    assert "Y2  - 2026/01/02/" in export_citation(undated, "ris")[0]


# --- A quote's own place, in every format ---------------------------------------------------------

QUOTE_PAGE = "https://strikewatch.example/quotes/12/"


@pytest.fixture
def quote_with_place(bee_kaiser_quote):
    return dataclasses.replace(
        bee_kaiser_quote, original_url=ORIGINAL, quote_url=QUOTE_PAGE, key="anderson2022kaiser-q12"
    )


def test_a_quotes_bibtex_carries_its_page_and_paragraph(quote_with_place):
    entry = parse_bibtex(export_citation(quote_with_place, "bibtex")[0], decode=False)
    assert entry.key == "anderson2022kaiser-q12"
    assert entry["url"] == ORIGINAL
    assert entry["paragraph"] == "7"
    assert entry["paragraphurl"] == f"{BEE_URL}#p7"
    assert entry["quoteurl"] == QUOTE_PAGE


def test_a_quotes_ris_carries_its_page_and_paragraph(quote_with_place):
    tags = read_ris(export_citation(quote_with_place, "ris")[0])
    assert ris_values(tags, "ID") == ["anderson2022kaiser-q12"]
    assert ris_values(tags, "UR") == [ORIGINAL]
    assert ris_values(tags, "L2") == [f"{BEE_URL}#p7"]
    assert ris_values(tags, "L3") == [QUOTE_PAGE]


def test_a_quotes_csl_json_carries_its_page_and_paragraph(quote_with_place):
    (item,) = json.loads(export_citation(quote_with_place, "csl-json")[0])
    assert item["id"] == item["citation-key"] == "anderson2022kaiser-q12"
    assert item["URL"] == ORIGINAL
    assert item["archive_location"] == f"{BEE_URL}#p7"
    assert item["locator"] == "7"
    assert item["custom"] == {
        "paragraph": 7,
        "paragraph_url": f"{BEE_URL}#p7",
        "quote_url": QUOTE_PAGE,
    }


def test_an_articles_export_has_no_quote_fields(bee):
    (item,) = json.loads(export_citation(bee, "csl-json")[0])
    assert "custom" not in item and "locator" not in item
    entry = parse_bibtex(export_citation(bee, "bibtex")[0], decode=False)
    assert "quoteurl" not in entry.fields_dict and "paragraph" not in entry.fields_dict
