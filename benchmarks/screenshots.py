"""
Screenshots of the reading pages for a person to look at: home, article,
quote, person, strike and search pages (and the lists of all coverage and the
archive), each at a phone's width (390 px) and a desk's (1280 px), whole
pages, in headless Chromium.

    .venv/bin/python benchmarks/screenshots.py                  # a throwaway site with the seeds
    .venv/bin/python benchmarks/screenshots.py --keep-database  # ... and leave its database

By default the script builds the site as production serves it: a throwaway
database (SCREENSHOTS_DB, default ``strikewatch_screenshots``, on the server
``make run`` uses) with the seeds imported, the search index, collected
static files, gunicorn with DEBUG off on a free loopback port. It writes
``benchmarks/results/screenshots/<page>-<width>.png`` (git ignores
``benchmarks/results/``) and prints each path.

Needs: ``make install``, Chromium (CHROMIUM_PATH, default /usr/bin/chromium),
PostgreSQL as for ``make run``.
"""

import argparse
import os
import secrets
import shlex
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "benchmarks" / "results" / "screenshots"
PYTHON = sys.executable
WIDTHS = {"phone": (390, 844), "desk": (1280, 900)}
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def database_url(name):
    """The URL ``make run`` would use (scripts/database-env), for database ``name``."""
    printed = subprocess.run(
        ["bash", str(PROJECT / "scripts" / "database-env")],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT,
    ).stdout
    (line,) = [line for line in printed.splitlines() if line.startswith("export DATABASE_URL=")]
    url = shlex.split(line.removeprefix("export DATABASE_URL="))[0]
    return f"{url.rsplit('/', 1)[0]}/{name}"


def drop_database(url):
    import psycopg
    from psycopg import sql

    sys.path.insert(0, str(PROJECT / "scripts"))
    from ensure_database import connect_kwargs

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(**connect_kwargs(url, "postgres"), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=PROJECT, env=env, check=True)


@contextmanager
def throwaway_site(keep_database):
    """A production-like site with the seeds, served by gunicorn; yields (base URL, env)."""
    work = Path(tempfile.mkdtemp(prefix="strikewatch-screenshots-"))
    url = database_url(os.environ.get("SCREENSHOTS_DB", "strikewatch_screenshots"))
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STRIKEWATCH_INDEX_DIR": str(work / "index"),
        "STATIC_ROOT": str(work / "static"),
        "PAGE_GENERATION_FILE": str(work / "page-generation"),
        "CACHE_URL": "locmemcache://screenshots",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESS_LOG": "",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
    }
    drop_database(url)
    subprocess.run([PYTHON, "scripts/ensure_database.py", url], cwd=PROJECT, env=env, check=True)
    server = None
    try:
        print("Preparing the database, search index and static files...", file=sys.stderr)
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "import_strikes", "seeds/strikes.json", "--verbosity", "0")
        manage(env, "import_articles", "seeds/", "--verbosity", "0")
        manage(env, "rebuild_index", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        server = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "--config",
                "strikewatch/gunicorn.conf.py",
                "strikewatch.wsgi",
            ],
            cwd=PROJECT,
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=5):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):  # a loaded machine
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("screenshots.py: gunicorn did not start") from None
                time.sleep(0.5)
        yield base, env
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if not keep_database:
            drop_database(url)


def page_paths(env):
    """The pages to photograph, found in the site's database: {name: path}."""
    os.environ.update({key: env[key] for key in ("DATABASE_URL", "SECRET_KEY", "DEBUG")})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strikewatch.settings")
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from articles.models import Article, Person, Quote, Strike

    speaker = Person.objects.most_quoted().first()
    quote = Quote.objects.published().filter(speaker=speaker).newest_first().first()
    articles = list(Article.objects.published().newest_first())
    paths = {"home": "/", "articles": "/articles/", "archive": "/archive/"}
    for number, article in enumerate(articles, 1):
        paths[f"article-{number}"] = article.get_absolute_url()
    paths["quote"] = quote.get_absolute_url()
    paths["person"] = speaker.get_absolute_url()
    paths["strike"] = Strike.objects.first().get_absolute_url()
    # Search for the most quoted speaker's surname: the People block above quote results.
    paths["search"] = "/search/?" + urlencode({"q": speaker.name.split()[-1]})
    return paths


def photograph(base, paths):
    from playwright.sync_api import sync_playwright

    RESULTS.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for size, (width, height) in WIDTHS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, device_scale_factor=1
            )
            page = context.new_page()
            for name, path in paths.items():
                response = page.goto(base + path, wait_until="networkidle")
                if response.status != 200:
                    raise SystemExit(f"screenshots.py: {path} answered {response.status}")
                target = RESULTS / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append((target, size, path))
            context.close()
        browser.close()
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep-database", action="store_true", help="leave the database")
    args = parser.parse_args(argv)
    with throwaway_site(args.keep_database) as (base, env):
        written = photograph(base, page_paths(env))
    for target, size, path in written:
        print(f"{target.relative_to(PROJECT)}  ({size}, {path})")


if __name__ == "__main__":
    main()
