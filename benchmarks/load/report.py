"""
Reads wrk's output for each target and prints the figures with the targets:
no errors; article pages at least 0.6 of the static-file rate; search at
least 200 requests/s and 0.15 of the static-file rate, with p99 at most 100 ms.
``search-nocache`` (the same searches, none served by the page cache) is the
baseline the search figures are quoted against: its ratio is printed too.

    python benchmarks/load/report.py DIR   (DIR holds NAME.wrk files)

Exit status 1 when a target is missed.
"""

import re
import sys
from pathlib import Path

ORDER = ["static", "article", "quote", "person", "search-nocache", "search", "api"]
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse(text):
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}
    for percentile in ("50", "99"):
        match = re.search(rf"^\s+{percentile}%\s+([\d.]+\w+)", text, re.M)
        figures[f"p{percentile}"] = milliseconds(match.group(1))
    figures["requests"] = int(re.search(r"(\d+) requests in", text).group(1))
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    figures["non_2xx"] = int(match.group(1)) if match else 0
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    figures["socket_errors"] = sum(map(int, match.groups())) if match else 0
    return figures


def main(directory):
    results = {}
    for name in ORDER:
        path = Path(directory) / f"{name}.wrk"
        if path.exists():
            results[name] = parse(path.read_text())
    print(
        f"{'target':<14} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'requests':>9} "
        f"{'non-2xx':>8} {'sock err':>8}"
    )
    for name, r in results.items():
        print(
            f"{name:<14} {r['rps']:>9.1f} {r['p50']:>8.2f} {r['p99']:>8.2f} {r['requests']:>9} "
            f"{r['non_2xx']:>8} {r['socket_errors']:>8}"
        )
    print()
    checks = []
    errors = sum(r["non_2xx"] + r["socket_errors"] for r in results.values())
    checks.append(("no errors (non-2xx/3xx responses + socket errors)", f"{errors}", errors == 0))
    if "static" in results and "article" in results:
        ratio = results["article"]["rps"] / results["static"]["rps"]
        checks.append(("article / static-file rate >= 0.6", f"{ratio:.2f}", ratio >= 0.6))
    if "search" in results:
        search = results["search"]
        checks.append(("search >= 200 requests/s", f"{search['rps']:.0f}", search["rps"] >= 200))
        checks.append(("search p99 <= 100 ms", f"{search['p99']:.1f} ms", search["p99"] <= 100))
        if "static" in results:
            ratio = search["rps"] / results["static"]["rps"]
            checks.append(("search / static-file rate >= 0.15", f"{ratio:.2f}", ratio >= 0.15))
    if "static" in results:
        for name in ("search-nocache", "search"):
            if name in results:
                ratio = results[name]["rps"] / results["static"]["rps"]
                print(
                    f"{name} / static-file rate: {ratio:.3f} "
                    f"({results[name]['rps']:.0f} / {results['static']['rps']:.0f} req/s), "
                    f"p99 {results[name]['p99']:.1f} ms"
                )
        print()
    for label, value, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {label}: {value}")
    return 0 if all(ok for _label, _value, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
