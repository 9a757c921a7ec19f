"""The knowledge base: SQLAlchemy models, writes (`repository`), reads (`queries`), migrations."""
