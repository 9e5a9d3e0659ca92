"""Storage for the catalog: products and their barcodes, warehouses, suppliers and their terms, customers, settings."""
