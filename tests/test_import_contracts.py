"""
The boundaries in pyproject.toml's import-linter contracts fail the build
(``make lint``, which ``make test`` and CI run) when they are broken: each
deliberate break below, made in a copy of the tree, fails ``lint-imports``
naming the contract it breaks, and the tree itself keeps every contract.
"""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = ("strikewatch", "search", "articles")
PIPELINE = ("articles.ingest", "articles.quotes", "articles.citation")
CONTRACTS = {
    contract["id"]: contract["name"]
    for contract in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
        "contracts"
    ]
}

# (what is broken, the file in the copy, the line added to it, the id of the contract that fails)
BREAKS = [
    (
        "a module of the speaker engine imports Django",
        "articles/quotes/sides.py",
        "from django.conf import settings",
        "plain-pipeline",
    ),
    (
        "the ingest parser imports an article model",
        "articles/ingest/parse.py",
        "from articles.models import Article",
        "articles-layers",
    ),
    (
        "the citation formatter imports the project",
        "articles/citation/styles.py",
        "import strikewatch.page_cache",
        "plain-pipeline",
    ),
    (
        "an articles view imports search",
        "articles/views.py",
        "from search import labels",
        "articles-without-search",
    ),
    (
        "search imports the project's page cache",
        "search/labels.py",
        "from strikewatch import page_cache",
        "apps-without-project",
    ),
    (
        "the models import the page-metadata module",
        "articles/models.py",
        "from . import metadata",
        "articles-layers",
    ),
    (
        "a new articles module nobody placed in a layer",
        "articles/unplaced.py",
        '"""A module no layer names."""',
        "articles-layers",
    ),
]


def lint_imports(tree):
    """``lint-imports`` with the project's contracts on ``tree`` (which must come first on the path)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache", "--no-logo", str(tree / "pyproject.toml")],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def copy_of_the_tree(tmp_path):
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_tree_keeps_every_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("what", "path", "line", "contract"), BREAKS, ids=[b[0] for b in BREAKS])
def test_a_boundary_break_fails_the_build_naming_its_contract(
    copy_of_the_tree, what, path, line, contract
):
    unbroken = lint_imports(copy_of_the_tree)
    assert unbroken.returncode == 0, unbroken.stdout + unbroken.stderr  # the copy is what is linted
    target = copy_of_the_tree / path
    text = target.read_text() if target.exists() else ""
    target.write_text(f"{text}\n{line}  # deliberate break: {what}\n")
    broken = lint_imports(copy_of_the_tree)
    assert broken.returncode != 0, broken.stdout
    report = " ".join(broken.stdout.split())  # long contract names wrap
    assert f"{CONTRACTS[contract]} BROKEN" in report, broken.stdout


@pytest.mark.parametrize("package", PIPELINE)
def test_the_text_pipeline_loads_without_django(package):
    """At run time too (an import inside a function, or a dynamic one, is seen here)."""
    code = (
        f"import sys, {package}; "
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('django', 'simple_history', 'search', 'strikewatch')); "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
