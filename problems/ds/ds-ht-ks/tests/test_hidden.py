import numpy as np
import pytest
from scipy.stats import ks_2samp

from grader.checklib import assert_scalar


def _ks(learner, a, b):
    d = learner.ks_stat(a, b)
    assert isinstance(d, (float, np.floating)) and not isinstance(d, bool), \
        f"ks_stat should return a float, got {type(d).__name__}"
    return float(d)


def test_worked_example(learner):
    """The worked example from the statement (ties within a and across the samples)."""
    a = np.array([1.0, 2.0, 2.0, 5.0])
    b = np.array([2.0, 3.0, 4.0])
    assert_scalar(_ks(learner, a, b), 5.0 / 12.0, what="KS statistic")


def test_matches_scipy_continuous_unequal_sizes(learner):
    """Continuous data with unequal sizes (and shifted/scaled groups) matches scipy's ks_2samp."""
    rng = np.random.default_rng(0)
    for na, nb, shift, scale in [(30, 50, 0.3, 1.0), (200, 70, 0.0, 2.0), (5, 120, -0.5, 1.0), (1000, 999, 0.05, 1.0)]:
        a = rng.normal(size=na)
        b = rng.normal(loc=shift, scale=scale, size=nb)
        assert_scalar(_ks(learner, a, b), ks_2samp(a, b).statistic, what=f"KS statistic (sizes {na}, {nb})")


def test_ties_within_and_across_samples(learner):
    """Integer-valued samples with many ties inside each sample and between them match scipy."""
    rng = np.random.default_rng(1)
    a0 = np.array([1, 1, 2, 2, 3])
    b0 = np.array([1, 2, 2, 3, 3, 3])
    assert_scalar(_ks(learner, a0, b0), ks_2samp(a0, b0).statistic, what="KS statistic (small tied case)")
    for na, nb in [(40, 25), (100, 100), (7, 300)]:
        a = rng.integers(0, 6, size=na)
        b = rng.integers(1, 8, size=nb)
        assert_scalar(_ks(learner, a, b), ks_2samp(a, b).statistic, what=f"KS statistic (tied data, sizes {na}, {nb})")


def test_maximum_at_a_point_of_b(learner):
    """The largest gap sits at a value that only occurs in b: a=[3,7,9], b=[0,1,2,8] gives 0.75."""
    a = np.array([9.0, 7.0, 3.0])
    b = np.array([0.0, 1.0, 2.0, 8.0])
    assert_scalar(_ks(learner, a, b), 0.75, what="KS statistic")
    assert_scalar(_ks(learner, b, a), 0.75, what="KS statistic with the samples swapped")


def test_identical_and_disjoint_samples(learner):
    """Same values in another order give 0; samples that do not overlap give 1."""
    a = np.array([4.0, 1.0, 3.0, 3.0, 2.0])
    assert_scalar(_ks(learner, a, a[::-1].copy()), 0.0, what="KS statistic of identical samples")
    assert_scalar(_ks(learner, a, a + 10.0), 1.0, what="KS statistic of disjoint samples")
    assert_scalar(_ks(learner, np.array([5.0, 6.0]), np.array([1.0, 2.0, 3.0])), 1.0,
                  what="KS statistic of disjoint samples (b below a)")


def test_single_values(learner):
    """One value per sample: equal values give 0, different values give 1."""
    assert_scalar(_ks(learner, np.array([1.0]), np.array([1.0])), 0.0, what="KS statistic of [1] vs [1]")
    assert_scalar(_ks(learner, np.array([1.0]), np.array([2.0])), 1.0, what="KS statistic of [1] vs [2]")
    assert_scalar(_ks(learner, np.array([2.0]), np.array([1.0, 2.0, 3.0])), 1.0 / 3.0,
                  what="KS statistic of [2] vs [1, 2, 3]")


def test_symmetric(learner):
    """Swapping a and b does not change the statistic."""
    rng = np.random.default_rng(2)
    a = rng.integers(0, 20, size=33).astype(float)
    b = rng.integers(3, 25, size=18).astype(float)
    assert_scalar(_ks(learner, b, a), _ks(learner, a, b), what="KS statistic after swapping a and b")


def test_empty_sample_raises(learner):
    """An empty a or an empty b raises ValueError."""
    with pytest.raises(ValueError):
        learner.ks_stat(np.array([], dtype=float), np.array([1.0, 2.0]))
    with pytest.raises(ValueError):
        learner.ks_stat(np.array([1.0, 2.0]), np.array([], dtype=float))


def test_inputs_not_modified(learner):
    """Unsorted inputs are left unchanged."""
    a = np.array([3.0, 1.0, 2.0, 2.0, 9.0])
    b = np.array([5.0, 0.5, 2.0])
    _, after = learner.ks_stat.call_keep_args(a, b)
    assert np.array_equal(after[0], a) and np.array_equal(after[1], b), \
        "your function changed its input arrays (for example by sorting them in place)"
