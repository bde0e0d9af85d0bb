"""A program written against orders v1; see ../README.md."""
import orders.v1
from orders import v1
from orders.v1 import Client, get_order, list_orders


def main():
    print(get_order(7))
    print(get_order(8, include_items=True))
    print(get_order(order_id=9, include_items=False))
    print(orders.v1.list_orders("acme"))
    print(v1.list_orders("acme", 2, offset=1))
    print(list_orders(customer="zen", limit=orders.v1.DEFAULT_PAGE_SIZE))
    print(v1.ping())
    print(Client("api.example.com").describe())
    host = "eu.example.com"
    print(Client(host + ":8443", timeout=5).describe())


if __name__ == "__main__":
    main()
