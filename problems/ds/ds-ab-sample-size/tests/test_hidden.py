import math

import numpy as np
from scipy.stats import norm


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


def _raw(p0, mde, alpha=0.05, power=0.8):
    """Unrounded sample size from the formula, with scipy's normal quantiles (independent oracle)."""
    p1 = p0 + mde
    return (norm.ppf(1 - alpha / 2) + norm.ppf(power)) ** 2 * (p0 * (1 - p0) + p1 * (1 - p1)) / mde ** 2


def _n(result, what):
    assert isinstance(result, (int, np.integer)) and not isinstance(result, (bool, np.bool_)), \
        f"{what}: the result should be an integer (int), got {type(result).__name__}"
    return int(result)


# (p0, mde, alpha, power); every unrounded value is at least 0.02 away from an integer.
CASES = [
    (0.10, 0.01, 0.01, 0.90),
    (0.05, 0.005, 0.05, 0.80),
    (0.20, 0.05, 0.10, 0.80),
    (0.50, 0.10, 0.05, 0.80),
    (0.02, 0.01, 0.05, 0.95),
    (0.60, 0.02, 0.01, 0.80),
    (0.33, 0.04, 0.20, 0.70),
]


def test_worked_example(learner):
    """n_per_arm(0.10, 0.01) with the default alpha and power gives 14749."""
    assert _n(learner.n_per_arm(0.10, 0.01), "n_per_arm(0.10, 0.01)") == 14749, \
        "n_per_arm(0.10, 0.01) should be 14749"


def test_returns_integer(learner):
    """The result is an integer (Python int or NumPy integer), not a float."""
    _n(learner.n_per_arm(0.5, 0.1), "n_per_arm(0.5, 0.1)")
    _n(learner.n_per_arm(0.02, 0.01, 0.05, 0.95), "n_per_arm(0.02, 0.01, 0.05, 0.95)")


def test_matches_formula_several_settings(learner):
    """Several (p0, mde, alpha, power) settings give the rounded-up two-sided formula value."""
    for p0, mde, alpha, power in CASES:
        got = _n(learner.n_per_arm(p0, mde, alpha, power), f"p0={p0}, mde={mde}")
        want = math.ceil(_raw(p0, mde, alpha, power))
        assert got == want, f"n_per_arm({p0}, {mde}, alpha={alpha}, power={power}) is {got}, expected {want}"


def test_rounds_up(learner):
    """A fractional sample size is rounded up, even when the fraction is small (e.g. 11617.03 -> 11618)."""
    for args in [(0.10, 0.01, 0.05, 0.8), (0.10, 0.01, 0.10, 0.8), (0.5, 0.1, 0.05, 0.8)]:
        raw = _raw(*args)
        got = _n(learner.n_per_arm(*args), f"n_per_arm{args}")
        assert got >= raw, f"n_per_arm{args} is {got}, below the unrounded value {raw:.3f}: round up"
        assert got == math.ceil(raw), f"n_per_arm{args} is {got}; round the unrounded value {raw:.3f} up"


def test_smaller_alpha_needs_more(learner):
    """A smaller alpha (stricter test) needs more users: alpha 0.2 > 0.1 > 0.05 > 0.01 in strictness."""
    ns = [_n(learner.n_per_arm(0.1, 0.02, a, 0.8), f"alpha={a}") for a in (0.2, 0.1, 0.05, 0.01)]
    assert ns[0] < ns[1] < ns[2] < ns[3], f"sizes for alpha 0.2, 0.1, 0.05, 0.01 should increase, got {ns}"
    assert ns[2] == math.ceil(_raw(0.1, 0.02, 0.05, 0.8)) and ns[0] == math.ceil(_raw(0.1, 0.02, 0.2, 0.8)), \
        "sizes for alpha 0.05 or 0.2 differ from the two-sided formula"


def test_more_power_needs_more(learner):
    """Higher power needs more users: power 0.6 < 0.8 < 0.9 < 0.99."""
    ns = [_n(learner.n_per_arm(0.3, 0.03, 0.05, pw), f"power={pw}") for pw in (0.6, 0.8, 0.9, 0.99)]
    assert ns[0] < ns[1] < ns[2] < ns[3], f"sizes for power 0.6, 0.8, 0.9, 0.99 should increase, got {ns}"
    assert ns[3] == math.ceil(_raw(0.3, 0.03, 0.05, 0.99)), "size for power 0.99 differs from the formula"


def test_larger_mde_needs_fewer(learner):
    """A larger minimum detectable effect needs fewer users (mde 0.005, 0.01, 0.02, 0.05 from p0 = 0.1)."""
    ns = [_n(learner.n_per_arm(0.1, m), f"mde={m}") for m in (0.005, 0.01, 0.02, 0.05)]
    assert ns[0] > ns[1] > ns[2] > ns[3], f"sizes for mde 0.005, 0.01, 0.02, 0.05 should decrease, got {ns}"


def test_defaults_and_keywords(learner):
    """Defaults are alpha = 0.05 and power = 0.8; the arguments can be passed by keyword."""
    a = _n(learner.n_per_arm(0.25, 0.03), "defaults")
    b = _n(learner.n_per_arm(p0=0.25, mde=0.03, alpha=0.05, power=0.8), "keywords")
    assert a == b == math.ceil(_raw(0.25, 0.03)), "n_per_arm(0.25, 0.03) should use alpha=0.05, power=0.8"


def test_p1_at_least_one_raises(learner):
    """p1 = p0 + mde >= 1 raises ValueError (e.g. p0 = 0.95 with mde = 0.05, p0 = 0.9 with mde = 0.2)."""
    for p0, mde in [(0.95, 0.05), (0.9, 0.2), (0.5, 0.75)]:
        _expect_value_error(lambda: learner.n_per_arm(p0, mde), f"p0={p0}, mde={mde} (p1 >= 1)")


def test_invalid_arguments_raise(learner):
    """mde <= 0, p0 outside (0, 1), alpha or power outside (0, 1) raise ValueError."""
    bad = [((0.1, 0.0), "mde = 0"), ((0.1, -0.02), "mde < 0"), ((0.0, 0.01), "p0 = 0"),
           ((1.2, 0.01), "p0 > 1"), ((0.1, 0.01, 0.0, 0.8), "alpha = 0"), ((0.1, 0.01, 1.0, 0.8), "alpha = 1"),
           ((0.1, 0.01, 0.05, 1.0), "power = 1"), ((0.1, 0.01, 0.05, 0.0), "power = 0")]
    for args, what in bad:
        _expect_value_error(lambda: learner.n_per_arm(*args), what)
