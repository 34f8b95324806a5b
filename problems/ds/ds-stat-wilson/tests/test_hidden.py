import numpy as np

from grader.checklib import assert_scalar, assert_type

# (successes, n, conf, lower, upper) from statsmodels 0.15
# proportion_confint(successes, n, alpha=1 - conf, method="wilson").
STATSMODELS = [
    (7, 20, 0.95, 0.18119182410108206, 0.5671457233147638),
    (1, 3, 0.90, 0.07826572633372836, 0.746466131718776),
    (45, 50, 0.99, 0.7402692104043159, 0.9660091162215817),
    (500, 1000, 0.95, 0.4690696003681042, 0.5309303996318958),
    (3, 1000, 0.80, 0.0014551792043948951, 0.006174664151236031),
    (12, 37, 0.90, 0.2135129602748479, 0.4590768377963049),
    (1, 1, 0.95, 0.20654931437723745, 1.0),
]


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


def test_worked_example(learner):
    """wilson_interval(7, 20) gives the interval from the statement."""
    lo, hi = _pair(learner.wilson_interval(7, 20))
    assert_scalar(lo, 0.18119182410108206, what="lower for 7 of 20")
    assert_scalar(hi, 0.5671457233147638, what="upper for 7 of 20")


def test_matches_statsmodels_references(learner):
    """Intervals at 80%, 90%, 95% and 99% match statsmodels' Wilson intervals."""
    for s, n, conf, lo_ref, hi_ref in STATSMODELS:
        lo, hi = _pair(learner.wilson_interval(s, n, conf))
        assert_scalar(lo, lo_ref, what=f"lower for {s} of {n} at conf={conf}")
        assert_scalar(hi, hi_ref, what=f"upper for {s} of {n} at conf={conf}")


def test_zero_successes_lower_is_zero(learner):
    """With 0 successes the lower bound is 0 and the upper bound is the Wilson value."""
    lo, hi = _pair(learner.wilson_interval(0, 10))
    assert_scalar(lo, 0.0, what="lower for 0 of 10")
    assert_scalar(hi, 0.2775327998628892, what="upper for 0 of 10")
    lo, _ = _pair(learner.wilson_interval(0, 250, 0.99))
    assert_scalar(lo, 0.0, what="lower for 0 of 250 at conf=0.99")


def test_all_successes_upper_is_one(learner):
    """With n successes the upper bound is 1 and the lower bound is the Wilson value."""
    lo, hi = _pair(learner.wilson_interval(10, 10))
    assert_scalar(hi, 1.0, what="upper for 10 of 10")
    assert_scalar(lo, 0.7224672001371107, what="lower for 10 of 10")
    _, hi = _pair(learner.wilson_interval(250, 250, 0.99))
    assert_scalar(hi, 1.0, what="upper for 250 of 250 at conf=0.99")


def test_90_narrower_than_95(learner):
    """The 90% interval lies strictly inside the 95% interval, which lies inside the 99% one."""
    for s, n in [(7, 20), (1, 3), (60, 400)]:
        lo90, hi90 = _pair(learner.wilson_interval(s, n, 0.90))
        lo95, hi95 = _pair(learner.wilson_interval(s, n, 0.95))
        lo99, hi99 = _pair(learner.wilson_interval(s, n, 0.99))
        assert lo99 < lo95 < lo90 and hi90 < hi95 < hi99, \
            f"for {s} of {n}, intervals at 90%, 95%, 99% should be nested with growing width"


def test_mirror_symmetry(learner):
    """Counting failures instead of successes mirrors the interval: (1 - upper, 1 - lower)."""
    rng = np.random.default_rng(0)
    for _ in range(5):
        n = int(rng.integers(1, 300))
        s = int(rng.integers(0, n + 1))
        lo, hi = _pair(learner.wilson_interval(s, n, 0.9))
        lo_f, hi_f = _pair(learner.wilson_interval(n - s, n, 0.9))
        assert_scalar(lo_f, 1.0 - hi, what=f"lower for {n - s} of {n} (mirror of {s} of {n})")
        assert_scalar(hi_f, 1.0 - lo, what=f"upper for {n - s} of {n} (mirror of {s} of {n})")


def test_contains_estimate_and_within_unit_interval(learner, reference):
    """Random counts: the interval matches the reference, contains successes/n and lies in [0, 1]."""
    rng = np.random.default_rng(1)
    for _ in range(8):
        n = int(rng.integers(1, 5000))
        s = int(rng.integers(0, n + 1))
        conf = float(rng.uniform(0.5, 0.999))
        lo, hi = _pair(learner.wilson_interval(s, n, conf))
        lo_ref, hi_ref = reference.wilson_interval(s, n, conf)
        assert_scalar(lo, lo_ref, what=f"lower for {s} of {n} at conf={conf:.4f}")
        assert_scalar(hi, hi_ref, what=f"upper for {s} of {n} at conf={conf:.4f}")
        assert -1e-12 <= lo <= s / n + 1e-12 and s / n - 1e-12 <= hi <= 1 + 1e-12, \
            f"interval for {s} of {n} should contain {s}/{n} and lie within [0, 1]"


def test_numpy_integer_counts(learner):
    """NumPy integer counts give the same interval as Python ints."""
    lo, hi = _pair(learner.wilson_interval(np.int64(12), np.int64(37), 0.9))
    assert_scalar(lo, 0.2135129602748479, what="lower for np.int64(12) of np.int64(37)")
    assert_scalar(hi, 0.4590768377963049, what="upper for np.int64(12) of np.int64(37)")


def test_invalid_input_raises(learner):
    """n < 1, successes outside [0, n], or conf outside (0, 1) raise ValueError."""
    for args, what in [((0, 0), "n = 0"), ((-1, 10), "successes = -1"), ((11, 10), "successes > n"),
                       ((3, 10, 0.0), "conf = 0"), ((3, 10, 1.0), "conf = 1"), ((3, 10, 95.0), "conf = 95")]:
        _expect_value_error(lambda: learner.wilson_interval(*args), what)
