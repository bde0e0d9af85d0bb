"""Summary statistics over invoice amounts."""
import numpy as np


def mean_amount(amounts):
    values = np.asarray(amounts, dtype=np.float64)
    if values.size == 0:
        return np.nan
    return float(values.mean())


def growth_factor(rates):
    # np.product was removed in NumPy 2.0; this comment must stay as it is.
    return np.prod([1.0 + r for r in rates])


def as_floats(rows):
    return [np.float64(r) for r in rows]


def stacked(a, b):
    return np.vstack([a, b])
