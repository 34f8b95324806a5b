import math

import numpy as np
from scipy.stats import norm

from grader.checklib import assert_raises, assert_scalar, covers


def _triple(result, what):
    assert type(result) is tuple and len(result) == 3, \
        f"{what}: the result should be a tuple (diff, lower, upper) of length 3, got {type(result).__name__}"
    for name, v in zip(("diff", "lower", "upper"), result):
        assert type(v) in (float, np.float64), f"{what}: {name} should be a float, got {type(v).__name__}"
    return tuple(float(v) for v in result)


def _oracle(x_c, n_c, x_t, n_t, conf=0.95):
    x_c, n_c, x_t, n_t = int(x_c), int(n_c), int(x_t), int(n_t)
    p_c, p_t = x_c / n_c, x_t / n_t
    se = math.sqrt(p_c * (1 - p_c) / n_c + p_t * (1 - p_t) / n_t)
    z = norm.ppf(1 - (1 - conf) / 2)
    d = p_t - p_c
    return d, d - z * se, d + z * se


def _check(learner, args, conf=None):
    call = learner.diff_ci(*args) if conf is None else learner.diff_ci(*args, conf=conf)
    shown = tuple(int(a) for a in args)
    what = f"diff_ci{shown}" + ("" if conf is None else f" at conf={conf}")
    got = _triple(call, what)
    want = _oracle(*args, **({} if conf is None else {"conf": conf}))
    for name, g, w in zip(("diff", "lower", "upper"), got, want):
        assert_scalar(g, w, what=f"{name} of {what}")
    return got


@covers("diff", "unpooled-se", "two-sided-z", "float-triple")
def test_worked_example(learner):
    """diff_ci(100, 1000, 130, 1000) gives the statement's (0.03, 0.00207, 0.05793)."""
    got = _triple(learner.diff_ci(100, 1000, 130, 1000), "diff_ci(100, 1000, 130, 1000)")
    for name, g, w in zip(("diff", "lower", "upper"), got, (0.03, 0.0020679344393763725, 0.05793206556062362)):
        assert_scalar(g, w, what=name)


@covers("unpooled-se", "diff")
def test_unequal_arms_and_extreme_rates(learner):
    """Unequal arm sizes, arms of one user, and rates near 0 and 1 give the unpooled normal interval."""
    for args in [(30, 1000, 45, 1200), (480, 500, 190, 200), (7, 50, 21, 400), (3, 4, 1, 9), (250, 2000, 240, 2000),
                 (1, 1, 2, 5), (3, 7, 0, 1), (0, 1, 1, 2)]:
        _check(learner, args)


@covers("two-sided-z")
def test_other_confidence_levels(learner):
    """conf = 0.80, 0.90, 0.99 and 0.999 use the two-sided critical value of that level."""
    for conf in (0.8, 0.9, 0.99, 0.999):
        _check(learner, (120, 1500, 150, 1400), conf=conf)


@covers("diff")
def test_sign_is_treatment_minus_control(learner):
    """diff is treatment minus control: positive when treatment converts more, negative when it converts less."""
    d_up, lo_up, _ = _triple(learner.diff_ci(50, 1000, 80, 1000), "diff_ci(50, 1000, 80, 1000)")
    d_down, _, hi_down = _triple(learner.diff_ci(80, 1000, 50, 1000), "diff_ci(80, 1000, 50, 1000)")
    assert d_up > 0 and lo_up > 0, "treatment 8% vs control 5%: diff and its lower bound should be positive"
    assert d_down < 0 and hi_down < 0, "treatment 5% vs control 8%: diff and its upper bound should be negative"
    assert_scalar(d_down, -d_up, what="diff after swapping the arms")


@covers("two-sided-z")
def test_interval_centered_and_ordered(learner):
    """lower <= diff <= upper and the interval is symmetric around diff."""
    d, lo, hi = _triple(learner.diff_ci(17, 230, 29, 180), "diff_ci(17, 230, 29, 180)")
    assert lo <= d <= hi, "the interval should satisfy lower <= diff <= upper"
    assert_scalar(hi - d, d - lo, what="upper - diff (vs diff - lower)")


