"""
WSGI entry point used by gunicorn (see strikewatch/gunicorn.conf.py).

Only web requests come through here, so this is where their database bounds
are set (management commands keep none): PostgreSQL ends any statement
running past ``DB_STATEMENT_TIMEOUT``, and ``strikewatch.db_watchdog`` cuts a
request's connection a second later if the server does not answer at all.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from strikewatch.db_watchdog import bounded

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strikewatch.settings")
_statement_timeout = settings.STRIKEWATCH_DB_STATEMENT_TIMEOUT
if _statement_timeout:
    # Set before any connection opens: every connection of this process carries it.
    for database in settings.DATABASES.values():
        options = database.setdefault("OPTIONS", {})
        setting = f"-c statement_timeout={int(_statement_timeout * 1000)}"
        options["options"] = f"{options.get('options', '')} {setting}".strip()

application = bounded(get_wsgi_application(), _statement_timeout and _statement_timeout + 1)
