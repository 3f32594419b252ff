#!/usr/bin/env bash
# Lighthouse scores for StrikeWatch's article pages, served the way production
# serves them: gunicorn, DEBUG=0, collectstatic with the hashed and compressed
# manifest storage, a throwaway database with the seeds imported and a real
# search index. Prints the four category scores (performance, accessibility,
# best-practices, seo) for each page and form factor, the audits that cost
# points, then one line of JSON. Target: every score >= 0.95 (exit 1 if not).
#
#   benchmarks/lighthouse.sh                   # every published article page, mobile and desktop
#   benchmarks/lighthouse.sh /articles/slug/   # only these paths
#
# Needs: `npm ci` (lighthouse is pinned in package-lock.json), Chromium
# (CHROME_PATH, default /usr/bin/chromium), PostgreSQL as for `make run`.
# Environment: LIGHTHOUSE_DB (default strikewatch_lighthouse; dropped and
# re-created, then dropped again), LIGHTHOUSE_PRESETS (default "mobile desktop"),
# LIGHTHOUSE_TARGET (default 0.95), LIGHTHOUSE_KEEP=1 keeps the JSON reports.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${VENV:-.venv}/bin/python
LIGHTHOUSE_DB=${LIGHTHOUSE_DB:-strikewatch_lighthouse}
PRESETS=${LIGHTHOUSE_PRESETS:-mobile desktop}
TARGET=${LIGHTHOUSE_TARGET:-0.95}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

die() { echo "lighthouse.sh: $*" >&2; exit 2; }
[ -x "$PY" ] || die "no virtualenv at ${VENV:-.venv} (run make install)"
[ -x node_modules/.bin/lighthouse ] || die "lighthouse is not installed: run \`npm ci\`"
[ -x "$CHROME_PATH" ] || die "no Chromium at $CHROME_PATH (apt-get install chromium, or set CHROME_PATH)"
case "$LIGHTHOUSE_DB" in *[!a-z0-9_]*|"") die "LIGHTHOUSE_DB must be a plain database name";; esac

work=$(mktemp -d "${TMPDIR:-/tmp}/strikewatch-lighthouse.XXXXXX")
server_pid=""

# The server's database: the one `make run` would use, under the throwaway name.
eval "$(scripts/database-env)"
base_url=${DATABASE_URL%/*}
export DATABASE_URL="$base_url/$LIGHTHOUSE_DB"

drop_database() {
  "$PY" - "$base_url/postgres" "$LIGHTHOUSE_DB" <<'PY'
import sys
import psycopg
from psycopg import sql
sys.path.insert(0, "scripts")
from ensure_database import connect_kwargs
url, name = sys.argv[1:]
with psycopg.connect(**connect_kwargs(url, "postgres"), autocommit=True) as conn:
    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
PY
}

cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; fi
  drop_database || true
  if [ "${LIGHTHOUSE_KEEP:-0}" = 1 ]; then echo "Reports kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# Production-like settings, private to this run.
export DEBUG=0
export SECRET_KEY="lighthouse-only-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(40))')"
export ALLOWED_HOSTS=127.0.0.1
export STRIKEWATCH_INDEX_DIR="$work/index"
export STATIC_ROOT="$work/static"
export STRIKEWATCH_PAGE_GENERATION_FILE="$work/page-generation"
export CACHE_URL=locmemcache://lighthouse
export LOG_LEVEL=WARNING

echo "Preparing database $LIGHTHOUSE_DB, search index and static files..." >&2
drop_database
"$PY" scripts/ensure_database.py "$DATABASE_URL" >&2
"$PY" manage.py migrate --noinput --verbosity 0 >&2
"$PY" manage.py import_strikes seeds/strikes.json --verbosity 0 >&2
"$PY" manage.py import_articles seeds/ --verbosity 0 >&2
"$PY" manage.py rebuild_index --verbosity 0 >&2
"$PY" manage.py collectstatic --noinput --verbosity 0 >&2

if [ "$#" -gt 0 ]; then
  paths=("$@")
else
  mapfile -t paths < <("$PY" manage.py shell --no-imports -c '
from articles.models import Article
for article in Article.objects.published().order_by("slug"):
    print(article.get_absolute_url())
')
fi
[ "${#paths[@]}" -gt 0 ] || die "no published article to measure"

port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
site="http://127.0.0.1:$port"
HOST=127.0.0.1 PORT=$port WEB_CONCURRENCY=2 GUNICORN_ACCESS_LOG="" \
  "${VENV:-.venv}/bin/gunicorn" --config strikewatch/gunicorn.conf.py strikewatch.wsgi >"$work/gunicorn.log" 2>&1 &
server_pid=$!
"$PY" - "$site/healthz" <<'PY' || { cat "$work/gunicorn.log" >&2; die "gunicorn did not come up"; }
import sys, time, urllib.request
for _ in range(60):
    try:
        with urllib.request.urlopen(sys.argv[1], timeout=2):
            sys.exit(0)
    except Exception:
        time.sleep(0.5)
sys.exit(1)
PY

reports=()
for path in "${paths[@]}"; do
  # One warm-up request so the page cache and the workers' imports are not what is measured.
  "$PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=10).read()' "$site$path"
  for preset in $PRESETS; do
    report="$work/$(echo "$path" | tr -c 'a-zA-Z0-9\n' '_')$preset.json"
    preset_flag=()
    [ "$preset" = desktop ] && preset_flag=(--preset=desktop)
    echo "Running Lighthouse ($preset) on $site$path ..." >&2
    node_modules/.bin/lighthouse "$site$path" "${preset_flag[@]}" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless --no-sandbox --disable-gpu" \
      --output=json --output-path="$report" --quiet
    reports+=("$preset=$report")
  done
done

"$PY" - "$TARGET" "${reports[@]}" <<'PY'
import json
import sys
from urllib.parse import urlparse

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
target = float(sys.argv[1])
runs = []
for argument in sys.argv[2:]:
    preset, path = argument.split("=", 1)
    with open(path, encoding="utf-8") as file:
        report = json.load(file)
    scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
    page = urlparse(report["finalDisplayedUrl"]).path
    print(f"\nLighthouse {report['lighthouseVersion']}, {preset}: {page}")
    for name in CATEGORIES:
        score = scores[name]
        flag = "" if score is not None and score >= target else f"   below {target}"
        print(f"  {name:<15} {'n/a' if score is None else f'{score:.2f}'}{flag}")
    audits = report["audits"]
    for name in CATEGORIES:
        lost = [
            ref["id"]
            for ref in report["categories"][name]["auditRefs"]
            if ref.get("weight") and audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1
        ]
        if lost:
            print(f"    {name} audits below full marks: {', '.join(lost)}")
    metrics = audits.get("metrics", {}).get("details", {}).get("items", [{}])[0]
    runs.append(
        {
            "page": page,
            "preset": preset,
            **scores,
            "lcp_ms": metrics.get("largestContentfulPaint"),
            "cls": round(metrics.get("cumulativeLayoutShift", 0), 4),
            "tbt_ms": metrics.get("totalBlockingTime"),
        }
    )
passed = all(run[name] is not None and run[name] >= target for run in runs for name in CATEGORIES)
print(json.dumps({"benchmark": "lighthouse", "target": target, "passed": passed, "runs": runs}, separators=(",", ":")))
sys.exit(0 if passed else 1)
PY
