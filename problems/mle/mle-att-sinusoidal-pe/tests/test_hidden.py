import math

import numpy as np
import pytest

from grader.checklib import assert_array, assert_scalar


def test_worked_example(learner, reference):
    """The worked example from the statement (T = 4, d = 4)."""
    assert_array(learner.sinusoidal_pe(4, 4), reference.sinusoidal_pe(4, 4))


def test_matches_reference(learner, reference):
    """T=50, d=16: float64 array of shape (50, 16) with the right values."""
    assert_array(learner.sinusoidal_pe(50, 16), reference.sinusoidal_pe(50, 16))


def test_row_zero_alternates(learner):
    """PE[0] alternates 0 and 1 (sin 0, cos 0, ...) for d = 8 and for odd d = 7."""
    assert_array(learner.sinusoidal_pe(3, 8)[0], np.array([0.0, 1.0] * 4), what="PE[0] for d=8")
    assert_array(learner.sinusoidal_pe(3, 7)[0], np.array([0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]), what="PE[0] for d=7")


def test_spot_values(learner):
    """Hand-computed entries for d = 8: PE[1,0]=sin 1, PE[1,1]=cos 1, PE[10,4]=sin 0.1, PE[100,5]=cos 1, PE[1000,6]=sin 1."""
    pe = learner.sinusoidal_pe(1001, 8)
    spots = [((1, 0), math.sin(1.0)), ((1, 1), math.cos(1.0)), ((10, 4), math.sin(0.1)),
             ((100, 5), math.cos(1.0)), ((1000, 6), math.sin(1.0)), ((1000, 7), math.cos(1.0)),
             ((7, 3), math.cos(0.7)), ((500, 2), math.sin(50.0))]
    for (p, j), value in spots:
        assert_scalar(pe[p, j], value, what=f"PE[{p}, {j}]")


def test_odd_width(learner, reference):
    """Odd d = 7: shape (T, 7), and the last column is sin(pos / 10000^(6/7)) without a cos partner."""
    pe = learner.sinusoidal_pe(30, 7)
    assert_array(pe, reference.sinusoidal_pe(30, 7))
    pos = np.arange(30.0)
    assert_array(pe[:, 6], np.sin(pos / 10000.0 ** (6.0 / 7.0)), what="last column for d=7")


def test_width_one(learner):
    """d = 1 gives a single column sin(pos)."""
    assert_array(learner.sinusoidal_pe(6, 1), np.sin(np.arange(6.0))[:, None])


def test_pairs_have_unit_norm(learner):
    """Each sin/cos pair shares one argument, so every row of an even-width encoding has squared norm d/2."""
    pe = learner.sinusoidal_pe(40, 10)
    assert_array((pe ** 2).sum(axis=1), np.full(40, 5.0), what="squared row norms")


def test_long_and_wide(learner, reference):
    """A long, wide encoding (T=512, d=64) matches the reference."""
    assert_array(learner.sinusoidal_pe(512, 64), reference.sinusoidal_pe(512, 64))


def test_invalid_sizes_raise(learner):
    """T < 1 or d < 1 raises ValueError."""
    for T, d in ((0, 4), (5, 0), (-2, 4)):
        with pytest.raises(ValueError):
            learner.sinusoidal_pe(T, d)
