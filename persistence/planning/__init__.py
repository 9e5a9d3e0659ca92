"""Storage for planning: the history reader, the forecast cache, product planning settings."""
