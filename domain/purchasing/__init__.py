"""Purchasing: purchase orders, supplier terms, exchange rates."""
