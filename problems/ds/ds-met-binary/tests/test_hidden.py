import numpy as np
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

from grader.checklib import assert_array, assert_scalar

KEYS = ("precision", "recall", "f1", "specificity", "accuracy")


def _check(result, expected, what="report"):
    assert isinstance(result, dict), f"{what} should be a dict, got {type(result).__name__}"
    assert set(result) == set(KEYS), f"{what} keys should be exactly {list(KEYS)}, got {sorted(map(str, result))[:8]}"
    for k in KEYS:
        v = result[k]
        assert isinstance(v, (float, np.floating)), f"'{k}' in the {what} should be a float, got {type(v).__name__}"
        assert_scalar(v, expected[k], what=f"'{k}' in the {what}")


def _sklearn(t, p):
    t, p = np.asarray(t), np.asarray(p)
    return {"precision": precision_score(t, p, zero_division=0),
            "recall": recall_score(t, p, zero_division=0),
            "f1": f1_score(t, p, zero_division=0),
            "specificity": recall_score(t, p, pos_label=0, zero_division=0),
            "accuracy": accuracy_score(t, p)}


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def test_worked_example(learner):
    """The worked example from the statement (TP=3, FP=1, TN=3, FN=1) gives 0.75 everywhere."""
    out = learner.binary_report(np.array([1, 0, 1, 1, 0, 0, 1, 0]), np.array([1, 0, 0, 1, 1, 0, 1, 0]))
    _check(out, dict.fromkeys(KEYS, 0.75))


def test_matches_sklearn_random(learner):
    """Random labels and predictions: all five metrics match sklearn (zero_division=0)."""
    rng = np.random.default_rng(20)
    for n, pt, pp in [(30, 0.5, 0.5), (400, 0.1, 0.3), (1000, 0.8, 0.6)]:
        t = (rng.random(n) < pt).astype(np.int64)
        p = np.where(rng.random(n) < 0.7, t, 1 - t) * (rng.random(n) < pp + 0.3)
        _check(learner.binary_report(t, p), _sklearn(t, p), what=f"report (n={n})")


def test_no_predicted_positives(learner):
    """No predicted positives: precision and F1 are 0.0 (not NaN, no exception)."""
    t = np.array([1, 0, 1, 0, 0])
    p = np.zeros(5, dtype=np.int64)
    out = learner.fn("binary_report", warnings="error")(t, p)
    _check(out, {"precision": 0.0, "recall": 0.0, "f1": 0.0, "specificity": 1.0, "accuracy": 0.6})


def test_no_actual_positives(learner):
    """No actual positives: recall and F1 are 0.0 (not NaN, no exception)."""
    t = np.zeros(4, dtype=np.int64)
    p = np.array([1, 0, 0, 1])
    out = learner.fn("binary_report", warnings="error")(t, p)
    _check(out, {"precision": 0.0, "recall": 0.0, "f1": 0.0, "specificity": 0.5, "accuracy": 0.5})


def test_single_class_everywhere(learner):
    """All 0 in both inputs, or all 1 in both: every 0/0 (incl. specificity) gives 0.0."""
    out = learner.fn("binary_report", warnings="error")(np.zeros(3, dtype=np.int64), np.zeros(3, dtype=np.int64))
    _check(out, {"precision": 0.0, "recall": 0.0, "f1": 0.0, "specificity": 1.0, "accuracy": 1.0},
           what="report for all-zero inputs")
    out = learner.fn("binary_report", warnings="error")(np.ones(3, dtype=np.int64), np.ones(3, dtype=np.int64))
    _check(out, {"precision": 1.0, "recall": 1.0, "f1": 1.0, "specificity": 0.0, "accuracy": 1.0},
           what="report for all-one inputs")


def test_list_inputs(learner):
    """Plain Python lists are accepted and give the same result as arrays."""
    t = [1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0]
    p = [1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1]
    _check(learner.binary_report(t, p), _sklearn(t, p), what="report for list inputs")


def test_bool_inputs_and_asymmetric_counts(learner):
    """Boolean arrays with FP != FN: precision, recall and specificity use the right margins."""
    t = np.array([True, True, True, False, False, False, False, True, False, False])
    p = np.array([True, False, False, True, False, False, False, True, False, False])
    # TP=2, FN=2, FP=1, TN=5
    _check(learner.binary_report(t, p), {"precision": 2 / 3, "recall": 0.5, "f1": 4 / 7,
                                         "specificity": 5 / 6, "accuracy": 0.7})


def test_invalid_input_raises(learner):
    """Empty inputs or inputs of different lengths raise ValueError."""
    _expect_value_error(lambda: learner.binary_report(np.array([], dtype=np.int64), np.array([], dtype=np.int64)),
                        "empty input")
    _expect_value_error(lambda: learner.binary_report(np.array([0, 1, 1]), np.array([0, 1])),
                        "inputs of different lengths")


def test_inputs_not_modified(learner):
    """The input arrays are left unchanged."""
    t = np.array([1, 0, 1, 1, 0])
    p = np.array([0, 0, 1, 1, 1])
    _, after = learner.binary_report.call_keep_args(t.copy(), p.copy())
    assert_array(after[0], t, rtol=0, atol=0, what="y_true after the call")
    assert_array(after[1], p, rtol=0, atol=0, what="y_pred after the call")
