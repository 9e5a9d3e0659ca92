"""The business rules of Stockroom: no Qt, no SQLAlchemy."""
