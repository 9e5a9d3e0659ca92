"""Storage for purchasing: purchase orders, supplier terms, exchange rates."""
