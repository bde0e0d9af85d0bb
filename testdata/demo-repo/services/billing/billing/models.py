"""Invoice and line-item models."""
import collections
import datetime
import decimal
import locale
import typing
from collections import OrderedDict, Sequence

CENTS = decimal.Decimal("0.01")


class LineItem(object):
    def __init__(self, sku: typing.Text, quantity: int, unit_price: decimal.Decimal):
        self.sku = sku
        self.quantity = quantity
        self.unit_price = unit_price

    @property
    def amount(self) -> decimal.Decimal:
        return (self.unit_price * self.quantity).quantize(CENTS)


class Invoice(object):
    def __init__(self, number: typing.Text, customer: typing.Hashable, items=(), issued_at=None):
        self.number = number
        self.customer = customer
        self.items = list(items)
        # Naive UTC, as datetime.datetime.utcnow() returns it: is_overdue() relies on that.
        self.issued_at = issued_at or datetime.datetime.utcnow()
        self.paid_at = None
        self.meta = OrderedDict()

    @classmethod
    def from_row(cls, row):
        if not isinstance(row, collections.Mapping):
            raise TypeError("expected a mapping, got %r" % (row,))
        invoice = cls(row["number"], row["customer"])
        invoice.issued_at = datetime.datetime.utcfromtimestamp(row["issued_ts"])
        if isinstance(row.get("items"), Sequence):
            invoice.items = [LineItem(**item) for item in row["items"]]
        return invoice

    @property
    def total(self) -> decimal.Decimal:
        return sum((item.amount for item in self.items), decimal.Decimal("0.00"))

    def is_paid(self) -> bool:
        return self.paid_at is not None

    def is_overdue(self, utcnow=None, days=30) -> bool:
        # `utcnow` is a parameter here, not the deprecated classmethod.
        now = utcnow or datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
        return not self.is_paid() and (now - self.issued_at).days > days

    def mark_paid(self):
        self.paid_at = datetime.datetime.utcnow()

    def display_total(self) -> str:
        language, _encoding = locale.getdefaultlocale()
        amount = locale.format("%.2f", self.total, grouping=True)
        return "%s %s" % (amount, "EUR" if language and language.startswith("de") else "USD")
