import datetime

started = datetime.datetime.now(datetime.timezone.utc)
