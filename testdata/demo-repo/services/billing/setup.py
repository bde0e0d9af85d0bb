"""Packaging for the billing service."""
from distutils.core import setup

setup(
    name="billing",
    version="1.4.2",
    description="Invoices, their storage and the nightly dunning run",
    packages=["billing"],
)
