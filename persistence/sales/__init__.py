"""Storage for sales: list prices, customer terms and prices, substitutes."""
