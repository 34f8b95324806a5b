import numpy as np
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

from grader.checklib import assert_array, assert_raises, assert_scalar, covers

KEYS = ("precision", "recall", "f1", "specificity", "accuracy")


def _check(result, expected, what="report"):
    """Exactly the five string keys, each a Python float or NumPy float64 close to the expected value."""
    assert type(result) is dict, f"{what} should be a dict, got {type(result).__name__}"
    got = sorted(map(str, result))[:8]
    assert set(result) == set(KEYS) and all(type(k) is str for k in result), \
        f"{what} keys should be exactly {list(KEYS)}, got {got}"
    for k in KEYS:
        v = result[k]
        assert type(v) in (float, np.float64), f"'{k}' in the {what} should be a float, got {type(v).__name__}"
        assert_scalar(v, expected[k], what=f"'{k}' in the {what}")


def _sklearn(t, p):
    t, p = np.asarray(t), np.asarray(p)
    return {"precision": precision_score(t, p, zero_division=0),
            "recall": recall_score(t, p, zero_division=0),
            "f1": f1_score(t, p, zero_division=0),
            "specificity": recall_score(t, p, pos_label=0, zero_division=0),
            "accuracy": accuracy_score(t, p)}


@covers("precision", "recall", "f1", "specificity", "accuracy", "keys", "float-values")
def test_worked_example(learner):
    """The worked example from the statement gives 0.75 for every metric."""
    out = learner.binary_report(np.array([1, 0, 1, 1, 0, 0, 1, 0]), np.array([1, 0, 0, 1, 1, 0, 1, 0]))
    _check(out, dict.fromkeys(KEYS, 0.75))


@covers("precision", "recall", "f1", "specificity", "accuracy", "keys", "float-values")
def test_asymmetric_counts(learner):
    """A confusion matrix with four different cells: each metric uses its own margin."""
    t = np.array([1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0])
    p = np.array([1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0])
    _check(learner.binary_report(t, p), _sklearn(t, p))


@covers("precision", "recall", "f1", "specificity", "accuracy", "float-values")
def test_matches_sklearn_random(learner):
    """Random labels and predictions of several sizes and class balances: all five metrics are right."""
    rng = np.random.default_rng(20)
    for n, pt, pp in [(30, 0.5, 0.5), (400, 0.1, 0.3), (1000, 0.8, 0.6), (257, 0.35, 0.9)]:
        t = (rng.random(n) < pt).astype(np.int64)
        p = np.where(rng.random(n) < 0.7, t, 1 - t) * (rng.random(n) < pp + 0.3)
        _check(learner.binary_report(t, p), _sklearn(t, p), what=f"report (n={n})")


@covers("zero-division", "float-values")
def test_no_predicted_positives(learner):
    """No predicted positives: precision and F1 are 0.0, with no NaN, exception or warning."""
    t = np.array([1, 0, 1, 0, 0])
    p = np.zeros(5, dtype=np.int64)
    out = learner.fn("binary_report", warnings="error")(t, p)
    _check(out, {"precision": 0.0, "recall": 0.0, "f1": 0.0, "specificity": 1.0, "accuracy": 0.6})


@covers("zero-division", "float-values")
def test_no_actual_positives(learner):
    """No actual positives: recall and F1 are 0.0, with no NaN, exception or warning."""
    t = np.zeros(4, dtype=np.int64)
    p = np.array([1, 0, 0, 1])
    out = learner.fn("binary_report", warnings="error")(t, p)
    _check(out, {"precision": 0.0, "recall": 0.0, "f1": 0.0, "specificity": 0.5, "accuracy": 0.5})


@covers("zero-division", "float-values")
def test_no_actual_negatives(learner):
    """No actual negatives: specificity is 0.0, with no NaN, exception or warning."""
    t = np.ones(5, dtype=np.int64)
    p = np.array([1, 0, 1, 1, 0])
    out = learner.fn("binary_report", warnings="error")(t, p)
    _check(out, {"precision": 1.0, "recall": 0.6, "f1": 0.75, "specificity": 0.0, "accuracy": 0.6})


