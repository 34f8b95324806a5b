import numpy as np


def ppv(prevalence, sensitivity, specificity):
    """Return P(condition | positive test). Numbers in -> a float out;
    any NumPy array in -> a float64 array of the broadcast shape.
    nan where P(+) = 0; ValueError for values outside [0, 1]."""
    raise NotImplementedError
