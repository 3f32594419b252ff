#!/usr/bin/env bash
# Load test (issue 7): gunicorn on 127.0.0.1 with strikewatch/gunicorn.conf.py,
# DEBUG off, over the seeds plus 10,000 synthetic articles with quotes in a
# dedicated database; wrk for LOAD_SECONDS (30) against the same article
# page served as a static file (the machine-independent baseline), then the
# article, quote, person and search pages. Prints requests/s, p50/p99 latency
# and error counts, each worker's RSS and PSS, and checks the targets (exit
# status 1 if one is missed).
#
#   benchmarks/load.sh
#   LOAD_TARGETS="static search-nocache search" benchmarks/load.sh
#       the search page's figures alone: its rate, the static-file rate, their
#       ratio and p99, with the baseline from the same run (search-nocache: the
#       same searches, each one run, as for a reader with a session cookie,
#       whom the page cache never serves)
#
# Environment (all optional):
#   LOAD_DATABASE_URL  database to fill and serve (postgres://postgres@127.0.0.1:5432/strikewatch_load)
#   LOAD_SECONDS       seconds per wrk run (30)
#   LOAD_CONNECTIONS   open connections (16); LOAD_THREADS wrk threads (2)
#   LOAD_TARGETS       which runs, of: static article quote person search-nocache search api
#                      (all)
#   SEARCH_BACKEND     whoosh (default) or postgres
#   CACHE_URL          the cache gunicorn uses (local memory by default, as `make run`)
#   WEB_CONCURRENCY, GUNICORN_THREADS  as for gunicorn.conf.py
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${VENV:-.venv}/bin/python
SECONDS_PER_RUN=${LOAD_SECONDS:-30}
CONNECTIONS=${LOAD_CONNECTIONS:-16}
WRK_THREADS=${LOAD_THREADS:-2}
TARGETS=${LOAD_TARGETS:-static article quote person search-nocache search api}

command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

export DATABASE_URL=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/strikewatch_load}
export DJANGO_SETTINGS_MODULE=strikewatch.settings
export DEBUG=0 SECRET_KEY=load-test-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz
export ALLOWED_HOSTS=127.0.0.1,localhost
export SEARCH_BACKEND=${SEARCH_BACKEND:-whoosh}
export STRIKEWATCH_INDEX_DIR=${LOAD_INDEX_DIR:-$PWD/var/load/index-$SEARCH_BACKEND}
export PAGE_GENERATION_FILE=$PWD/var/load/page-generation
# wrk runs from 127.0.0.1: measure the application, not the rate limiter's refusals.
export RATE_LIMIT_EXEMPT=127.0.0.1
export LOG_LEVEL=WARNING

