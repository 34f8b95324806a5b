import numpy as np
import pytest

from grader.checklib import assert_array


def _rng(learner, seed):
    """A fresh np.random.Generator living in the sandbox (passed to dropout as a handle)."""
    return learner.invoke("numpy.random.default_rng", seed)


def _call(fn, *args, **kw):
    res = fn(*args, **kw)
    assert type(res) is tuple and len(res) == 2, "dropout should return a tuple (out, mask)"
    out, mask = res
    assert type(out) is np.ndarray and type(mask) is np.ndarray, "out and mask should be numpy arrays"
    return out, mask


def _x(seed, shape):
    return np.random.default_rng(seed).normal(size=shape) + 0.5


def test_output_types_and_shapes(learner):
    """out is float64 and mask is bool, both with the shape of x (a 3-D x)."""
    x = _x(1, (2, 3, 4))
    out, mask = _call(learner.dropout, x, 0.5, _rng(learner, 0))
    assert out.shape == x.shape and out.dtype == np.float64, \
        f"out should be float64 of shape {x.shape}, got {out.dtype} {out.shape}"
    assert mask.shape == x.shape and mask.dtype == np.bool_, \
        f"mask should be bool of shape {x.shape}, got {mask.dtype} {mask.shape}"


def test_kept_units_scaled_dropped_zero(learner):
    """Where mask is True out = x / (1 - p); where mask is False out = 0 (p = 0.4)."""
    x = _x(2, (50, 40))
    out, mask = _call(learner.dropout, x, 0.4, _rng(learner, 1))
    assert mask.dtype == np.bool_, f"mask should be bool, got {mask.dtype}"
    assert_array(out, np.where(mask, x / 0.6, 0.0), what="out (vs x / (1 - p) where kept, 0 elsewhere)")


def test_expectation_preserved_million(learner):
    """Over 10^6 units of value 2.5 with p = 0.3 the output mean is ~2.5 and ~30% are zeros."""
    x = np.full((1000, 1000), 2.5)
    out, mask = _call(learner.fn("dropout", timeout=10.0), x, 0.3, _rng(learner, 2))
    mean = float(out.mean())
    zeros = float(np.mean(out == 0.0))
    assert abs(mean - 2.5) < 0.01, f"mean of the output is {mean:.5f}; it should stay close to the input value 2.5"
    assert abs(zeros - 0.3) < 0.003, f"share of zeros in the output is {zeros:.5f}; it should be close to p = 0.3"
    assert abs(float(np.mean(~mask)) - 0.3) < 0.003, "share of False in the mask should be close to p = 0.3"


def test_share_dropped_for_several_p(learner):
    """For p = 0.1 and p = 0.8 the share of dropped units (mask False) is close to p."""
    x = np.ones((200, 500))
    for i, p in enumerate((0.1, 0.8)):
        out, mask = _call(learner.dropout, x, p, _rng(learner, 10 + i))
        share = float(np.mean(~mask))
        assert abs(share - p) < 0.008, f"with p={p} the share of dropped units is {share:.4f}"
        assert abs(float(out.mean()) - 1.0) < 0.04, f"with p={p} the output mean is {float(out.mean()):.4f}, expected ~1"


def test_eval_mode_is_identity(learner):
    """training=False returns out equal to x and an all-True mask, for p = 0.5 and p = 1."""
    x = _x(3, (30, 7))
    for p in (0.5, 1.0):
        out, mask = _call(learner.dropout, x, p, _rng(learner, 3), training=False)
        assert_array(out, x, rtol=0, atol=0, what=f"out in eval mode (p={p})")
        assert mask.dtype == np.bool_ and mask.shape == x.shape and bool(mask.all()), \
            f"mask in eval mode (p={p}) should be an all-True bool array shaped like x"


def test_p_zero_is_identity(learner):
    """p = 0 in training mode keeps every unit: out equals x and the mask is all True."""
    x = _x(4, (20, 9))
    out, mask = _call(learner.dropout, x, 0.0, _rng(learner, 4))
    assert_array(out, x, rtol=0, atol=0, what="out with p=0")
    assert bool(mask.all()), "with p=0 every mask entry should be True"


def test_p_one_gives_zeros_without_warning(learner):
    """p = 1 in training mode drops everything: zeros, all-False mask, no division-by-zero warning."""
    x = _x(5, (10, 6))
    out, mask = _call(learner.fn("dropout", warnings="error"), x, 1.0, _rng(learner, 5))
    assert_array(out, np.zeros_like(x), what="out with p=1")
    assert mask.dtype == np.bool_ and not bool(mask.any()), "with p=1 the mask should be all False"


def test_randomness_comes_from_rng(learner):
    """Same seed gives the same result; other seeds or a second call on one generator give other masks."""
    x = _x(6, (40, 25))
    out1, mask1 = _call(learner.dropout, x, 0.5, _rng(learner, 123))
    out2, mask2 = _call(learner.dropout, x, 0.5, _rng(learner, 123))
    assert np.array_equal(mask1, mask2) and np.array_equal(out1, out2), \
        "two generators with the same seed should give the same mask and output"
    _, mask3 = _call(learner.dropout, x, 0.5, _rng(learner, 124))
    assert not np.array_equal(mask1, mask3), "generators with different seeds gave the same mask"
    g = _rng(learner, 7)
    _, first = _call(learner.dropout, x, 0.5, g)
    _, second = _call(learner.dropout, x, 0.5, g)
    assert not np.array_equal(first, second), "two calls with the same generator object gave the same mask"


def test_invalid_p_raises(learner):
    """p below 0 or above 1 raises ValueError."""
    x = _x(8, (3, 3))
    for p in (-0.1, 1.5):
        with pytest.raises(ValueError):
            learner.dropout(x, p, _rng(learner, 8))


def test_input_not_modified(learner):
    """x is left unchanged."""
    x = _x(9, (12, 5))
    _, after = learner.dropout.call_keep_args(x, 0.5, _rng(learner, 9))
    assert_array(after[0], x, rtol=0, atol=0, what="your x after the call")
