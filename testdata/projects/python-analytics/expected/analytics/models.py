"""Report models."""
import datetime as dt

import numpy


class Window:
    def __init__(self, start=None):
        self.start = start or dt.datetime.now(dt.timezone.utc)

    def width(self, values):
        return numpy.all(values > 0) and numpy.isin(values, [1, 2]).any()


def local_numpy(numpy):
    # A parameter named like the module is not the module.
    return numpy.float_
