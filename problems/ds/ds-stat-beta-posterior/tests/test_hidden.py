import numpy as np
from scipy import stats

from grader.checklib import assert_raises, assert_scalar, covers

KEYS = {"a", "b", "mean", "mode"}


def _is_float(v):
    return type(v) in (float, np.float64)


def _result(out, label):
    assert isinstance(out, dict), f"{label}: result should be a dict, got {type(out).__name__}"
    assert set(out) == KEYS, f"{label}: keys should be exactly 'a', 'b', 'mean', 'mode', got {sorted(map(str, out))!r:.80}"
    for k in ("a", "b", "mean"):
        assert _is_float(out[k]), f"{label}: {k!r} should be a float, got {type(out[k]).__name__}"
    assert out["mode"] is None or _is_float(out["mode"]), \
        f"{label}: 'mode' should be a float or None, got {type(out['mode']).__name__}"
    return out


def _check(out, a, b, mean, mode, label):
    out = _result(out, label)
    assert_scalar(out["a"], a, what=f"{label}: 'a'")
    assert_scalar(out["b"], b, what=f"{label}: 'b'")
    assert_scalar(out["mean"], mean, what=f"{label}: 'mean'")
    if mode is None:
        assert out["mode"] is None, f"{label}: 'mode' should be None, got {out['mode']!r:.30}"
    else:
        assert out["mode"] is not None, f"{label}: 'mode' should be a number, got None"
        assert_scalar(out["mode"], mode, what=f"{label}: 'mode'")


@covers("update", "mean", "mode", "float-values", "exact-keys")
def test_uniform_prior_example(learner):
    """Uniform prior Beta(1, 1) with 7 of 10 gives Beta(8, 4), mean 2/3, mode 0.7."""
    _check(learner.beta_posterior(1, 1, 7, 10), 8.0, 4.0, 2 / 3, 0.7, "beta_posterior(1, 1, 7, 10)")


@covers("float-values", "exact-keys")
def test_exact_keys_and_float_values(learner):
    """The dict has exactly the keys a, b, mean, mode, with float values even for integer inputs."""
    _result(learner.beta_posterior(2, 3, 4, 9), "beta_posterior(2, 3, 4, 9)")
    _result(learner.beta_posterior(1, 1, 0, 0), "beta_posterior(1, 1, 0, 0)")


@covers("zero-trials")
def test_zero_trials_returns_prior(learner):
    """With no trials the posterior is the prior, with the prior's mean and mode."""
    _check(learner.beta_posterior(2.5, 4.0, 0, 0), 2.5, 4.0, 2.5 / 6.5, 1.5 / 4.5, "beta_posterior(2.5, 4.0, 0, 0)")
    _check(learner.beta_posterior(0.5, 0.5, 0, 0), 0.5, 0.5, 0.5, None, "beta_posterior(0.5, 0.5, 0, 0)")


@covers("update", "mean", "float-values")
def test_parameters_and_mean_match_scipy(learner):
    """Posterior parameters use failures for b; the mean matches scipy.stats.beta."""
    for a, b, s, t in [(2.0, 2.0, 3, 20), (0.5, 0.5, 12, 15), (10.0, 1.5, 0, 40), (3.7, 8.2, 55, 55)]:
        ap, bp = a + s, b + t - s
        out = _result(learner.beta_posterior(a, b, s, t), f"beta_posterior({a}, {b}, {s}, {t})")
        assert_scalar(out["a"], ap, what=f"'a' for ({a}, {b}, {s}, {t})")
        assert_scalar(out["b"], bp, what=f"'b' for ({a}, {b}, {s}, {t})")
        assert_scalar(out["mean"], float(stats.beta(ap, bp).mean()), what=f"'mean' for ({a}, {b}, {s}, {t})")


