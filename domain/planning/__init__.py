"""Planning: forecasting, replenishment, planning runs and their cache, the replay simulation."""
