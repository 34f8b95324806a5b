import numpy as np
import pytest
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import KFold

from grader.checklib import assert_array

# A spy classifier installed inside the sandbox: every fit logs the row ids (column 0 of X).
# Its predictions are a fixed pseudo-random bit of (k, row id): a grid over k is a grid of
# classifiers that are all pure noise.
SPY_SRC = r'''
import sys, types
import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

LOG = []

class SpyClassifier(ClassifierMixin, BaseEstimator):
    def __init__(self, k=0):
        self.k = k

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        LOG.append(X[:, 0].astype(np.int64).tolist())
        self.classes_ = np.unique(y)
        self.n_features_in_ = X.shape[1]
        return self

    def predict(self, X):
        ids = np.asarray(X, dtype=float)[:, 0].astype(np.uint64)
        h = (ids * np.uint64(2654435761) + np.uint64(self.k) * np.uint64(40503) + np.uint64(12345)) % np.uint64(2 ** 32)
        bit = ((h * np.uint64(2246822519)) % np.uint64(2 ** 32) >> np.uint64(13)) & np.uint64(1)
        return self.classes_[bit.astype(np.int64) % len(self.classes_)]

def fits():
    return [list(f) for f in LOG]

_mod = types.ModuleType("_grader_spy_ncv")
_mod.SpyClassifier, _mod.fits = SpyClassifier, fits
sys.modules["_grader_spy_ncv"] = _mod
'''


def _spy(learner):
    learner.invoke("builtins.exec", SPY_SRC, {"__name__": "_grader_spy_ncv"})
    return learner.invoke("_grader_spy_ncv.SpyClassifier")


def _host_spy():
    ns = {"__name__": "_grader_spy_ncv_host"}
    exec(SPY_SRC.replace('"_grader_spy_ncv"', '"_grader_spy_ncv_host"'), ns)
    return ns["SpyClassifier"]


def _noise(seed, n, d=2):
    rng = np.random.default_rng(seed)
    X = np.column_stack([np.arange(n, dtype=float), rng.normal(size=(n, d))])
    return X, rng.integers(0, 2, n).astype(np.int64)


def _regression(seed, n=100):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4))
    return X, X @ np.array([1.0, -2.0, 0.0, 0.5]) + rng.normal(size=n)


def _pair(out):
    assert isinstance(out, tuple) and len(out) == 2, f"expected a tuple (mean, std), got {type(out).__name__}"
    assert all(isinstance(v, (float, np.floating)) for v in out), "mean and std should be floats"
    return np.array([float(out[0]), float(out[1])])


def test_matches_reference_ridge(learner, reference):
    """Mean and std of the outer R^2 scores for Ridge over an alpha grid match the specification."""
    from sklearn.linear_model import Ridge
    X, y = _regression(1)
    grid = {"alpha": [0.1, 1.0, 10.0, 100.0]}
    out = _pair(learner.nested_cv(learner.invoke("sklearn.linear_model.Ridge"), grid, X, y, 3, 5, 0))
    assert_array(out, np.array(reference.nested_cv(Ridge(), grid, X, y, 3, 5, 0)), what="(mean, std) of the outer scores")


def test_returns_two_floats(learner):
    """Returns a tuple (mean, std) of two floats with std >= 0, using the default inner/outer/seed."""
    X, y = _noise(2, 40)
    out = _pair(learner.nested_cv(_spy(learner), {"k": [0, 1]}, X, y))
    assert 0.0 <= out[0] <= 1.0 and out[1] >= 0.0, "mean accuracy should be in [0, 1] and std non-negative"


def test_tuning_never_sees_outer_test_rows(learner):
    """Spy: every fit (tuning and refit) uses only rows of one outer training fold."""
    X, y = _noise(3, 60)
    learner.nested_cv(_spy(learner), {"k": [0, 1, 2]}, X, y, 3, 5, 4)
    fits = learner.invoke("_grader_spy_ncv.fits")
    assert fits, "the estimator was never fitted"
    outer = [set(tr.tolist()) for tr, _ in KFold(n_splits=5, shuffle=True, random_state=4).split(X)]
    for rows in fits:
        assert any(set(rows) <= tr for tr in outer), \
            "a model was fitted on rows that include an outer test fold (tuning saw outer test rows)"


def test_outer_folds_are_seeded_kfold(learner):
    """Spy: the best model is refitted on each training set of KFold(outer, shuffle=True, random_state=seed)."""
    X, y = _noise(4, 48)
    learner.nested_cv(_spy(learner), {"k": [0, 1]}, X, y, 2, 4, 7)
    fits = {tuple(sorted(f)) for f in learner.invoke("_grader_spy_ncv.fits")}
    for tr, _ in KFold(n_splits=4, shuffle=True, random_state=7).split(X):
        assert tuple(tr.tolist()) in fits, "no fit used exactly the training rows of an outer KFold(outer, shuffle=True, random_state=seed) fold"


def test_deterministic_for_a_seed(learner):
    """The same seed gives the same result on repeated calls."""
    X, y = _regression(5, 80)
    grid = {"alpha": [0.5, 5.0]}
    first = _pair(learner.nested_cv(learner.invoke("sklearn.linear_model.Ridge"), grid, X, y, 3, 4, 11))
    second = _pair(learner.nested_cv(learner.invoke("sklearn.linear_model.Ridge"), grid, X, y, 3, 4, 11))
    assert_array(second, first, rtol=0, atol=0, what="result of a second call with the same seed")


def test_noise_with_large_grid_stays_near_chance(learner, reference):
    """Pure-noise labels and a 30-model grid: the nested estimate is not optimistic (about 0.5)."""
    X, y = _noise(2, 80)
    grid = {"k": list(range(30))}
    out = _pair(learner.nested_cv(_spy(learner), grid, X, y, 3, 5, 0))
    assert 0.40 <= out[0] <= 0.56, f"mean outer accuracy on pure noise is {out[0]:.3f}; an honest estimate stays near 0.5"
    expected = reference.nested_cv(_host_spy()(), grid, X, y, 3, 5, 0)
    assert_array(out, np.array(expected), what="(mean, std) of the outer accuracies")


def test_passed_estimator_stays_unfitted(learner):
    """The estimator passed in is never fitted itself."""
    X, y = _regression(6, 60)
    model = learner.invoke("sklearn.linear_model.Ridge")
    learner.nested_cv(model, {"alpha": [1.0, 10.0]}, X, y, 3, 3, 0)
    try:
        learner.invoke("sklearn.utils.validation.check_is_fitted", model)
    except NotFittedError:
        return
    raise AssertionError("the estimator you were given is fitted after the call; work on clones")


def test_inputs_not_modified(learner):
    """param_grid, X and y are left unchanged."""
    X, y = _regression(7, 60)
    grid = {"alpha": [1.0, 10.0]}
    _, after = learner.nested_cv.call_keep_args(learner.invoke("sklearn.linear_model.Ridge"),
                                                {"alpha": [1.0, 10.0]}, X.copy(), y.copy(), 3, 3, 0)
    assert after[1] == grid, "nested_cv changed param_grid"
    assert_array(after[2], X, what="your X after the call")
    assert_array(after[3], y, what="your y after the call")
