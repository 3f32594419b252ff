"""WSGI entry point used by gunicorn (see strikewatch/gunicorn.conf.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strikewatch.settings")

application = get_wsgi_application()
