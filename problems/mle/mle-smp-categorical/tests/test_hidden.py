import numpy as np
import pytest

from grader.checklib import assert_array, assert_raises, probe_call

_SIGMAS = 5.0  # per category; a correct sampler leaves the band with probability ~6e-7 per category


def _rng(learner, seed):
    """A fresh np.random.Generator living in the sandbox (passed to the learner as a handle)."""
    return learner.invoke("numpy.random.default_rng", seed)


def _call(fn, p, size, rng):
    out = fn(p, size, rng)
    assert type(out) is np.ndarray, f"sample_categorical should return a numpy array, got {type(out).__name__}"
    assert out.shape == (size,) and out.dtype == np.int64, \
        f"expected an int64 array of shape ({size},), got {out.dtype} {out.shape}"
    if size:
        assert out.min() >= 0 and out.max() < len(p), "every draw should be a category index in [0, len(p))"
    return out


def _check_frequencies(out, p):
    n = len(out)
    counts = np.bincount(out, minlength=len(p))
    for i, pi in enumerate(p):
        sd = np.sqrt(n * pi * (1 - pi))
        if pi == 0:
            assert counts[i] == 0, f"category {i} has probability 0 but was drawn {counts[i]} times"
        else:
            assert abs(counts[i] - n * pi) <= _SIGMAS * sd, (
                f"category {i} (p={pi:.4g}) was drawn with frequency {counts[i] / n:.4f} over {n} draws, "
                f"more than {_SIGMAS:g} standard deviations away from p")


def test_output_type_and_range(learner):
    """The result is an int64 array of shape (size,) with every entry a valid category index."""
    _call(learner.sample_categorical, np.array([0.25, 0.25, 0.5]), 50, _rng(learner, 0))


def test_frequencies_match_p(learner):
    """Over 200,000 draws from p = [0.2, 0.5, 0, 0.3] every frequency is within 5 sigma of p."""
    p = np.array([0.2, 0.5, 0.0, 0.3])
    _check_frequencies(_call(learner.sample_categorical, p, 200_000, _rng(learner, 1)), p)


def test_frequencies_many_categories(learner):
    """Over 200,000 draws from an uneven 20-category p every frequency is within 5 sigma of p."""
    p = np.random.default_rng(5).dirichlet(np.full(20, 0.7))
    p = p / p.sum()
    _check_frequencies(_call(learner.sample_categorical, p, 200_000, _rng(learner, 2)), p)


def test_zero_probability_never_drawn(learner):
    """Categories with probability 0 (first, middle and last) are never drawn in 200,000 draws."""
    p = np.array([0.0, 0.6, 0.0, 0.4, 0.0])
    out = _call(learner.sample_categorical, p, 200_000, _rng(learner, 3))
    drawn = sorted(set(np.unique(out).tolist()))
    assert drawn == [1, 3], f"only categories 1 and 3 have positive probability, but drawn were {drawn}"
    _check_frequencies(out, p)


def test_one_hot_and_single_category(learner):
    """p = [0, 0, 1] always gives 2; p = [1] always gives 0."""
    out = _call(learner.sample_categorical, np.array([0.0, 0.0, 1.0]), 1000, _rng(learner, 4))
    assert_array(out, np.full(1000, 2, dtype=np.int64), what="draws from p = [0, 0, 1]")
    out = _call(learner.sample_categorical, np.array([1.0]), 10, _rng(learner, 5))
    assert_array(out, np.zeros(10, dtype=np.int64), what="draws from p = [1]")


def test_randomness_comes_from_rng(learner):
    """Same seed gives the same draws; another seed or a second call on one generator gives other draws."""
    p = np.array([0.1, 0.2, 0.3, 0.4])
    a = _call(learner.sample_categorical, p, 200, _rng(learner, 42))
    b = _call(learner.sample_categorical, p, 200, _rng(learner, 42))
    assert_array(b, a, what="draws from a second generator with the same seed")
    c = _call(learner.sample_categorical, p, 200, _rng(learner, 43))
    assert not np.array_equal(a, c), "generators with different seeds gave the same draws"
    g = _rng(learner, 44)
    first = _call(learner.sample_categorical, p, 200, g)
    second = _call(learner.sample_categorical, p, 200, g)
    assert not np.array_equal(first, second), "two calls with the same generator object gave the same draws"


