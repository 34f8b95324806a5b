import math

import numpy as np
from scipy.stats import norm

from grader.checklib import assert_scalar


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    except Exception as exc:  # statistics.StatisticsError is a ValueError but crosses as its own type
        if getattr(exc, "remote_type", None) == "StatisticsError":
            return
        raise
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def _triple(result, what):
    assert type(result) is tuple and len(result) == 3, \
        f"{what}: the result should be a tuple (diff, lower, upper) of length 3"
    for name, v in zip(("diff", "lower", "upper"), result):
        assert isinstance(v, (float, np.floating)), f"{what}: {name} should be a float, got {type(v).__name__}"
    return tuple(float(v) for v in result)


def _oracle(x_c, n_c, x_t, n_t, conf=0.95):
    p_c, p_t = x_c / n_c, x_t / n_t
    se = math.sqrt(p_c * (1 - p_c) / n_c + p_t * (1 - p_t) / n_t)
    z = norm.ppf(1 - (1 - conf) / 2)
    d = p_t - p_c
    return d, d - z * se, d + z * se


def _check(learner, args, conf=None):
    call = learner.diff_ci(*args) if conf is None else learner.diff_ci(*args, conf=conf)
    what = f"diff_ci{args}" + ("" if conf is None else f" at conf={conf}")
    got = _triple(call, what)
    want = _oracle(*args, **({} if conf is None else {"conf": conf}))
    for name, g, w in zip(("diff", "lower", "upper"), got, want):
        assert_scalar(g, w, what=f"{name} of {what}")
    return got


def test_worked_example(learner):
    """diff_ci(100, 1000, 130, 1000) gives the statement's (0.03, 0.00207, 0.05793)."""
    got = _triple(learner.diff_ci(100, 1000, 130, 1000), "diff_ci(100, 1000, 130, 1000)")
    for name, g, w in zip(("diff", "lower", "upper"), got, (0.03, 0.0020679344393763725, 0.05793206556062362)):
        assert_scalar(g, w, what=name)


def test_precomputed_values(learner):
    """Unequal arm sizes and rates near 0 and 1 give the unpooled normal interval."""
    for args in [(30, 1000, 45, 1200), (480, 500, 190, 200), (7, 50, 21, 400), (3, 4, 1, 9), (250, 2000, 240, 2000)]:
        _check(learner, args)


def test_other_confidence_levels(learner):
    """conf = 0.80, 0.90 and 0.99 use the two-sided quantile z_{1 - (1 - conf)/2}."""
    for conf in (0.8, 0.9, 0.99):
        _check(learner, (120, 1500, 150, 1400), conf=conf)


def test_sign_is_treatment_minus_control(learner):
    """diff is treatment minus control: positive when treatment converts more, negative when it converts less."""
    d_up, lo_up, _ = _triple(learner.diff_ci(50, 1000, 80, 1000), "diff_ci(50, 1000, 80, 1000)")
    d_down, _, hi_down = _triple(learner.diff_ci(80, 1000, 50, 1000), "diff_ci(80, 1000, 50, 1000)")
    assert d_up > 0 and lo_up > 0, "treatment 8% vs control 5%: diff and its lower bound should be positive"
    assert d_down < 0 and hi_down < 0, "treatment 5% vs control 8%: diff and its upper bound should be negative"
    assert_scalar(d_down, -d_up, what="diff after swapping the arms")


def test_interval_centered_and_ordered(learner):
    """lower <= diff <= upper and the interval is symmetric around diff."""
    d, lo, hi = _triple(learner.diff_ci(17, 230, 29, 180), "diff_ci(17, 230, 29, 180)")
    assert lo <= d <= hi, "the interval should satisfy lower <= diff <= upper"
    assert_scalar(hi - d, d - lo, what="upper - diff (vs diff - lower)")


def test_excludes_zero_iff_unpooled_test_rejects(learner):
    """On chosen arm sizes the CI excludes 0 exactly when the unpooled two-sided z-test rejects."""
    cases = [(16, 200, 101, 800), (11, 200, 21, 800), (51, 200, 261, 800), (31, 200, 81, 800),
             (100, 1000, 130, 1000), (100, 1000, 115, 1000), (60, 300, 40, 300)]
    for args in cases:
        x_c, n_c, x_t, n_t = args
        p_c, p_t = x_c / n_c, x_t / n_t
        z = (p_t - p_c) / math.sqrt(p_c * (1 - p_c) / n_c + p_t * (1 - p_t) / n_t)
        rejects = 2 * norm.sf(abs(z)) < 0.05
        _, lo, hi = _triple(learner.diff_ci(*args), f"diff_ci{args}")
        excludes = lo > 0 or hi < 0
        assert excludes == rejects, (f"diff_ci{args}: the 95% CI {'excludes' if excludes else 'contains'} 0, but the "
                                     f"unpooled z-test {'rejects' if rejects else 'does not reject'} (z = {z:.3f})")


def test_zero_variance_arms(learner):
    """When both arms have no conversions (or both convert fully) the interval collapses to the point diff."""
    for args, d in [((0, 100, 0, 50), 0.0), ((40, 40, 10, 10), 0.0), ((0, 20, 30, 30), 1.0)]:
        got = _triple(learner.diff_ci(*args), f"diff_ci{args}")
        for name, g in zip(("diff", "lower", "upper"), got):
            assert_scalar(g, d, what=f"{name} of diff_ci{args}")


def test_invalid_input_raises(learner):
    """An empty arm, conversions outside [0, n], or conf outside (0, 1) raise ValueError."""
    bad = [((0, 0, 5, 10), "n_c = 0"), ((1, 10, 0, 0), "n_t = 0"), ((11, 10, 5, 10), "x_c > n_c"),
           ((5, 10, -1, 10), "x_t < 0"), ((5, 10, 5, 10, 0.0), "conf = 0"), ((5, 10, 5, 10, 1.0), "conf = 1")]
    for args, what in bad:
        _expect_value_error(lambda: learner.diff_ci(*args), what)
