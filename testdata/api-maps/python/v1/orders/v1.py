"""orders v1: the API the example program was written against."""

DEFAULT_PAGE_SIZE = 20

_ORDERS = {
    7: {"id": 7, "customer": "acme", "items": ["bolt", "nut"]},
    8: {"id": 8, "customer": "acme", "items": ["gear"]},
    9: {"id": 9, "customer": "zen", "items": []},
    10: {"id": 10, "customer": "acme", "items": ["cog", "cam", "pin"]},
}


def get_order(order_id, include_items=False):
    order = dict(_ORDERS[order_id])
    if not include_items:
        order.pop("items")
    return order


def list_orders(customer, limit=DEFAULT_PAGE_SIZE, offset=0):
    ids = sorted(i for i, o in _ORDERS.items() if o["customer"] == customer)
    return ids[offset:offset + limit]


def ping():
    return "pong"


class Client:
    def __init__(self, host, timeout=30):
        self.url = "https://" + host
        self.timeout = float(timeout)

    def describe(self):
        return f"{self.url} ({self.timeout:g}s)"
