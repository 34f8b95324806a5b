import numpy as np
import pytest

from grader.checklib import assert_array, assert_scalar


def _rng(learner, seed):
    """A fresh np.random.Generator living in the sandbox (passed to the learner as a handle)."""
    return learner.invoke("numpy.random.default_rng", seed)


def _psd(seed, spectrum, first_column=None):
    """Symmetric PSD matrix Q diag(spectrum) Q^T (exactly symmetric)."""
    n = len(spectrum)
    M = np.random.default_rng(seed).normal(size=(n, n))
    if first_column is not None:
        M[:, 0] = first_column
    Q, _ = np.linalg.qr(M)
    A = Q @ np.diag(spectrum) @ Q.T
    return (A + A.T) / 2


def _oracle(A):
    w, V = np.linalg.eigh(A)
    v = V[:, -1]
    return float(w[-1]), (-v if v[np.argmax(np.abs(v))] < 0 else v)


def _pair(fn, A, rng, **kw):
    res = fn(A, rng, **kw)
    assert type(res) is tuple and len(res) == 2, "top_eigenpair should return a tuple (eigenvalue, eigenvector)"
    lam, v = res
    assert isinstance(lam, (float, np.floating)), f"the eigenvalue should be a float, got {type(lam).__name__}"
    assert type(v) is np.ndarray and v.shape == (A.shape[0],) and v.dtype == np.float64, \
        f"the eigenvector should be a float64 array of shape ({A.shape[0]},)"
    return float(lam), v


def test_worked_example(learner):
    """The 2x2 example [[2, 1], [1, 2]] gives 3 and [1, 1] / sqrt(2)."""
    lam, v = _pair(learner.top_eigenpair, np.array([[2.0, 1.0], [1.0, 2.0]]), _rng(learner, 0))
    assert_scalar(lam, 3.0, rtol=1e-9, what="eigenvalue")
    assert_array(v, np.array([1.0, 1.0]) / np.sqrt(2.0), rtol=0, atol=1e-6, what="eigenvector")


def test_matches_eigh(learner):
    """Two random PSD matrices (8x8 and 40x40, eigenvalue ratio 0.7) match np.linalg.eigh."""
    for seed, n in [(1, 8), (2, 40)]:
        spectrum = np.concatenate([[10.0, 7.0], np.linspace(5.0, 0.0, n - 2)])
        A = _psd(seed, spectrum)
        lam, v = _pair(learner.top_eigenpair, A, _rng(learner, seed))
        lam_ref, v_ref = _oracle(A)
        assert_scalar(lam, lam_ref, rtol=1e-9, what=f"eigenvalue of the {n}x{n} matrix")
        assert_array(v, v_ref, rtol=0, atol=1e-6, what=f"eigenvector of the {n}x{n} matrix")


def test_unit_norm_and_sign_rule(learner):
    """The vector has norm 1 and its largest-magnitude entry is positive (even when the first entry is negative)."""
    u = np.array([-1.0, 3.0, 1.0, -0.5, 0.2])
    A = _psd(3, [9.0, 4.0, 3.0, 1.0, 0.5], first_column=u)
    lam, v = _pair(learner.top_eigenpair, A, _rng(learner, 3))
    assert abs(np.linalg.norm(v) - 1.0) < 1e-9, f"the eigenvector should have norm 1, got {np.linalg.norm(v):.6g}"
    _, v_ref = _oracle(A)
    assert_array(v, v_ref, rtol=0, atol=1e-6, what="eigenvector (largest-magnitude entry positive)")
    assert_scalar(lam, 9.0, rtol=1e-9, what="eigenvalue")


def test_huge_entries_no_overflow(learner):
    """Entries near 1e150: the result is finite and correct, with overflow warnings treated as errors."""
    A0 = _psd(4, [6.0, 3.0, 2.0, 1.0, 0.5, 0.1])
    A = A0 * 1e150
    lam, v = _pair(learner.fn("top_eigenpair", warnings="error"), A, _rng(learner, 4))
    lam_ref, v_ref = _oracle(A0)
    assert np.isfinite(lam) and np.all(np.isfinite(v)), "the result should be finite"
    assert_scalar(lam, lam_ref * 1e150, rtol=1e-9, what="eigenvalue")
    assert_array(v, v_ref, rtol=0, atol=1e-6, what="eigenvector")


def test_top_vector_orthogonal_to_ones(learner):
    """A matrix whose top eigenvector [2, -1, -1] / sqrt(6) is orthogonal to the all-ones vector (eigenvalue 30)."""
    A = np.array([[24.0, -6.0, -6.0], [-6.0, 12.0, 6.0], [-6.0, 6.0, 12.0]])
    lam, v = _pair(learner.top_eigenpair, A, _rng(learner, 5))
    assert_scalar(lam, 30.0, rtol=1e-9, what="eigenvalue (the top one is 30; 12 belongs to the all-ones vector)")
    assert_array(v, np.array([2.0, -1.0, -1.0]) / np.sqrt(6.0), rtol=0, atol=1e-6, what="eigenvector")


def test_same_answer_for_any_start(learner):
    """Different seeds (random starts) give the same eigenpair."""
    A = _psd(6, [5.0, 2.0, 1.5, 1.0])
    results = [_pair(learner.top_eigenpair, A, _rng(learner, s)) for s in (10, 11, 12)]
    for lam, v in results[1:]:
        assert_scalar(lam, results[0][0], rtol=1e-9, what="eigenvalue for another seed")
        assert_array(v, results[0][1], rtol=0, atol=1e-6, what="eigenvector for another seed")


def test_one_by_one_and_zero_matrix(learner):
    """[[4]] gives (4, [1]); the zero matrix gives eigenvalue 0 and a unit vector, without warnings."""
    f = learner.fn("top_eigenpair", warnings="error")
    lam, v = _pair(f, np.array([[4.0]]), _rng(learner, 7))
    assert_scalar(lam, 4.0, what="eigenvalue of [[4]]")
    assert_array(v, np.array([1.0]), what="eigenvector of [[4]]")
    lam, v = _pair(f, np.zeros((3, 3)), _rng(learner, 8))
    assert_scalar(lam, 0.0, what="eigenvalue of the zero matrix")
    assert abs(np.linalg.norm(v) - 1.0) < 1e-9, "the eigenvector of the zero matrix should still have norm 1"


def test_not_square_raises(learner):
    """A non-square matrix raises ValueError."""
    with pytest.raises(ValueError):
        learner.top_eigenpair(np.ones((2, 3)), _rng(learner, 9))


def test_input_not_modified(learner):
    """A is left unchanged."""
    A = _psd(10, [3.0, 1.0, 0.5])
    _, after = learner.top_eigenpair.call_keep_args(A, _rng(learner, 10))
    assert_array(after[0], A, rtol=0, atol=0, what="your A after the call")
