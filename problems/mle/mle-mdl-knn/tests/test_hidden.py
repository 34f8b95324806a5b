import numpy as np
import pytest
from sklearn.neighbors import KNeighborsClassifier

from grader.checklib import assert_array, probe_call


def _blobs(seed, n, m, d, labels):
    """Continuous data (no distance ties) with some class structure."""
    rng = np.random.default_rng(seed)
    labels = np.asarray(labels, dtype=np.int64)
    centres = rng.normal(scale=2.0, size=(labels.size, d))
    y = labels[rng.integers(0, labels.size, size=n)]
    X = centres[np.searchsorted(np.sort(labels), y)] + rng.normal(size=(n, d))
    X_test = rng.normal(scale=2.0, size=(m, d))
    return X, y, X_test


def _sk(X, y, X_test, k):
    return KNeighborsClassifier(n_neighbors=k, algorithm="brute").fit(X, y).predict(X_test)


def test_worked_example(learner):
    """The worked example from the statement (k = 3, then a vote tie with k = 2)."""
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [5.0, 5.0], [6.0, 5.0]])
    y = np.array([3, 3, 1, 1, 1])
    assert_array(learner.knn_predict(X, y, np.array([[0.2, 0.1], [5.5, 5.0]]), 3), np.array([3, 1]))
    assert_array(learner.knn_predict(X, y, np.array([[0.0, 0.9]]), 2), np.array([1]), what="vote-tie result")


def test_matches_sklearn_without_ties(learner):
    """Predictions equal sklearn's KNeighborsClassifier on data without distance ties (k = 1, 4, 9)."""
    X, y, X_test = _blobs(0, 120, 40, 3, [0, 1, 2])
    for k in (1, 4, 9):
        assert_array(learner.knn_predict(X, y, X_test, k), _sk(X, y, X_test, k), what=f"predictions for k={k}")


def test_arbitrary_integer_labels(learner):
    """Labels need not be 0..C-1: negative and sparse integer labels work (dtype kept)."""
    X, y, X_test = _blobs(1, 90, 30, 4, [-5, 10, 1000])
    assert_array(learner.knn_predict(X, y, X_test, 5), _sk(X, y, X_test, 5))


def test_vote_tie_goes_to_smallest_label(learner):
    """When two labels get the same number of votes the smallest label wins, even if the nearest point has the other."""
    X = np.array([[0.0], [1.0], [2.1], [3.3], [10.0], [11.0]])
    y = np.array([9, 9, 4, 4, 6, 2])
    X_test = np.array([[0.0], [10.6], [1.0]])
    # k=4 at 0.0: labels 9, 9, 4, 4 -> tie -> 4;  k=4 at 10.6: 2, 6, 4, 4 -> 4 wins outright
    assert_array(learner.knn_predict(X, y, X_test[:2], 4), np.array([4, 4]), what="k=4 predictions")
    # k=2 at 10.6: labels 2 and 6 -> tie -> 2;  at 1.0: 9 and 9 -> 9
    assert_array(learner.knn_predict(X, y, X_test[1:], 2), np.array([2, 9]), what="k=2 predictions")


def test_distance_tie_lower_index_first(learner):
    """Among training points at exactly the same distance, the lower index is taken first."""
    X = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0], [3.0, 3.0]])
    y = np.array([7, 7, 2, 2, 0])
    origin = np.zeros((1, 2))
    # k=1: index 0 (label 7);  k=3: indices 0, 1, 2 -> 7, 7, 2 -> 7
    assert_array(learner.knn_predict(X, y, origin, 1), np.array([7]), what="k=1 prediction")
    assert_array(learner.knn_predict(X, y, origin, 3), np.array([7]), what="k=3 prediction")


def test_training_points_predict_themselves(learner):
    """With k = 1, predicting the (distinct) training points returns their own labels."""
    X, y, _ = _blobs(2, 60, 1, 2, [0, 1, 2, 3])
    assert_array(learner.knn_predict(X, y, X, 1), y)


def test_k_equals_n_gives_majority(learner):
    """k = number of training points predicts the overall majority label everywhere."""
    X, _, X_test = _blobs(3, 25, 6, 2, [0, 1])
    y = np.array([5] * 12 + [8] * 13)
    assert_array(learner.knn_predict(X, y, X_test, 25), np.full(6, 8))


def test_invalid_k_raises(learner):
    """k < 1 or k larger than the number of training points raises ValueError."""
    X, y, X_test = _blobs(4, 10, 3, 2, [0, 1])
    with pytest.raises(ValueError):
        learner.knn_predict(X, y, X_test, 0)
    with pytest.raises(ValueError):
        learner.knn_predict(X, y, X_test, 11)


def test_inputs_not_modified(learner):
    """X_train, y_train and X_test are left unchanged (rule G1)."""
    X, y, X_test = _blobs(5, 30, 8, 3, [0, 1, 2])
    _, after = learner.knn_predict.call_keep_args(X.copy(), y.copy(), X_test.copy(), 3)
    assert_array(after[0], X, rtol=0, atol=0, what="your X_train after the call")
    assert_array(after[1], y, rtol=0, atol=0, what="your y_train after the call")
    assert_array(after[2], X_test, rtol=0, atol=0, what="your X_test after the call")


def test_large_case_is_fast(learner, reference):
    """2000 training x 2000 test points x 20 features, k = 7, within 1 second of CPU time (vectorised).

    CPU time is measured inside the sandbox for the call alone, so a busy machine does not fail a fast
    solution."""
    X, y, X_test = _blobs(6, 2000, 2000, 20, [0, 1, 2, 3, 4])
    got, probe = probe_call(learner.fn("knn_predict", timeout=10.0), X, y, X_test, 7, time=True)
    assert_array(got, reference.knn_predict(X, y, X_test, 7))
    assert probe.cpu_s is not None and probe.cpu_s <= 1.0, \
        f"your function used {probe.cpu_s:.2f} s of CPU time; the limit is 1 s (vectorise it)"
