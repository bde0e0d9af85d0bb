"""SQLite storage for invoices, configured from billing.ini."""
import configparser
import imp
import inspect
import logging
import pkgutil
import sqlite3
import warnings

from billing import models

logger = logging.getLogger(__name__)


def load_config(path="billing.ini"):
    parser = configparser.SafeConfigParser()
    with open(path) as handle:
        parser.readfp(handle)
    return parser


def reload_models():
    # Used by the admin console after a hot patch.
    imp.reload(models)


def has_postgres_driver():
    return pkgutil.find_loader("psycopg2") is not None


class Alerts(object):
    """Sends operator alerts; its warn() is ours, not logging's."""

    def warn(self, text):
        print("ALERT:", text)


class InvoiceStore(object):
    def __init__(self, path, hooks=()):
        self.conn = sqlite3.connect(path)
        self.conn.text_factory = sqlite3.OptimizedUnicode
        self.alerts = Alerts()
        self._log = logging.getLogger("billing.storage")
        self.hooks = []
        for hook in hooks:
            spec = inspect.getargspec(hook)
            if len(spec.args) != 1:
                self._log.warn("hook %s takes %d arguments, expected 1", hook, len(spec.args))
                continue
            self.hooks.append(hook)

    def save(self, invoice):
        if not invoice.items:
            logger.warn("saving empty invoice %s", invoice.number)
            self.alerts.warn("empty invoice %s" % invoice.number)
        self.conn.execute(
            "INSERT OR REPLACE INTO invoices (number, customer, issued_at) VALUES (?, ?, ?)",
            (invoice.number, str(invoice.customer), invoice.issued_at.isoformat()),
        )
        for hook in self.hooks:
            hook(invoice)

    def legacy_export(self, path):
        warnings.warn("legacy_export() is deprecated, use export()", DeprecationWarning)
        logging.warn("legacy export to %s", path)
        with open(path, "w") as out:
            for row in self.conn.execute("SELECT number, customer FROM invoices"):
                out.write("%s;%s\n" % row)
