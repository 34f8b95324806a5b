import numpy as np
import pytest

Z = {0.95: 1.959963984540054, 0.8: 1.2815515655446004}


def _np_fn(learner, name):
    """A handle to numpy.<name> (or module.<name>) living in the sandbox, to pass as `stat`."""
    module, _, attr = name.rpartition(".")
    return getattr(learner.invoke("importlib.import_module", module or "numpy"), attr)


def _rng(learner, seed):
    return learner.invoke("numpy.random.default_rng", seed)


def _pair(res):
    assert type(res) is tuple and len(res) == 2, "bootstrap_diff_ci should return a tuple (lower, upper)"
    for name, v in zip(("lower", "upper"), res):
        assert isinstance(v, (float, np.floating)) and not isinstance(v, bool), \
            f"{name} should be a float, got {type(v).__name__}"
    lo, hi = float(res[0]), float(res[1])
    assert lo <= hi, f"lower ({lo:.6g}) should not exceed upper ({hi:.6g})"
    return lo, hi


def test_worked_example_brackets_difference(learner):
    """The worked example returns an ordered float pair around mean(b) - mean(a) = 2.93."""
    a = np.array([12.0, 15.5, 9.8, 14.1, 11.3, 13.7, 10.9, 12.6])
    b = np.array([14.2, 16.8, 13.1, 17.5, 15.0, 15.9])
    lo, hi = _pair(learner.bootstrap_diff_ci(a, b, _np_fn(learner, "mean"), 2000, 0.95, _rng(learner, 0)))
    assert 0.8 < lo < 1.7 and 4.2 < hi < 5.1, \
        f"the interval ({lo:.4g}, {hi:.4g}) is far from the expected one (about 1.29 to 4.67); is it stat(b) - stat(a)?"


def test_each_group_keeps_its_size(learner):
    """With stat = len and unequal sizes every difference is n_b - n_a (both orders of sizes)."""
    length = _np_fn(learner, "builtins.len")
    for na, nb in ((30, 12), (12, 30)):
        a = np.arange(na, dtype=float)
        b = np.arange(nb, dtype=float) + 100.0
        lo, hi = _pair(learner.bootstrap_diff_ci(a, b, length, 200, 0.95, _rng(learner, na)))
        assert lo == nb - na and hi == nb - na, \
            f"with stat=len, n_a={na}, n_b={nb} the interval is ({lo}, {hi}); each resample must keep its group's size"


def test_same_seed_same_interval(learner):
    """Generators created with the same seed give exactly the same interval (randomness only via rng)."""
    g = np.random.default_rng(1)
    a, b = g.normal(size=25), g.normal(0.3, 1.0, size=35)
    mean = _np_fn(learner, "mean")
    first = _pair(learner.bootstrap_diff_ci(a, b, mean, 500, 0.9, _rng(learner, 42)))
    second = _pair(learner.bootstrap_diff_ci(a, b, mean, 500, 0.9, _rng(learner, 42)))
    assert first == second, "two calls with generators of the same seed gave different intervals"
    other = _pair(learner.bootstrap_diff_ci(a, b, mean, 500, 0.9, _rng(learner, 43)))
    assert other != first, "a generator with another seed gave exactly the same interval; use the rng you receive"


def test_centre_and_width_match_normal_theory(learner):
    """Difference of means, sizes 150 and 300: centred on mean(b) - mean(a), width within 10% of theory."""
    g = np.random.default_rng(4)
    a, b = g.normal(0.0, 2.0, size=150), g.normal(0.5, 1.0, size=300)
    se = np.sqrt(a.var() / a.size + b.var() / b.size)
    diff = b.mean() - a.mean()
    mean = _np_fn(learner, "mean")
    for i, conf in enumerate((0.95, 0.8)):
        lo, hi = _pair(learner.fn("bootstrap_diff_ci", timeout=5.0)(a, b, mean, 3000, conf, _rng(learner, 10 + i)))
        centre = (lo + hi) / 2
        assert abs(centre - diff) < 0.25 * se, \
            f"conf={conf}: the interval is centred at {centre:.4f}, but mean(b) - mean(a) = {diff:.4f}"
        ratio = (hi - lo) / (2 * Z[conf] * se)
        assert 0.9 < ratio < 1.1, \
            f"conf={conf}: the width is {ratio:.3f} times the normal-theory width (expected close to 1)"


def test_covers_true_shift_in_simulation(learner):
    """Over 200 simulated pairs (sizes 40 and 60, true shift 1) the 95% interval covers 1 in 90-99% of cases."""
    g = np.random.default_rng(26)
    A, B = g.normal(0.0, 1.0, (200, 40)), g.normal(1.0, 1.5, (200, 60))
    mean = _np_fn(learner, "mean")
    rng = _rng(learner, 2024)
    hits = 0
    for a, b in zip(A, B):
        lo, hi = _pair(learner.bootstrap_diff_ci(a, b, mean, 300, 0.95, rng))
        hits += lo <= 1.0 <= hi
    coverage = hits / len(A)
    assert 0.90 <= coverage <= 0.99, f"coverage of the true shift is {coverage:.3f}, expected between 0.90 and 0.99"


def test_median_statistic(learner):
    """With stat = np.median the interval contains the observed difference of medians and has positive width."""
    g = np.random.default_rng(5)
    a, b = g.exponential(2.0, size=61), g.exponential(3.0, size=45) + 1.0
    lo, hi = _pair(learner.bootstrap_diff_ci(a, b, _np_fn(learner, "median"), 1000, 0.95, _rng(learner, 6)))
    d = float(np.median(b) - np.median(a))
    assert lo < d < hi, f"the interval ({lo:.4g}, {hi:.4g}) should contain the observed difference {d:.4g}"
    assert hi - lo > 0.1, "the interval has (almost) zero width: are both groups resampled with replacement?"


def test_invalid_arguments_raise(learner):
    """An empty group or conf outside (0, 1) raises ValueError."""
    mean = _np_fn(learner, "mean")
    x = np.array([1.0, 2.0, 3.0])
    with pytest.raises(ValueError):
        learner.bootstrap_diff_ci(np.array([], dtype=float), x, mean, 100, 0.95, _rng(learner, 0))
    with pytest.raises(ValueError):
        learner.bootstrap_diff_ci(x, np.array([], dtype=float), mean, 100, 0.95, _rng(learner, 0))
    for conf in (0.0, 1.0):
        with pytest.raises(ValueError):
            learner.bootstrap_diff_ci(x, x + 1, mean, 100, conf, _rng(learner, 0))


def test_inputs_not_modified(learner):
    """Both input arrays are left unchanged."""
    a = np.array([5.0, 1.0, 4.0, 2.0])
    b = np.array([3.0, 9.0, 2.5, 7.0, 6.0])
    _, after = learner.bootstrap_diff_ci.call_keep_args(a, b, _np_fn(learner, "median"), 200, 0.9, _rng(learner, 1))
    assert np.array_equal(after[0], a) and np.array_equal(after[1], b), "your function changed an input array"
