import warnings

import numpy as np
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.tree import DecisionTreeRegressor

from grader.checklib import assert_array


def _data(seed, n, d, m):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = np.sin(2 * X[:, 0]) + X[:, -1] ** 2 + 0.5 * X[:, 0] * X[:, -1] + rng.normal(scale=0.3, size=n)
    return X, y, rng.normal(size=(m, d))


def _sk(X, y, X_test, n_estimators, lr, max_depth):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = GradientBoostingRegressor(n_estimators=n_estimators, learning_rate=lr, max_depth=max_depth,
                                          random_state=0).fit(X, y)
    return model.predict(X_test)


def _pred(fn, *args, **kw):
    out = fn(*args, **kw)
    assert type(out) is np.ndarray, f"gbm_fit_predict should return a numpy array, got {type(out).__name__}"
    return out


def test_worked_example(learner):
    """The worked example: 5 points, 1-D, lr = 0.5, after 0, 1 and 2 rounds."""
    X = np.array([[1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.array([1.0, 2.0, 3.0, 4.0, 15.0])
    X_test = np.array([[0.0], [3.5], [10.0]])
    for k, expected in ((0, [5.0, 5.0, 5.0]), (1, [3.75, 3.75, 10.0]), (2, [3.125, 3.125, 12.5])):
        assert_array(_pred(learner.gbm_fit_predict, X, y, X_test, k, 0.5), np.array(expected),
                     what=f"predictions after {k} rounds")


def test_zero_rounds_returns_mean(learner):
    """n_estimators = 0 predicts mean(y) for every test row (float64, shape (m,))."""
    X, y, X_test = _data(1, 60, 3, 17)
    y = y + 4.0
    assert_array(_pred(learner.gbm_fit_predict, X, y, X_test, 0, 0.1), np.full(17, y.mean()))


def test_matches_sklearn_stumps_1d(learner):
    """One feature, 50 rounds of stumps, lr = 0.1: matches sklearn GradientBoostingRegressor within 1e-6."""
    X, y, X_test = _data(2, 80, 1, 30)
    assert_array(_pred(learner.gbm_fit_predict, X, y, X_test, 50, 0.1), _sk(X, y, X_test, 50, 0.1, 1),
                 rtol=0, atol=1e-6)


def test_matches_sklearn_stumps_multifeature(learner):
    """Five features, 40 rounds of stumps, lr = 0.3 (default max_depth): matches sklearn within 1e-6."""
    X, y, X_test = _data(3, 200, 5, 50)
    assert_array(_pred(learner.gbm_fit_predict, X, y, X_test, 40, 0.3), _sk(X, y, X_test, 40, 0.3, 1),
                 rtol=0, atol=1e-6)


def test_matches_sklearn_deeper_trees_on_training_points(learner):
    """max_depth = 2 and 3: predictions on the training points match sklearn within 1e-6."""
    X, y, _ = _data(4, 150, 4, 1)
    for depth, rounds, lr in ((2, 25, 0.3), (3, 15, 0.5)):
        assert_array(_pred(learner.gbm_fit_predict, X, y, X, rounds, lr, max_depth=depth),
                     _sk(X, y, X, rounds, lr, depth), rtol=0, atol=1e-6,
                     what=f"training predictions with max_depth={depth}")


def test_training_mse_non_increasing(learner):
    """Training MSE never increases from one round to the next (0..12 rounds, lr = 0.3)."""
    X, y, _ = _data(5, 100, 2, 1)
    mse = [float(np.mean((_pred(learner.gbm_fit_predict, X, y, X, k, 0.3) - y) ** 2)) for k in range(13)]
    for k in range(12):
        assert mse[k + 1] <= mse[k] + 1e-12, \
            f"training MSE went up from {k} rounds ({mse[k]:.6g}) to {k + 1} rounds ({mse[k + 1]:.6g})"
    assert mse[-1] < 0.8 * mse[0], "training MSE should fall clearly over 12 rounds"


def test_one_round_full_rate_is_one_tree(learner):
    """lr = 1 and one round equal a single regression tree fitted to y (a stump; a depth-2 tree on training points)."""
    X, y, X_test = _data(6, 90, 3, 25)
    stump = DecisionTreeRegressor(max_depth=1).fit(X, y)
    assert_array(_pred(learner.gbm_fit_predict, X, y, X_test, 1, 1.0), stump.predict(X_test),
                 what="predictions with one stump and lr = 1")
    tree2 = DecisionTreeRegressor(max_depth=2).fit(X, y)
    assert_array(_pred(learner.gbm_fit_predict, X, y, X, 1, 1.0, max_depth=2), tree2.predict(X),
                 what="training predictions with one depth-2 tree and lr = 1")


def test_deep_tree_interpolates(learner):
    """One round, lr = 1, max_depth = 64 on 60 distinct 1-D points reproduces y on the training points."""
    rng = np.random.default_rng(7)
    X = rng.permutation(60).astype(np.float64)[:, None]
    y = rng.normal(size=60)
    assert_array(_pred(learner.gbm_fit_predict, X, y, X, 1, 1.0, max_depth=64), y)


def test_inputs_not_modified(learner):
    """X, y and X_test are left unchanged (rule G1)."""
    X, y, X_test = _data(8, 40, 2, 10)
    _, after = learner.gbm_fit_predict.call_keep_args(X.copy(), y.copy(), X_test.copy(), 5, 0.2)
    assert_array(after[0], X, rtol=0, atol=0, what="your X after the call")
    assert_array(after[1], y, rtol=0, atol=0, what="your y after the call")
    assert_array(after[2], X_test, rtol=0, atol=0, what="your X_test after the call")


ENSEMBLE_SPY_SRC = """
import sys, types, functools
import sklearn.ensemble as _ens

CALLS = []
_saved = {}
for _name in dir(_ens):
    _cls = getattr(_ens, _name)
    if isinstance(_cls, type):
        for _meth in ("fit", "predict", "fit_predict", "staged_predict"):
            _orig = getattr(_cls, _meth, None)
            if callable(_orig):
                def _wrap(*a, _orig=_orig, _tag=_name + "." + _meth, **k):
                    CALLS.append(_tag)
                    return _orig(*a, **k)
                _saved[(_cls, _meth)] = _cls.__dict__.get(_meth)  # None: inherited
                setattr(_cls, _meth, _wrap)

def calls():
    return list(CALLS)

def restore():
    for (_cls, _meth), _own in _saved.items():
        if _own is None:
            delattr(_cls, _meth)
        else:
            setattr(_cls, _meth, _own)

_mod = types.ModuleType("_grader_spy_gbm")
_mod.calls, _mod.restore = calls, restore
sys.modules["_grader_spy_gbm"] = _mod
"""


def test_does_not_call_sklearn_ensemble(learner):
    """The boosting loop is the learner's own: no estimator of sklearn.ensemble is fitted or asked to predict."""
    learner.invoke("builtins.exec", ENSEMBLE_SPY_SRC, {"__name__": "_grader_spy_gbm"})
    try:
        X, y, X_test = _data(9, 40, 2, 5)
        _pred(learner.gbm_fit_predict, X, y, X_test, 3, 0.3, max_depth=2)
        used = learner.invoke("_grader_spy_gbm.calls")
    finally:
        learner.invoke("_grader_spy_gbm.restore")
    assert not used, f"your code called {', '.join(sorted(set(used)))}: build the boosting loop yourself"
