"""Django's PostgreSQL backend, which opens no connection during a database outage (see ``base``)."""
