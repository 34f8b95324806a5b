import numpy as np

from grader.checklib import (ArgSpec, assert_raises, binomial_plan, call_log, covers, kernel_function, probe_call,
                             strict_callable)


def _np_fn(learner, name):
    """A handle to numpy.<name> (or another module's function) living in the sandbox."""
    module, _, attr = name.rpartition(".")
    return getattr(learner.invoke("importlib.import_module", module or "numpy"), attr)


def _rng(learner, seed):
    return learner.invoke("numpy.random.default_rng", seed)


def _pair(res):
    assert type(res) is tuple and len(res) == 2, "bootstrap_ci should return a tuple (lower, upper)"
    for name, v in zip(("lower", "upper"), res):
        assert type(v) in (float, np.float64), f"{name} should be a float, got {type(v).__name__}"
    lo, hi = float(res[0]), float(res[1])
    assert lo <= hi, f"lower ({lo:.6g}) should not exceed upper ({hi:.6g})"
    return lo, hi


@covers("percentile", "float-pair")
def test_worked_example(learner):
    """The worked example returns two floats with lower <= upper, close to (2.83, 4.20)."""
    x = np.array([2.1, 3.4, 1.9, 5.6, 4.2, 3.3, 2.8, 4.9, 3.0, 3.7])
    lo, hi = _pair(learner.bootstrap_ci(x, _np_fn(learner, "mean"), 2000, 0.95, _rng(learner, 0)))
    assert 2.6 < lo < 3.0 and 4.0 < hi < 4.4, \
        f"the interval ({lo:.4g}, {hi:.4g}) is far from the expected one (about 2.83 to 4.20)"


