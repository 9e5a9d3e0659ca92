"""The reports' reads: one grouped query per figure, none per product (``queries``)."""
