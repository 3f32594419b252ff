"""Create the database a DATABASE_URL names if it does not exist (--probe: only check the server answers)."""

import sys
from urllib.parse import unquote

import environ
import psycopg
from psycopg import sql


def connect_kwargs(url, dbname):
    config = environ.Env.db_url_config(url)
    return {
        "host": unquote(config.get("HOST") or "") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "dbname": dbname,
        "connect_timeout": 3,
    }


def main(argv):
    probe = "--probe" in argv
    url = [a for a in argv if a != "--probe"][0]
    name = environ.Env.db_url_config(url)["NAME"]
    try:
        with psycopg.connect(**connect_kwargs(url, "postgres"), autocommit=True) as conn:
            if probe:
                return 0
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                print(f"Created database {name}.", file=sys.stderr)
    except psycopg.OperationalError as exc:
        if not probe:
            print(f"error: cannot reach PostgreSQL for {name}: {exc}".strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
