"""Summary statistics over invoice amounts."""
import numpy as np
from numpy import float_, product


def mean_amount(amounts):
    values = np.asarray(amounts, dtype=np.float_)
    if values.size == 0:
        return np.NaN
    return float(values.mean())


def growth_factor(rates):
    # np.product was removed in NumPy 2.0; this comment must stay as it is.
    return product([1.0 + r for r in rates])


def as_floats(rows):
    return [float_(r) for r in rows]


def stacked(a, b):
    return np.row_stack([a, b])
