import datetime


def age(born):
    return datetime.datetime.now(datetime.timezone.utc) - born