@covers("unpooled-se")
def test_excludes_zero_iff_unpooled_test_rejects(learner):
    """On chosen arm sizes the 95% interval excludes 0 exactly when the unpooled two-sided z-test rejects."""
    cases = [(16, 200, 101, 800), (11, 200, 21, 800), (51, 200, 261, 800), (31, 200, 81, 800),
             (100, 1000, 130, 1000), (100, 1000, 115, 1000), (60, 300, 40, 300)]
    for args in cases:
        x_c, n_c, x_t, n_t = args
        p_c, p_t = x_c / n_c, x_t / n_t
        z = (p_t - p_c) / math.sqrt(p_c * (1 - p_c) / n_c + p_t * (1 - p_t) / n_t)
        rejects = 2 * norm.sf(abs(z)) < 0.05
        _, lo, hi = _triple(learner.diff_ci(*args), f"diff_ci{args}")
        excludes = lo > 0 or hi < 0
        assert excludes == rejects, (f"diff_ci{args}: the 95% interval {'excludes' if excludes else 'contains'} 0, "
                                     "but it should not")


@covers("no-clipping")
def test_bounds_may_leave_minus_one_to_one(learner):
    """Small arms with a large difference give bounds beyond 1 (or below -1), not clipped."""
    for args in ((1, 3, 3, 4), (3, 4, 1, 3), (0, 2, 2, 3)):
        d, lo, hi = _check(learner, args)
        assert hi > 1 or lo < -1, f"diff_ci{args}: expected a bound outside [-1, 1]"


@covers("zero-variance")
def test_zero_variance_arms(learner):
    """When both arms have rates 0 or 1 the interval collapses to the point diff."""
    for args, d in [((0, 100, 0, 50), 0.0), ((40, 40, 10, 10), 0.0), ((0, 20, 30, 30), 1.0), ((7, 7, 0, 3), -1.0)]:
        got = _triple(learner.diff_ci(*args), f"diff_ci{args}")
        for name, g in zip(("diff", "lower", "upper"), got):
            assert_scalar(g, d, what=f"{name} of diff_ci{args}")


@covers("numpy-counts", "float-triple")
def test_numpy_integer_counts(learner):
    """NumPy integer counts (int64 and int32) give the same interval, for arms of millions of users too."""
    _check(learner, (np.int64(100), np.int64(1000), np.int64(130), np.int64(1000)))
    _check(learner, (np.int32(3000), np.int32(40000), np.int32(3300), np.int32(41000)))
    _check(learner, tuple(np.int64(v) for v in (1_000_000, 5_000_000, 1_100_000, 5_000_000)))
    _check(learner, (np.int64(123_456), np.int64(9_000_000), 130_001, 9_100_000), conf=0.9)


@covers("n-raises")
def test_empty_arm_raises(learner):
    """An arm with no users (or a negative size) raises ValueError."""
    for args in ((0, 0, 5, 10), (1, 10, 0, 0), (0, -3, 1, 5)):
        with assert_raises(ValueError, f"diff_ci{args}"):
            learner.diff_ci(*args)


@covers("x-range-raises")
def test_conversions_outside_arm_raise(learner):
    """Conversions above the arm size or below zero raise ValueError, also where the variance stays positive."""
    for args in ((11, 10, 5, 10), (5, 10, 11, 10), (5, 10, -1, 10), (-1, 10, 5, 10), (3, 2, 0, 1)):
        with assert_raises(ValueError, f"diff_ci{args}"):
            learner.diff_ci(*args)


@covers("conf-raises")
def test_conf_outside_open_interval_raises(learner):
    """conf = 0, 1, 1.5 and -0.2 raise ValueError; conf close to 0 or 1 is valid."""
    for conf in (0.0, 1.0, 1.5, -0.2):
        with assert_raises(ValueError, f"conf={conf}"):
            learner.diff_ci(5, 10, 5, 10, conf=conf)
    _check(learner, (5, 10, 6, 10), conf=0.01)
    _check(learner, (5, 10, 6, 10), conf=0.9999)
