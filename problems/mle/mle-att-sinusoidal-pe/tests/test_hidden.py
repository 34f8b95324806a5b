import math

import numpy as np

from grader.checklib import assert_array, assert_raises, assert_scalar, covers, kernel_function


def _pe(T, d):
    """The encoding written out independently of the reference (trusted side), one column at a time."""
    pos = np.arange(T, dtype=np.float64)
    cols = []
    for j in range(d):
        arg = pos / 10000.0 ** ((j - j % 2) / d)
        cols.append(np.sin(arg) if j % 2 == 0 else np.cos(arg))
    return np.stack(cols, axis=1)


@covers("formula", "interleaved", "dtype", "shape")
def test_worked_example(learner, reference):
    """The worked example from the statement (T = 4, d = 4)."""
    assert_array(learner.sinusoidal_pe(4, 4), reference.sinusoidal_pe(4, 4))


@covers("sizes-raise")
def test_invalid_sizes_raise(learner):
    """T < 1 or d < 1 (zero or negative, either one) raises ValueError; T = d = 1 is valid."""
    for T, d in ((0, 4), (5, 0), (-2, 4), (3, -3), (0, 0)):
        with assert_raises(ValueError, f"sinusoidal_pe({T}, {d})"):
            learner.sinusoidal_pe(T, d)
    assert_array(learner.sinusoidal_pe(1, 1), np.zeros((1, 1)), what="sinusoidal_pe(1, 1)")


@covers("formula", "interleaved", "dtype", "shape")
def test_matches_reference(learner, reference):
    """T=50, d=16 and T=20, d=6: float64 arrays of shape (T, d) with the right values."""
    assert_array(learner.sinusoidal_pe(50, 16), reference.sinusoidal_pe(50, 16))
    assert_array(learner.sinusoidal_pe(20, 6), _pe(20, 6), what="encoding for T=20, d=6")


@covers("interleaved")
def test_row_zero_alternates(learner):
    """Row 0 alternates 0 and 1 for d = 8 and for odd d = 7."""
    assert_array(learner.sinusoidal_pe(3, 8)[0], np.array([0.0, 1.0] * 4), what="PE[0] for d=8")
    assert_array(learner.sinusoidal_pe(3, 7)[0], np.array([0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]), what="PE[0] for d=7")


@covers("formula", "interleaved")
def test_spot_values(learner):
    """Hand-computed entries for d = 8 at positions 1 to 1000."""
    pe = learner.sinusoidal_pe(1001, 8)
    spots = [((1, 0), math.sin(1.0)), ((1, 1), math.cos(1.0)), ((10, 4), math.sin(0.1)),
             ((100, 5), math.cos(1.0)), ((1000, 6), math.sin(1.0)), ((1000, 7), math.cos(1.0)),
             ((7, 3), math.cos(0.7)), ((500, 2), math.sin(50.0))]
    for (p, j), value in spots:
        assert_scalar(pe[p, j], value, what=f"PE[{p}, {j}]")


@covers("interleaved")
def test_pairs_share_one_argument(learner):
    """Each sine and its cosine partner share one argument: every row of an even-width encoding has squared norm d/2."""
    pe = learner.sinusoidal_pe(40, 10)
    assert_array((pe ** 2).sum(axis=1), np.full(40, 5.0), what="squared row norms")


@covers("odd-width", "shape")
def test_odd_width(learner):
    """Odd widths d = 7, 5 and 3: shape (T, d), the last column a sine by the same rule as the others."""
    for T, d in ((30, 7), (25, 5), (12, 3)):
        pe = learner.sinusoidal_pe(T, d)
        assert_array(pe, _pe(T, d), what=f"encoding for d={d}")


@covers("odd-width", "shape")
def test_width_one(learner):
    """d = 1 gives a single column sin(pos)."""
    assert_array(learner.sinusoidal_pe(6, 1), np.sin(np.arange(6.0))[:, None])


@covers("precision", "formula")
def test_long_and_wide(learner, reference):
    """Long, wide encodings (T=512, d=64 and T=2000, d=33) match the reference within the stated tolerance."""
    assert_array(learner.sinusoidal_pe(512, 64), reference.sinusoidal_pe(512, 64))
    assert_array(learner.sinusoidal_pe(2000, 33), _pe(2000, 33), what="encoding for T=2000, d=33")


@covers("new-array")
def test_each_call_returns_a_new_array(learner):
    """Two calls with the same sizes return two separate arrays (changing one leaves the next call's result intact)."""
    module = learner.invoke("importlib.import_module", "__main__")
    fn = learner.invoke("builtins.getattr", module, "sinusoidal_pe")
    shared = kernel_function(learner, "lambda f: bool(np.shares_memory(f(5, 4), f(5, 4)))")
    assert shared(fn) is False, "two calls returned the same array (or views of one): return a new array every call"