@covers("mode")
def test_mode_is_density_peak(learner):
    """When both posterior parameters exceed 1, the mode is where the Beta density peaks."""
    grid = np.linspace(0.0, 1.0, 200001)
    for a, b, s, t in [(2.0, 2.0, 3, 20), (0.5, 0.5, 3, 10), (1.0, 1.0, 1, 2), (1.2, 30.0, 0, 5)]:
        ap, bp = a + s, b + t - s
        peak = grid[np.argmax(stats.beta(ap, bp).pdf(grid))]
        out = _result(learner.beta_posterior(a, b, s, t), f"beta_posterior({a}, {b}, {s}, {t})")
        assert out["mode"] is not None, f"'mode' for ({a}, {b}, {s}, {t}) should be a number, got None"
        assert_scalar(out["mode"], (ap - 1) / (ap + bp - 2), what=f"'mode' for ({a}, {b}, {s}, {t})")
        assert abs(out["mode"] - peak) < 1e-4, f"'mode' for ({a}, {b}, {s}, {t}) is not where the density peaks"


@covers("mode-none")
def test_mode_none_edge_cases(learner):
    """The mode is None when a posterior parameter is exactly 1 or below 1."""
    cases = [((1, 1, 0, 0), "uniform Beta(1, 1)"), ((1, 2, 0, 5), "a' = 1"), ((2, 1, 4, 4), "b' = 1"),
             ((0.5, 0.5, 0, 3), "a' = 0.5"), ((0.3, 0.7, 0, 0), "both below 1")]
    for args, what in cases:
        out = _result(learner.beta_posterior(*args), f"beta_posterior{args}")
        assert out["mode"] is None, f"'mode' for {what} {args} should be None, got {out['mode']!r:.30}"


@covers("mode-none", "mode")
def test_mode_uses_posterior_parameters(learner):
    """A prior below 1 with enough data has a mode; just above 1 counts as above."""
    _check(learner.beta_posterior(0.5, 0.5, 3, 10), 3.5, 7.5, 3.5 / 11, 2.5 / 9, "beta_posterior(0.5, 0.5, 3, 10)")
    _check(learner.beta_posterior(1.5, 1.0001, 0, 0), 1.5, 1.0001, 1.5 / 2.5001, 0.5 / 0.5001,
           "beta_posterior(1.5, 1.0001, 0, 0)")


@covers("prior-raises")
def test_invalid_prior_raises(learner):
    """A prior parameter that is 0 or negative raises ValueError; small positive ones are valid."""
    for args, what in [((0, 1, 2, 5), "a = 0"), ((1, 0.0, 2, 5), "b = 0.0"), ((1, -2.0, 2, 5), "b = -2"),
                       ((-0.5, 3, 0, 0), "a = -0.5")]:
        with assert_raises(ValueError, what):
            learner.beta_posterior(*args)
    _check(learner.beta_posterior(1e-3, 2e-3, 0, 0), 1e-3, 2e-3, 1 / 3, None, "beta_posterior(0.001, 0.002, 0, 0)")


@covers("counts-raise")
def test_impossible_counts_raise(learner):
    """Negative counts or more successes than trials raise ValueError; 0 and all successes are valid."""
    for args, what in [((1, 1, -1, 5), "successes = -1"), ((1, 1, 6, 5), "successes > trials"),
                       ((1, 1, 1, 0), "1 success in 0 trials"), ((1, 1, 0, -3), "trials = -3"),
                       ((2.0, 2.0, -2, -1), "successes = -2, trials = -1")]:
        with assert_raises(ValueError, what):
            learner.beta_posterior(*args)
    _check(learner.beta_posterior(2, 3, 5, 5), 7.0, 3.0, 0.7, 6 / 8, "beta_posterior(2, 3, 5, 5)")
    _check(learner.beta_posterior(2, 3, 0, 5), 2.0, 8.0, 0.2, 1 / 8, "beta_posterior(2, 3, 0, 5)")


@covers("float-values", "zero-trials")
def test_integer_inputs_give_floats_on_every_path(learner):
    """Integer inputs give float a, b, mean (and mode) with and without data, with and without a mode."""
    for args in [(1, 1, 7, 10), (3, 4, 0, 0), (1, 1, 0, 0), (1, 2, 0, 5), (5, 5, 50, 100)]:
        _result(learner.beta_posterior(*args), f"beta_posterior{args}")
    _check(learner.beta_posterior(3, 4, 0, 0), 3.0, 4.0, 3 / 7, 2 / 5, "beta_posterior(3, 4, 0, 0)")
