import numpy as np
from scipy import stats

from grader.checklib import assert_array, assert_raises, assert_scalar, assert_type, covers


def _triple(result):
    assert_type(result, tuple, "result")
    assert len(result) == 3, f"result should be a tuple (stat, dof, expected) of length 3, got length {len(result)}"
    stat, dof, expected = result
    assert type(stat) in (float, np.float64), f"stat should be a float, got {type(stat).__name__}"
    assert isinstance(dof, (int, np.integer)) and not isinstance(dof, (bool, np.bool_)), \
        f"dof should be an int, got {type(dof).__name__}"
    assert_type(expected, np.ndarray, "expected")
    return float(stat), int(dof), expected


def _check_vs_scipy(learner, table, label):
    stat, dof, expected = _triple(learner.chi2_independence(table))
    ref = stats.chi2_contingency(table, correction=False)
    assert_scalar(stat, ref.statistic, what=f"statistic for the {label} table")
    assert dof == int(ref.dof), f"dof for the {label} table is {dof}, expected {int(ref.dof)}"
    assert_array(expected, np.asarray(ref.expected_freq, dtype=np.float64), what=f"expected counts for the {label} table")


@covers("expected-margins", "pearson-stat", "dof", "result-types")
def test_worked_example(learner):
    """The 2 x 3 worked example gives the stated statistic, dof and expected counts."""
    table = np.array([[20, 15, 25], [30, 35, 15]])
    stat, dof, expected = _triple(learner.chi2_independence(table))
    assert_scalar(stat, 9.84375, what="statistic")
    assert dof == 2, f"dof is {dof}, expected 2"
    want = np.array([[150 / 7, 150 / 7, 120 / 7], [200 / 7, 200 / 7, 160 / 7]])
    assert_array(expected, want, what="expected counts")


@covers("no-yates", "pearson-stat", "expected-margins")
def test_2x2_matches_scipy_without_correction(learner):
    """2 x 2 tables match scipy.stats.chi2_contingency(correction=False) (no Yates correction)."""
    for table in (np.array([[12, 5], [7, 16]]), np.array([[90, 10], [80, 20]]), np.array([[3, 0], [1, 4]])):
        _check_vs_scipy(learner, table, "2 x 2")


@covers("pearson-stat", "expected-margins", "dof")
def test_3x4_matches_scipy(learner):
    """A 3 x 4 table matches scipy.stats.chi2_contingency(correction=False)."""
    table = np.array([[18, 22, 9, 31], [25, 14, 17, 12], [7, 30, 21, 16]])
    _check_vs_scipy(learner, table, "3 x 4")


@covers("pearson-stat", "expected-margins", "dof")
def test_random_tables_match_scipy(learner):
    """Random tables of shapes 2 x 5, 5 x 2 and 4 x 4 (int and float counts) match scipy."""
    rng = np.random.default_rng(4)
    for shape in ((2, 5), (5, 2), (4, 4)):
        table = rng.integers(1, 60, size=shape)
        _check_vs_scipy(learner, table, f"{shape[0]} x {shape[1]} integer")
    table = rng.uniform(0.5, 40.0, size=(3, 3))
    _check_vs_scipy(learner, table, "3 x 3 float")


@covers("expected-margins", "result-types", "dof")
def test_expected_margins_equal_observed(learner):
    """Expected counts are float64 of the table's shape, with the same row and column totals as the table."""
    table = np.array([[5, 9, 14, 2, 7], [11, 3, 6, 8, 1], [4, 12, 10, 5, 9]], dtype=np.int64)
    _, dof, expected = _triple(learner.chi2_independence(table))
    assert expected.shape == table.shape, f"expected has shape {expected.shape}, expected {table.shape}"
    assert expected.dtype == np.float64, f"expected has dtype {expected.dtype}, expected float64"
    assert_array(expected.sum(axis=1), table.sum(axis=1).astype(np.float64), what="row totals of expected")
    assert_array(expected.sum(axis=0), table.sum(axis=0).astype(np.float64), what="column totals of expected")
    assert dof == 8, f"dof for a 3 x 5 table is {dof}, expected 8"


@covers("pearson-stat", "expected-margins")
def test_independent_table_gives_zero(learner):
    """A table whose rows are proportional gives statistic 0 and expected equal to the table."""
    table = np.outer(np.array([1, 2, 3]), np.array([4, 1, 5, 2])) * 3
    stat, _, expected = _triple(learner.chi2_independence(table))
    assert_scalar(stat, 0.0, atol=1e-9, what="statistic for a perfectly independent table")
    assert_array(expected, table.astype(np.float64), what="expected counts for a perfectly independent table")


