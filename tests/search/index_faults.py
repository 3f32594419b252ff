"""
Faults done to a live Whoosh index as an operator or a failing disk would
(a segment overwritten, the table of contents cut, the disk filled),
and a watcher that searches a real server through them: what each answer
was, when the first clean 503 came, when the right answer came back. Used by
the served fault tests and by ``benchmarks/index_faults.py``.
"""

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.production.servers import fetch


def live_generation(index_dir):
    return Path(os.path.realpath(Path(index_dir) / "current"))


def overwrite_largest_segment(index_dir, length=4 << 20):
    """``dd if=/dev/urandom of=<largest .seg> bs=1M count=4 seek=<middle> conv=notrunc``."""
    segment = max(live_generation(index_dir).glob("*.seg"), key=lambda p: p.stat().st_size)
    with open(segment, "r+b") as file:
        file.seek(segment.stat().st_size // 2)
        file.write(os.urandom(length))
    return segment


def truncate_toc(index_dir):
    """Cut the live table of contents to a third of its length."""
    (toc,) = live_generation(index_dir).glob("*.toc")
    os.truncate(toc, toc.stat().st_size // 3)
    return toc


def fill(directory):
    """Take every free byte of the disk; returns the filler file (delete it to free the disk)."""
    filler = directory / "filler"
    block = b"\0" * 65536
    with open(filler, "wb") as file:
        try:
            while True:
                file.write(block)
                file.flush()
        except OSError:
            pass
    for size in (4096, 1):  # the last partial blocks
        try:
            with open(filler, "ab") as file:
                while True:
                    file.write(b"\0" * size)
                    file.flush()
        except OSError:
            pass
    return filler


@dataclass
class Answer:
    at: float  # seconds since the fault
    status: int | None  # None: no answer within the time limit, or the connection failed
    total: int | None = None
    seconds: float = 0.0
    problem: str = ""  # why this answer is wrong, if it is


@dataclass
class Watch:
    """Searches ``query`` on a server again and again; judges each answer."""

    url: str
    expected_total: int
    query: str = "/api/search?q=dockers&type=articles"
    time_limit: float = 5.0
    answers: list = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def ask(self):
        sent = time.monotonic()
        answer = Answer(at=sent - self.started, status=None)
        try:
            response = fetch(self.url, self.query, timeout=self.time_limit)
        except OSError as error:
            answer.problem = f"no answer: {error.__class__.__name__}"
        else:
            answer.status = response.status
            answer.problem = self._judge(response, answer)
        answer.seconds = time.monotonic() - sent
        if answer.seconds > self.time_limit and not answer.problem:
            answer.problem = f"took {answer.seconds:.1f} s"
        self.answers.append(answer)
        return answer

    def _judge(self, response, answer):
        try:
            body = json.loads(response.body)
        except ValueError:
            return f"{response.status} without JSON"
        if response.status == 200:
            answer.total = body.get("total")
            if answer.total != self.expected_total:
                return f"200 with {answer.total} results, not {self.expected_total}"
            return ""
        if response.status == 503:
            if body.get("error") != "index_unavailable" or not response.header("Retry-After"):
                return "503 without the JSON error and Retry-After"
            return ""
        return f"answered {response.status}"

    def until_recovered(self, timeout=40.0, interval=0.05):
        """Ask until a 503 was seen and then the right 200 (or ``timeout``)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            answer = self.ask()
            if answer.status == 200 and not answer.problem and self.first_503 is not None:
                return answer
            time.sleep(interval)
        return None

    @property
    def first_503(self):
        return next((a.at for a in self.answers if a.status == 503 and not a.problem), None)

    @property
    def recovered(self):
        seen_503 = False
        for answer in self.answers:
            seen_503 = seen_503 or answer.status == 503
            if seen_503 and answer.status == 200 and not answer.problem:
                return answer.at
        return None

    @property
    def wrong(self):
        return [a for a in self.answers if a.problem]
