import numpy as np
import pytest

from grader.checklib import assert_scalar

Z = {0.95: 1.959963984540054, 0.8: 1.2815515655446004}


def _np_fn(learner, name):
    """A handle to numpy.<name> (or another module's function) living in the sandbox."""
    module, _, attr = name.rpartition(".")
    return getattr(learner.invoke("importlib.import_module", module or "numpy"), attr)


def _rng(learner, seed):
    return learner.invoke("numpy.random.default_rng", seed)


def _pair(res):
    assert type(res) is tuple and len(res) == 2, "bootstrap_ci should return a tuple (lower, upper)"
    for name, v in zip(("lower", "upper"), res):
        assert isinstance(v, (float, np.floating)) and not isinstance(v, bool), \
            f"{name} should be a float, got {type(v).__name__}"
    lo, hi = float(res[0]), float(res[1])
    assert lo <= hi, f"lower ({lo:.6g}) should not exceed upper ({hi:.6g})"
    return lo, hi


def test_returns_ordered_float_pair(learner):
    """The worked example returns two floats with lower <= upper that bracket the sample mean."""
    x = np.array([2.1, 3.4, 1.9, 5.6, 4.2, 3.3, 2.8, 4.9, 3.0, 3.7])
    lo, hi = _pair(learner.bootstrap_ci(x, _np_fn(learner, "mean"), 2000, 0.95, _rng(learner, 0)))
    assert lo < x.mean() < hi, f"the interval ({lo:.4g}, {hi:.4g}) should contain the sample mean {x.mean():.4g}"
    assert 2.6 < lo < 3.0 and 4.0 < hi < 4.4, \
        f"the interval ({lo:.4g}, {hi:.4g}) is far from the expected one (about 2.83 to 4.20)"


def test_same_seed_same_interval(learner):
    """Generators created with the same seed give exactly the same interval (randomness only via rng)."""
    x = np.random.default_rng(1).normal(size=60)
    mean = _np_fn(learner, "mean")
    first = _pair(learner.bootstrap_ci(x, mean, 500, 0.9, _rng(learner, 42)))
    second = _pair(learner.bootstrap_ci(x, mean, 500, 0.9, _rng(learner, 42)))
    assert first == second, "two calls with generators of the same seed gave different intervals"
    other = _pair(learner.bootstrap_ci(x, mean, 500, 0.9, _rng(learner, 43)))
    assert other != first, "a generator with another seed gave exactly the same interval; use the rng you receive"


def test_every_resample_has_length_n(learner):
    """With stat = len every resample has length n, so the interval is (n, n)."""
    x = np.arange(37, dtype=float)
    lo, hi = _pair(learner.bootstrap_ci(x, _np_fn(learner, "builtins.len"), 200, 0.95, _rng(learner, 3)))
    assert lo == 37 and hi == 37, f"with stat=len the interval is ({lo}, {hi}); every resample should have length n=37"


def test_width_matches_normal_theory(learner):
    """For the mean of 400 normal values the width is within 8% of 2 z sd / sqrt(n) (conf 0.95 and 0.8)."""
    x = np.random.default_rng(4).normal(loc=3.0, scale=2.0, size=400)
    se = x.std() / np.sqrt(x.size)
    mean = _np_fn(learner, "mean")
    for i, conf in enumerate((0.95, 0.8)):
        lo, hi = _pair(learner.bootstrap_ci(x, mean, 4000, conf, _rng(learner, 10 + i)))
        ratio = (hi - lo) / (2 * Z[conf] * se)
        assert 0.92 < ratio < 1.08, \
            f"conf={conf}: the width is {ratio:.3f} times the normal-theory width (expected close to 1)"
        centre = (lo + hi) / 2
        assert abs(centre - x.mean()) < 0.2 * se, \
            f"conf={conf}: the interval is centred at {centre:.4f}, too far from the sample mean {x.mean():.4f}"


def test_coverage_of_true_mean(learner):
    """Over 300 normal data sets (n=50) the 95% interval for the mean covers the true mean 92-98% of the time."""
    X = np.random.default_rng(37).normal(loc=10.0, scale=3.0, size=(300, 50))
    mean = _np_fn(learner, "mean")
    rng = _rng(learner, 2024)
    hits = 0
    for x in X:
        lo, hi = _pair(learner.bootstrap_ci(x, mean, 300, 0.95, rng))
        hits += lo <= 10.0 <= hi
    coverage = hits / len(X)
    assert 0.92 <= coverage <= 0.98, f"coverage of the 95% interval is {coverage:.3f}, expected between 0.92 and 0.98"


def test_median_statistic(learner):
    """With stat = np.median the interval lies within the data range and contains the sample median."""
    x = np.random.default_rng(5).exponential(scale=2.0, size=81)
    lo, hi = _pair(learner.bootstrap_ci(x, _np_fn(learner, "median"), 1000, 0.95, _rng(learner, 6)))
    med = float(np.median(x))
    assert x.min() <= lo and hi <= x.max(), "a bootstrap interval for the median must lie within the data range"
    assert lo < med < hi, f"the interval ({lo:.4g}, {hi:.4g}) should contain the sample median {med:.4g}"
    assert hi - lo > 0.05, "the interval for the median has (almost) zero width: are you resampling with replacement?"


def test_integer_and_constant_data(learner):
    """Constant data give a zero-width interval at the constant; an integer array works."""
    lo, hi = _pair(learner.bootstrap_ci(np.full(20, 4.5), _np_fn(learner, "mean"), 100, 0.9, _rng(learner, 7)))
    assert_scalar(lo, 4.5, what="lower for constant data")
    assert_scalar(hi, 4.5, what="upper for constant data")
    xi = np.random.default_rng(8).integers(0, 10, size=200)
    lo, hi = _pair(learner.bootstrap_ci(xi, _np_fn(learner, "mean"), 1000, 0.95, _rng(learner, 9)))
    assert lo < xi.mean() < hi, "the interval for integer data should contain the sample mean"


def test_invalid_arguments_raise(learner):
    """An empty x or conf outside (0, 1) raises ValueError."""
    mean = _np_fn(learner, "mean")
    with pytest.raises(ValueError):
        learner.bootstrap_ci(np.array([], dtype=float), mean, 100, 0.95, _rng(learner, 0))
    for conf in (0.0, 1.0, 1.5):
        with pytest.raises(ValueError):
            learner.bootstrap_ci(np.array([1.0, 2.0, 3.0]), mean, 100, conf, _rng(learner, 0))


def test_input_not_modified(learner):
    """The input array is left unchanged."""
    x = np.array([5.0, 1.0, 4.0, 2.0, 3.0, 9.0])
    _, after = learner.bootstrap_ci.call_keep_args(x, _np_fn(learner, "median"), 200, 0.9, _rng(learner, 1))
    assert np.array_equal(after[0], x), "your function changed the input array"
