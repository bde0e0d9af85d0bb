"""The orders client: v1 is in orders.v1."""
