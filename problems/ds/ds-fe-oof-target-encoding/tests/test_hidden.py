import numpy as np
import pandas as pd
import pytest
from sklearn.model_selection import KFold

from grader.checklib import assert_series


def _example():
    cat = pd.Series(["a", "b", "a", "c", "a", "b", "a", "b"], name="shop")
    y = pd.Series([1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0])
    return cat, y


def _oracle(cat, y, n_splits, m, seed):
    """Independent oracle: sklearn KFold folds, per-row formula with boolean masks."""
    c = cat.to_numpy()
    yv = y.to_numpy(dtype=float)
    out = np.empty(len(c))
    for tr, te in KFold(n_splits=n_splits, shuffle=True, random_state=seed).split(np.arange(len(c))):
        mu = yv[tr].mean()
        for i in te:
            mask = c[tr] == c[i]
            cnt = mask.sum()
            out[i] = mu if cnt + m == 0 else (yv[tr][mask].sum() + m * mu) / (cnt + m)
    return pd.Series(out, index=cat.index, name=cat.name, dtype="float64")


def _random(seed, n=240, ncat=12, binary=False):
    rng = np.random.default_rng(seed)
    p = rng.dirichlet(np.ones(ncat) * 0.7)
    cat = pd.Series(rng.choice([f"k{i}" for i in range(ncat)], n, p=p), name="feat")
    base = dict(zip([f"k{i}" for i in range(ncat)], rng.normal(0, 2, ncat)))
    yv = np.array([base[c] for c in cat]) + rng.normal(size=n)
    y = pd.Series((yv > 0).astype(np.int64) if binary else yv, name="target")
    return cat, y


def test_worked_example(learner):
    """The worked example from the statement (n_splits=4, m=2, seed=0)."""
    cat, y = _example()
    expected = pd.Series([0.6, 4 / 9, 0.5, 0.5, 14 / 15, 2 / 3, 0.5, 4 / 9], name="shop")
    assert_series(learner.oof_target_encode(cat, y, n_splits=4, m=2.0, seed=0), expected)


def test_matches_oracle_default_arguments(learner):
    """Random data with the default n_splits=5, m=10, seed=0 matches an independent oracle."""
    cat, y = _random(1)
    assert_series(learner.oof_target_encode(cat, y), _oracle(cat, y, 5, 10.0, 0))


def test_own_target_never_used(learner):
    """Changing y_i never changes row i's own encoding (no target leakage)."""
    cat, y = _random(2, n=60, ncat=5)
    f = learner.fn("oof_target_encode")
    base = f(cat, y, 3, 4.0, 7)
    assert isinstance(base, pd.Series), "result should be a pandas Series"
    for i in (0, 17, 33, 59):
        y2 = y.copy()
        y2.iloc[i] += 100.0
        out = f(cat, y2, 3, 4.0, 7)
        assert isinstance(out, pd.Series), "result should be a pandas Series"
        assert np.isclose(out.iloc[i], base.iloc[i], rtol=1e-9, atol=1e-9), \
            f"changing y at position {i} changed row {i}'s own encoding (its target leaks in)"


def test_deterministic_and_seed_controls_folds(learner):
    """The same seed gives the same result; another seed gives other (shuffled) folds."""
    cat, y = _random(3)
    a = learner.oof_target_encode(cat, y, 5, 10.0, 42)
    b = learner.oof_target_encode(cat, y, 5, 10.0, 42)
    assert_series(b, a, rtol=0, atol=0, what="second call with the same seed")
    assert_series(a, _oracle(cat, y, 5, 10.0, 42), what="result for seed=42")
    c = learner.oof_target_encode(cat, y, 5, 10.0, 43)
    assert_series(c, _oracle(cat, y, 5, 10.0, 43), what="result for seed=43")


def test_smoothing_pulls_rare_toward_fold_mean(learner):
    """Smoothing: m=0 gives plain out-of-fold means; a large m pulls rare categories to the fold mean."""
    cat, y = _random(4, n=120, ncat=20)
    assert_series(learner.oof_target_encode(cat, y, 4, 0.0, 5), _oracle(cat, y, 4, 0.0, 5), what="result for m=0")
    assert_series(learner.oof_target_encode(cat, y, 4, 25.0, 5), _oracle(cat, y, 4, 25.0, 5), what="result for m=25")
    # a category seen once outside the fold sits between its one target and the fold mean
    cat2 = pd.Series(["r", "r", "z", "z", "z", "z", "z", "z", "z", "z"])
    y2 = pd.Series([10.0, 10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0])
    out = learner.oof_target_encode(cat2, y2, 2, 10.0, 0)
    assert_series(out, _oracle(cat2, y2, 2, 10.0, 0), what="result with a rare category")


def test_unseen_category_gets_fold_mean(learner):
    """A category with no rows outside the row's fold is encoded as that fold's outside mean."""
    cat = pd.Series(["solo", "u", "v", "u", "v", "u", "v", "u", "v", "u"])
    y = pd.Series([100.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0])
    out = learner.oof_target_encode(cat, y, 5, 3.0, 11)
    tr, _ = next((tr, te) for tr, te in KFold(5, shuffle=True, random_state=11).split(np.arange(10)) if 0 in te)
    assert isinstance(out, pd.Series) and len(out) == 10, "result should be a Series with one value per row"
    assert np.isclose(out.iloc[0], y.to_numpy()[tr].mean(), rtol=1e-9), \
        "a category unseen outside the fold should get the mean of y outside the fold"
    assert_series(out, _oracle(cat, y, 5, 3.0, 11))


def test_index_aligned_output(learner):
    """A shuffled non-default index: folds follow positions, the result has cat's index and name."""
    cat, y = _random(5, n=90, ncat=6)
    idx = pd.Index(np.random.default_rng(6).permutation(90), name="row_id")
    cat.index = idx
    y.index = idx
    assert_series(learner.oof_target_encode(cat, y, 3, 5.0, 2), _oracle(cat, y, 3, 5.0, 2))


def test_integer_categories_binary_target(learner):
    """int64 categories and a 0/1 int64 target give a float64 result."""
    cat, y = _random(7, n=150, ncat=8, binary=True)
    cat = pd.Series(pd.factorize(cat)[0].astype(np.int64) * 10, name="code")
    assert_series(learner.oof_target_encode(cat, y, 6, 2.0, 3), _oracle(cat, y, 6, 2.0, 3))


def test_invalid_arguments_raise(learner):
    """n_splits < 2, n_splits > len(cat), m < 0 and length mismatch raise ValueError."""
    cat, y = _example()
    with pytest.raises(ValueError):
        learner.oof_target_encode(cat, y, 1, 2.0, 0)
    with pytest.raises(ValueError):
        learner.oof_target_encode(cat, y, 9, 2.0, 0)
    with pytest.raises(ValueError):
        learner.oof_target_encode(cat, y, 2, -1.0, 0)
    with pytest.raises(ValueError):
        learner.oof_target_encode(cat, y.iloc[:7], 2, 2.0, 0)


def test_inputs_not_modified(learner):
    """Neither input Series is modified."""
    cat, y = _example()
    cat.index = [5, 6, 7, 0, 1, 2, 3, 4]
    y.index = cat.index
    _, after = learner.oof_target_encode.call_keep_args(cat.copy(deep=True), y.copy(deep=True), 4, 2.0, 0)
    assert_series(after[0], cat, what="your cat input after the call")
    assert_series(after[1], y, what="your y input after the call")
