import itertools
import math

import numpy as np
import pytest

from grader.checklib import assert_scalar


def _rng(learner, seed):
    return learner.invoke("numpy.random.default_rng", seed)


def _se(fn, *args):
    v = fn(*args)
    assert isinstance(v, (float, np.floating)) and not isinstance(v, bool), \
        f"block_bootstrap_se should return a float, got {type(v).__name__}"
    return float(v)


def _ar1(seed, n, phi=0.8):
    g = np.random.default_rng(seed)
    e = g.normal(size=n)
    x = np.empty(n)
    x[0] = e[0] / math.sqrt(1 - phi ** 2)
    for t in range(1, n):
        x[t] = phi * x[t - 1] + e[t]
    return x


def _exact_se(x, L):
    """Exact SD of the resample mean: every tuple of k starts in 0..n-L is equally likely."""
    n = len(x)
    k = math.ceil(n / L)
    means = [np.concatenate([x[s:s + L] for s in st])[:n].mean()
             for st in itertools.product(range(n - L + 1), repeat=k)]
    return float(np.std(means))


def test_worked_example_exact_value(learner):
    """Series 1..7 with L = 3 and 20,000 resamples is within 3% of the exact value 0.8806."""
    x = np.arange(1.0, 8.0)
    v = _se(learner.block_bootstrap_se, x, 3, 20_000, _rng(learner, 0))
    e = _exact_se(x, 3)
    assert abs(v / e - 1) < 0.03, f"got {v:.4f}, the exact value is {e:.4f} (3% tolerance)"


def test_short_series_exact_value(learner):
    """[0, 0, 0, 0, 10] with L = 2 is within 3% of the exact 1.2247 (complete blocks, cut to length n)."""
    x = np.array([0.0, 0.0, 0.0, 0.0, 10.0])
    v = _se(learner.block_bootstrap_se, x, 2, 20_000, _rng(learner, 1))
    e = _exact_se(x, 2)
    assert abs(v / e - 1) < 0.03, f"got {v:.4f}, the exact value is {e:.4f} (3% tolerance)"
    y = np.array([5.0, 1.0, 4.0, 2.0, 8.0, 3.0, 9.0])
    v = _se(learner.block_bootstrap_se, y, 3, 20_000, _rng(learner, 2))
    e = _exact_se(y, 3)
    assert abs(v / e - 1) < 0.03, f"for [5, 1, 4, 2, 8, 3, 9] with L = 3 got {v:.4f}, the exact value is {e:.4f}"


def test_ar1_block_se_above_iid(learner):
    """AR(1) series with phi = 0.8 (n = 2000, L = 50): the block SE is more than twice the iid SE."""
    x = _ar1(0, 2000)
    iid = x.std() / math.sqrt(x.size)
    v = _se(learner.block_bootstrap_se, x, 50, 500, _rng(learner, 3))
    assert v > 2.0 * iid, \
        f"block SE {v:.4f} is only {v / iid:.2f} times the iid SE {iid:.4f}; expected about 3 times"


def test_block_length_one_matches_iid(learner):
    """With L = 1 the result is within 10% of std(x) / sqrt(n) (an AR(1) series of 400 values)."""
    x = _ar1(1, 400)
    iid = x.std() / math.sqrt(x.size)
    v = _se(learner.block_bootstrap_se, x, 1, 2000, _rng(learner, 4))
    assert abs(v / iid - 1) < 0.10, f"with block_len=1 got {v:.5f}, expected close to the iid SE {iid:.5f}"


def test_whole_series_block_gives_zero(learner):
    """block_len = n leaves one possible block (the whole series), so the SE is 0."""
    x = _ar1(2, 30)
    assert_scalar(_se(learner.block_bootstrap_se, x, 30, 200, _rng(learner, 5)), 0.0, atol=1e-9,
                  what="SE with block_len = len(x)")


def test_constant_series_gives_zero(learner):
    """A constant series gives 0."""
    assert_scalar(_se(learner.block_bootstrap_se, np.full(50, 2.5), 7, 300, _rng(learner, 6)), 0.0, atol=1e-9,
                  what="SE of a constant series")


def test_same_seed_same_result(learner):
    """Generators created with the same seed give the same result (randomness only via rng)."""
    x = _ar1(3, 300)
    first = _se(learner.block_bootstrap_se, x, 10, 300, _rng(learner, 42))
    second = _se(learner.block_bootstrap_se, x, 10, 300, _rng(learner, 42))
    assert first == second, "two calls with generators of the same seed gave different results"


def test_invalid_arguments_raise(learner):
    """Empty x, block_len < 1, block_len > len(x) or n_boot < 2 raise ValueError."""
    x = np.arange(10.0)
    for args in ((np.array([], dtype=float), 1, 100), (x, 0, 100), (x, 11, 100), (x, 3, 1)):
        with pytest.raises(ValueError):
            learner.block_bootstrap_se(*args, _rng(learner, 0))


def test_input_not_modified(learner):
    """The input series is left unchanged."""
    x = _ar1(4, 40)
    _, after = learner.block_bootstrap_se.call_keep_args(x, 5, 200, _rng(learner, 7))
    assert np.array_equal(after[0], x), "your function changed the input array"
