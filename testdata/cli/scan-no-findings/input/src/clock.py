import datetime


def now():
    # datetime.datetime.utcnow() is deprecated
    return datetime.datetime.now(datetime.timezone.utc)
