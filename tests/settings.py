"""Settings for the test suite: the real ones, with what tests must not share with a live site."""

import tempfile
from pathlib import Path

from strikewatch.settings import *  # noqa: F403

# Never touch the live index; each search test builds its own in a temporary directory.
STRIKEWATCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="strikewatch-test-index-"))

# Serve static files from the source folders: no collectstatic needed to render pages.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    # Per process here; tests/production/test_shared_limits.py runs hosts on the real table.
    "counts": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "counts"},
}

# Fetched pages go to a temporary archive, never the live one.
STRIKEWATCH_ARCHIVE_DIR = Path(tempfile.mkdtemp(prefix="strikewatch-test-archive-"))
