class IngestError(ValueError):
    """An input that cannot become an article; the message says why, for the person importing it."""
