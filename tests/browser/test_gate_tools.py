"""
The gates themselves: a missing tool skips locally but fails in CI, and each
checker, run for real, does report a known fault (a gate that cannot fail
proves nothing when it passes).
"""

import pytest

from . import tools
from .axe import describe_violations, run_axe
from .vnu import check_html_files

BROKEN_PAGE = """<!doctype html>
<html><head><title>Broken on purpose</title></head>
<body><main><h1>Broken</h1><img src="chart.png"><p><div>block in a paragraph</div></p></main>
</body></html>
"""
VALID_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fine</title></head>
<body><main><h1>Fine</h1><p>Nothing to report.</p></main></body></html>
"""


@pytest.mark.parametrize(
    ("in_ci", "outcome"), [(False, pytest.skip.Exception), (True, pytest.fail.Exception)]
)
def test_missing_tool_skips_locally_and_fails_in_ci(in_ci, outcome, monkeypatch, tmp_path):
    monkeypatch.setattr(tools, "REQUIRE_BROWSER", in_ci)
    monkeypatch.setattr(tools, "AXE_JS", tmp_path / "node_modules" / "axe-core" / "axe.min.js")
    monkeypatch.setattr(tools, "PROJECT_DIR", tmp_path)
    with pytest.raises(outcome, match=r"axe-core is not installed .*npm ci"):
        tools.axe_source()


def test_missing_java_names_the_package_to_install(monkeypatch):
    monkeypatch.setattr(tools, "REQUIRE_BROWSER", True)
    monkeypatch.setattr(tools.shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match="Java is not installed"):
        tools.vnu_command()


def test_html_checker_sorts_errors_by_file(tmp_path):
    broken, valid = tmp_path / "broken.html", tmp_path / "valid page.html"
    broken.write_text(BROKEN_PAGE, encoding="utf-8")
    valid.write_text(VALID_PAGE, encoding="utf-8")

    report = check_html_files(tools.vnu_command(), [broken, valid])

    errors = [message for message in report[broken.resolve()] if message.is_error]
    assert any("alt" in message.text and message.line == 3 for message in errors), errors
    assert any("“p” element" in message.text for message in errors), errors
    assert any(
        message.kind == "warning" and "lang" in message.text for message in report[broken.resolve()]
    )
    assert report[valid.resolve()] == []


@pytest.mark.browser
def test_axe_reports_a_known_violation(browser, axe_source):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(BROKEN_PAGE)
        violations = run_axe(page, axe_source)
    finally:
        context.close()

    by_rule = {violation["id"]: violation for violation in violations}
    assert {"image-alt", "html-has-lang"} <= set(by_rule), sorted(by_rule)
    message = describe_violations(violations, "the broken page")
    assert "- image-alt [critical]: Images must have alternative text" in message
    assert '    img    <img src="chart.png">' in message
