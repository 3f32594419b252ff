"""
Real servers for the production tests: gunicorn with the project's own
configuration file, Redis on a loopback port, and plain HTTP to talk to them.
"""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
GUNICORN = VENV_BIN / "gunicorn"
GUNICORN_CONF = REPO / "strikewatch" / "gunicorn.conf.py"
SECRET_KEY = "production-tests-only-" + "x" * 50


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Response:
    status: int
    headers: list  # (name, value) pairs as sent, duplicates kept
    body: bytes

    def header(self, name):
        values = self.all(name)
        return values[0] if values else None

    def all(self, name):
        return [value for key, value in self.headers if key.lower() == name.lower()]

    @property
    def text(self):
        return self.body.decode()


def fetch(base_url, path, *, method="GET", headers=None, body=None, timeout=30):
    host, port = base_url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        raw = conn.getresponse()
        return Response(raw.status, raw.getheaders(), raw.read())
    finally:
        conn.close()


def server_env(database_name, **overrides):
    """The environment of a production-like host: real settings, DEBUG off."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "PYTEST", "STRIKEWATCH_", "CACHE_", "SEARCH_", "RATE_LIMIT")
        )
        and key not in ("DATABASE_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "STATIC_ROOT")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="strikewatch.settings",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database_name}",
        DEBUG="0",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WEB_CONCURRENCY="2",
        LOG_LEVEL="WARNING",
        PYTHONDONTWRITEBYTECODE="1",
        # The code comes from this checkout whatever the host's working directory.
        PYTHONPATH=str(REPO),
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def manage(env, *args, cwd=REPO, check=True, timeout=600):
    """Runs manage.py in a subprocess with ``env`` (settings from the environment, as on a host)."""
    result = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


@dataclass
class Gunicorn:
    """One gunicorn master with the project's configuration, in its own working directory."""

    workdir: Path
    env: dict
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self):
        return self.workdir / "gunicorn.log"

    def start(self, wait_for="/healthz", expect_status=None, timeout=30):
        self.workdir.mkdir(parents=True, exist_ok=True)
        env = {
            **self.env,
            "PORT": str(self.port),
            "HOST": "127.0.0.1",
            "GUNICORN_PIDFILE": str(self.workdir / "gunicorn.pid"),
        }
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [str(GUNICORN), "--config", str(GUNICORN_CONF), "strikewatch.wsgi"],
            cwd=self.workdir,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"gunicorn exited with {self.process.returncode}:\n{self.log()}"
                )
            try:
                response = fetch(self.url, wait_for, timeout=5)
            except OSError:
                time.sleep(0.2)
                continue
            if expect_status is None or response.status == expect_status:
                return self
            time.sleep(0.2)
        self.stop()
        raise AssertionError(
            f"gunicorn on {self.url} did not answer {wait_for} in {timeout} s:\n{self.log()}"
        )

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=35)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None


@dataclass
class Redis:
    """A throwaway redis-server on a loopback port: no persistence, gone at the end."""

    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout=15):
        binary = shutil.which("redis-server")
        if binary is None:
            raise FileNotFoundError("redis-server is not installed (apt-get install redis-server)")
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise AssertionError(f"redis-server did not answer on port {self.port}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None
