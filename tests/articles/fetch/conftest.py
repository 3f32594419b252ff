"""Fetching against the real local server: a policy that lets it (127.0.0.1) be reached."""

from pathlib import Path

import pytest

from articles.fetch import AllowedHosts, Fetcher, FetchPolicy

PAGES = Path(__file__).resolve().parent / "pages"
USER_AGENT = "StrikeWatch/1.0 (tests)"


def policy(**changes):
    values = {
        "user_agent": USER_AGENT,
        "robots_token": "StrikeWatch",
        "timeout": 2.0,
        "max_bytes": 1024 * 1024,
        "max_redirects": 3,
        "allowed": AllowedHosts.parse(["127.0.0.1"]),
        **changes,
    }
    return FetchPolicy(**values)


@pytest.fixture
def fetcher():
    with Fetcher(policy()) as fetcher:
        yield fetcher


def page_bytes(name):
    return (PAGES / name).read_bytes()
