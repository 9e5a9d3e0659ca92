"""Receivables and payables (往来账) and the period close (月结): see docs/ACCOUNTS.md for the model."""
