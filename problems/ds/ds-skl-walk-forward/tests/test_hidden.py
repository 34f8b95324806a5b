import numpy as np
import pytest
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import TimeSeriesSplit

from grader.checklib import assert_array

# A spy regressor installed inside the sandbox. Column 0 of X is the row id. Each fit remembers
# its training rows; each predict logs (training rows of that fitted copy, rows predicted).
# Its prediction is mean(y_train) + X[:, 1], so values depend on the training rows.
SPY_SRC = r'''
import sys, types
import numpy as np
from sklearn.base import BaseEstimator, RegressorMixin

FITS = []
PREDICTS = []

class SpyRegressor(RegressorMixin, BaseEstimator):
    def __init__(self, shift=0.0):
        self.shift = shift

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        self.train_ids_ = X[:, 0].astype(int).tolist()
        self.mean_ = float(np.mean(y))
        self.n_features_in_ = X.shape[1]
        FITS.append(list(self.train_ids_))
        return self

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        PREDICTS.append((list(self.train_ids_), X[:, 0].astype(int).tolist()))
        return self.mean_ + self.shift + X[:, 1]

def fits():
    return [list(f) for f in FITS]

def predicts():
    return [(list(a), list(b)) for a, b in PREDICTS]

_mod = types.ModuleType("_grader_spy_wf")
_mod.SpyRegressor, _mod.fits, _mod.predicts = SpyRegressor, fits, predicts
sys.modules["_grader_spy_wf"] = _mod
'''


def _spy(learner):
    learner.invoke("builtins.exec", SPY_SRC, {"__name__": "_grader_spy_wf"})
    return learner.invoke("_grader_spy_wf.SpyRegressor")


def _data(seed, n):
    rng = np.random.default_rng(seed)
    t = np.arange(n, dtype=float)
    feats = rng.normal(size=(n, 2))
    y = 0.05 * t + 2.0 * feats[:, 0] - feats[:, 1] + rng.normal(scale=0.3, size=n)
    return np.column_stack([t, feats]), y


def _spy_expected(X, y, n_splits):
    out = np.full(len(y), np.nan)
    for tr, te in TimeSeriesSplit(n_splits=n_splits).split(X):
        out[te] = y[tr].mean() + X[te, 1]
    return out


def test_matches_timeseriessplit_linear_regression(learner, reference):
    """Predictions of LinearRegression match TimeSeriesSplit with a fresh clone per fold."""
    from sklearn.linear_model import LinearRegression
    X, y = _data(1, 60)
    out = learner.walk_forward_predict(learner.invoke("sklearn.linear_model.LinearRegression"), X, y, 5)
    assert_array(out, reference.walk_forward_predict(LinearRegression(), X, y, 5), what="predictions")


def test_length_dtype_and_nan_block(learner):
    """Length n, float64, and exactly the first training block (13 of 53 rows) is NaN."""
    X, y = _data(2, 53)
    out = learner.walk_forward_predict(_spy(learner), X, y)
    assert isinstance(out, np.ndarray) and out.shape == (53,), f"expected an array of shape (53,), got {getattr(out, 'shape', type(out).__name__)}"
    assert out.dtype == np.float64, f"expected dtype float64, got {out.dtype}"
    nan = np.isnan(out)
    assert nan.sum() == 13, f"expected 13 NaN values (the first training block), got {int(nan.sum())}"
    assert nan[:13].all(), "the NaN values should be the first 13 rows"


def test_training_rows_precede_test_rows(learner):
    """Spy: in every fold, each training row comes before each predicted row."""
    X, y = _data(3, 48)
    learner.walk_forward_predict(_spy(learner), X, y, 4)
    calls = learner.invoke("_grader_spy_wf.predicts")
    assert calls, "predict was never called"
    for train, test in calls:
        assert train and test, "a fold fitted or predicted no rows"
        assert max(train) < min(test), "a model was trained on rows that come after the rows it predicts"


def test_folds_are_expanding_windows(learner):
    """Spy: one fit per fold, on exactly the training rows of TimeSeriesSplit(n_splits)."""
    X, y = _data(4, 50)
    learner.walk_forward_predict(_spy(learner), X, y, 5)
    fits = sorted(sorted(f) for f in learner.invoke("_grader_spy_wf.fits"))
    expected = sorted(tr.tolist() for tr, _ in TimeSeriesSplit(n_splits=5).split(X))
    assert len(fits) == 5, f"expected 5 fits (one per fold), got {len(fits)}"
    assert fits == expected, "the training rows of the folds are not those of TimeSeriesSplit(n_splits)"


def test_spy_predictions_exact(learner):
    """Spy with known predictions: every out-of-sample value is exact, the first block NaN."""
    X, y = _data(5, 41)
    out = learner.walk_forward_predict(_spy(learner), X, y, 3)
    assert_array(out, _spy_expected(X, y, 3), what="predictions")


def test_passed_estimator_stays_unfitted(learner):
    """The estimator passed in is never fitted itself (each fold fits a clone)."""
    X, y = _data(6, 40)
    model = learner.invoke("sklearn.linear_model.Ridge", alpha=1.0)
    learner.walk_forward_predict(model, X, y, 4)
    try:
        learner.invoke("sklearn.utils.validation.check_is_fitted", model)
    except NotFittedError:
        return
    raise AssertionError("the estimator you were given is fitted after the call; fit a clone per fold instead")


def test_too_many_splits_raises(learner):
    """n_splits + 1 greater than the number of rows raises ValueError."""
    X, y = _data(7, 5)
    with pytest.raises(ValueError):
        learner.walk_forward_predict(_spy(learner), X, y, 5)


def test_inputs_not_modified(learner):
    """X and y are left unchanged."""
    X, y = _data(8, 30)
    _, after = learner.walk_forward_predict.call_keep_args(_spy(learner), X.copy(), y.copy(), 4)
    assert_array(after[1], X, what="your X after the call")
    assert_array(after[2], y, what="your y after the call")
