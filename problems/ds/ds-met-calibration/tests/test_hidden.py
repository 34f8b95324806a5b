import math

import numpy as np
import pandas as pd
from sklearn.calibration import calibration_curve

from grader.checklib import assert_array, assert_frame, assert_scalar


def _oracle(y, p, n_bins):
    """Independent loop oracle: returns the expected table and ECE."""
    groups = {}
    for yi, pi in zip(np.asarray(y, dtype=float), np.asarray(p, dtype=float)):
        groups.setdefault(min(math.floor(pi * n_bins), n_bins - 1), []).append((yi, pi))
    rows = []
    for b in sorted(groups):
        g = groups[b]
        rows.append((b, len(g), sum(q for _, q in g) / len(g), sum(v for v, _ in g) / len(g)))
    table = pd.DataFrame(rows, columns=["bin", "count", "mean_p", "frac_pos"])
    table = table.astype({"bin": "int64", "count": "int64", "mean_p": "float64", "frac_pos": "float64"})
    n = len(np.asarray(y))
    ece = sum(c / n * abs(mp - fp) for _, c, mp, fp in rows)
    return table, ece


def _unpack(result, what="result"):
    assert isinstance(result, tuple) and len(result) == 2, f"{what} should be a tuple (table, ece)"
    table, ece = result
    assert isinstance(ece, (float, np.floating)), f"ECE should be a float, got {type(ece).__name__}"
    return table, ece


def _check(result, y, p, n_bins, what="table"):
    table, ece = _unpack(result)
    exp_table, exp_ece = _oracle(y, p, n_bins)
    assert_frame(table, exp_table, what=what)
    assert_scalar(ece, exp_ece, what=f"ECE ({what})")


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def test_worked_example(learner):
    """The worked example from the statement (4 bins, an empty bin, p = 0.0, 0.5 and 1.0)."""
    y = np.array([0, 0, 1, 0, 1, 1, 1, 0])
    p = np.array([0.0, 0.1, 0.15, 0.5, 0.55, 0.8, 1.0, 0.9])
    table, ece = _unpack(learner.calibration_table(y, p, n_bins=4))
    expected = pd.DataFrame({"bin": np.array([0, 2, 3], dtype=np.int64), "count": np.array([3, 2, 3], dtype=np.int64),
                             "mean_p": [0.25 / 3, 0.525, 0.9], "frac_pos": [1 / 3, 0.5, 2 / 3]})
    assert_frame(table, expected, what="table")
    assert_scalar(ece, 0.1875, what="ECE")


def test_zero_and_one_placement(learner):
    """p = 0.0 goes to bin 0 and p = 1.0 to the last bin (not an extra one), for several n_bins."""
    y = np.array([1, 0, 0, 1, 1, 0])
    p = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0])
    for b in (1, 3, 10):
        out = learner.calibration_table(y, p, n_bins=b)
        _check(out, y, p, b, what=f"table for p in {{0, 1}} with n_bins={b}")


def test_inner_edges_go_to_upper_bin(learner):
    """A p exactly on an inner edge (0.25, 0.5, 0.75; 0.125 ... with 8 bins) falls in the upper bin."""
    y = np.array([1, 0, 1, 0, 0, 1, 1, 0])
    p = np.array([0.25, 0.5, 0.75, 0.2, 0.125, 0.375, 0.875, 0.6])
    for b in (4, 8):
        _check(learner.calibration_table(y, p, n_bins=b), y, p, b, what=f"table with p on the edges, n_bins={b}")


def test_random_data_matches_oracle(learner):
    """Random data: the table matches a loop oracle and sklearn's calibration_curve, ECE count-weighted."""
    rng = np.random.default_rng(70)
    for n, b in [(50, 10), (700, 7), (5000, 15)]:
        p = rng.beta(0.7, 1.5, size=n)
        y = (rng.random(n) < np.clip(p + 0.15, 0, 1)).astype(np.int64)
        out = learner.calibration_table(y, p, n_bins=b)
        _check(out, y, p, b, what=f"table (n={n}, n_bins={b})")
        frac, mean_p = calibration_curve(y, p, n_bins=b, strategy="uniform")
        assert_array(out[0]["frac_pos"].to_numpy(), frac, what="frac_pos vs sklearn")
        assert_array(out[0]["mean_p"].to_numpy(), mean_p, what="mean_p vs sklearn")


def test_calibrated_data_small_ece(learner):
    """Perfectly calibrated synthetic data (y ~ Bernoulli(p)) gives ECE < 0.02 and counts summing to n."""
    rng = np.random.default_rng(71)
    n = 100_000
    p = rng.random(n)
    y = (rng.random(n) < p).astype(np.int64)
    table, ece = _unpack(learner.calibration_table(y, p))
    assert isinstance(table, pd.DataFrame), "the table should be a DataFrame"
    assert int(table["count"].sum()) == n, "the counts should sum to the number of rows"
    assert len(table) == 10, "all 10 bins are non-empty here, the table should have 10 rows"
    assert 0 <= ece < 0.02, f"ECE of calibrated data should be below 0.02, got {float(ece):.4g}"


def test_empty_bins_dropped_and_single_bin(learner):
    """Empty bins are dropped (index reset to 0..k-1); n_bins=1 gives one row with the overall means."""
    y = np.array([True, False, True, True, False])
    p = np.array([0.91, 0.07, 0.96, 0.99, 0.02])
    _check(learner.calibration_table(y, p, n_bins=20), y, p, 20, what="table with many empty bins")
    _check(learner.calibration_table(y, p, n_bins=1), y, p, 1, what="table with n_bins=1")


def test_invalid_input_raises(learner):
    """p outside [0, 1], n_bins < 1, empty inputs or different lengths raise ValueError."""
    y = np.array([0, 1, 1])
    _expect_value_error(lambda: learner.calibration_table(y, np.array([0.2, 1.2, 0.5])), "p above 1")
    _expect_value_error(lambda: learner.calibration_table(y, np.array([0.2, -0.1, 0.5])), "p below 0")
    _expect_value_error(lambda: learner.calibration_table(y, np.array([0.2, 0.4, 0.5]), n_bins=0), "n_bins=0")
    _expect_value_error(lambda: learner.calibration_table(np.array([], dtype=np.int64), np.array([], dtype=np.float64)),
                        "empty input")
    _expect_value_error(lambda: learner.calibration_table(y, np.array([0.2, 0.4])), "inputs of different lengths")


def test_inputs_not_modified(learner):
    """The input arrays are left unchanged."""
    y = np.array([1, 0, 1, 0, 1])
    p = np.array([1.0, 0.0, 0.33, 0.71, 0.5])
    _, after = learner.calibration_table.call_keep_args(y.copy(), p.copy(), 4)
    assert_array(after[0], y, rtol=0, atol=0, what="y after the call")
    assert_array(after[1], p, rtol=0, atol=0, what="p after the call")
