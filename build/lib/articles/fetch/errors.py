class FetchError(Exception):
    """A page that could not be fetched; the message says why, for the editor who asked."""


class FetchRefused(FetchError):
    """A page the archive will not fetch on principle (address, scheme, size, type, robots.txt)."""
