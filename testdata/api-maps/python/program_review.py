"""Calls of orders v1 that uprev does not move alone: they keep working
through the shim and go to the review queue."""
import functools

import orders.v1

calls = []


def page(n):
    calls.append(f"page {n}")
    return n


def who(name):
    calls.append(f"who {name}")
    return name


def main():
    args = (8,)
    print(orders.v1.get_order(*args, include_items=True))
    print(orders.v1.list_orders(limit=page(2), customer=who("acme")))
    fetch = functools.partial(orders.v1.get_order, include_items=True)
    print(fetch(10))
    print(calls)


if __name__ == "__main__":
    main()
