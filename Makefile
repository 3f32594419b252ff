# StrikeWatch: `make run` sets everything up and serves; `make test` runs the suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT VENV

# Every recipe that talks to the database starts with this: it finds or starts
# PostgreSQL, creates the database if needed and exports DATABASE_URL.
WITH_DB = set -euo pipefail; eval "$$(scripts/database-env)";

.PHONY: help install compile run setup serve test lint check clean manage test-tools

help:
	@echo "make run    install, set up the database, import seeds/, build the index and serve on http://127.0.0.1:$(PORT)"
	@echo "make test   run the whole test suite against PostgreSQL"
	@echo "make setup  everything make run does except serving"
	@echo "make lint   ruff check, ruff format --check and the import contracts (make test runs it first)"
	@echo "make check  Django's system checks, including the deployment ones"
	@echo "make compile  compile the quote extractor with mypyc (make install does it; make clean undoes it)"
	@echo "make manage ARGS=\"create_editor alice\"  any manage.py command, on the database make run uses"

$(VENV)/.installed: pyproject.toml
	@python=$$(scripts/find-python) || exit 1; \
	if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		echo "Creating $(VENV) with $$python"; rm -rf $(VENV); "$$python" -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

# The quote extractor compiled with mypyc (scripts/compile_extractor.py), rebuilt
# whenever one of its sources is newer than the last build.
EXTRACTOR_SOURCES := $(wildcard articles/quotes/*.py)
build/mypyc/.compiled: $(EXTRACTOR_SOURCES) scripts/compile_extractor.py $(VENV)/.installed
	$(PY) scripts/compile_extractor.py
	@touch $@

compile: build/mypyc/.compiled

install: $(VENV)/.installed build/mypyc/.compiled

# The front-end test tools (axe-core, the Nu HTML Checker) pinned in package-lock.json:
# installed when node_modules is missing or older than the lock file (npm ci writes
# node_modules/.package-lock.json). Without npm the browser gates skip (or, with
# STRIKEWATCH_REQUIRE_BROWSER=1, fail) and say why.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		echo "Installing the front-end test tools (npm ci)"; \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm not found: the axe-core and HTML-checker tests cannot run (Debian: apt-get install npm)" >&2; \
	fi

test-tools: node_modules/.package-lock.json

setup: install
	@$(WITH_DB) \
	$(PY) manage.py migrate --noinput; \
	$(PY) manage.py import_strikes seeds/strikes.json; \
	$(PY) manage.py import_articles seeds/; \
	$(PY) manage.py rebuild_index --if-missing; \
	$(PY) manage.py collectstatic --noinput --verbosity 0

run: setup serve

serve: install
	@$(WITH_DB) echo "Serving StrikeWatch on http://127.0.0.1:$(PORT), with a task worker"; \
	exec scripts/serve

test: install test-tools lint
	@$(WITH_DB) $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo

manage: install
	@$(WITH_DB) $(PY) manage.py $(ARGS)

check: install
	@$(WITH_DB) $(PY) manage.py check && \
	DEBUG=0 SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") ALLOWED_HOSTS=strikewatch.example STRIKEWATCH_HTTPS=1 \
		$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf var/static var/index .pytest_cache build/mypyc articles/quotes/*.so