@covers("zero-division", "float-values")
def test_precision_and_recall_both_zero(learner):
    """Positives and predicted positives that never meet: precision, recall and F1 are all 0.0."""
    t = np.array([1, 0, 0, 1, 0, 0])
    p = np.array([0, 1, 0, 0, 1, 0])
    out = learner.fn("binary_report", warnings="error")(t, p)
    _check(out, {"precision": 0.0, "recall": 0.0, "f1": 0.0, "specificity": 0.5, "accuracy": 2 / 6})


@covers("zero-division", "float-values")
def test_single_class_everywhere(learner):
    """All 0 in both inputs, or all 1 in both: each 0/0 gives 0.0 (a one-row input too)."""
    fn = learner.fn("binary_report", warnings="error")
    for n in (3, 1):
        _check(fn(np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)),
               {"precision": 0.0, "recall": 0.0, "f1": 0.0, "specificity": 1.0, "accuracy": 1.0},
               what=f"report for all-zero inputs of length {n}")
        _check(fn(np.ones(n, dtype=np.int64), np.ones(n, dtype=np.int64)),
               {"precision": 1.0, "recall": 1.0, "f1": 1.0, "specificity": 0.0, "accuracy": 1.0},
               what=f"report for all-one inputs of length {n}")


@covers("list-inputs", "bool-inputs")
def test_list_inputs(learner):
    """Plain Python lists of ints or of bools, alone or mixed with arrays, give the same result as arrays."""
    t = [1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0]
    p = [1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1]
    want = _sklearn(t, p)
    _check(learner.binary_report(t, p), want, what="report for two lists of ints")
    _check(learner.binary_report([bool(v) for v in t], [bool(v) for v in p]), want,
           what="report for two lists of bools")
    _check(learner.binary_report(t, np.array(p)), want, what="report for a list and an array")
    _check(learner.binary_report(np.array(t), p), want, what="report for an array and a list")


@covers("bool-inputs")
def test_bool_arrays(learner):
    """Boolean arrays (alone or with an integer array) give the same result as 0/1 integer arrays."""
    t = np.array([True, True, True, False, False, False, False, True, False, False])
    p = np.array([True, False, False, True, False, False, False, True, False, False])
    want = {"precision": 2 / 3, "recall": 0.5, "f1": 4 / 7, "specificity": 5 / 6, "accuracy": 0.7}
    _check(learner.binary_report(t, p), want, what="report for two bool arrays")
    _check(learner.binary_report(t, p.astype(np.int64)), want, what="report for a bool and an int array")
    _check(learner.binary_report(t.astype(np.int8), p), want, what="report for an int8 and a bool array")


@covers("empty-raises")
def test_empty_input_raises(learner):
    """Empty inputs (arrays or lists) raise ValueError."""
    with assert_raises(ValueError, "empty arrays"):
        learner.binary_report(np.array([], dtype=np.int64), np.array([], dtype=np.int64))
    with assert_raises(ValueError, "empty lists"):
        learner.binary_report([], [])


@covers("length-raises")
def test_length_mismatch_raises(learner):
    """Inputs of different lengths raise ValueError, also when one of them has a single element."""
    cases = [([0, 1, 1], [0, 1]), ([1], [0, 1, 1, 0]), ([1, 0, 0, 1], [1]), ([1, 0], [1, 0, 1, 1, 0])]
    for t, p in cases:
        with assert_raises(ValueError, f"{len(t)} labels and {len(p)} predictions (arrays)"):
            learner.binary_report(np.array(t), np.array(p))
        with assert_raises(ValueError, f"{len(t)} labels and {len(p)} predictions (lists)"):
            learner.binary_report(t, p)


@covers("inputs-unchanged")
def test_inputs_not_modified(learner):
    """Your function leaves its input arrays unchanged (integer and bool arrays)."""
    t = np.array([1, 0, 1, 1, 0, 0, 1])
    p = np.array([0, 0, 1, 1, 1, 0, 1])
    for a, b in ((t, p), (t.astype(bool), p.astype(bool)), (t.astype(np.int8), p)):
        _, after = learner.binary_report.call_keep_args(a, b)
        assert_array(after[0], a, rtol=0, atol=0, what="y_true after the call")
        assert_array(after[1], b, rtol=0, atol=0, what="y_pred after the call")
