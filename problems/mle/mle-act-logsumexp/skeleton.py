import numpy as np


def logsumexp(a: np.ndarray, axis=None):
    """log(sum(exp(a))) along `axis` (over all entries when axis is None).

    Numerically stable: no warnings for magnitudes up to 1e4 or for -inf entries;
    an all -inf slice gives -inf. Returns a float64 number for axis=None, otherwise a
    float64 array with `axis` removed. The input is not modified.
    """
    raise NotImplementedError
