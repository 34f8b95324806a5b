import numpy as np
from scipy import stats

from grader.checklib import assert_array, assert_scalar, assert_type


def _triple(result):
    assert_type(result, tuple, "result")
    assert len(result) == 3, f"result should be a tuple (stat, dof, expected) of length 3, got length {len(result)}"
    stat, dof, expected = result
    assert isinstance(stat, (float, np.floating)), f"stat should be a float, got {type(stat).__name__}"
    assert isinstance(dof, (int, np.integer)) and not isinstance(dof, (bool, np.bool_)), \
        f"dof should be an int, got {type(dof).__name__}"
    assert_type(expected, np.ndarray, "expected")
    return float(stat), int(dof), expected


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def _check_vs_scipy(learner, table, label):
    stat, dof, expected = _triple(learner.chi2_independence(table))
    ref = stats.chi2_contingency(table, correction=False)
    assert_scalar(stat, ref.statistic, what=f"statistic for the {label} table")
    assert dof == int(ref.dof), f"dof for the {label} table is {dof}, expected {int(ref.dof)}"
    assert_array(expected, np.asarray(ref.expected_freq, dtype=np.float64), what=f"expected counts for the {label} table")


def test_worked_example(learner):
    """The 2 x 3 worked example gives the stated statistic, dof and expected counts."""
    table = np.array([[20, 15, 25], [30, 35, 15]])
    stat, dof, expected = _triple(learner.chi2_independence(table))
    assert_scalar(stat, 9.84375, what="statistic")
    assert dof == 2, f"dof is {dof}, expected 2"
    want = np.array([[150 / 7, 150 / 7, 120 / 7], [200 / 7, 200 / 7, 160 / 7]])
    assert_array(expected, want, what="expected counts")


def test_2x2_matches_scipy_without_correction(learner):
    """2 x 2 tables match scipy.stats.chi2_contingency(correction=False) (no Yates correction)."""
    for table in (np.array([[12, 5], [7, 16]]), np.array([[90, 10], [80, 20]]), np.array([[3, 0], [1, 4]])):
        _check_vs_scipy(learner, table, "2 x 2")


def test_3x4_matches_scipy(learner):
    """A 3 x 4 table matches scipy.stats.chi2_contingency(correction=False)."""
    table = np.array([[18, 22, 9, 31], [25, 14, 17, 12], [7, 30, 21, 16]])
    _check_vs_scipy(learner, table, "3 x 4")


def test_random_tables_match_scipy(learner):
    """Random tables of shapes 2 x 5, 5 x 2 and 4 x 4 (int and float counts) match scipy."""
    rng = np.random.default_rng(4)
    for shape in ((2, 5), (5, 2), (4, 4)):
        table = rng.integers(1, 60, size=shape)
        _check_vs_scipy(learner, table, f"{shape[0]} x {shape[1]} integer")
    table = rng.uniform(0.5, 40.0, size=(3, 3))
    _check_vs_scipy(learner, table, "3 x 3 float")


def test_expected_margins_equal_observed(learner):
    """Expected counts are float64 of the table's shape, with the same row and column totals as the table."""
    table = np.array([[5, 9, 14, 2, 7], [11, 3, 6, 8, 1], [4, 12, 10, 5, 9]], dtype=np.int64)
    _, dof, expected = _triple(learner.chi2_independence(table))
    assert expected.shape == table.shape, f"expected has shape {expected.shape}, expected {table.shape}"
    assert expected.dtype == np.float64, f"expected has dtype {expected.dtype}, expected float64"
    assert_array(expected.sum(axis=1), table.sum(axis=1).astype(np.float64), what="row totals of expected")
    assert_array(expected.sum(axis=0), table.sum(axis=0).astype(np.float64), what="column totals of expected")
    assert dof == 8, f"dof for a 3 x 5 table is {dof}, expected 8"


def test_independent_table_gives_zero(learner):
    """A table whose rows are proportional gives statistic 0 and expected equal to the table."""
    table = np.outer(np.array([1, 2, 3]), np.array([4, 1, 5, 2])) * 3
    stat, _, expected = _triple(learner.chi2_independence(table))
    assert_scalar(stat, 0.0, atol=1e-9, what="statistic for a perfectly independent table")
    assert_array(expected, table.astype(np.float64), what="expected counts for a perfectly independent table")


def test_all_zero_row_or_column_raises(learner):
    """A row or a column of all zeros raises ValueError."""
    _expect_value_error(lambda: learner.chi2_independence(np.array([[3, 4, 5], [0, 0, 0], [2, 6, 1]])),
                        "a table with an all-zero row")
    _expect_value_error(lambda: learner.chi2_independence(np.array([[3, 0, 5], [2, 0, 1]])),
                        "a table with an all-zero column")


def test_invalid_tables_raise(learner):
    """A table that is not 2-D, has a single row or column, or holds a negative count raises ValueError."""
    cases = [("a 1-D array", np.array([3, 4, 5])),
             ("a 1 x 3 table", np.array([[3, 4, 5]])),
             ("a 3 x 1 table", np.array([[3], [4], [5]])),
             ("a 3-D array", np.ones((2, 2, 2))),
             ("a negative count", np.array([[3, -1], [2, 5]]))]
    for what, table in cases:
        _expect_value_error(lambda: learner.chi2_independence(table), what)


def test_input_not_modified(learner):
    """The input table is left unchanged."""
    table = np.array([[10, 20], [30, 5]], dtype=np.int64)
    _, args = learner.chi2_independence.call_keep_args(table)
    assert_array(args[0], table, rtol=0, atol=0, what="table after the call")
