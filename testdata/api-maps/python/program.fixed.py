"""A program written against orders v1; see ../README.md."""
import orders.v2
from orders.v2 import OrdersClient, fetch_order, search_orders


def main():
    print(fetch_order(7).order)
    print(fetch_order(8, items=True).order)
    print(fetch_order(9, items=False).order)
    print(orders.v2.search_orders("acme"))
    print(orders.v2.search_orders("acme", page_size=2, start=1))
    print(search_orders("zen", page_size=orders.v2.PAGE_SIZE))
    print(orders.v2.health_check())
    print(OrdersClient("https://" + "api.example.com", timeout_s=float(30)).describe())
    host = "eu.example.com"
    print(OrdersClient("https://" + (host + ":8443"), timeout_s=float(5)).describe())


if __name__ == "__main__":
    main()
