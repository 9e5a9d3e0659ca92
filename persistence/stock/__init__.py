"""Storage for stock and the catalog: repositories, read queries, documents, held forms, demand."""
