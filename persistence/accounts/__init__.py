"""Storage of the accounts area: open items, allocations, supplier invoices, periods (docs/ACCOUNTS.md)."""
