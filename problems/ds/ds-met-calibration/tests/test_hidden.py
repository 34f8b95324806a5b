import math

import numpy as np
import pandas as pd
from sklearn.calibration import calibration_curve

from grader.checklib import assert_array, assert_frame, assert_raises, assert_scalar, covers


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
    assert type(result) is tuple and len(result) == 2, f"{what} should be a tuple (table, ece)"
    table, ece = result
    assert type(ece) in (float, np.float64), f"ECE should be a float, got {type(ece).__name__}"
    return table, ece


def _check(result, y, p, n_bins, what="table"):
    table, ece = _unpack(result)
    exp_table, exp_ece = _oracle(y, p, n_bins)
    assert_frame(table, exp_table, what=what)
    assert_scalar(ece, exp_ece, what=f"ECE ({what})")


@covers("bins", "one-in-last-bin", "inner-edge-upper", "table-stats", "empty-bins-dropped", "row-order", "columns",
        "column-dtypes", "ece-weighted", "result-types")
def test_worked_example(learner):
    """The worked example from the statement (4 bins, an empty bin, p = 0.0, 0.5 and 1.0)."""
    y = np.array([0, 0, 1, 0, 1, 1, 1, 0])
    p = np.array([0.0, 0.1, 0.15, 0.5, 0.55, 0.8, 1.0, 0.9])
    table, ece = _unpack(learner.calibration_table(y, p, n_bins=4))
    expected = pd.DataFrame({"bin": np.array([0, 2, 3], dtype=np.int64), "count": np.array([3, 2, 3], dtype=np.int64),
                             "mean_p": [0.25 / 3, 0.525, 0.9], "frac_pos": [1 / 3, 0.5, 2 / 3]})
    assert_frame(table, expected, what="table")
    assert_scalar(ece, 0.1875, what="ECE")


@covers("one-in-last-bin", "result-types")
def test_zero_and_one_placement(learner):
    """p = 0.0 goes to bin 0 and p = 1.0 to the last bin (not an extra one), for several n_bins."""
    y = np.array([1, 0, 0, 1, 1, 0])
    p = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0])
    for b in (1, 3, 10):
        _check(learner.calibration_table(y, p, n_bins=b), y, p, b, what=f"table for p in {{0, 1}} with n_bins={b}")
    y1 = np.array([1, 1, 0])
    p1 = np.array([1.0, 0.95, 0.05])
    _check(learner.calibration_table(y1, p1, n_bins=5), y1, p1, 5, what="table with p = 1.0 among others")


@covers("inner-edge-upper")
def test_inner_edges_go_to_upper_bin(learner):
    """A p exactly on an inner edge (0.25, 0.5, 0.75; 0.125 ... with 8 bins) falls in the upper bin."""
    y = np.array([1, 0, 1, 0, 0, 1, 1, 0])
    p = np.array([0.25, 0.5, 0.75, 0.2, 0.125, 0.375, 0.875, 0.6])
    for b in (4, 8, 2):
        _check(learner.calibration_table(y, p, n_bins=b), y, p, b, what=f"table with p on the edges, n_bins={b}")


@covers("bins", "table-stats", "ece-weighted", "row-order", "empty-bins-dropped", "columns", "column-dtypes")
def test_random_data_matches_oracle(learner):
    """Random data in random order: the table matches a loop oracle and sklearn's calibration_curve."""
    rng = np.random.default_rng(70)
    for n, b, lo, hi in [(50, 10, 0.0, 1.0), (700, 7, 0.0, 1.0), (5000, 15, 0.0, 1.0), (300, 10, 0.12, 0.67)]:
        p = lo + (hi - lo) * rng.beta(0.7, 1.5, size=n)
        y = (rng.random(n) < np.clip(p + 0.15, 0, 1)).astype(np.int64)
        out = learner.calibration_table(y, p, n_bins=b)
        _check(out, y, p, b, what=f"table (n={n}, n_bins={b})")
        frac, mean_p = calibration_curve(y, p, n_bins=b, strategy="uniform")
        assert_array(out[0]["frac_pos"].to_numpy(), frac, what="frac_pos")
        assert_array(out[0]["mean_p"].to_numpy(), mean_p, what="mean_p")


@covers("empty-bins-dropped", "row-order")
def test_empty_bins_dropped_and_single_bin(learner):
    """Empty bins are dropped (index reset to 0..k-1); n_bins=1 gives one row with the overall means."""
    y = np.array([True, False, True, True, False])
    p = np.array([0.91, 0.07, 0.96, 0.99, 0.02])
    _check(learner.calibration_table(y, p, n_bins=20), y, p, 20, what="table with many empty bins")
    _check(learner.calibration_table(y, p, n_bins=1), y, p, 1, what="table with n_bins=1")
    y2 = np.array([0, 1, 1, 0, 1])
    p2 = np.array([0.55, 0.61, 0.58, 0.97, 0.52])
    _check(learner.calibration_table(y2, p2, n_bins=10), y2, p2, 10, what="table without bin 0")


