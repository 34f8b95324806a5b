import numpy as np
import pytest

from grader.checklib import assert_array, assert_raises, assert_scalar, finite_difference


def _objective(w, b, X, y, C):
    return 0.5 * float(w @ w) + C * float(np.sum(np.maximum(0.0, 1.0 - y * (X @ w + b))))


def _call(fn, *args, **kw):
    res = fn(*args, **kw)
    assert type(res) is tuple and len(res) == 2, "svm_subgrad should return a tuple (grad_w, grad_b)"
    gw, gb = res
    assert type(gw) is np.ndarray, f"grad_w should be a numpy array, got {type(gw).__name__}"
    assert isinstance(gb, (float, np.floating)), f"grad_b should be a float, got {type(gb).__name__}"
    return gw, float(gb)


def _data(seed, n, d):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = np.where(rng.random(n) < 0.5, -1.0, 1.0)
    return rng.normal(size=d), float(rng.normal()), X, y


def _away_from_kinks(w, b, X, y):
    return np.min(np.abs(y * (X @ w + b) - 1.0)) > 1e-3


def _check_fd(learner, w, b, X, y, C, tag=""):
    assert _away_from_kinks(w, b, X, y), "test data error: a sample sits on a kink"
    gw, gb = _call(learner.svm_subgrad, w, b, X, y, C)
    fdw = finite_difference(lambda v: _objective(v, b, X, y, C), w)
    fdb = finite_difference(lambda v: _objective(w, float(v[0]), X, y, C), np.array([b]))[0]
    assert_array(gw, fdw, rtol=1e-5, atol=1e-6, what=f"grad_w{tag} (vs finite differences)")
    assert_scalar(gb, fdb, rtol=1e-5, atol=1e-6, what=f"grad_b{tag} (vs finite differences)")


def test_worked_example(learner, reference):
    """The worked example from the statement (one sample exactly on the margin)."""
    w, b = np.array([1.0, -0.5]), 0.5
    X = np.array([[2.0, 1.0], [0.5, 0.0], [-1.0, 0.0], [0.0, 2.0]])
    y = np.array([1, 1, -1, -1])
    gw, gb = _call(learner.svm_subgrad, w, b, X, y, 2.0)
    ew, eb = reference.svm_subgrad(w, b, X, y, 2.0)
    assert_array(gw, ew, what="grad_w")
    assert_scalar(gb, eb, what="grad_b")


def test_finite_differences_mixed_margins(learner):
    """Away from kinks, grad_w and grad_b match finite differences of J (n=40, d=3, C=0.7)."""
    w, b, X, y = _data(1, 40, 3)
    _check_fd(learner, w, b, X, y, 0.7)


def test_inside_margin_but_correct_side(learner):
    """Correctly classified samples with margin between 0 and 1 still contribute (finite differences)."""
    X = np.array([[0.3, 0.1], [-0.2, 0.4], [0.4, -0.3], [-0.4, -0.2]])
    y = np.array([1.0, -1.0, 1.0, -1.0])
    w, b = np.array([1.5, -0.5]), 0.1
    m = y * (X @ w + b)
    assert np.all((m > 0) & (m < 1)), "test data error"
    _check_fd(learner, w, b, X, y, 1.3)


def test_points_on_margin_contribute_zero(learner):
    """Samples with margin exactly 1 contribute nothing: only w remains in grad_w, grad_b is 0."""
    w, b = np.array([0.5, 0.25]), 0.5
    X = np.array([[1.0, 0.0], [0.0, 2.0], [-3.0, 0.0], [2.0, -2.0]])
    y = np.array([1.0, 1.0, -1.0, 1.0])
    assert np.array_equal(y * (X @ w + b), np.ones(4)), "test data error"
    gw, gb = _call(learner.svm_subgrad, w, b, X, y, 5.0)
    assert_array(gw, w, what="grad_w when every sample lies exactly on the margin")
    assert_scalar(gb, 0.0, what="grad_b when every sample lies exactly on the margin")