@covers("large-counts")
def test_large_integer_counts(learner):
    """Integer tables with counts in the billions (products of totals beyond the int64 range) give scipy's values."""
    for table in (np.array([[3_000_000_000, 1_000_000_000], [2_000_000_000, 4_000_000_000]], dtype=np.int64),
                  np.array([[7_000_000_000, 2_500_000_000, 900_000_000], [1_200_000_000, 8_000_000_000, 3_300_000_000]],
                           dtype=np.int64)):
        _check_vs_scipy(learner, table, f"{table.shape[0]} x {table.shape[1]} large-count")


@covers("result-types")
def test_types_for_int_and_float_tables(learner):
    """int32, int64 and float64 tables give a float stat, an integer dof and float64 expected counts of the table's shape."""
    base = np.array([[4, 9, 2], [7, 1, 6], [3, 8, 5], [6, 6, 6]])
    for dtype in (np.int32, np.int64, np.float64):
        table = base.astype(dtype)
        stat, dof, expected = _triple(learner.chi2_independence(table))
        assert expected.dtype == np.float64, f"for a {np.dtype(dtype).name} table, expected has dtype {expected.dtype}"
        assert expected.shape == (4, 3), f"for a 4 x 3 table, expected has shape {expected.shape}"
        ref = stats.chi2_contingency(table, correction=False)
        assert_scalar(stat, ref.statistic, what=f"statistic for a {np.dtype(dtype).name} table")
        assert dof == int(ref.dof), f"dof for a 4 x 3 table is {dof}, expected {int(ref.dof)}"


@covers("zero-margin-raises")
def test_all_zero_row_or_column_raises(learner):
    """A row or a column of all zeros raises ValueError (first, middle or last; int and float tables)."""
    cases = [("an all-zero middle row", np.array([[3, 4, 5], [0, 0, 0], [2, 6, 1]])),
             ("an all-zero first row", np.array([[0.0, 0.0], [2.0, 6.0], [1.0, 1.0]])),
             ("an all-zero middle column", np.array([[3, 0, 5], [2, 0, 1]])),
             ("an all-zero last column", np.array([[3.0, 5.0, 0.0], [2.0, 1.0, 0.0], [4.0, 4.0, 0.0]]))]
    for what, table in cases:
        with assert_raises(ValueError, f"a table with {what}"):
            learner.chi2_independence(table)


@covers("not-2d-raises")
def test_not_2d_raises(learner):
    """A 1-D, 3-D or 0-D array raises ValueError."""
    for what, table in (("a 1-D array", np.array([3, 4, 5])), ("a 3-D array", np.ones((2, 2, 2))),
                        ("a 2 x 3 x 4 array", np.ones((2, 3, 4))), ("a 0-D array", np.array(5))):
        with assert_raises(ValueError, what):
            learner.chi2_independence(table)


@covers("size-raises")
def test_single_row_or_column_raises(learner):
    """A table with one row or one column raises ValueError; a 2 x 2 table is valid."""
    for what, table in (("a 1 x 3 table", np.array([[3, 4, 5]])), ("a 3 x 1 table", np.array([[3], [4], [5]])),
                        ("a 1 x 1 table", np.array([[7]]))):
        with assert_raises(ValueError, what):
            learner.chi2_independence(table)
    _check_vs_scipy(learner, np.array([[1, 2], [3, 4]]), "2 x 2")


@covers("negative-raises")
def test_negative_count_raises(learner):
    """A negative count raises ValueError (int and float tables), even when every total stays positive."""
    for table in (np.array([[3, -1], [2, 5]]), np.array([[4.0, 2.0, 3.0], [1.0, -0.5, 6.0]])):
        with assert_raises(ValueError, "a table with a negative count"):
            learner.chi2_independence(table)


@covers("input-unchanged")
def test_input_not_modified(learner):
    """The input table is left unchanged (integer and float64 tables)."""
    for table in (np.array([[10, 20], [30, 5]], dtype=np.int64), np.array([[10.5, 2.0, 7.0], [3.0, 8.25, 1.0]])):
        _, args = learner.chi2_independence.call_keep_args(table)
        assert_array(args[0], table, rtol=0, atol=0, what="table after the call")
