"""
Django's PostgreSQL backend, refusing to open a connection while
``strikewatch.database_faults`` knows the database is down.

Why: a request whose connection the watchdog cut would otherwise reconnect at
once (Django's health check does so silently) and wait out
``connect_timeout`` on a server that does not answer, doubling the time to
its 503. Refused here, it gets ``OperationalError`` at once. Only the outage's
own probe may connect, and outside a web process no outage ever begins, so
management commands connect as usual.
"""

from django.db.backends.postgresql import base
from psycopg import OperationalError

from strikewatch.database_faults import outage


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        if outage.refuses_connections():
            raise OperationalError("the database is unavailable; not connecting until it answers")
        return super().get_new_connection(conn_params)
