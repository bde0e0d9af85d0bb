"""The orders client: v2 is in orders.v2 (orders.v1 is its compatibility shim)."""
