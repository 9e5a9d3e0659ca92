"""The business rules of Stockroom, one package per business area (kernel, catalog, stock, purchasing, planning,
access, imports, demo; docs/ARCHITECTURE.md): no Qt, no SQLAlchemy."""
