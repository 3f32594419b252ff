"""
Runs the Nu HTML Checker once over a set of saved pages (starting the JVM is
the slow part, so never once per page) and sorts its messages by file.
"""

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse


@dataclass(frozen=True)
class Message:
    kind: str  # "error", "warning", "info" or "non-document-error"
    text: str
    line: int | None = None
    column: int | None = None
    extract: str = ""

    @property
    def is_error(self):
        return self.kind in {"error", "non-document-error"}

    def __str__(self):
        where = f"line {self.line}, column {self.column}: " if self.line else ""
        extract = " ".join(self.extract.split())
        return f"{self.kind}: {where}{self.text}" + (f"  [{extract[:160]}]" if extract else "")


def _kind(raw):
    if raw.get("type") == "info" and raw.get("subType") == "warning":
        return "warning"
    if raw.get("type") == "error" and raw.get("subType") == "fatal":
        return "error"
    return raw.get("type", "error")


def check_html_files(command, paths, timeout=300):
    """``{path: [Message, ...]}`` for each file in ``paths``, all checked in one run of vnu."""
    paths = [Path(path).resolve() for path in paths]
    completed = subprocess.run(
        [*command, "--format", "json", "--stdout", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(
            f"the Nu HTML Checker gave no JSON report (exit {completed.returncode}): "
            f"{(completed.stderr or completed.stdout).strip()[:1000]}"
        ) from exc
    by_file = {path: [] for path in paths}
    for raw in report.get("messages", []):
        path = Path(unquote(urlparse(raw.get("url", "")).path)).resolve()
        message = Message(
            kind=_kind(raw),
            text=raw.get("message", ""),
            line=raw.get("lastLine"),
            column=raw.get("firstColumn"),
            extract=raw.get("extract", ""),
        )
        # A message about no particular file (a checker failure) counts against every file.
        for target in [path] if path in by_file else paths:
            by_file[target].append(message)
    return by_file
