from __future__ import annotations

from alembic import context

from persistence.tables import metadata

config = context.config
connection = config.attributes.get("connection")


def run() -> None:
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as conn:
            _run_on(conn)
    else:
        _run_on(connection)


def _run_on(conn) -> None:
    context.configure(connection=conn, target_metadata=metadata, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run()
