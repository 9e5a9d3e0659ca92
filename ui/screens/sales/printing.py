"""Printing from the sales screens (filled in with the print values once the printing work is merged)."""