def test_bias_not_regularized(learner):
    """With every sample beyond the margin, grad_w = w and grad_b = 0 even for a large b."""
    X = np.array([[1.0, 1.0], [2.0, 0.5], [-1.0, -3.0]])
    y = np.array([1.0, 1.0, -1.0])
    w, b = np.array([3.0, 2.0]), 7.0
    X[2] = [-5.0, -5.0]
    assert np.all(y * (X @ w + b) > 1), "test data error"
    gw, gb = _call(learner.svm_subgrad, w, b, X, y, 1.0)
    assert_array(gw, w, what="grad_w when no sample is inside the margin")
    assert_scalar(gb, 0.0, what="grad_b when no sample is inside the margin (b is not regularised)")


def test_hinge_summed_not_averaged(learner):
    """Duplicating every sample doubles the hinge part of the subgradient (losses are summed)."""
    w, b, X, y = _data(2, 15, 4)
    gw1, gb1 = _call(learner.svm_subgrad, w, b, X, y, 0.5)
    gw2, gb2 = _call(learner.svm_subgrad, w, b, np.vstack([X, X]), np.concatenate([y, y]), 0.5)
    assert_array(gw2 - w, 2 * (gw1 - w), what="hinge part of grad_w for the duplicated data")
    assert_scalar(gb2, 2 * gb1, what="grad_b for the duplicated data")


def test_matches_reference_many_dims(learner, reference):
    """A larger case (n=300, d=20, C=10) matches the reference and finite differences."""
    w, b, X, y = _data(6, 300, 20)
    gw, gb = _call(learner.svm_subgrad, w, b, X, y, 10.0)
    ew, eb = reference.svm_subgrad(w, b, X, y, 10.0)
    assert_array(gw, ew, what="grad_w")
    assert_scalar(gb, eb, what="grad_b")
    _check_fd(learner, w, b, X, y, 10.0, tag=" (n=300)")


def test_single_sample_and_int_labels(learner):
    """A single sample with integer label -1 inside the margin gives w + C*x and +C."""
    w, b = np.array([0.2, -0.1, 0.4]), -0.3
    X = np.array([[1.0, 2.0, -1.0]])
    gw, gb = _call(learner.svm_subgrad, w, b, X, np.array([-1]), 3.0)
    assert_array(gw, w + 3.0 * X[0], what="grad_w")
    assert_scalar(gb, 3.0, what="grad_b")


def test_bad_labels_raise(learner):
    """Labels 0/1 instead of -1/+1 raise ValueError."""
    w, b, X, _ = _data(4, 6, 2)
    with pytest.raises(ValueError):
        learner.svm_subgrad(w, b, X, np.array([0, 1, 1, 0, 1, 0]), 1.0)


def test_labels_other_than_zero_raise(learner):
    """Bad labels that are not 0 raise ValueError: a 2, a -2, a 0.5 among valid -1/+1 labels."""
    w, b, X, _ = _data(7, 5, 2)
    for bad in (2.0, -2.0, 0.5):
        y = np.array([1.0, -1.0, bad, 1.0, -1.0])
        with assert_raises(ValueError, f"a label {bad:g} among -1/+1 labels"):
            learner.svm_subgrad(w, b, X, y, 1.0)
    with assert_raises(ValueError, "integer labels -1, 1, 2"):
        learner.svm_subgrad(w, b, X, np.array([1, -1, 2, 1, -1]), 1.0)


def test_inputs_not_modified(learner):
    """w, X and y are left unchanged (rule G1)."""
    w, b, X, y = _data(5, 10, 3)
    _, after = learner.svm_subgrad.call_keep_args(w, b, X, y, 1.0)
    for name, i, sent in (("w", 0, w), ("X", 2, X), ("y", 3, y)):
        assert_array(after[i], sent, rtol=0, atol=0, what=f"your {name} after the call")
