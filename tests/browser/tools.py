"""
Where the front-end test tools live, and the one rule for when one is missing:
a developer's run skips the tests that need it and says why; CI
(``STRIKEWATCH_REQUIRE_BROWSER=1``) fails them instead, so a gate can never
pass by not running.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REQUIRE_BROWSER

PROJECT_DIR = Path(__file__).resolve().parents[2]
NODE_MODULES = PROJECT_DIR / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
NPM_HINT = "run `npm ci` in the project directory (package-lock.json pins it)"


def unavailable(reason):
    """Skip the current test with ``reason``, or fail it where the gates must run."""
    if REQUIRE_BROWSER:
        pytest.fail(f"quality gate cannot run here: {reason}", pytrace=False)
    pytest.skip(reason)


def axe_source():
    if not AXE_JS.is_file():
        unavailable(
            f"axe-core is not installed ({AXE_JS.relative_to(PROJECT_DIR)} missing): {NPM_HINT}"
        )
    return AXE_JS.read_text(encoding="utf-8")


def vnu_command():
    """``java -jar vnu.jar`` as an argument list, once Java and the jar are both found to work."""
    java = shutil.which("java")
    if not java:
        unavailable(
            "Java is not installed, so the Nu HTML Checker cannot run "
            "(apt-get install default-jre-headless)"
        )
    if not VNU_JAR.is_file():
        unavailable(
            f"the Nu HTML Checker is not installed "
            f"({VNU_JAR.relative_to(PROJECT_DIR)} missing): {NPM_HINT}"
        )
    probe = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--version"], capture_output=True, text=True, timeout=120
    )
    if probe.returncode != 0:
        unavailable(
            f"`java -jar vnu.jar --version` failed: {(probe.stderr or probe.stdout).strip()[:300]}"
        )
    return [java, "-jar", str(VNU_JAR)]
