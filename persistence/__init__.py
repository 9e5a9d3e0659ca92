"""SQLAlchemy tables, repositories, unit of work, migrations, backup and queries."""
