import numpy as np
import pytest
from scipy.special import log_softmax

from grader.checklib import assert_scalar


def _oracle(logits, labels, ignore_index=-100):
    keep = labels != ignore_index
    lp = log_softmax(logits[keep], axis=1)
    return float(-np.mean(lp[np.arange(lp.shape[0]), labels[keep]]))


def _batch(seed, n=40, c=6, scale=3.0):
    rng = np.random.default_rng(seed)
    return rng.normal(scale=scale, size=(n, c)), rng.integers(0, c, size=n).astype(np.int64)


def test_worked_example(learner):
    """The worked example from the statement (one ignored row; a logit gap of 2000), warnings as errors."""
    f = learner.fn("cross_entropy", warnings="error")
    logits = np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 0.0], [1000.0, 0.0, -1000.0]])
    assert_scalar(f(logits, np.array([0, 2, -100])), 0.7531091265562452, what="first example")
    assert_scalar(f(np.array([[1000.0, 0.0, -1000.0]]), np.array([2])), 2000.0, what="second example")


def test_matches_log_softmax_oracle(learner):
    """A random batch (40 rows, 6 classes, no ignored rows) matches -mean(log_softmax[true class])."""
    logits, labels = _batch(0)
    assert_scalar(learner.cross_entropy(logits, labels), _oracle(logits, labels))


def test_huge_logit_gaps_stay_finite(learner):
    """Logit gaps up to 2e4 give the exact finite losses with warnings as errors."""
    logits = np.array([[1e4, 0.0, -1e4], [1e4, 0.0, -1e4], [-1e4, 1e4, 0.0], [0.5, -0.5, 0.0]])
    labels = np.array([2, 0, 0, 1])
    got = learner.fn("cross_entropy", warnings="error")(logits, labels)
    assert_scalar(got, _oracle(logits, labels), what="loss with huge logit gaps")


def test_rows_on_very_different_scales(learner):
    """Rows whose logits live on very different scales (1e4 vs 1) are each handled correctly."""
    logits = np.array([[1e4, 9999.0, 0.0], [0.0, 1.0, 2.0], [-1e4, -9998.0, -9999.0]])
    labels = np.array([1, 2, 0])
    got = learner.fn("cross_entropy", warnings="error")(logits, labels)
    assert_scalar(got, _oracle(logits, labels), what="loss for rows on different scales")


def test_ignored_rows_excluded(learner):
    """Rows labelled -100 are left out of both the sum and the count (mean over kept rows only)."""
    logits, labels = _batch(1, n=30)
    labels[[0, 4, 5, 17, 29]] = -100
    logits[4] = [1e4, -1e4, 0.0, 0.0, 0.0, 0.0]
    assert_scalar(learner.cross_entropy(logits, labels), _oracle(logits, labels), what="loss with ignored rows")


def test_custom_ignore_index(learner):
    """ignore_index=-1 skips the rows labelled -1 and averages over the others."""
    logits, labels = _batch(2, n=20, c=4)
    labels[[1, 2, 10]] = -1
    assert_scalar(learner.cross_entropy(logits, labels, ignore_index=-1),
                  _oracle(logits, labels, ignore_index=-1), what="loss with ignore_index=-1")


def test_single_row_and_uniform_logits(learner):
    """One kept row with C equal logits gives log(C); one class only gives 0."""
    assert_scalar(learner.cross_entropy(np.full((1, 5), 7.0), np.array([3])), np.log(5.0), what="uniform row")
    assert_scalar(learner.cross_entropy(np.array([[3.0], [-2.0]]), np.array([0, 0])), 0.0, what="single class")


def test_all_rows_ignored_raises(learner):
    """Every label equal to ignore_index, or a batch with no rows, raises ValueError."""
    with pytest.raises(ValueError):
        learner.cross_entropy(np.array([[1.0, 2.0], [0.0, 0.0]]), np.array([-100, -100]))
    with pytest.raises(ValueError):
        learner.cross_entropy(np.zeros((0, 3)), np.zeros(0, dtype=np.int64))


def test_inputs_not_modified(learner):
    """logits and labels are left unchanged."""
    logits, labels = _batch(3, n=8, c=3)
    labels[2] = -100
    _, after = learner.cross_entropy.call_keep_args(logits, labels)
    assert np.array_equal(after[0], logits), "your function modified logits"
    assert np.array_equal(after[1], labels), "your function modified labels"
