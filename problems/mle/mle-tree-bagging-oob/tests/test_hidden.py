import numpy as np
import pytest

from grader.checklib import assert_array


def _rng(learner, seed):
    """A fresh np.random.Generator living in the sandbox (passed to bootstrap_oob as a handle)."""
    return learner.invoke("numpy.random.default_rng", seed)


def _call(fn, *args):
    res = fn(*args)
    assert type(res) is tuple and len(res) == 2, "bootstrap_oob should return a tuple (indices, oob_mask)"
    idx, mask = res
    assert type(idx) is np.ndarray and type(mask) is np.ndarray, "indices and oob_mask should be numpy arrays"
    return idx, mask


def _in_bag(idx, n):
    bag = np.zeros((idx.shape[0], n), dtype=bool)
    bag[np.arange(idx.shape[0])[:, None], idx] = True
    return bag


def test_shapes_and_dtypes(learner):
    """indices is int64 of shape (n_estimators, n) and oob_mask is bool of the same shape."""
    idx, mask = _call(learner.bootstrap_oob, 7, 5, _rng(learner, 0))
    assert idx.shape == (5, 7) and idx.dtype == np.int64, f"indices should be int64 of shape (5, 7), got {idx.dtype} {idx.shape}"
    assert mask.shape == (5, 7) and mask.dtype == np.bool_, f"oob_mask should be bool of shape (5, 7), got {mask.dtype} {mask.shape}"


def test_mask_is_exactly_out_of_bag(learner):
    """oob_mask[b, i] is True exactly when i does not occur in indices[b]; indices lie in [0, n)."""
    for seed, (n, b) in enumerate(((12, 30), (200, 25))):
        idx, mask = _call(learner.bootstrap_oob, n, b, _rng(learner, 10 + seed))
        assert idx.shape == (b, n) and mask.shape == (b, n), f"wrong shapes for n={n}, n_estimators={b}"
        assert idx.min() >= 0 and idx.max() < n, f"indices should lie in [0, {n}), got range [{idx.min()}, {idx.max()}]"
        assert_array(mask, ~_in_bag(idx, n), what=f"oob_mask (n={n}) vs the complement of indices")


def test_oob_share_large_n(learner):
    """For n = 1000 the out-of-bag share is close to (1 - 1/n)^n = 0.368 (sampling with replacement)."""
    n, b = 1000, 400
    idx, mask = _call(learner.fn("bootstrap_oob", timeout=10.0), n, b, _rng(learner, 1))
    share = float(mask.mean())
    expected = (1 - 1 / n) ** n
    assert abs(share - expected) < 0.005, f"out-of-bag share is {share:.4f}, expected about {expected:.4f}"
    per_row = mask.mean(axis=1)
    assert per_row.min() > 0.3 and per_row.max() < 0.44, "the out-of-bag share of some estimator is far from 0.368"


def test_oob_share_small_n(learner):
    """For n = 4 the expected out-of-bag share is (3/4)^4 = 0.316 (checked over 8000 estimators)."""
    idx, mask = _call(learner.fn("bootstrap_oob", timeout=10.0), 4, 8000, _rng(learner, 2))
    share = float(mask.mean())
    assert abs(share - 0.75 ** 4) < 0.01, f"out-of-bag share is {share:.4f}, expected about 0.3164"


def test_every_index_equally_likely(learner):
    """Over 50000 draws with n = 10 every index 0..9 is drawn about 5000 times (uniform)."""
    idx, _ = _call(learner.fn("bootstrap_oob", timeout=10.0), 10, 5000, _rng(learner, 3))
    counts = np.bincount(idx.ravel(), minlength=10)
    assert counts.size == 10, "indices outside [0, 10)"
    bad = [i for i in range(10) if abs(int(counts[i]) - 5000) > 400]
    assert not bad, f"index {bad[0]} was drawn {int(counts[bad[0]])} times out of 50000, expected about 5000"


def test_estimators_get_independent_samples(learner):
    """Different estimators get different bootstrap samples (no two of 20 rows are equal)."""
    idx, mask = _call(learner.bootstrap_oob, 50, 20, _rng(learner, 4))
    rows = {tuple(r) for r in idx.tolist()}
    assert len(rows) == 20, "some estimators received identical bootstrap samples"
    assert len({tuple(r) for r in mask.tolist()}) > 1, "every estimator has the same out-of-bag mask"


def test_randomness_comes_from_rng(learner):
    """Same seed gives the same result; another seed or a second call on one generator differ."""
    a = _call(learner.bootstrap_oob, 30, 8, _rng(learner, 123))
    b = _call(learner.bootstrap_oob, 30, 8, _rng(learner, 123))
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1]), \
        "two generators with the same seed should give the same indices and mask"
    c = _call(learner.bootstrap_oob, 30, 8, _rng(learner, 124))
    assert not np.array_equal(a[0], c[0]), "generators with different seeds gave the same indices"
    g = _rng(learner, 7)
    first = _call(learner.bootstrap_oob, 30, 8, g)
    second = _call(learner.bootstrap_oob, 30, 8, g)
    assert not np.array_equal(first[0], second[0]), "two calls with the same generator object gave the same indices"


def test_single_sample_and_zero_estimators(learner):
    """n = 1 draws index 0 every time (nothing out of bag); n_estimators = 0 gives (0, n) arrays."""
    idx, mask = _call(learner.bootstrap_oob, 1, 3, _rng(learner, 5))
    assert_array(idx, np.zeros((3, 1), dtype=np.int64), what="indices for n=1")
    assert_array(mask, np.zeros((3, 1), dtype=bool), what="oob_mask for n=1")
    idx, mask = _call(learner.bootstrap_oob, 6, 0, _rng(learner, 6))
    assert idx.shape == (0, 6) and idx.dtype == np.int64, f"indices for n_estimators=0 should be int64 (0, 6), got {idx.dtype} {idx.shape}"
    assert mask.shape == (0, 6) and mask.dtype == np.bool_, f"oob_mask for n_estimators=0 should be bool (0, 6), got {mask.dtype} {mask.shape}"


def test_invalid_arguments_raise(learner):
    """n < 1 or n_estimators < 0 raises ValueError."""
    with pytest.raises(ValueError):
        learner.bootstrap_oob(0, 3, _rng(learner, 8))
    with pytest.raises(ValueError):
        learner.bootstrap_oob(5, -1, _rng(learner, 8))