def test_draws_only_from_rng(learner):
    """No draw from np.random.* or the random module, and no new generator, during the call."""
    _, probe = probe_call(learner.fn("sample_categorical"), np.array([0.1, 0.2, 0.3, 0.4]), 500,
                          _rng(learner, 11), rng="record")
    probe.assert_rng_only("sample_categorical")


SPY_RNG_SRC = '''
import sys, types
import numpy as np


class SpyGenerator(np.random.Generator):
    """A Generator that records which of its sampling methods the learner's code calls."""

    def __init__(self, seed):
        super().__init__(np.random.PCG64(seed))
        self.calls = []


for _name in ("random", "uniform", "choice", "multinomial", "integers", "permutation", "shuffle", "permuted"):
    def _method(self, *a, _name=_name, **k):
        self.calls.append(_name)
        return getattr(np.random.Generator, _name)(self, *a, **k)
    setattr(SpyGenerator, _name, _method)


def calls(g):
    return list(g.calls)


_mod = types.ModuleType("_grader_spy_cat")
_mod.SpyGenerator, _mod.calls = SpyGenerator, calls
sys.modules["_grader_spy_cat"] = _mod
'''


def test_inverse_cdf_from_uniform_numbers(learner):
    """The draws come from uniform numbers of rng (random or uniform), not from rng.choice or another sampler."""
    learner.invoke("builtins.exec", SPY_RNG_SRC, {"__name__": "_grader_spy_cat"})
    g = learner.invoke("_grader_spy_cat.SpyGenerator", 12)
    p = np.array([0.2, 0.5, 0.0, 0.3])
    _check_frequencies(_call(learner.sample_categorical, p, 2000, g), p)
    used = set(learner.invoke("_grader_spy_cat.calls", g))
    done_for_you = sorted(used & {"choice", "multinomial", "permutation", "shuffle", "permuted"})
    assert not done_for_you, \
        f"your code called rng.{', rng.'.join(done_for_you)}: draw uniform numbers and invert the CDF"
    assert used & {"random", "uniform"}, \
        f"your code never called rng.random or rng.uniform (it called {sorted(used) or 'nothing'}): draw uniform numbers"


def test_size_zero(learner):
    """size = 0 returns an empty int64 array."""
    _call(learner.sample_categorical, np.array([0.5, 0.5]), 0, _rng(learner, 6))


def test_sum_tolerance(learner):
    """p summing to 1 - 5e-9 (inside the 1e-8 tolerance) is accepted."""
    p = np.array([0.5, 0.5 - 5e-9])
    out = _call(learner.sample_categorical, p, 1000, _rng(learner, 7))
    assert set(np.unique(out).tolist()) <= {0, 1}, "draws should be 0 or 1"


def test_invalid_p_raises(learner):
    """p summing to 0.9 or 1 + 1e-6, or with a negative entry, or empty, raises ValueError."""
    bad = [np.array([0.3, 0.6]), np.array([0.5, 0.5 + 1e-6]), np.array([1.2, -0.2]), np.array([], dtype=float)]
    for p in bad:
        with pytest.raises(ValueError):
            learner.sample_categorical(p, 5, _rng(learner, 8))


def test_nan_or_not_1d_p_raises(learner):
    """A NaN entry (which passes both the sign and the sum test), an inf entry, or a 2-D p raises ValueError."""
    bad = [("p = [0.5, nan, 0.5]", np.array([0.5, np.nan, 0.5])),
           ("p = [nan, 1.0]", np.array([np.nan, 1.0])),
           ("p = [0.5, inf]", np.array([0.5, np.inf])),
           ("a 2-D p = [[0.2, 0.8]]", np.array([[0.2, 0.8]])),
           ("a 2-D p of shape (2, 2) summing to 1", np.array([[0.1, 0.2], [0.3, 0.4]]))]
    for what, p in bad:
        with assert_raises(ValueError, what):
            learner.sample_categorical(p, 5, _rng(learner, 10))


def test_input_not_modified(learner):
    """p is left unchanged (rule G1)."""
    p = np.array([0.1, 0.6, 0.3])
    _, after = learner.sample_categorical.call_keep_args(p, 100, _rng(learner, 9))
    assert_array(after[0], p, rtol=0, atol=0, what="your p after the call")
