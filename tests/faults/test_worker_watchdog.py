"""The hard limit on one request: the worker exits (to be replaced) only when a request overruns it."""

import threading

from strikewatch.worker_watchdog import EXIT_CODE, WorkerWatchdog


class Log:
    def __init__(self):
        self.lines = []

    def critical(self, message, *args):
        self.lines.append(message % args)


def test_a_request_past_the_limit_ends_the_worker():
    exited = threading.Event()
    codes = []
    log = Log()

    def exit(code):
        codes.append(code)
        exited.set()

    watchdog = WorkerWatchdog(0.2, log, interval=0.05, exit=exit).start()
    watchdog.request_started()
    assert exited.wait(5)
    assert codes == [EXIT_CODE]
    assert "exiting to be replaced" in log.lines[0]


def test_requests_that_finish_in_time_are_left_alone():
    watchdog = WorkerWatchdog(10, Log())
    watchdog.request_started()
    assert watchdog.overrun() is None
    watchdog.request_finished()
    assert watchdog.overrun(now=10**9) is None


def test_overrun_says_how_long_the_oldest_request_has_run():
    watchdog = WorkerWatchdog(30, Log())
    watchdog._started = {1: 100.0, 2: 120.0}
    assert watchdog.overrun(now=125.0) is None
    assert watchdog.overrun(now=140.0) == 40.0
