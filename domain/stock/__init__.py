"""Stock: the ledger, valuation, documents, counts, held forms, unfilled demand."""
