import numpy as np
from sklearn.metrics import average_precision_score

from grader.checklib import assert_array, assert_scalar


def _ap(result, expected, what="AP"):
    assert isinstance(result, (float, np.floating)), f"{what} should be a float, got {type(result).__name__}"
    assert_scalar(result, expected, what=what)


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def test_worked_example(learner):
    """The worked example from the statement (a tied positive/negative pair) gives 0.7."""
    y = np.array([1, 0, 1, 0, 1, 0])
    s = np.array([0.9, 0.8, 0.6, 0.6, 0.3, 0.1])
    _ap(learner.average_precision(y, s), 0.7)


def test_matches_sklearn_distinct_scores(learner):
    """Distinct continuous scores: matches sklearn's average_precision_score on random data."""
    rng = np.random.default_rng(30)
    for n, p, sep in [(20, 0.5, 1.0), (300, 0.1, 1.0), (2000, 0.6, 0.5)]:
        y = (rng.random(n) < p).astype(np.int64)
        y[:2] = [0, 1]
        s = rng.normal(size=n) + sep * y
        _ap(learner.average_precision(y, s), average_precision_score(y, s), what=f"AP for n={n}")


def test_many_tied_scores_match_sklearn(learner):
    """Scores with many ties (a few distinct levels): matches average_precision_score."""
    rng = np.random.default_rng(31)
    for n, levels in [(30, 3), (500, 5), (3000, 21)]:
        y = (rng.random(n) < 0.35).astype(np.int64)
        y[:2] = [0, 1]
        s = np.round(np.clip(rng.normal(0.4 + 0.2 * y, 0.25), 0, 1) * (levels - 1)) / (levels - 1)
        _ap(learner.average_precision(y, s), average_precision_score(y, s), what=f"AP with {levels} score levels")


def test_ties_do_not_depend_on_row_order(learner):
    """Rows tied on score enter together: positives listed first or last within a tie give the same AP."""
    s = np.array([0.9, 0.7, 0.7, 0.7, 0.7, 0.2, 0.2, 0.2])
    y_pos_first = np.array([0, 1, 1, 0, 0, 1, 0, 0])
    y_pos_last = np.array([0, 0, 0, 1, 1, 0, 0, 1])
    expected = average_precision_score(y_pos_first, s)
    _ap(learner.average_precision(y_pos_first, s), expected, what="AP with positives first within ties")
    _ap(learner.average_precision(y_pos_last, s), expected, what="AP with positives last within ties")


def test_all_positive_and_all_tied(learner):
    """Every row positive gives 1.0; all scores equal gives the positive rate."""
    _ap(learner.average_precision(np.ones(5, dtype=np.int64), np.array([0.1, 0.5, 0.3, 0.3, 0.9])), 1.0,
        what="AP when every row is positive")
    _ap(learner.average_precision(np.array([1]), np.array([0.4])), 1.0, what="AP of a single positive row")
    y = np.array([0, 1, 0, 0, 1, 0, 0, 0])
    _ap(learner.average_precision(y, np.full(8, 0.5)), 0.25, what="AP with all scores equal")


def test_perfect_ranking_and_bool_int_inputs(learner):
    """Positives all ranked first give 1.0; bool labels with integer scores are accepted."""
    y = np.array([False, True, False, True, True, False])
    s = np.array([1, 9, 2, 7, 8, 3])
    _ap(learner.average_precision(y, s), 1.0, what="AP of a perfect ranking")
    rng = np.random.default_rng(32)
    y = rng.random(200) < 0.3
    y[0] = True
    s = rng.integers(0, 8, size=200) + 3 * y
    _ap(learner.average_precision(y, s), average_precision_score(y, s), what="AP with bool labels")


def test_no_positives_raises(learner):
    """No positives (including empty input) raises ValueError."""
    _expect_value_error(lambda: learner.average_precision(np.zeros(4, dtype=np.int64), np.array([0.1, 0.2, 0.3, 0.4])),
                        "y_true without positives")
    _expect_value_error(lambda: learner.average_precision(np.array([], dtype=np.int64), np.array([], dtype=np.float64)),
                        "empty input")


def test_length_mismatch_raises(learner):
    """y_true and scores of different lengths raise ValueError."""
    _expect_value_error(lambda: learner.average_precision(np.array([0, 1, 1]), np.array([0.1, 0.9])),
                        "arrays of different lengths")


def test_inputs_not_modified(learner):
    """The input arrays are left unchanged."""
    y = np.array([1, 0, 1, 0, 0, 1, 0])
    s = np.array([0.9, 0.3, 0.3, 0.8, 0.1, 0.5, 0.3])
    _, after = learner.average_precision.call_keep_args(y.copy(), s.copy())
    assert_array(after[0], y, rtol=0, atol=0, what="y_true after the call")
    assert_array(after[1], s, rtol=0, atol=0, what="scores after the call")
