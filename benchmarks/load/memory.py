"""
Memory of a running gunicorn: each process's RSS, PSS and private memory,
read from ``/proc/<pid>/smaps_rollup`` (Linux).

    python benchmarks/load/memory.py MASTER_PID   ->  a table, then one JSON line

RSS counts every page a process has in memory, shared ones included (a
memory-mapped index file the workers share counts in full in each); PSS
divides each shared page among the processes sharing it, so the PSS of all
processes adds up to what they really use together; private is what only
this process holds (what a new worker adds).
"""

import json
import sys
from pathlib import Path

FIELDS = {
    "Rss": "rss",
    "Pss": "pss",
    "Private_Clean": "private",
    "Private_Dirty": "private",
    "Shared_Clean": "shared",
    "Shared_Dirty": "shared",
}
MIB = 1024 * 1024


def rollup(pid):
    """{"rss", "pss", "private", "shared"} in bytes for one process."""
    figures = dict.fromkeys(FIELDS.values(), 0)
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in FIELDS:
            figures[FIELDS[name]] += int(rest.split()[0]) * 1024
    return figures


def children(pid):
    """The pids of a process's children (gunicorn's workers)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found.extend(int(child) for child in text)
    return sorted(found)


def gunicorn_memory(master_pid):
    """{"master": rollup, "workers": {pid: rollup}}."""
    return {
        "master": rollup(master_pid),
        "workers": {pid: rollup(pid) for pid in children(master_pid)},
    }


def print_table(memory, out=sys.stdout):
    """Per process: RSS, PSS, private and shared MiB; then the workers' largest RSS and total PSS."""
    rows = [("master", memory["master"])] + [
        (f"worker {pid}", figures) for pid, figures in memory["workers"].items()
    ]
    print(f"  {'process':<14} {'RSS MiB':>8} {'PSS MiB':>8} {'private':>8} {'shared':>8}", file=out)
    for label, figures in rows:
        print(
            f"  {label:<14} {figures['rss'] / MIB:>8.1f} {figures['pss'] / MIB:>8.1f} "
            f"{figures['private'] / MIB:>8.1f} {figures['shared'] / MIB:>8.1f}",
            file=out,
        )
    workers = list(memory["workers"].values())
    if workers:
        total_pss = sum(f["pss"] for f in workers) + memory["master"]["pss"]
        print(
            f"  largest worker RSS {max(f['rss'] for f in workers) / MIB:.1f} MiB, "
            f"PSS {max(f['pss'] for f in workers) / MIB:.1f} MiB; "
            f"all processes together (PSS) {total_pss / MIB:.1f} MiB",
            file=out,
        )


def summary(memory):
    """The figures a benchmark's JSON line carries (MiB, one decimal)."""
    workers = list(memory["workers"].values())

    def mib(value):
        return round(value / MIB, 1)

    return {
        "workers": len(workers),
        "worker_rss_mib": [mib(f["rss"]) for f in workers],
        "worker_pss_mib": [mib(f["pss"]) for f in workers],
        "worker_private_mib": [mib(f["private"]) for f in workers],
        "master_rss_mib": mib(memory["master"]["rss"]),
        "total_pss_mib": mib(sum(f["pss"] for f in workers) + memory["master"]["pss"]),
    }


def main(argv):
    memory = gunicorn_memory(int(argv[0]))
    print_table(memory)
    print(json.dumps(summary(memory)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
