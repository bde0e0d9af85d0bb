"""Analytics helpers for the billing service."""
