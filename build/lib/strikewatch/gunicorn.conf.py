"""
gunicorn settings for StrikeWatch (`make run` uses this file; so should production):

    gunicorn --config strikewatch/gunicorn.conf.py strikewatch.wsgi

Graceful reload (new code or settings, no dropped requests): send the master
SIGHUP (`kill -HUP $(cat "$GUNICORN_PIDFILE")`, or systemd's
`ExecReload=/bin/kill -s HUP $MAINPID`). It starts new workers with the new
code, then lets the old ones finish their requests (up to `graceful_timeout`).
That is why the app is not preloaded into the master.
"""

import os

import gunicorn.http.wsgi
import gunicorn.util

bind = (
    os.environ.get("GUNICORN_BIND")
    or f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)


def _cores():
    """The CPUs this process may run on (a container's share, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# WEB_CONCURRENCY wins; otherwise gunicorn's usual 2 x cores + 1.
workers = int(os.environ.get("WEB_CONCURRENCY") or _cores() * 2 + 1)
# Threads let a worker keep idle keep-alive connections without blocking; 1
# thread gives plain pre-forked workers (best behind a buffering proxy).
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread" if threads > 1 else "sync"

# A request taking longer than this is killed (its worker restarted); pages
# take milliseconds, so this only catches a stuck database or index. gunicorn
# itself only sees a sync worker stuck; the hooks below see thread workers too.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGHUP/SIGTERM, workers get this long to finish what they are serving.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then so that a slow leak never adds up. Rarely: a
# fresh worker starts with a cold page cache, and at a few thousand requests a
# second a low limit (say 5,000) restarts every worker every few seconds,
# which the load test saw as p99 latency ten times the median.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
preload_app = False

# Access log on stdout with the time each request took (microseconds, %(D)s).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus "%(f)s" "%(a)s"'
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
proc_name = os.environ.get("GUNICORN_PROC_NAME", "strikewatch")
pidfile = os.environ.get("GUNICORN_PIDFILE") or None

# Several instances may run on one machine (see the README's "Several web
# hosts"): the control socket is opt-in, at a path of the operator's choosing.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket

# Trust X-Forwarded-Proto and friends only from the reverse proxy.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Hard limits on what a client may send before Django sees it.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# gunicorn writes "Server: gunicorn" itself, below the WSGI application, so no
# middleware can remove it; naming the site instead says nothing about the
# software serving it (tests/production/test_gunicorn.py checks a real server).
gunicorn.http.wsgi.SERVER = "StrikeWatch"


def write_error(sock, status_int, reason, mesg):
    """
    gunicorn's own answers to requests it refuses before Django sees them
    (a malformed request line, one too long): with the headers every other
    response carries, and plain text that does not echo the request back.
    """
    body = f"{status_int} {reason}\n".encode("latin-1")
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\n"
        "Connection: close\r\n"
        f"Server: {gunicorn.http.wsgi.SERVER}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        "X-Frame-Options: DENY\r\n"
        "Referrer-Policy: same-origin\r\n"
        "Cross-Origin-Opener-Policy: same-origin\r\n"
        "\r\n"
    )
    gunicorn.util.write_nonblock(sock, head.encode("latin-1") + body)


gunicorn.util.write_error = write_error


# The hard limit on one request, for every worker class (strikewatch/worker_watchdog.py).
def post_worker_init(worker):
    from strikewatch.worker_watchdog import WorkerWatchdog

    worker.strikewatch_watchdog = WorkerWatchdog(timeout, worker.log).start()


def pre_request(worker, req):
    worker.strikewatch_watchdog.request_started()


def post_request(worker, req, environ, resp):
    worker.strikewatch_watchdog.request_finished()
