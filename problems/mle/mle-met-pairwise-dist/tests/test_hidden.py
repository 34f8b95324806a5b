import numpy as np
import pytest
from scipy.spatial.distance import cdist

from grader.checklib import assert_array, probe_call

TOL = dict(rtol=1e-6, atol=1e-6)


def test_worked_example(learner):
    """The worked example from the statement (2 x 3 distance matrix)."""
    A = np.array([[0.0, 0.0], [1.0, 1.0]])
    B = np.array([[3.0, 4.0], [1.0, 1.0], [0.0, 1.0]])
    expected = np.array([[5.0, np.sqrt(2.0), 1.0], [np.sqrt(13.0), 0.0, 1.0]])
    assert_array(learner.pairwise_dist(A, B), expected, **TOL)


def test_matches_cdist_rectangular(learner):
    """Random A (17 x 6) and B (9 x 6) match scipy's cdist, shape (17, 9), dtype float64."""
    rng = np.random.default_rng(0)
    A, B = rng.normal(size=(17, 6)), rng.normal(size=(9, 6))
    assert_array(learner.pairwise_dist(A, B), cdist(A, B), **TOL)


def test_matches_cdist_square_shifted(learner):
    """A square case with differently scaled and shifted A and B matches cdist (row/column roles kept)."""
    rng = np.random.default_rng(1)
    A = rng.normal(loc=3.0, scale=2.0, size=(12, 4))
    B = rng.normal(loc=-1.0, scale=0.5, size=(12, 4))
    assert_array(learner.pairwise_dist(A, B), cdist(A, B), **TOL)


def test_identical_rows_no_nan(learner):
    """Distances of rows to themselves are finite, >= 0 and at most 1e-6 (RuntimeWarnings are errors)."""
    rng = np.random.default_rng(2)
    A = rng.normal(size=(60, 8)) * rng.uniform(0.1, 10.0, size=(60, 1))
    D = learner.fn("pairwise_dist", warnings="error")(A, A.copy())
    assert isinstance(D, np.ndarray) and D.shape == (60, 60), "result should be a (60, 60) numpy array"
    assert not np.any(np.isnan(D)), "the result contains NaN (square root of a tiny negative number?)"
    diag = np.diag(D)
    assert np.all(diag >= 0) and np.all(diag <= 1e-6), "a row's distance to itself is not between 0 and 1e-6"
    assert_array(D, cdist(A, A), **TOL)


def test_integer_valued_identical_rows_exact_zero(learner):
    """With integer-valued data, a row of A equal to a row of B gives exactly 0."""
    A = np.array([[1.0, 2.0, 3.0], [-4.0, 0.0, 7.0], [2.0, 2.0, 2.0]])
    B = np.array([[2.0, 2.0, 2.0], [1.0, 2.0, 3.0]])
    D = learner.pairwise_dist(A, B)
    assert_array(D, cdist(A, B), **TOL)
    assert D[0, 1] == 0.0 and D[2, 0] == 0.0, "identical integer-valued rows should give exactly 0"


def test_one_feature_and_single_rows(learner):
    """d = 1 gives absolute differences; a single row against a single row gives a (1, 1) array."""
    A = np.array([[1.5], [-2.0], [4.0]])
    B = np.array([[0.5], [4.0]])
    assert_array(learner.pairwise_dist(A, B), np.abs(A - B.T), **TOL)
    assert_array(learner.pairwise_dist(np.array([[3.0, 4.0]]), np.array([[0.0, 0.0]])), np.array([[5.0]]), **TOL)


def test_feature_mismatch_raises(learner):
    """A and B with different numbers of columns raise ValueError."""
    with pytest.raises(ValueError):
        learner.pairwise_dist(np.ones((3, 4)), np.ones((2, 5)))


def test_inputs_not_modified(learner):
    """A and B are left unchanged (rule G1)."""
    rng = np.random.default_rng(3)
    A, B = rng.normal(size=(5, 3)), rng.normal(size=(4, 3))
    _, after = learner.pairwise_dist.call_keep_args(A.copy(), B.copy())
    assert_array(after[0], A, rtol=0, atol=0, what="your A after the call")
    assert_array(after[1], B, rtol=0, atol=0, what="your B after the call")


def test_large_case_is_fast(learner):
    """A (2000 x 50) against B (500 x 50) takes at most 2 seconds of CPU time (vectorised) and matches cdist.

    CPU time is measured inside the sandbox for the call alone, so a busy machine does not fail a fast
    solution."""
    rng = np.random.default_rng(4)
    A, B = rng.normal(size=(2000, 50)), rng.normal(size=(500, 50))
    D, probe = probe_call(learner.fn("pairwise_dist", timeout=10.0), A, B, time=True)
    assert_array(D, cdist(A, B), **TOL)
    assert probe.cpu_s is not None and probe.cpu_s <= 2.0, \
        f"your function used {probe.cpu_s:.2f} s of CPU time; the limit is 2 s (vectorise it)"