work=$(mktemp -d "${TMPDIR:-/tmp}/strikewatch-load.XXXXXX")
gunicorn_pid=
cleanup() {
  if [ -n "$gunicorn_pid" ] && kill -0 "$gunicorn_pid" 2>/dev/null; then
    kill -TERM "$gunicorn_pid"; wait "$gunicorn_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== Dataset ($DATABASE_URL)"
"$PY" scripts/ensure_database.py "$DATABASE_URL"
status=$("$PY" benchmarks/load/dataset.py | tail -n 1)
if [ "$status" = stale ]; then
  echo "  the database holds another version of the dataset: dropping and rebuilding it"
  "$PY" - "$DATABASE_URL" <<'PYDROP'
import sys
import psycopg
from psycopg import sql
sys.path.insert(0, "scripts")
from ensure_database import connect_kwargs
import environ
name = environ.Env.db_url_config(sys.argv[1])["NAME"]
with psycopg.connect(**connect_kwargs(sys.argv[1], "postgres"), autocommit=True) as conn:
    conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
PYDROP
  "$PY" scripts/ensure_database.py "$DATABASE_URL"
  status=$("$PY" benchmarks/load/dataset.py | tail -n 1)
fi
# A new dataset needs a new index; otherwise the one there is kept (--if-missing).
if [ "$status" = built ]; then rm -rf "$STRIKEWATCH_INDEX_DIR"; rebuild=(); else rebuild=(--if-missing); fi
echo "== Search index ($SEARCH_BACKEND)"
"$PY" manage.py rebuild_index "${rebuild[@]}" | sed 's/^/  /'
"$PY" -c "
import os, django; django.setup()
from articles.models import Article, Quote
print(f'{Article.objects.published().count()} published articles, {Quote.objects.published().count()} quotes')"

echo "== Static files"
export STATIC_ROOT=$work/static
"$PY" manage.py collectstatic --noinput --verbosity 0
targets=$("$PY" benchmarks/load/targets.py "$STATIC_ROOT/load/article.html")
field() { "$PY" -c "import json,sys; v=json.loads(sys.argv[1])[sys.argv[2]]; print('\n'.join(v) if isinstance(v, list) else v)" "$targets" "$1"; }

port=$("$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
base=http://127.0.0.1:$port
echo "== gunicorn on $base (workers: ${WEB_CONCURRENCY:-2 x cores + 1}, threads: ${GUNICORN_THREADS:-2})"
PORT=$port HOST=127.0.0.1 GUNICORN_ACCESS_LOG=$work/access.log \
  .venv/bin/gunicorn --config strikewatch/gunicorn.conf.py strikewatch.wsgi >"$work/gunicorn.log" 2>&1 &
gunicorn_pid=$!
for _ in $(seq 100); do
  curl -fs -o /dev/null "$base/healthz" && break
  kill -0 "$gunicorn_pid" 2>/dev/null || { cat "$work/gunicorn.log" >&2; exit 1; }
  sleep 0.2
done

declare -A url=(
  [static]="$base/static/load/article.html"
  [article]="$base$(field article)"
  [quote]="$base$(field quote)"
  [person]="$base$(field person)"
)
# Search rotates through many queries (a Lua script), so it measures searching, not one cached answer.
for kind in search api; do
  paths=$(field "$kind")
  if [ -n "$paths" ]; then
    "$PY" - "$work/$kind.lua" <<<"$paths" <<'PYLUA'
import json, sys
paths = [line for line in sys.stdin.read().splitlines() if line]
with open(sys.argv[1], "w") as lua:
    lua.write("local paths = " + "{" + ", ".join(json.dumps(p) for p in paths) + "}\n")
    lua.write("local i = 0\n")
    lua.write('request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end\n')
PYLUA
    url[$kind]="$base$(head -n 1 <<<"$paths")"
  fi
done
# The same searches, each one run: a session cookie keeps the page cache out of it.
if [ -f "$work/search.lua" ]; then
  cp "$work/search.lua" "$work/search-nocache.lua"
  url[search-nocache]=${url[search]}
fi
declare -A headers=([search-nocache]="Cookie: sessionid=load-test-no-page-cache")

for name in $TARGETS; do
  [ -n "${url[$name]:-}" ] || { echo "error: nothing to measure for $name (is its URL name there?)" >&2; exit 1; }
done

echo "== Warm-up and status check"
for name in static article quote person search api; do
  [ -n "${url[$name]:-}" ] || continue
  for _ in 1 2 3; do code=$(curl -s -o /dev/null -w '%{http_code}' "${url[$name]}"); done
  echo "  $name ${url[$name]#"$base"} -> $code"
  [ "$code" = 200 ] || { echo "error: $name answered $code" >&2; exit 1; }
done
if [ -f "$work/search.lua" ]; then
  wrk -t1 -c2 -d3s -s "$work/search.lua" "${url[search]}" >/dev/null
fi

for name in $TARGETS; do
  [ -n "${url[$name]:-}" ] || continue
  script=()
  [ -f "$work/$name.lua" ] && script=(-s "$work/$name.lua")
  [ -n "${headers[$name]:-}" ] && script+=(-H "${headers[$name]}")
  echo "== wrk $name: ${SECONDS_PER_RUN}s, $CONNECTIONS connections"
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "${script[@]}" "${url[$name]}" \
    | tee "$work/$name.wrk" | grep -E "Requests/sec|99%|Non-2xx|Socket errors" | sed 's/^/  /'
done

echo "== Memory of each gunicorn process after the runs (/proc/<pid>/smaps_rollup)"
"$PY" benchmarks/load/memory.py "$gunicorn_pid" | sed '$d'

echo
echo "== Results (gunicorn $(.venv/bin/gunicorn --version 2>&1 | grep -o '[0-9][0-9.]*'), $(nproc) cores, SEARCH_BACKEND=$SEARCH_BACKEND, CACHE_URL=${CACHE_URL:-local memory})"
"$PY" benchmarks/load/report.py "$work"
