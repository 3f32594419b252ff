class IngestError(ValueError):
    """An input that cannot become an article; the message says why, for the person importing it."""


def shown(value, limit=80):
    """A value quoted in a one-line message, cut short if long: 'https://…'."""
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")
