"""
Progress bars for long management commands (imports, index rebuilds): a
``tqdm`` bar with the rate and the time left, drawn on the command's stderr
only when that is a terminal, so logs, cron mail, pipes and tests get none.

Takes a command's ``stderr`` (Django's ``OutputWrapper``), an iterable and
its length; gives the iterable back, items unchanged.
"""

from tqdm import tqdm


class _Unended:
    """A command's stderr as tqdm writes to it: no line ending added to each redraw."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        self.stream.write(text, ending="")

    def flush(self):
        self.stream.flush()


def is_terminal(stream):
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed
        return False


def progress(iterable, *, total, stream, unit):
    """``iterable`` with a progress bar on ``stream`` when it is a terminal."""
    if not is_terminal(stream):
        return iterable
    return tqdm(
        iterable,
        total=total,
        file=_Unended(stream),
        unit=f" {unit}",
        unit_scale=False,
        dynamic_ncols=True,
        mininterval=0.5,
        leave=True,
    )
