"""Database layer: typed SQLAlchemy models, engine set-up and migrations."""
