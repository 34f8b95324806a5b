import math

import numpy as np

from grader.checklib import assert_array, assert_raises, assert_scalar, covers


def _oracle(p, se, sp):
    p, se, sp = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for v in (p, se, sp)))
    tp = se * p
    pos = tp + (1 - sp) * (1 - p)
    out = np.full(p.shape, np.nan)
    ok = pos > 0
    out[ok] = tp[ok] / pos[ok]
    return out


def _number(v, what="result"):
    assert type(v) in (float, np.float64), f"{what} should be a float for number inputs, got {type(v).__name__}"
    return float(v)


@covers("bayes", "scalar-float")
def test_worked_example(learner):
    """ppv(0.01, 0.90, 0.95) is about 0.1538."""
    assert_scalar(_number(learner.ppv(0.01, 0.90, 0.95)), 0.009 / 0.0585, what="ppv(0.01, 0.90, 0.95)")


@covers("bayes", "scalar-float")
def test_scalars_give_a_float(learner):
    """Three numbers give a single float, not an array, for several settings (Python numbers and NumPy scalars
    of several dtypes, also when no argument is a Python float)."""
    for args in [(0.2, 0.7, 0.8), (0.001, 0.99, 0.999), (0.5, 0.5, 0.5), (np.float64(0.3), 0.6, 0.9),
                 (np.float32(0.3), np.float32(0.6), np.float32(0.9)), (np.float32(0.25), np.int64(1), np.int8(0)),
                 (np.float16(0.5), np.float32(0.75), np.float64(0.5))]:
        v = _number(learner.ppv(*args), what=f"ppv{tuple(float(a) for a in args)}")
        assert_scalar(v, float(_oracle(*args)), what=f"ppv{tuple(float(a) for a in args)}")


@covers("prevalence-extremes")
def test_prevalence_zero_and_one(learner):
    """Prevalence 0 gives 0 and prevalence 1 gives 1."""
    assert_scalar(_number(learner.ppv(0.0, 0.9, 0.95)), 0.0, what="ppv with prevalence 0")
    assert_scalar(_number(learner.ppv(1.0, 0.9, 0.95)), 1.0, what="ppv with prevalence 1")
    assert_scalar(_number(learner.ppv(1, 0.3, 0.0)), 1.0, what="ppv(1, 0.3, 0.0)")


@covers("bayes")
def test_perfect_specificity_and_zero_sensitivity(learner):
    """Specificity 1 (no false positives) gives 1; sensitivity 0 gives 0."""
    assert_scalar(_number(learner.ppv(0.05, 0.8, 1.0)), 1.0, what="ppv(0.05, 0.8, 1.0)")
    assert_scalar(_number(learner.ppv(0.05, 0.0, 0.9)), 0.0, what="ppv(0.05, 0.0, 0.9)")


@covers("bayes", "prevalence-extremes", "array-float64")
def test_array_prevalence(learner):
    """An array of prevalences with scalar sensitivity and specificity gives a float64 array."""
    p = np.array([0.0, 0.01, 0.1, 0.5, 0.9, 1.0])
    assert_array(learner.ppv(p, 0.9, 0.95), _oracle(p, 0.9, 0.95), what="ppv over prevalences")


@covers("bayes", "broadcast-shape")
def test_array_broadcasting(learner):
    """Arrays of shapes (4, 1), (3,) and a number broadcast to a (4, 3) result."""
    rng = np.random.default_rng(0)
    p = rng.uniform(0, 0.3, size=(4, 1))
    se = np.array([0.6, 0.85, 0.99])
    assert_array(learner.ppv(p, se, 0.97), _oracle(p, se, 0.97), what="ppv for shapes (4, 1), (3,)")
    sp = rng.uniform(0.5, 1.0, size=(2, 1, 5))
    assert_array(learner.ppv(0.2, se[:, None], sp), _oracle(0.2, se[:, None], sp),
                 what="ppv for shapes (), (3, 1), (2, 1, 5)")


@covers("zero-positive-nan")
def test_zero_positive_rate_gives_nan(learner):
    """When P(+) = 0 the value is NaN (no exception), for numbers and inside arrays."""
    v = _number(learner.ppv(0.0, 0.9, 1.0), what="ppv(0.0, 0.9, 1.0)")
    assert math.isnan(v), f"ppv(0.0, 0.9, 1.0) should be nan (nobody tests positive), got {v:.6g}"
    p = np.array([0.0, 0.2, 1.0])
    se = np.array([0.5, 0.5, 0.0])
    assert_array(learner.ppv(p, se, 1.0), np.array([np.nan, 1.0, np.nan]), what="ppv with P(+) = 0 entries")


