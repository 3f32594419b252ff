"""Deployment checks and the security headers every response carries."""

import secrets
import subprocess
import sys

import pytest

from .servers import REPO, server_env

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "strikewatch.example",
    "STRIKEWATCH_HTTPS": "1",
}


def deploy_check(**env):
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=server_env("strikewatch", **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deploy_check_passes_with_production_settings():
    """What `make check` runs: DEBUG off, a secret key, allowed hosts and HTTPS."""
    result = deploy_check(**PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deploy_check_fails_a_site_served_without_https_settings():
    """The check is not vacuous: leaving out STRIKEWATCH_HTTPS is reported."""
    result = deploy_check(**{**PRODUCTION_ENV, "STRIKEWATCH_HTTPS": "0"})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in output


def test_without_a_secret_key_production_settings_refuse_to_start():
    result = deploy_check(**{**PRODUCTION_ENV, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def assert_security_headers(response):
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Server" not in response


@pytest.fixture
def site(settings, coverage):
    settings.ROOT_URLCONF = "tests.production.urls"
    return coverage


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("article", 200),
        ("quote", 200),
        ("person", 200),
        ("/admin/login/", 200),
        ("/admin/", 302),
        ("/static/css/site.css", 200),
        ("/healthz", 200),
        ("/no-such-page/", 404),
        ("/stand-in/error/", 500),
    ],
)
def test_every_kind_of_response_carries_the_security_headers(client, site, path, status):
    if not path.startswith("/"):
        path = site[path].get_absolute_url()
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code == status
    assert_security_headers(response)


def test_not_modified_and_head_responses_carry_them_too(client, site):
    url = site["article"].get_absolute_url()
    etag = client.get(url)["ETag"]
    not_modified = client.get(url, headers={"if-none-match": etag})
    assert not_modified.status_code == 304
    assert_security_headers(not_modified)
    head = client.head(url)
    assert head.status_code == 200
    assert_security_headers(head)


def test_wrong_host_is_refused_before_the_page_cache(client, site):
    url = site["article"].get_absolute_url()
    assert client.get(url).status_code == 200  # now cached
    refused = client.get(url, headers={"host": "evil.example"})
    assert refused.status_code == 400
    assert_security_headers(refused)


def test_https_settings_redirect_plain_http_but_not_health_checks(client, site, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    redirected = client.get(site["article"].get_absolute_url())
    assert redirected.status_code == 301
    assert redirected["Location"].startswith("https://")
    assert client.get("/healthz").status_code == 200


def test_pages_have_no_inline_scripts_or_styles(client, site):
    """The CSP forbids them; a page that had one would break in browsers."""
    import re

    for key in ("article", "quote", "person", "source", "strike"):
        html = client.get(site[key].get_absolute_url()).text
        # Data blocks (JSON-LD) are not scripts: CSP does not run or block them.
        assert not re.search(
            r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))[^>]*>", html
        ), key
        assert not re.search(r"<style\b", html), key
        assert not re.search(r"\sstyle\s*=", html), key
        assert not re.search(r"\son[a-z]+\s*=", html), key
