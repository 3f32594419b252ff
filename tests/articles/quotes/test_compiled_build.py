"""The compiled extractor (``make compile``) behaves as its sources do, and is
never run once a source has changed since it was built."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from articles.quotes import extract_quotes, stale_compiled_modules

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "articles" / "quotes"
GOLD = ROOT / "benchmarks" / "gold"
SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")

# Articles of several sets (agency copy, live blogs, fragments, sides), read as
# benchmarks/quotes.py reads them: the paragraphs after the headline.
ARTICLES = [
    "quotes_reported",
    "quotes_round7",
    "quotes_sides_d",
    "quotes_sides_j",
    "quotes_sides_m",
]

EXTRACT_ALL = """
import json, sys
from articles.quotes import extract_quotes
from articles.quotes import extract
assert extract.__file__.endswith(".py"), extract.__file__
print(json.dumps([extract_quotes(p) for p in json.load(sys.stdin)]))
"""


def _paragraphs(path: Path) -> list[str]:
    blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    return blocks[1:]


def _articles() -> list[list[str]]:
    return [
        _paragraphs(path) for name in ARTICLES for path in sorted((GOLD / name).glob("*.txt"))[:4]
    ]


def _touch(path: Path, mtime: float) -> None:
    path.write_bytes(b"")
    os.utime(path, (mtime, mtime))


def test_a_source_changed_after_the_build_is_stale(tmp_path):
    _touch(tmp_path / f"cues{SUFFIX}", 1_000)
    _touch(tmp_path / "cues.py", 2_000)
    _touch(tmp_path / f"names{SUFFIX}", 2_000)
    _touch(tmp_path / "names.py", 1_000)
    _touch(tmp_path / f"_native__mypyc{SUFFIX}", 1_000)  # the shared library has no source

    assert stale_compiled_modules(tmp_path) == ["cues.py"]


def test_sources_without_a_build_are_not_stale(tmp_path):
    _touch(tmp_path / "cues.py", 2_000)

    assert stale_compiled_modules(tmp_path) == []


def test_importing_a_stale_build_fails_saying_what_to_run(tmp_path):
    copy = tmp_path / "articles"
    copy.mkdir()
    (copy / "__init__.py").write_text("")
    shutil.copytree(PACKAGE, copy / "quotes", ignore=shutil.ignore_patterns("__pycache__"))
    _touch(copy / "quotes" / f"cues{SUFFIX}", 1_000)

    run = subprocess.run(
        [sys.executable, "-c", "import articles.quotes"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
    )

    assert run.returncode == 1
    assert "compiled before cues.py changed: run `make compile`" in run.stderr


def test_the_extractor_in_this_process_finds_what_its_sources_find(tmp_path):
    """Whatever this process runs (compiled under make test), the findings equal
    those of the sources alone, run in a copy of the package with no extension."""
    copy = tmp_path / "articles"
    copy.mkdir()
    (copy / "__init__.py").write_text("")
    shutil.copytree(PACKAGE, copy / "quotes", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    articles = _articles()

    run = subprocess.run(
        [sys.executable, "-c", EXTRACT_ALL],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        input=json.dumps(articles),
        capture_output=True,
        text=True,
        check=True,
    )

    from_sources = json.loads(run.stdout)
    here = json.loads(json.dumps([extract_quotes(p) for p in articles]))
    assert len(articles) == 20
    assert sum(map(len, here)) > 200
    assert here == from_sources
