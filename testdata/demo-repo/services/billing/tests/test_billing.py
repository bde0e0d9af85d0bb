import decimal
import unittest

from billing.models import Invoice, LineItem
from billing.storage import InvoiceStore


def make_invoice(*prices):
    items = [LineItem("SKU-%d" % i, 1, decimal.Decimal(p)) for i, p in enumerate(prices)]
    return Invoice("INV-000042", "ACME", items)


class InvoiceTest(unittest.TestCase):
    def test_total(self):
        invoice = make_invoice("10.00", "2.50")
        self.assertEquals(invoice.total, decimal.Decimal("12.50"))
        self.assertNotEquals(invoice.total, 0)

    def test_number_format(self):
        invoice = make_invoice("1.00")
        self.assertRegexpMatches(invoice.number, r"^INV-[0-9]{6}$")

    def test_payment(self):
        invoice = make_invoice("1.00")
        self.failIf(invoice.is_paid())
        invoice.mark_paid()
        self.assert_(invoice.is_paid())
        self.failUnless(invoice.paid_at >= invoice.issued_at)

    def test_rounding(self):
        item = LineItem("SKU-1", 3, decimal.Decimal("0.333"))
        self.assertAlmostEquals(float(item.amount), 1.0, places=2)

    def test_bad_row(self):
        with self.assertRaisesRegexp(TypeError, "expected a mapping"):
            Invoice.from_row(["not", "a", "mapping"])
        self.failUnlessRaises(KeyError, Invoice.from_row, {})

    def test_meta(self):
        invoice = make_invoice("1.00")
        invoice.meta["channel"] = "web"
        self.assertDictContainsSubset({"channel": "web"}, dict(invoice.meta))


class StoreTest(unittest.TestCase):
    def test_save_round_trip(self):
        store = InvoiceStore(":memory:")
        store.conn.execute("CREATE TABLE invoices (number, customer, issued_at)")
        store.save(make_invoice("5.00"))
        rows = list(store.conn.execute("SELECT number FROM invoices"))
        # Written with assertEqual from the start: nothing to modernise here.
        self.assertEqual(rows, [("INV-000042",)])
        self.assertTrue("assertEquals" not in repr(rows))


def suite():
    return unittest.makeSuite(InvoiceTest)


if __name__ == "__main__":
    unittest.main()
