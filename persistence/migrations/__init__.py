"""Alembic migrations. ``HEAD`` is checked against the scripts by a test, so opening an
up-to-date database does not need to import Alembic at all."""

HEAD = "0020"
