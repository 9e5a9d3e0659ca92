"""Storage for stock: the ledger's repositories, read queries, documents, held forms, demand."""
