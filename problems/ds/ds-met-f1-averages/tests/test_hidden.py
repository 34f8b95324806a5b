import numpy as np
from sklearn.metrics import f1_score

from grader.checklib import assert_array, assert_raises, assert_scalar, covers

KEYS = ("macro", "micro", "weighted")


def _check(result, expected, what="result"):
    """Exactly the three string keys, each a Python float or NumPy float64 close to the expected value."""
    assert type(result) is dict, f"{what} should be a dict, got {type(result).__name__}"
    assert set(result) == set(KEYS) and all(type(k) is str for k in result), \
        f"{what} keys should be exactly {list(KEYS)}, got {sorted(map(str, result))[:8]}"
    for k in KEYS:
        v = result[k]
        assert type(v) in (float, np.float64), f"'{k}' in the {what} should be a float, got {type(v).__name__}"
        assert_scalar(v, expected[k], what=f"'{k}' F1 in the {what}")


def _sklearn(t, p, labels):
    return {a: f1_score(np.asarray(t), np.asarray(p), labels=labels, average=a, zero_division=0) for a in KEYS}


@covers("per-class-f1", "macro", "micro", "weighted", "keys", "float-values", "absent-labels")
def test_worked_example(learner):
    """The worked example from the statement (string labels, 'bird' never predicted)."""
    t = ["cat", "dog", "cat", "bird", "dog", "cat", "bird"]
    p = ["cat", "cat", "cat", "dog", "dog", "dog", "cat"]
    _check(learner.f1_averages(t, p, ["bird", "cat", "dog"]),
           {"macro": (4 / 7 + 2 / 5) / 3, "micro": 3 / 7, "weighted": (12 / 7 + 4 / 5) / 7})


@covers("per-class-f1", "macro", "micro", "weighted", "float-values")
def test_matches_sklearn_random_int_labels(learner):
    """Random integer labels, label list = all classes: matches sklearn's f1_score(zero_division=0)."""
    rng = np.random.default_rng(60)
    for n, k in [(25, 3), (400, 5), (3000, 8)]:
        t = rng.integers(0, k, size=n)
        p = np.where(rng.random(n) < 0.6, t, rng.integers(0, k, size=n))
        p[rng.random(n) < 0.2] = 0  # unbalanced predictions: macro P and R differ per class
        labels = list(range(k))
        _check(learner.f1_averages(t, p, labels), _sklearn(t, p, labels), what=f"result (n={n}, {k} classes)")


@covers("micro", "unlisted-classes", "label-list", "macro", "weighted")
def test_label_subset_ignores_other_classes(learner):
    """Labels listing only some classes: the other classes count only through FP and FN of the listed ones."""
    rng = np.random.default_rng(62)
    t = rng.integers(0, 5, size=500)
    p = np.where(rng.random(500) < 0.55, t, rng.integers(0, 5, size=500))
    p[rng.random(500) < 0.15] = 3
    for labels in ([1, 3], [4, 0, 2], [3]):
        _check(learner.f1_averages(t, p, labels), _sklearn(t, p, labels), what=f"result for labels={labels}")


@covers("absent-labels")
def test_class_absent_from_predictions(learner):
    """A listed class that is never predicted counts (with F1 = 0) in the macro average."""
    t = np.array([0, 1, 2, 2, 1, 0, 2, 1, 0, 2])
    p = np.array([0, 1, 1, 1, 1, 0, 0, 1, 0, 1])  # class 2 never predicted
    _check(learner.f1_averages(t, p, [0, 1, 2]), _sklearn(t, p, [0, 1, 2]))


@covers("absent-labels", "zero-division", "label-list")
def test_label_missing_everywhere(learner):
    """A listed label found in neither y_true nor y_pred has F1 = 0: it lowers the macro, not the weighted."""
    t = [1, 2, 1, 2, 2, 1]
    p = [1, 2, 2, 2, 1, 1]
    for labels in ([1, 2, 7], [7, 1, 2, 9]):
        _check(learner.f1_averages(t, p, labels), _sklearn(t, p, labels), what=f"result for labels={labels}")


@covers("zero-division", "float-values")
def test_zero_over_zero_averages(learner):
    """Averages whose counts are all zero give 0.0 floats: no listed label anywhere, or none in y_true."""
    t = np.array([0, 0, 1, 2, 1])
    p = np.array([0, 2, 2, 2, 1])
    _check(learner.f1_averages(t, p, [5, 6]), {"macro": 0.0, "micro": 0.0, "weighted": 0.0},
           what="result for labels found nowhere")
    t2 = np.array([0, 0, 1, 1])
    p2 = np.array([3, 3, 1, 0])
    _check(learner.f1_averages(t2, p2, [3]), _sklearn(t2, p2, [3]), what="result for a label only predicted")
    _check(learner.f1_averages(t2, p2, [3, 4]), _sklearn(t2, p2, [3, 4]), what="result for labels never true")


