"""
What `make test` and `make manage` do, read from make's own dry run (``make -n``
prints the commands a target would run, without running them).
"""

import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")


def dry_run(*args):
    completed = subprocess.run(
        ["make", "-n", *args], cwd=PROJECT, capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_make_test_installs_the_npm_test_tools_when_the_lock_file_is_newer():
    # -W: as if package-lock.json had just changed (node_modules older than it).
    commands = dry_run("-W", "package-lock.json", "test")
    assert "npm ci --no-audit --no-fund" in commands
    assert commands.index("npm ci") < commands.index("pytest")


def test_make_manage_runs_a_command_on_the_make_run_database():
    commands = dry_run("manage", "ARGS=create_editor alice")
    assert "scripts/database-env" in commands  # finds or starts the database make run uses
    assert "manage.py create_editor alice" in commands


@pytest.mark.parametrize("target", ["test", "setup", "serve"])
def test_make_compiles_the_quote_extractor_again_when_a_source_changed(target):
    # -W: as if cues.py had just been edited (the last build older than it).
    commands = dry_run("-W", "articles/quotes/cues.py", target)
    assert "scripts/compile_extractor.py" in commands
    assert commands.index("compile_extractor") < commands.index(
        "pytest" if target == "test" else "scripts/database-env"
    )
