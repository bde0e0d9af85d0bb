"""Report models."""
import datetime as dt

import numpy


class Window:
    def __init__(self, start=None):
        self.start = start or dt.datetime.utcnow()

    def width(self, values):
        return numpy.alltrue(values > 0) and numpy.in1d(values, [1, 2]).any()


def local_numpy(numpy):
    # A parameter named like the module is not the module.
    return numpy.float_
