"""Table models for the screens: rows are immutable DTOs from the query functions."""
