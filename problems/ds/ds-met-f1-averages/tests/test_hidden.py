import numpy as np
from sklearn.metrics import f1_score

from grader.checklib import assert_array, assert_scalar

KEYS = ("macro", "micro", "weighted")


def _check(result, expected, what="result"):
    assert isinstance(result, dict), f"{what} should be a dict, got {type(result).__name__}"
    assert set(result) == set(KEYS), f"{what} keys should be exactly {list(KEYS)}, got {sorted(map(str, result))[:8]}"
    for k in KEYS:
        v = result[k]
        assert isinstance(v, (float, np.floating)), f"'{k}' in the {what} should be a float, got {type(v).__name__}"
        assert_scalar(v, expected[k], what=f"'{k}' F1 in the {what}")


def _sklearn(t, p, labels):
    return {a: f1_score(t, p, labels=labels, average=a, zero_division=0) for a in KEYS}


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def test_worked_example(learner):
    """The worked example from the statement (string labels, 'bird' never predicted)."""
    t = ["cat", "dog", "cat", "bird", "dog", "cat", "bird"]
    p = ["cat", "cat", "cat", "dog", "dog", "dog", "cat"]
    _check(learner.f1_averages(t, p, ["bird", "cat", "dog"]),
           {"macro": (4 / 7 + 2 / 5) / 3, "micro": 3 / 7, "weighted": (12 / 7 + 4 / 5) / 7})


def test_matches_sklearn_random_int_labels(learner):
    """Random integer labels, label list = all classes: matches sklearn f1_score(zero_division=0)."""
    rng = np.random.default_rng(60)
    for n, k in [(25, 3), (400, 5), (3000, 8)]:
        t = rng.integers(0, k, size=n)
        p = np.where(rng.random(n) < 0.6, t, rng.integers(0, k, size=n))
        labels = list(range(k))
        _check(learner.f1_averages(t, p, labels), _sklearn(t, p, labels), what=f"result (n={n}, {k} classes)")


def test_class_absent_from_predictions(learner):
    """A listed class that is never predicted counts with F1 = 0 in the macro average."""
    t = np.array([0, 1, 2, 2, 1, 0, 2, 1, 0, 2])
    p = np.array([0, 1, 1, 1, 1, 0, 0, 1, 0, 1])  # class 2 never predicted
    _check(learner.f1_averages(t, p, [0, 1, 2]), _sklearn(t, p, [0, 1, 2]))


def test_imbalanced_support_weights(learner):
    """Weighted F1 weights each class by its true count (support), not by its predicted count."""
    t = np.array(["a"] * 8 + ["b"] * 2 + ["c"] * 5)
    p = np.array(["a"] * 4 + ["b"] * 4 + ["b", "a"] + ["c", "c", "c", "b", "b"])
    labels = ["a", "b", "c"]
    _check(learner.f1_averages(t, p, labels), _sklearn(t, p, labels))


def test_string_labels_match_sklearn(learner):
    """String labels (NumPy string arrays) with a shuffled label order: matches sklearn."""
    rng = np.random.default_rng(61)
    names = np.array(["spam", "ham", "eggs", "toast"])
    t = names[rng.integers(0, 4, size=300)]
    p = np.where(rng.random(300) < 0.5, t, names[rng.integers(0, 4, size=300)])
    labels = ["toast", "eggs", "spam", "ham"]
    _check(learner.f1_averages(t, p, labels), _sklearn(t, p, labels))


def test_label_subset_ignores_other_classes(learner):
    """Labels listing only some classes: the others count only through FP/FN; micro is not the accuracy."""
    rng = np.random.default_rng(62)
    t = rng.integers(0, 5, size=500)
    p = np.where(rng.random(500) < 0.55, t, rng.integers(0, 5, size=500))
    for labels in ([1, 3], [4, 0, 2]):
        _check(learner.f1_averages(t, p, labels), _sklearn(t, p, labels), what=f"result for labels={labels}")


def test_label_missing_everywhere(learner):
    """A listed label found in neither y_true nor y_pred has F1 = 0, lowers the macro, not the weighted."""
    t = [1, 2, 1, 2, 2, 1]
    p = [1, 2, 2, 2, 1, 1]
    labels = [1, 2, 7]
    _check(learner.f1_averages(t, p, labels), _sklearn(t, p, labels))


def test_invalid_input_raises(learner):
    """An empty label list, empty inputs, or inputs of different lengths raise ValueError."""
    _expect_value_error(lambda: learner.f1_averages([0, 1, 1], [0, 1, 0], []), "an empty label list")
    _expect_value_error(lambda: learner.f1_averages([], [], [0, 1]), "empty inputs")
    _expect_value_error(lambda: learner.f1_averages([0, 1, 1], [0, 1], [0, 1]), "inputs of different lengths")


def test_inputs_not_modified(learner):
    """The input arrays and the label list are left unchanged."""
    t = np.array([2, 0, 1, 1, 0, 2])
    p = np.array([2, 1, 1, 0, 0, 0])
    labels = [2, 0, 1]
    _, after = learner.f1_averages.call_keep_args(t.copy(), p.copy(), list(labels))
    assert_array(after[0], t, rtol=0, atol=0, what="y_true after the call")
    assert_array(after[1], p, rtol=0, atol=0, what="y_pred after the call")
    assert after[2] == labels, "the labels list was modified"
