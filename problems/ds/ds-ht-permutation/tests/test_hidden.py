import itertools
import math

import numpy as np

from grader.checklib import assert_array, assert_scalar

# Small integer data sets whose group sizes are powers of two, so every permuted mean is exact and
# ties between permuted and observed statistics are exact as well.
EXACT_CASES = [
    (np.array([0.0, 0.0, 0.0, 0.0]), np.array([1.0, 1.0, 1.0, 1.0])),
    (np.array([3.0, 7.0, 1.0, 5.0]), np.array([9.0, 6.0, 12.0, 8.0])),
    (np.array([4.0, 10.0]), np.array([1.0, 2.0, 3.0, 7.0])),
]


def _rng(learner, seed):
    """A fresh np.random.Generator living in the sandbox (passed to perm_test as a handle)."""
    return learner.invoke("numpy.random.default_rng", seed)


def _p(value, what="p"):
    assert isinstance(value, (float, np.floating)) and not isinstance(value, bool), \
        f"{what} should be a float, got {type(value).__name__}"
    return float(value)


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def _exact_p(a, b):
    """Exact permutation p-value over all ways to split the pooled data into groups of len(a) and len(b)."""
    pooled = np.concatenate([a, b])
    n, na = pooled.size, a.size
    obs = abs(a.mean() - b.mean())
    hits = total = 0
    for idx in itertools.combinations(range(n), na):
        mask = np.zeros(n, dtype=bool)
        mask[list(idx)] = True
        total += 1
        hits += abs(pooled[mask].mean() - pooled[~mask].mean()) >= obs
    return hits / total


def test_worked_example(learner):
    """The worked example (a = [0, 0, 0, 0], b = [1, 1, 1, 1], n_perm = 999) gives p on the 1/(n_perm + 1) grid near 2/70."""
    a, b = EXACT_CASES[0]
    p = _p(learner.perm_test(a, b, 999, _rng(learner, 1)))
    k = p * 1000
    assert abs(k - round(k)) < 1e-6, f"p = {p:.6g} is not of the form (1 + count) / (n_perm + 1)"
    assert 0.005 <= p <= 0.06, f"p = {p:.6g}; for this data it should be close to 2/70 = 0.0286"


def test_p_in_unit_interval_on_grid(learner):
    """p is a float in (0, 1] of the form (1 + count) / (n_perm + 1), for small and large n_perm."""
    data = np.random.default_rng(11)
    gens = _rng(learner, 100).call_method("spawn", 4)
    for gen, n_perm in zip(gens, (1, 5, 99, 500)):
        a = data.normal(0.0, 1.0, size=9)
        b = data.normal(0.3, 1.0, size=6)
        p = _p(learner.perm_test(a, b, n_perm, gen))
        assert 0.0 < p <= 1.0, f"p = {p:.6g} with n_perm={n_perm} is outside (0, 1]"
        k = p * (n_perm + 1)
        assert abs(k - round(k)) < 1e-6, f"p = {p:.6g} with n_perm={n_perm} is not (1 + count) / (n_perm + 1)"


def test_large_shift_gives_minimum_p(learner):
    """Clearly separated groups give p = 1/(n_perm + 1), whichever group has the larger mean."""
    data = np.random.default_rng(12)
    low = data.normal(0.0, 1.0, size=20)
    high = data.normal(10.0, 1.0, size=22)
    for what, a, b, seed in (("a below b", low, high, 1), ("a above b", high, low, 2)):
        p = _p(learner.perm_test(a, b, 999, _rng(learner, seed)))
        assert_scalar(p, 1 / 1000, what=f"p with {what} and n_perm=999")


def test_matches_exact_permutation_p(learner):
    """On tiny integer samples, p with n_perm = 4000 is within a 6-sigma band of the exact permutation p-value."""
    n_perm = 4000
    for i, (a, b) in enumerate(EXACT_CASES):
        exact = _exact_p(a, b)
        p = _p(learner.fn("perm_test", timeout=10.0)(a, b, n_perm, _rng(learner, 20 + i)))
        band = 6 * math.sqrt(exact * (1 - exact) / n_perm) + 1 / (n_perm + 1)
        assert abs(p - exact) <= band, \
            f"p = {p:.4f} for a={a.tolist()}, b={b.tolist()}, but the exact permutation p-value is {exact:.4f}"


def test_null_mean_p_near_half(learner):
    """Under H0 (both samples from one distribution) the mean p over 200 independent generators is between 0.375 and 0.625."""
    data = np.random.default_rng(13)
    # 200 independent generators made in one round trip (children of one seeded generator).
    gens = _rng(learner, 1000).call_method("spawn", 200)
    ps = []
    for gen in gens:
        a = data.normal(5.0, 2.0, size=12)
        b = data.normal(5.0, 2.0, size=15)
        ps.append(_p(learner.perm_test(a, b, 49, gen)))
    mean = float(np.mean(ps))
    assert 0.375 <= mean <= 0.625, f"the mean p over 200 null data sets is {mean:.3f}; it should be close to 0.5"


def test_same_seed_same_p(learner):
    """Two generators with the same seed give the same p; other generators give other p values."""
    data = np.random.default_rng(14)
    a = data.normal(0.0, 1.0, size=10)
    b = data.normal(0.2, 1.0, size=10)
    p1 = _p(learner.perm_test(a, b, 300, _rng(learner, 42)))
    p2 = _p(learner.perm_test(a, b, 300, _rng(learner, 42)))
    assert p1 == p2, "two generators with the same seed gave different p values"
    others = {_p(learner.perm_test(a, b, 300, gen)) for gen in _rng(learner, 50).call_method("spawn", 6)}
    assert len(others | {p1}) > 1, "seven different generators all gave the same p: use the rng argument for the shuffles"


def test_invalid_arguments_raise(learner):
    """An empty sample or n_perm < 1 raises ValueError."""
    x = np.array([1.0, 2.0, 3.0])
    empty = np.array([], dtype=np.float64)
    _expect_value_error(lambda: learner.perm_test(empty, x, 10, _rng(learner, 0)), "an empty a")
    _expect_value_error(lambda: learner.perm_test(x, empty, 10, _rng(learner, 0)), "an empty b")
    _expect_value_error(lambda: learner.perm_test(x, x + 1.0, 0, _rng(learner, 0)), "n_perm=0")


def test_inputs_not_modified(learner):
    """The input arrays are left unchanged."""
    a = np.array([3.0, 1.5, 4.0, 1.0, 5.5])
    b = np.array([9.0, 2.5, 6.0, 5.0])
    _, args = learner.perm_test.call_keep_args(a, b, 50, _rng(learner, 3))
    assert_array(args[0], a, rtol=0, atol=0, what="a after the call")
    assert_array(args[1], b, rtol=0, atol=0, what="b after the call")
