"""orders v2: results come wrapped with their ETag, options are keywords."""

from dataclasses import dataclass

PAGE_SIZE = 20

_ORDERS = {
    7: {"id": 7, "customer": "acme", "items": ["bolt", "nut"]},
    8: {"id": 8, "customer": "acme", "items": ["gear"]},
    9: {"id": 9, "customer": "zen", "items": []},
    10: {"id": 10, "customer": "acme", "items": ["cog", "cam", "pin"]},
}


@dataclass
class OrderResponse:
    order: dict
    etag: str


def fetch_order(order_id, *, items=False):
    order = dict(_ORDERS[order_id])
    if not items:
        order.pop("items")
    return OrderResponse(order, f'"{order_id}-v2"')


def search_orders(customer, *, page_size=PAGE_SIZE, start=0):
    ids = sorted(i for i, o in _ORDERS.items() if o["customer"] == customer)
    return ids[start:start + page_size]


def health_check():
    return "pong"


class OrdersClient:
    def __init__(self, base_url, *, timeout_s=30.0):
        self.url = base_url
        self.timeout = timeout_s

    def describe(self):
        return f"{self.url} ({self.timeout:g}s)"
