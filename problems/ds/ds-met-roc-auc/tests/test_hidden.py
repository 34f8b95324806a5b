import numpy as np
from sklearn.metrics import roc_auc_score

from grader.checklib import assert_array, assert_raises, assert_scalar, covers, probe_call


def _auc(result, expected, what="AUC"):
    assert type(result) in (float, np.float64), f"{what} should be a float, got {type(result).__name__}"
    assert_scalar(result, expected, what=what)


@covers("pairs-formula", "ties-half", "float-result")
def test_worked_example(learner):
    """The worked example from the statement (one tied positive/negative pair) gives 2/3."""
    y = np.array([0, 0, 1, 1, 0, 1])
    s = np.array([0.1, 0.4, 0.35, 0.8, 0.4, 0.4])
    _auc(learner.roc_auc(y, s), 2 / 3)


@covers("pairs-formula", "float-result")
def test_matches_sklearn_continuous_scores(learner):
    """Distinct continuous scores: matches sklearn's roc_auc_score on several random data sets."""
    rng = np.random.default_rng(10)
    for n, p, sep in [(50, 0.5, 1.0), (300, 0.1, 0.5), (1000, 0.8, 2.0)]:
        y = (rng.random(n) < p).astype(np.int64)
        y[:2] = [0, 1]
        s = rng.normal(size=n) + sep * y
        _auc(learner.roc_auc(y, s), roc_auc_score(y, s), what=f"AUC for n={n}")


@covers("ties-half")
def test_many_tied_scores_match_sklearn(learner):
    """Scores with many ties (a few distinct levels): matches roc_auc_score, ties counting 1/2."""
    rng = np.random.default_rng(11)
    for n, levels in [(40, 3), (500, 5), (2000, 11)]:
        y = (rng.random(n) < 0.4).astype(np.int64)
        y[:2] = [0, 1]
        s = np.round(np.clip(rng.normal(0.4 + 0.2 * y, 0.25), 0, 1) * (levels - 1)) / (levels - 1)
        _auc(learner.roc_auc(y, s), roc_auc_score(y, s), what=f"AUC with {levels} score levels")


@covers("ties-half")
def test_all_scores_equal_gives_half(learner):
    """Every pair tied (all scores equal) gives exactly 0.5; a single tied pair too."""
    _auc(learner.roc_auc(np.array([0, 1]), np.array([0.5, 0.5])), 0.5, what="AUC of one tied pair")
    y = np.array([1, 0, 0, 1, 0, 0, 0])
    _auc(learner.roc_auc(y, np.full(7, 3.0)), 0.5, what="AUC with all scores equal")


@covers("pairs-formula")
def test_perfect_and_reversed_ranking(learner):
    """Positives all above the negatives give 1.0; all below give 0.0."""
    y = np.array([0, 1, 0, 1, 1, 0])
    s = np.array([-3.0, 2.0, -1.0, 5.0, 0.5, 0.2])
    _auc(learner.roc_auc(y, s), 1.0, what="AUC of a perfect ranking")
    _auc(learner.roc_auc(y, -s), 0.0, what="AUC of a reversed ranking")


@covers("one-class-raises")
def test_single_class_raises(learner):
    """Only negatives, only positives, or empty input raise ValueError."""
    s = np.array([0.2, 0.7, 0.4])
    with assert_raises(ValueError, "y_true with only 0s"):
        learner.roc_auc(np.zeros(3, dtype=np.int64), s)
    with assert_raises(ValueError, "y_true with only 1s"):
        learner.roc_auc(np.ones(3, dtype=np.int64), s)
    with assert_raises(ValueError, "empty input"):
        learner.roc_auc(np.array([], dtype=np.int64), np.array([], dtype=np.float64))


@covers("length-raises")
def test_length_mismatch_raises(learner):
    """y_true and scores of different lengths raise ValueError (either one longer)."""
    with assert_raises(ValueError, "3 labels and 2 scores"):
        learner.roc_auc(np.array([0, 1, 1]), np.array([0.1, 0.9]))
    with assert_raises(ValueError, "2 labels and 3 scores"):
        learner.roc_auc(np.array([0, 1]), np.array([0.1, 0.9, 0.5]))


