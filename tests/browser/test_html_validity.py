"""
The HTML gate: the Nu HTML Checker (vnu.jar, npm ``vnu-jar``) finds no
error on any reading page as the live site serves it. Warnings do not fail the
gate; each page's warnings are reported as ``HtmlCheckerWarning`` in pytest's
warnings summary so they stay visible.

All pages are saved first and checked in one run of the checker: starting the
JVM costs more than checking a page. These tests need Java and ``npm ci``,
not Chromium (so they carry no ``browser`` mark).
"""

import urllib.error
import urllib.request
import warnings

import pytest

from . import tools
from .pages import PAGE_NAMES, expected_status
from .vnu import check_html_files


class HtmlCheckerWarning(UserWarning):
    """A Nu HTML Checker warning: allowed, but worth reading."""


def fetch(url):
    """(status, content type, body) of ``url``, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


@pytest.fixture(scope="module")
def checked_pages(seeded_site, django_db_blocker, tmp_path_factory):
    """``{name: (status, content type, [vnu messages])}`` for each gate page that was set up."""
    command = tools.vnu_command()
    folder = tmp_path_factory.mktemp("html")
    fetched = {}
    with django_db_blocker.unblock():  # the live server's threads use the database
        for name in PAGE_NAMES:
            if name in seeded_site.broken:
                continue
            status, content_type, body = fetch(seeded_site.url + seeded_site.pages[name])
            file = folder / f"{name}.html"
            file.write_bytes(body)
            fetched[name] = (status, content_type, file)
    report = check_html_files(command, [file for _, _, file in fetched.values()])
    return {
        name: (status, content_type, report[file.resolve()])
        for name, (status, content_type, file) in fetched.items()
    }


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_nu_html_checker_finds_no_errors(name, seeded_site, checked_pages):
    path = seeded_site.path(name)
    status, content_type, messages = checked_pages[name]
    assert status == expected_status(name), f"{path} answered {status}"
    assert content_type.startswith("text/html"), f"{path} is served as {content_type!r}"

    noted = [message for message in messages if message.kind == "warning"]
    if noted:
        warnings.warn(
            HtmlCheckerWarning(
                f"{name} page ({path}): " + "; ".join(str(message) for message in noted)
            ),
            stacklevel=1,
        )
    errors = [message for message in messages if message.is_error]
    if errors:
        pytest.fail(
            f"the Nu HTML Checker found {len(errors)} error(s) on the {name} page ({path}):\n"
            + "\n".join(f"- {message}" for message in errors),
            pytrace=False,
        )
