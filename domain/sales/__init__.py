"""Sales: prices, sales orders, shipments with prices and margins, returns."""