@covers("percentile", "n-boot", "float-pair")
def test_interval_is_the_percentiles_of_the_statistics(learner):
    """With a stat that returns known numbers, the interval is exactly their linear-interpolation percentiles.

    The stat returns the numbers of a fixed list in turn, so the bootstrap statistics are known whatever the
    draws: the result must equal np.percentile of them at 100*(1-conf)/2 and 100*(1-(1-conf)/2).
    """
    rng = np.random.default_rng(11)
    x = np.arange(8.0)
    for n_boot, conf in ((1000, 0.9), (7, 0.8), (40, 0.95)):
        values = np.round(rng.gamma(2.0, 3.0, size=n_boot) * (1 + rng.integers(0, 3, n_boot)), 3)
        values[: n_boot // 5] = values[0]  # ties too
        stat = strict_callable(learner, None, ArgSpec("ndarray", ndim=1), returns=values.tolist())
        lo, hi = _pair(learner.bootstrap_ci(x, stat, n_boot, conf, _rng(learner, n_boot)))
        a = 100 * (1 - conf) / 2
        want = np.percentile(values, [a, 100 - a])
        assert np.isclose(lo, want[0], rtol=1e-9, atol=1e-12) and np.isclose(hi, want[1], rtol=1e-9, atol=1e-12), \
            (f"n_boot={n_boot}, conf={conf}: the interval is ({lo:.6g}, {hi:.6g}), but the percentiles of the "
             f"{n_boot} statistics are ({want[0]:.6g}, {want[1]:.6g})")
        assert call_log(stat).calls == n_boot, f"stat was called {call_log(stat).calls} times for n_boot={n_boot}"


@covers("stat-call", "resample-size", "n-boot")
def test_stat_gets_one_resample_at_a_time(learner):
    """stat is called n_boot times, each time with one 1-D array of n values and no other argument (float and int x)."""
    for x in (np.linspace(-2.0, 5.0, 23), np.arange(31)):
        stat = strict_callable(learner, "numpy.mean", ArgSpec("ndarray", ndim=1, dtype="fiu", length=len(x)))
        learner.bootstrap_ci(x, stat, 150, 0.9, _rng(learner, 3))
        log = call_log(stat)
        log.assert_clean("stat")
        assert log.calls == 150, f"stat was called {log.calls} times; expected n_boot = 150"


@covers("with-replacement")
def test_resamples_draw_with_replacement(learner):
    """Each resample leaves out the first and the last position of x about (1 - 1/n)^n of the time.

    x = 0..9 (n = 10), so a position is absent from a resample with probability 0.9^10 = 0.3487.
    Per end: binomial_plan(0.3487, 0.0, false_failure=5e-7) = 36 resamples, accept 1..27 absences:
    false failure 3.7e-07 each (7.4e-07 for the check), power 1.0 against drawing without replacement
    (never absent) and against an index range that misses an end (always absent).
    """
    plan = binomial_plan(0.9 ** 10, 0.0, false_failure=5e-7)
    x = np.arange(10.0)
    code = kernel_function(learner, "lambda r: float(0.0 not in r) + 2.0 * float(9.0 not in r)")
    stat = strict_callable(learner, code, ArgSpec("ndarray", ndim=1))
    learner.bootstrap_ci(x, stat, plan.trials, 0.9, _rng(learner, 21))
    codes = np.array(call_log(stat).returned[: plan.trials])
    assert codes.size == plan.trials, f"stat was called {codes.size} times; expected n_boot = {plan.trials}"
    plan.check(int(np.isin(codes, (1.0, 3.0)).sum()), "resamples without the first position")
    plan.check(int(np.isin(codes, (2.0, 3.0)).sum()), "resamples without the last position")


@covers("rng-only")
def test_draws_only_from_rng(learner):
    """No draw from np.random.* or the random module, and no new generator, during the call."""
    x = np.random.default_rng(2).normal(size=40)
    _, probe = probe_call(learner.fn("bootstrap_ci"), x, _np_fn(learner, "mean"), 200, 0.9, _rng(learner, 4),
                          rng="record")
    probe.assert_rng_only("bootstrap_ci")


@covers("rng-only")
def test_same_seed_same_interval(learner):
    """Generators created with the same seed give exactly the same interval; another seed another one."""
    x = np.random.default_rng(1).normal(size=60)
    mean = _np_fn(learner, "mean")
    first = _pair(learner.bootstrap_ci(x, mean, 500, 0.9, _rng(learner, 42)))
    second = _pair(learner.bootstrap_ci(x, mean, 500, 0.9, _rng(learner, 42)))
    assert first == second, "two calls with generators of the same seed gave different intervals"
    other = _pair(learner.bootstrap_ci(x, mean, 500, 0.9, _rng(learner, 43)))
    assert other != first, "a generator with another seed gave exactly the same interval; use the rng you receive"


@covers("empty-raises")
def test_empty_x_raises(learner):
    """An empty x raises ValueError."""
    with assert_raises(ValueError, "an empty x"):
        learner.bootstrap_ci(np.array([], dtype=float), _np_fn(learner, "mean"), 100, 0.95, _rng(learner, 0))


@covers("n-boot-raises")
def test_n_boot_below_one_raises(learner):
    """n_boot = 0 and n_boot = -3 raise ValueError; n_boot = 1 is valid (one resample: lower = upper)."""
    for n_boot in (0, -3):
        with assert_raises(ValueError, f"n_boot={n_boot}"):
            learner.bootstrap_ci(np.array([1.0, 2.0, 3.0]), _np_fn(learner, "mean"), n_boot, 0.9, _rng(learner, 0))
    lo, hi = _pair(learner.bootstrap_ci(np.array([1.0, 2.0, 3.0]), _np_fn(learner, "mean"), 1, 0.9, _rng(learner, 0)))
    assert lo == hi, f"with n_boot=1 both bounds are the one bootstrap statistic, got ({lo:.6g}, {hi:.6g})"


@covers("conf-raises")
def test_conf_outside_open_interval_raises(learner):
    """conf = 0, 1, 1.5 and -0.2 raise ValueError."""
    for conf in (0.0, 1.0, 1.5, -0.2):
        with assert_raises(ValueError, f"conf={conf}"):
            learner.bootstrap_ci(np.array([1.0, 2.0, 3.0]), _np_fn(learner, "mean"), 100, conf, _rng(learner, 0))


@covers("input-unchanged")
def test_input_not_modified(learner):
    """The input array is left unchanged."""
    x = np.array([5.0, 1.0, 4.0, 2.0, 3.0, 9.0])
    _, after = learner.bootstrap_ci.call_keep_args(x, _np_fn(learner, "median"), 200, 0.9, _rng(learner, 1))
    assert np.array_equal(after[0], x), "your function changed the input array"
