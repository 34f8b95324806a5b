import math

import numpy as np
from scipy import stats

from grader.checklib import assert_array, assert_scalar, assert_type

Z95 = 1.959963984540054


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


def _pair(result):
    assert_type(result, tuple, "result")
    assert len(result) == 2, f"result should be a tuple (lower, upper) of length 2, got length {len(result)}"
    for name, v in zip(("lower", "upper"), result):
        assert isinstance(v, (float, np.floating)) and not isinstance(v, bool), \
            f"{name} should be a float, got {type(v).__name__}"
    return float(result[0]), float(result[1])


def _oracle(x, conf):
    x = np.asarray(x, dtype=np.float64)
    lo, hi = stats.norm.interval(conf, loc=x.mean(), scale=x.std(ddof=1) / np.sqrt(x.size))
    return float(lo), float(hi)


def _standardized(n, seed):
    # A sample of size n with mean exactly 10 and sample standard deviation exactly 2.
    v = np.random.default_rng(seed).normal(size=n)
    return 10.0 + 2.0 * (v - v.mean()) / v.std(ddof=1)


def test_worked_example(learner):
    """The worked example gives the stated 95% and 99% intervals."""
    x = np.array([4.2, 5.1, 3.9, 6.0, 5.5, 4.8, 5.0, 4.4])
    lo, hi = _pair(learner.mean_ci(x))
    assert_scalar(lo, 4.382498143344247, what="lower (95%)")
    assert_scalar(hi, 5.342501856655755, what="upper (95%)")
    lo, hi = _pair(learner.mean_ci(x, conf=0.99))
    assert_scalar(lo, 4.231670628703203, what="lower (99%)")
    assert_scalar(hi, 5.493329371296799, what="upper (99%)")


def test_precomputed_values(learner):
    """A sample with mean 10 and s = 2 gives 10 -/+ z * 2 / sqrt(n) at 80%, 90% and 95%."""
    x = _standardized(16, 0)
    for conf, z in [(0.80, 1.2815515655446004), (0.90, 1.6448536269514722), (0.95, Z95)]:
        lo, hi = _pair(learner.mean_ci(x, conf))
        assert_scalar(lo, 10.0 - z * 0.5, what=f"lower at conf={conf}")
        assert_scalar(hi, 10.0 + z * 0.5, what=f"upper at conf={conf}")


def test_random_samples_match_scipy(learner):
    """Random samples match scipy.stats.norm.interval with scale s / sqrt(n)."""
    rng = np.random.default_rng(1)
    for n, conf in [(2, 0.95), (5, 0.9), (30, 0.99), (1000, 0.5), (57, 0.999)]:
        x = rng.exponential(scale=3.0, size=n)
        lo, hi = _pair(learner.mean_ci(x, conf))
        lo_ref, hi_ref = _oracle(x, conf)
        assert_scalar(lo, lo_ref, what=f"lower for n={n}, conf={conf}")
        assert_scalar(hi, hi_ref, what=f"upper for n={n}, conf={conf}")


def test_symmetric_about_mean(learner):
    """The interval is centred on the sample mean."""
    x = np.random.default_rng(2).gamma(2.0, size=41)
    lo, hi = _pair(learner.mean_ci(x))
    assert_scalar((lo + hi) / 2, float(np.mean(x)), what="midpoint of the interval")
    assert lo < hi, "lower should be below upper for a non-constant sample"


def test_width_scales_with_inverse_sqrt_n(learner):
    """With the same s, four times as many values halve the width."""
    lo25, hi25 = _pair(learner.mean_ci(_standardized(25, 3)))
    lo100, hi100 = _pair(learner.mean_ci(_standardized(100, 4)))
    assert_scalar(hi25 - lo25, 2 * Z95 * 2.0 / 5.0, what="width for n=25, s=2")
    assert_scalar((hi25 - lo25) / (hi100 - lo100), 2.0, what="width(n=25) / width(n=100)")


def test_99_wider_than_95(learner):
    """The 99% interval contains the 95% interval, which contains the 90% one."""
    x = np.random.default_rng(5).normal(3.0, 1.5, size=20)
    lo90, hi90 = _pair(learner.mean_ci(x, 0.90))
    lo95, hi95 = _pair(learner.mean_ci(x, 0.95))
    lo99, hi99 = _pair(learner.mean_ci(x, 0.99))
    assert lo99 < lo95 < lo90 and hi90 < hi95 < hi99, "intervals at 90%, 95%, 99% should be nested with growing width"


def test_constant_and_integer_input(learner):
    """A constant sample gives (m, m); an int64 array equals its float64 version."""
    lo, hi = _pair(learner.mean_ci(np.full(6, 2.5)))
    assert_scalar(lo, 2.5, what="lower for a constant sample")
    assert_scalar(hi, 2.5, what="upper for a constant sample")
    x = np.array([3, 9, 4, 1, 7, 7, 2], dtype=np.int64)
    lo, hi = _pair(learner.mean_ci(x, 0.9))
    lo_ref, hi_ref = _oracle(x.astype(float), 0.9)
    assert_scalar(lo, lo_ref, what="lower for int64 input")
    assert_scalar(hi, hi_ref, what="upper for int64 input")


def test_invalid_input_raises(learner):
    """Fewer than two values, or conf outside (0, 1), raise ValueError."""
    _expect_value_error(lambda: learner.mean_ci(np.array([1.5])), "a single value")
    _expect_value_error(lambda: learner.mean_ci(np.array([], dtype=np.float64)), "an empty array")
    x = np.array([1.0, 2.0, 4.0])
    for conf in (0.0, 1.0, 95.0, -0.5):
        _expect_value_error(lambda: learner.mean_ci(x, conf), f"conf = {conf}")


def test_input_not_modified(learner):
    """The input array is left unchanged."""
    x = np.array([3.0, -1.0, 4.0, 1.5, 9.0])
    _, after = learner.mean_ci.call_keep_args(x.copy())
    assert_array(after[0], x, rtol=0, atol=0, what="your input after the call")
