"""
A throwaway PostgreSQL cluster for fault injection: initdb'd under a
temporary directory, on a free loopback port, run as the ``postgres`` user
(``runuser`` when the tests run as root), and frozen, thawed, stopped and
started at will. Never the machine's shared cluster.
"""

import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.production.servers import free_port


def postgres_bin():
    """The newest installed PostgreSQL's bin directory, or None."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[-3])
    )
    return Path(found[-1]).parent if found else None


def missing_reason():
    """Why a cluster cannot be started here, or None."""
    if postgres_bin() is None:
        return "PostgreSQL's initdb is not installed (apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, and there is no postgres user to run the cluster as"
    return None


def children(parent):
    """The pids of the processes whose parent is ``parent``."""
    found = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            # "pid (comm) state ppid ...": comm may hold spaces, so split after the ")".
            fields = Path(stat).read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            found.append(int(stat.split("/")[2]))
    return found


@dataclass
class Cluster:
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="strikewatch-pg-")))
    port: int = field(default_factory=free_port)

    @property
    def data(self):
        return self.root / "data"

    @property
    def url_base(self):
        return f"postgres://postgres@127.0.0.1:{self.port}"

    def _run(self, *args, check=True):
        command = [str(postgres_bin() / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def init(self):
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            os.chown(self.root, account.pw_uid, account.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")
        return self

    def start(self):
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-o", options, "-w",
            "start",
        )  # fmt: skip
        return self

    def stop(self):
        """A clean, fast shutdown (``pg_ctl stop -m fast``): what a restart or failover does."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def create_database(self, name):
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return f"{self.url_base}/{name}"

    def processes(self):
        """The postmaster and every process it started."""
        postmaster = self.postmaster()
        return [postmaster, *children(postmaster)]

    def postmaster(self):
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def freeze(self):
        """
        SIGSTOP every process of the cluster: the postmaster first, so that it
        forks no more, then its children until no new one shows (a backend
        forked just before the postmaster stopped would otherwise serve on).
        """
        postmaster = self.postmaster()
        os.kill(postmaster, signal.SIGSTOP)
        stopped = set()
        while pending := set(children(postmaster)) - stopped:
            for pid in pending:
                os.kill(pid, signal.SIGSTOP)
            stopped |= pending

    def thaw(self):
        for pid in reversed(self.processes()):
            os.kill(pid, signal.SIGCONT)

    def destroy(self):
        if (self.data / "postmaster.pid").exists():
            self.thaw()
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        for _ in range(50):
            if not (self.data / "postmaster.pid").exists():
                break
            time.sleep(0.1)
        shutil.rmtree(self.root, ignore_errors=True)
