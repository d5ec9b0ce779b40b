"""Helpers for tests that run the portal in other processes against the test database."""

from django.db import connection


def postgres_url(name: str | None = None) -> str:
    """A DATABASE_URL for the test database (or another database `name` on the same server)."""
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{db['PORT'] or 5432}/{name or db['NAME']}"
