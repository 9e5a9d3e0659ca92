"""The catalog: products, warehouses, suppliers, customers, the company and pack sizes."""