@covers("label-dtypes", "any-real-scores")
def test_bool_labels_and_integer_scores(learner):
    """Boolean labels and integer scores (with ties) are accepted."""
    rng = np.random.default_rng(12)
    y = rng.random(200) < 0.3
    y[:2] = [False, True]
    s = rng.integers(0, 6, size=200) + 2 * y
    _auc(learner.roc_auc(y, s), roc_auc_score(y, s))


@covers("pairs-formula")
def test_order_and_monotone_transform_invariance(learner):
    """Shuffling rows, or applying an increasing function to the scores, leaves the AUC unchanged."""
    rng = np.random.default_rng(13)
    y = (rng.random(300) < 0.5).astype(np.int64)
    y[:2] = [0, 1]
    s = np.round(rng.normal(size=300) + 0.7 * y, 1)
    base = learner.roc_auc(y, s)
    _auc(base, roc_auc_score(y, s))
    perm = rng.permutation(300)
    _auc(learner.roc_auc(y[perm], s[perm]), base, what="AUC after shuffling rows")
    _auc(learner.roc_auc(y, 1.0 / (1.0 + np.exp(-4.0 * s))), base, what="AUC after a sigmoid of the scores")


@covers("inputs-unchanged")
def test_inputs_not_modified(learner):
    """The input arrays are left unchanged (rule G1)."""
    y = np.array([1, 0, 1, 0, 0, 1, 0])
    s = np.array([0.9, 0.3, 0.3, 0.8, 0.1, 0.5, 0.3])
    _, after = learner.roc_auc.call_keep_args(y, s)
    assert_array(after[0], y, rtol=0, atol=0, what="y_true after the call")
    assert_array(after[1], s, rtol=0, atol=0, what="scores after the call")


@covers("any-real-scores")
def test_scores_are_any_real_numbers(learner):
    """Scores far outside [0, 1] (negative, large, integer-valued floats) give sklearn's AUC."""
    rng = np.random.default_rng(15)
    y = (rng.random(400) < 0.5).astype(np.int64)
    y[:2] = [0, 1]
    for scale, shift in ((50.0, -20.0), (1e6, 3e6), (0.01, -5.0)):
        s = np.round(rng.normal(size=400) * scale + shift + 0.6 * scale * y)
        _auc(learner.roc_auc(y, s), roc_auc_score(y, s), what=f"AUC with scores around {shift:g}")


@covers("any-real-scores", "pairs-formula")
def test_tiny_differences_are_not_ties(learner):
    """Scores of tiny magnitude, or differing only far beyond the 9th decimal, rank exactly as they compare
    (only exactly equal scores are ties): sklearn's AUC."""
    rng = np.random.default_rng(16)
    y = (rng.random(300) < 0.4).astype(np.int64)
    y[:2] = [0, 1]
    for scale, shift in ((1e-12, 0.0), (1e-10, 0.5), (1e-13, -3.0)):
        s = shift + scale * (rng.normal(size=300) + 1.2 * y)
        assert np.unique(s).size > 250, "test data: scores should be mostly distinct"
        _auc(learner.roc_auc(y, s), roc_auc_score(y, s), what=f"AUC with scores {shift:g} + noise of size {scale:g}")


@covers("fast")
def test_million_rows_within_cpu_budget(learner, reference):
    """10**6 rows with many ties take at most 2 s of CPU time in your function (sort-based, not all pairs).

    CPU time is measured inside the sandbox for the call alone, so a busy machine does not fail a fast
    solution; an all-pairs solution needs minutes and runs out of the call's 10 s wall time.
    """
    rng = np.random.default_rng(14)
    n = 1_000_000
    y = (rng.random(n) < 0.3).astype(np.int64)
    s = np.round(rng.normal(size=n) + 0.8 * y, 3)
    result, probe = probe_call(learner.fn("roc_auc", timeout=10.0), y, s, time=True)
    _auc(result, reference.roc_auc(y, s), what="AUC on 10**6 rows")
    assert probe.cpu_s is not None and probe.cpu_s <= 2.0, \
        f"your function used {probe.cpu_s:.2f} s of CPU time on 10**6 rows; the limit is 2 s"
