import numpy as np


def ppv(prevalence, sensitivity, specificity):
    """Return P(condition | positive test): a float for numbers, a float64 array when any input is an array."""
    raise NotImplementedError