@covers("range-raises")
def test_out_of_range_raises(learner):
    """A probability below 0 or above 1, in a number or inside an array, raises ValueError."""
    cases = [((1.2, 0.9, 0.9), "prevalence 1.2"), ((0.1, -0.1, 0.9), "sensitivity -0.1"),
             ((0.1, 0.9, np.array([0.9, 1.01])), "a specificity array containing 1.01"),
             ((np.float32(1.5), 0.9, 0.9), "a NumPy float32 prevalence of 1.5"),
             ((0.1, np.int64(2), 0.9), "a NumPy int64 sensitivity of 2"),
             ((0.1, 0.9, np.float64(-1e-9)), "a NumPy float64 specificity of -1e-9"),
             ((np.array([0.2, -0.01]), 0.9, 0.9), "a prevalence array containing -0.01"),
             ((0.2, np.array([[0, 1], [2, 1]]), 0.9), "an integer sensitivity array containing 2"),
             ((0.2, 0.9, np.array([1.0 + 1e-12], dtype=np.float64)), "a specificity array containing 1 + 1e-12")]
    for args, what in cases:
        with assert_raises(ValueError, what):
            learner.ppv(*args)
    assert_scalar(_number(learner.ppv(0, 1, 0)), 0.0, what="ppv(0, 1, 0) (every value on the boundary)")
    assert_array(learner.ppv(np.array([0.0, 1.0]), np.array([1.0, 0.5]), np.array([0.0, 1.0])),
                 np.array([0.0, 1.0]), what="ppv of boundary arrays")


@covers("inputs-unchanged")
def test_inputs_not_modified(learner):
    """Array inputs are left unchanged."""
    p = np.array([0.01, 0.2, 0.5])
    se = np.array([0.9, 0.8, 0.7])
    sp = np.array([0.95, 0.9, 0.6])
    _, after = learner.ppv.call_keep_args(p.copy(), se.copy(), sp.copy())
    for name, a, orig in zip(("prevalence", "sensitivity", "specificity"), after, (p, se, sp)):
        assert_array(a, orig, rtol=0, atol=0, what=f"{name} after the call")


@covers("array-float64")
def test_float32_and_integer_arrays_give_float64(learner):
    """float32 and integer array inputs give a float64 array."""
    p32 = np.array([0.01, 0.3, 0.77], dtype=np.float32)
    se32 = np.array([0.9, 0.6, 0.99], dtype=np.float32)
    assert_array(learner.ppv(p32, se32, np.float32(0.95)), _oracle(p32, se32, np.float32(0.95)), rtol=1e-6,
                 what="ppv of float32 arrays")
    assert_array(learner.ppv(np.array([0, 1]), np.array([1, 1]), np.array([0, 0])), np.array([0.0, 1.0]),
                 what="ppv of integer arrays")
    assert_array(learner.ppv(0.2, np.array([0.5], dtype=np.float32), 0.9), _oracle(0.2, 0.5, 0.9).reshape(1),
                 what="ppv with a one-element float32 array")


@covers("broadcast-shape")
def test_single_element_and_0d_arrays(learner):
    """A (1,) array gives a (1,) array, (1, 1) and (1, 3) shapes are kept, and a 0-d array gives a 0-d array."""
    assert_array(learner.ppv(np.array([0.1]), 0.9, 0.95), _oracle(0.1, 0.9, 0.95).reshape(1),
                 what="ppv with a (1,) prevalence array")
    assert_array(learner.ppv(0.1, 0.9, np.array([[0.95]])), _oracle(0.1, 0.9, 0.95).reshape(1, 1),
                 what="ppv with a (1, 1) specificity array")
    se = np.array([[0.6, 0.7, 0.8]])
    assert_array(learner.ppv(np.array([0.3]), se, 0.9), _oracle(0.3, se, 0.9), what="ppv for shapes (1,), (1, 3)")
    assert_array(learner.ppv(np.array(0.25), 0.8, 0.9), _oracle(0.25, 0.8, 0.9).reshape(()),
                 what="ppv with a 0-d prevalence array")
