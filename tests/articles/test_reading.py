"""
Reading files in worker processes (``articles.reading``): the pool reads
exactly what this process reads, a broken file is its own error, and the
importer takes what was read only for the same text and parties, so that an
import stores the same rows wherever its files were read.
"""

from pathlib import Path

import pytest

from articles.importer import Outcome, import_article_file, import_article_files
from articles.ingest import IngestError
from articles.ingest.files import PARALLEL_FROM, file_parser
from articles.ingest.syndication import signature
from articles.models import Article, Quote, Strike
from articles.quotes import extract_quotes
from articles.reading import read_file_bytes, read_files

GOLD = Path(__file__).resolve().parents[2] / "benchmarks" / "gold" / "quotes"


def gold_bytes():
    return [path.read_bytes() for path in sorted(GOLD.glob("*.txt"))[:6]]


def test_worker_processes_read_files_exactly_as_this_process_does():
    datas = [*gold_bytes(), b"\x7fELF\x02\x01\x01\x00\x00\x00\x00"]

    with file_parser(PARALLEL_FROM, workers=2, task=read_files) as pool:
        in_workers = pool.submit(datas).result()
    here = read_files(datas)

    assert [type(read) for read in in_workers] == [type(read) for read in here]
    assert in_workers[:-1] == here[:-1]
    assert isinstance(in_workers[-1], IngestError)
    assert str(in_workers[-1]) == str(here[-1])
    assert sum(len(read.findings) for read in here[:-1]) > 0


def test_a_read_gives_its_quotes_only_for_the_same_text_and_parties():
    read = read_file_bytes(gold_bytes()[0])
    paragraphs = read.parsed.paragraphs
    same = {"employers": (), "unions": (), "outlet": read.outlet}

    assert read.findings_for(list(paragraphs), **same) == extract_quotes(
        paragraphs, outlet=read.outlet
    )
    assert read.findings_for(paragraphs, **{**same, "employers": ("Kaiser",)}) is None
    assert read.findings_for(paragraphs, **{**same, "outlet": "Another Paper"}) is None
    assert read.findings_for(paragraphs[1:], **same) is None
    assert read.signature_for(list(paragraphs)) == (True, signature(paragraphs))
    assert read.signature_for(paragraphs[1:]) == (False, None)


@pytest.mark.django_db
def test_a_strike_s_parties_get_their_quotes_extracted_again_as_one_by_one(tmp_path):
    Strike.objects.create(
        name="Hospital strike",
        slug="hospital",
        employer="County Hospital",
        union="Nurses United",
    )
    text = (
        "Source: Valley Ledger\nStrike: hospital\n\nNurses strike\n\n"
        "Nurses walked out at County Hospital on Monday over staffing.\n\n"
        "“We are short-staffed every night,” said Dana Ortiz, a charge nurse.\n\n"
        "“The offer is fair,” said a spokesperson for County Hospital.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    import_article_file(tmp_path / "a.txt")
    singly = sorted(Quote.objects.values_list("text", "side", "side_evidence", "speaker__name"))
    Article.objects.all().delete()

    results = dict(import_article_files([tmp_path / "a.txt"]))

    assert results[tmp_path / "a.txt"].outcome == Outcome.CREATED
    batched = sorted(Quote.objects.values_list("text", "side", "side_evidence", "speaker__name"))
    assert batched == singly
    assert len(batched) == 2
