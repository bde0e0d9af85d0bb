import datetime


def age(born):
    return datetime.datetime.utcnow() - born
