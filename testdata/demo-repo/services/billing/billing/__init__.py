"""Billing service: invoices, their storage and the nightly dunning run."""
import logging

from billing.models import Invoice, LineItem

__all__ = ["Invoice", "LineItem"]
__version__ = "1.4.2"

logging.getLogger(__name__).addHandler(logging.NullHandler())