@covers("weighted")
def test_imbalanced_support_weights(learner):
    """Weighted F1 weights each class by its true count, not by its predicted count (a total of one row too)."""
    t = np.array(["a"] * 8 + ["b"] * 2 + ["c"] * 5)
    p = np.array(["a"] * 4 + ["b"] * 4 + ["b", "a"] + ["c", "c", "c", "b", "b"])
    labels = ["a", "b", "c"]
    _check(learner.f1_averages(t, p, labels), _sklearn(t, p, labels))
    t1, p1 = np.array([0, 1, 1, 2]), np.array([0, 1, 0, 2])
    _check(learner.f1_averages(t1, p1, [0]), _sklearn(t1, p1, [0]), what="result for one listed row")


@covers("input-kinds")
def test_input_kinds(learner):
    """String arrays, lists of strings or ints, and negative or large integer labels all work alike."""
    rng = np.random.default_rng(61)
    names = np.array(["spam", "ham", "eggs", "toast"])
    t = names[rng.integers(0, 4, size=300)]
    p = np.where(rng.random(300) < 0.5, t, names[rng.integers(0, 4, size=300)])
    labels = ["toast", "eggs", "spam", "ham"]
    want = _sklearn(t, p, labels)
    _check(learner.f1_averages(t, p, labels), want, what="result for string arrays")
    _check(learner.f1_averages(t.tolist(), p.tolist(), labels), want, what="result for lists of strings")
    codes = np.array([-3, 1000, 7, 0])
    ti, pi = codes[rng.integers(0, 4, size=200)], codes[rng.integers(0, 4, size=200)]
    pi[:100] = ti[:100]
    ilabels = [1000, -3, 0, 7]
    want_i = _sklearn(ti, pi, ilabels)
    _check(learner.f1_averages(ti, pi, ilabels), want_i, what="result for negative and large int labels")
    _check(learner.f1_averages(ti.tolist(), pi.tolist(), ilabels), want_i, what="result for lists of ints")


@covers("empty-labels-raises")
def test_empty_labels_raise(learner):
    """An empty label list raises ValueError (with array or list inputs)."""
    with assert_raises(ValueError, "an empty label list"):
        learner.f1_averages(np.array([0, 1, 1]), np.array([0, 1, 0]), [])
    with assert_raises(ValueError, "an empty label list"):
        learner.f1_averages(["a", "b"], ["b", "b"], [])


@covers("empty-raises")
def test_empty_inputs_raise(learner):
    """Empty inputs raise ValueError (arrays or lists)."""
    with assert_raises(ValueError, "empty lists"):
        learner.f1_averages([], [], [0, 1])
    with assert_raises(ValueError, "empty arrays"):
        learner.f1_averages(np.array([], dtype=np.int64), np.array([], dtype=np.int64), [0, 1])


@covers("length-raises")
def test_length_mismatch_raises(learner):
    """Inputs of different lengths raise ValueError, also when one of them has a single element."""
    for t, p in (([0, 1, 1], [0, 1]), ([1], [0, 1, 1, 0]), ([1, 0, 0, 1], [1])):
        with assert_raises(ValueError, f"{len(t)} labels and {len(p)} predictions (arrays)"):
            learner.f1_averages(np.array(t), np.array(p), [0, 1])
        with assert_raises(ValueError, f"{len(t)} labels and {len(p)} predictions (lists)"):
            learner.f1_averages(t, p, [0, 1])


@covers("inputs-unchanged")
def test_inputs_not_modified(learner):
    """Your function leaves its input arrays, lists and the label list unchanged."""
    t = np.array([2, 0, 1, 1, 0, 2])
    p = np.array([2, 1, 1, 0, 0, 0])
    labels = [2, 0, 1]
    _, after = learner.f1_averages.call_keep_args(t, p, list(labels))
    assert_array(after[0], t, rtol=0, atol=0, what="y_true after the call")
    assert_array(after[1], p, rtol=0, atol=0, what="y_pred after the call")
    assert after[2] == labels, "your function changed the labels list it was given"
    ts, ps, ls = ["b", "a", "c", "a"], ["a", "a", "c", "b"], ["c", "a", "b"]
    _, after = learner.f1_averages.call_keep_args(list(ts), list(ps), list(ls))
    assert list(after[0]) == ts and list(after[1]) == ps, "your function changed the lists it was given"
    assert list(after[2]) == ls, "your function changed the labels list it was given"
