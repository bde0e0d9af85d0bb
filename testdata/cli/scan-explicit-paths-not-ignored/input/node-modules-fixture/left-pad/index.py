import datetime

started = datetime.datetime.utcnow()
