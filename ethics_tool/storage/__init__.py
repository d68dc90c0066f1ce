"""Persistence: SQLAlchemy models, the database file, migrations and repository queries."""
