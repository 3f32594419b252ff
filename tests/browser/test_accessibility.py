"""
The accessibility gate: axe-core, run in headless Chromium against the
live site, finds no WCAG 2.0/2.1/2.2 A or AA violation and no best-practice
violation on any reading page, on a desk and (the seven main pages) on a phone.

Also checks what axe cannot see from inside a page: that each page loads
cleanly under the site's own strict Content-Security-Policy, entirely from the
site itself (no CDN), without a console error or a failed request.
"""

import pytest

from .axe import describe_violations, run_axe
from .pages import PAGE_NAMES, PAGE_VIEWPORTS, VIEWPORTS, expected_status

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("name", "viewport"), PAGE_VIEWPORTS, ids=[f"{n}-{v}" for n, v in PAGE_VIEWPORTS]
)
def test_axe_finds_no_violations(name, viewport, seeded_site, new_context, axe_source):
    path = seeded_site.path(name)
    # bypass_csp lets Playwright inject axe; only this context relaxes the site's policy.
    page = new_context(bypass_csp=True, viewport=VIEWPORTS[viewport]).new_page()
    response = page.goto(path)
    assert response.status == expected_status(name), f"{path} answered {response.status}"

    violations = run_axe(page, axe_source)

    if violations:
        size = VIEWPORTS[viewport]
        where = f"the {name} page ({path}) at {viewport} size {size['width']}x{size['height']}"
        pytest.fail(describe_violations(violations, where), pytrace=False)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_loads_cleanly_from_the_site_alone(name, seeded_site, site_page):
    """Every request goes to the site itself and succeeds; the browser logs no error."""
    path = seeded_site.path(name)
    problems, requests = [], []
    site_page.on("request", lambda request: requests.append(request.url))
    site_page.on(
        "requestfailed",
        lambda request: problems.append(f"failed: {request.url} ({request.failure})"),
    )
    site_page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    site_page.on(
        "console",
        lambda message: (
            problems.append(f"console {message.type}: {message.text}")
            if message.type in {"error", "warning"}
            else None
        ),
    )

    def bad_subresource(response):
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"{response.status} for {response.url}")

    site_page.on("response", bad_subresource)

    response = site_page.goto(path, wait_until="load")
    site_page.wait_for_load_state("networkidle")

    expected = expected_status(name)
    assert response.status == expected, f"{path} answered {response.status}"
    if expected != 200:
        # Chromium logs the document's own 404 or 410 as a console error: that one is the point.
        problems = [
            p for p in problems if not (p.startswith("console error:") and str(expected) in p)
        ]
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, (
        f"weak or missing CSP: {policy!r}"
    )
    foreign = [url for url in requests if not url.startswith((seeded_site.url, "data:"))]
    assert foreign == [], f"{path} loads assets from outside the site: {foreign}"
    assert problems == [], f"{path} did not load cleanly:\n" + "\n".join(problems)
    # The site's own stylesheet applied (served by whitenoise from the live server).
    assert any("/static/" in url and url.endswith(".css") for url in requests), requests
