"""Storage for access: users."""
