import numpy as np
import pytest
from sklearn.metrics import confusion_matrix as sk_confusion_matrix

from grader.checklib import assert_array, assert_raises, probe_call


def _labels(seed, n, k):
    rng = np.random.default_rng(seed)
    return rng.integers(0, k, size=n), rng.integers(0, k, size=n)


def test_worked_example(learner):
    """The worked example from the statement (3 classes, 6 samples)."""
    y_true = np.array([0, 1, 2, 2, 1, 0])
    y_pred = np.array([0, 2, 2, 1, 1, 0])
    expected = np.array([[2, 0, 0], [0, 1, 1], [0, 1, 1]], dtype=np.int64)
    assert_array(learner.confusion_matrix(y_true, y_pred, 3), expected)


def test_rows_are_true_classes(learner):
    """Entry [i, j] counts samples whose true class is i and predicted class is j (not transposed)."""
    y_true = np.array([0, 0, 0, 1])
    y_pred = np.array([1, 1, 2, 1])
    expected = np.array([[0, 2, 1], [0, 1, 0], [0, 0, 0]], dtype=np.int64)
    assert_array(learner.confusion_matrix(y_true, y_pred, 3), expected)


def test_matches_sklearn_random(learner):
    """500 random labels over 6 classes match sklearn.metrics.confusion_matrix."""
    y_true, y_pred = _labels(0, 500, 6)
    expected = sk_confusion_matrix(y_true, y_pred, labels=np.arange(6)).astype(np.int64)
    assert_array(learner.confusion_matrix(y_true, y_pred, 6), expected)


def test_absent_classes_keep_full_size(learner):
    """Classes that appear in neither array (including the last ones) still get zero rows and columns."""
    y_true = np.array([1, 3, 3, 1, 0])
    y_pred = np.array([1, 3, 1, 1, 0])
    out = learner.confusion_matrix(y_true, y_pred, 6)
    expected = sk_confusion_matrix(y_true, y_pred, labels=np.arange(6)).astype(np.int64)
    assert_array(out, expected, what="6 x 6 matrix with classes 2, 4, 5 absent")


def test_int64_dtype_and_total(learner):
    """The result has dtype int64 and its entries sum to the number of samples."""
    y_true, y_pred = _labels(1, 137, 4)
    out = learner.confusion_matrix(y_true, y_pred, 4)
    assert isinstance(out, np.ndarray), f"result should be a numpy array, got {type(out).__name__}"
    assert out.dtype == np.int64, f"result has dtype {out.dtype}, expected int64"
    assert int(out.sum()) == 137, f"entries sum to {int(out.sum())}, expected the number of samples"


def test_perfect_predictions_are_diagonal(learner):
    """When y_pred equals y_true the matrix is diagonal with the class counts on the diagonal."""
    y, _ = _labels(2, 90, 5)
    expected = np.diag(np.bincount(y, minlength=5)).astype(np.int64)
    assert_array(learner.confusion_matrix(y, y.copy(), 5), expected)


def test_single_sample_and_empty(learner):
    """One sample gives a single 1; empty arrays give an all-zero K x K matrix."""
    expected = np.zeros((4, 4), dtype=np.int64)
    expected[3, 0] = 1
    assert_array(learner.confusion_matrix(np.array([3]), np.array([0]), 4), expected, what="one sample")
    empty = np.array([], dtype=np.int64)
    assert_array(learner.confusion_matrix(empty, empty.copy(), 3), np.zeros((3, 3), dtype=np.int64),
                 what="empty input")


def test_out_of_range_labels_raise(learner):
    """A label equal to n_classes, or a negative label, raises ValueError."""
    with pytest.raises(ValueError):
        learner.confusion_matrix(np.array([0, 1, 1]), np.array([0, 3, 1]), 3)
    with pytest.raises(ValueError):
        learner.confusion_matrix(np.array([0, -1, 1]), np.array([0, 1, 1]), 3)


def test_length_mismatch_raises(learner):
    """y_true and y_pred of different lengths raise ValueError."""
    with pytest.raises(ValueError):
        learner.confusion_matrix(np.array([0, 1, 1]), np.array([0, 1]), 2)


def test_negative_predicted_label_raises(learner):
    """A negative predicted label whose flat index i*K+j is still in range raises ValueError."""
    with assert_raises(ValueError, "y_pred holding -1 for a sample of true class 1 (K=3)"):
        learner.confusion_matrix(np.array([0, 1, 2, 2]), np.array([0, -1, 2, 1]), 3)
    with assert_raises(ValueError, "y_pred holding -2 for a sample of true class 4 (K=5)"):
        learner.confusion_matrix(np.array([4, 0, 3]), np.array([-2, 0, 3]), 5)


def test_broadcastable_length_mismatch_raises(learner):
    """Lengths that NumPy would broadcast (1 vs 5, 5 vs 1, 1 vs 0) raise ValueError."""
    five = np.array([0, 1, 2, 1, 0])
    with assert_raises(ValueError, "y_true of length 1 and y_pred of length 5"):
        learner.confusion_matrix(np.array([1]), five, 3)
    with assert_raises(ValueError, "y_true of length 5 and y_pred of length 1"):
        learner.confusion_matrix(five.copy(), np.array([2]), 3)
    with assert_raises(ValueError, "y_true of length 1 and an empty y_pred"):
        learner.confusion_matrix(np.array([0]), np.array([], dtype=np.int64), 3)


def test_inputs_not_modified(learner):
    """y_true and y_pred are left unchanged (rule G1)."""
    y_true, y_pred = _labels(3, 40, 3)
    _, after = learner.confusion_matrix.call_keep_args(y_true.copy(), y_pred.copy(), 3)
    assert_array(after[0], y_true, what="your y_true after the call")
    assert_array(after[1], y_pred, what="your y_pred after the call")


def test_vectorised_cpu_time(learner):
    """3,000,000 int32 labels over 10 classes take at most 0.5 s of CPU time (vectorised: 0.02-0.17 s; a loop over the samples: 1-1.2 s)."""
    y_true, y_pred = (a.astype(np.int32) for a in _labels(20, 3_000_000, 10))
    out, probe = probe_call(learner.fn("confusion_matrix", timeout=30.0), y_true, y_pred, 10, time=True)
    expected = sk_confusion_matrix(y_true, y_pred, labels=np.arange(10)).astype(np.int64)
    assert_array(out, expected, what="counts for 3,000,000 samples")
    assert probe.cpu_s is not None and probe.cpu_s <= 0.5, \
        f"your function used {probe.cpu_s:.2f} s of CPU time for 3,000,000 samples; the limit is 0.5 s (no Python loop over the samples)"
