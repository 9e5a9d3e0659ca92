"""The shared kernel: ids, numbers, errors and refusals, currencies, limits, validation, the unit of work."""