@covers("label-dtypes")
def test_label_dtypes(learner):
    """Labels given as bool, float (0.0/1.0) or int8 arrays give the same table as int64 labels."""
    rng = np.random.default_rng(72)
    p = rng.random(200)
    y = (rng.random(200) < p).astype(np.int64)
    for yy in (y.astype(bool), y.astype(np.float64), y.astype(np.int8)):
        _check(learner.calibration_table(yy, p, n_bins=6), y, p, 6, what=f"table for {yy.dtype} labels")


@covers("column-dtypes", "result-types")
def test_float32_probabilities(learner):
    """float32 probabilities give the table of their float64 values, with int64 and float64 columns."""
    rng = np.random.default_rng(73)
    centres = (np.arange(10) + 0.5) / 10
    p32 = (rng.choice(centres, size=120) + rng.uniform(-0.04, 0.04, size=120)).astype(np.float32)
    y = (rng.random(120) < p32).astype(np.int64)
    _check(learner.calibration_table(y, p32, n_bins=10), y, p32.astype(np.float64), 10,
           what="table for float32 probabilities")


@covers("default-bins")
def test_default_ten_bins(learner):
    """Without n_bins, ten bins are used (here every one of them is non-empty)."""
    rng = np.random.default_rng(71)
    n = 2000
    p = rng.random(n)
    y = (rng.random(n) < p).astype(np.int64)
    _check(learner.calibration_table(y, p), y, p, 10, what="table with the default n_bins")
    y2 = np.array([0, 1, 1, 0])
    p2 = np.array([0.33, 0.36, 0.41, 0.44])
    _check(learner.calibration_table(y2, p2), y2, p2, 10, what="table with the default n_bins")


@covers("ece-weighted")
def test_calibrated_data_small_ece(learner):
    """Well calibrated synthetic data (y ~ Bernoulli(p)) gives a small ECE; miscalibrated data a large one."""
    rng = np.random.default_rng(74)
    n = 100_000
    p = rng.random(n)
    y = (rng.random(n) < p).astype(np.int64)
    _, ece = _unpack(learner.calibration_table(y, p))
    assert 0 <= ece < 0.02, f"ECE of calibrated data should be below 0.02, got {float(ece):.4g}"
    _check(learner.calibration_table(y, p ** 2, n_bins=10), y, p ** 2, 10, what="table for miscalibrated data")


@covers("empty-raises")
def test_empty_input_raises(learner):
    """Empty inputs raise ValueError."""
    with assert_raises(ValueError, "empty inputs"):
        learner.calibration_table(np.array([], dtype=np.int64), np.array([], dtype=np.float64))
    with assert_raises(ValueError, "empty inputs with n_bins=3"):
        learner.calibration_table(np.array([], dtype=np.int64), np.array([], dtype=np.float64), 3)


@covers("length-raises")
def test_length_mismatch_raises(learner):
    """y and p of different lengths raise ValueError (either one longer, one of length 1 too)."""
    y = np.array([0, 1, 1, 0])
    p = np.array([0.2, 0.4, 0.5, 0.9])
    for yy, pp in ((y, p[:3]), (y[:3], p), (y[:1], p), (y, p[:1])):
        with assert_raises(ValueError, f"{len(yy)} labels and {len(pp)} probabilities"):
            learner.calibration_table(yy, pp, n_bins=4)


@covers("p-range-raises")
def test_p_outside_unit_interval_raises(learner):
    """A p above 1, below 0 or NaN (in any position) raises ValueError; p = 0.0 and 1.0 are valid."""
    y = np.array([0, 1, 1, 0])
    for bad, what in ((1.2, "p above 1"), (1.0000001, "p just above 1"), (-0.1, "p below 0"),
                      (-1e-9, "p just below 0"), (np.nan, "p NaN")):
        for pos in (0, 2):
            p = np.array([0.2, 0.4, 0.5, 0.9])
            p[pos] = bad
            with assert_raises(ValueError, f"{what} at index {pos}"):
                learner.calibration_table(y, p, n_bins=4)
    p = np.array([0.0, 1.0, 1.0, 0.0])
    _check(learner.calibration_table(y, p, n_bins=4), y, p, 4, what="table for p = 0.0 and 1.0")


@covers("n-bins-raises")
def test_n_bins_below_one_raises(learner):
    """n_bins = 0 or negative raises ValueError; n_bins = 1 is valid."""
    y = np.array([0, 1, 1])
    p = np.array([0.2, 0.4, 0.5])
    for b in (0, -1, -3):
        with assert_raises(ValueError, f"n_bins={b}"):
            learner.calibration_table(y, p, n_bins=b)
    _check(learner.calibration_table(y, p, n_bins=1), y, p, 1, what="table with n_bins=1")


@covers("inputs-unchanged")
def test_inputs_not_modified(learner):
    """Your function leaves its input arrays unchanged (p = 1.0 included; bool and float labels)."""
    y = np.array([1, 0, 1, 0, 1])
    p = np.array([1.0, 0.0, 0.33, 0.71, 0.5])
    for yy, pp in ((y, p), (y.astype(bool), p), (y.astype(np.float64), p.astype(np.float32))):
        _, after = learner.calibration_table.call_keep_args(yy, pp, 4)
        assert_array(after[0], yy, rtol=0, atol=0, what="y after the call")
        assert_array(after[1], pp, rtol=0, atol=0, what="p after the call")
