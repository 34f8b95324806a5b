import numpy as np
import pandas as pd
import pytest
from sklearn.exceptions import NotFittedError

from grader.checklib import assert_array


def _data(seed, n=200, d=3, shift=0.0):
    rng = np.random.default_rng(seed)
    A = rng.lognormal(mean=1.0, sigma=1.0, size=(n, d)) + shift
    A[:3] *= 40.0  # a few outliers to clip
    return A


def _expected(train, X, q_low, q_high):
    lo, hi = np.quantile(train, q_low, axis=0), np.quantile(train, q_high, axis=0)
    return np.log1p(np.clip(X, lo, hi) - lo)


def _fitted(learner, X, *args):
    t = learner.ClipLog(*args)
    t.call_method("fit", X)
    return t


def test_fit_learns_column_quantiles(learner):
    """fit stores per-column lower_ and upper_ equal to np.quantile at q_low and q_high."""
    X = _data(1)
    t = _fitted(learner, X, 0.05, 0.9)
    assert_array(t.lower_, np.quantile(X, 0.05, axis=0), what="lower_")
    assert_array(t.upper_, np.quantile(X, 0.9, axis=0), what="upper_")


def test_transform_training_data(learner):
    """transform returns log1p(clip(x, lower, upper) - lower), with the default quantiles too."""
    X = _data(2)
    out = learner.ClipLog(0.1, 0.8).call_method("fit", X).call_method("transform", X)
    assert_array(out, _expected(X, X, 0.1, 0.8), what="transformed training data")
    out = learner.ClipLog().call_method("fit", X).call_method("transform", X)
    assert_array(out, _expected(X, X, 0.01, 0.99), what="transformed data with default q_low, q_high")


def test_shifted_data_uses_training_bounds(learner):
    """New, shifted data is clipped to the bounds learned in fit, not its own quantiles."""
    train, test = _data(3), _data(4, n=50, shift=5.0)
    t = _fitted(learner, train, 0.05, 0.95)
    out = t.call_method("transform", test)
    assert_array(out, _expected(train, test, 0.05, 0.95), what="transformed test data")


def test_float_ndarray_output(learner):
    """Integer input gives a float64 NumPy array of the same shape."""
    X = np.random.default_rng(5).integers(0, 50, size=(40, 2)).astype(np.int64)
    out = learner.ClipLog(0.1, 0.9).call_method("fit", X).call_method("transform", X)
    assert_array(out, _expected(X.astype(float), X.astype(float), 0.1, 0.9), what="transformed integer data")


def test_get_params_and_clone(learner):
    """get_params reports q_low and q_high; a clone of a fitted transformer is unfitted and refits the same."""
    X = _data(6)
    t = _fitted(learner, X, 0.05, 0.9)
    params = t.call_method("get_params")
    assert params == {"q_low": 0.05, "q_high": 0.9}, f"get_params() returned {params!r}"
    copy = learner.invoke("sklearn.base.clone", t)
    try:
        learner.invoke("sklearn.utils.validation.check_is_fitted", copy)
        raise AssertionError("sklearn.base.clone returned an already fitted transformer")
    except NotFittedError:
        pass
    out = copy.call_method("fit", X).call_method("transform", X)
    assert_array(out, _expected(X, X, 0.05, 0.9), what="output of the refitted clone")


def test_inside_pipeline(learner, reference):
    """Works as the first step of a Pipeline with Ridge: predictions match the expected pipeline."""
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import make_pipeline
    rng = np.random.default_rng(7)
    X, X_new = _data(7), _data(8, n=40, shift=2.0)
    y = np.log1p(X[:, 0]) - 0.5 * np.log1p(X[:, 1]) + rng.normal(scale=0.1, size=len(X))
    pipe = learner.invoke("sklearn.pipeline.make_pipeline", learner.ClipLog(0.02, 0.95),
                          learner.invoke("sklearn.linear_model.Ridge", alpha=1.0))
    pipe.call_method("fit", X, y)
    expected = make_pipeline(reference.ClipLog(0.02, 0.95), Ridge(alpha=1.0)).fit(X, y).predict(X_new)
    assert_array(pipe.call_method("predict", X_new), expected, what="pipeline predictions")


def test_caller_array_not_modified(learner):
    """fit and transform leave the caller's float array unchanged."""
    train, test = _data(9), _data(10, n=60, shift=3.0)
    t = learner.ClipLog(0.1, 0.9)
    _, after = t.call_method_keep_args("fit", train.copy())
    assert_array(after[0], train, what="your input to fit after the call")
    _, after = t.call_method_keep_args("transform", test.copy())
    assert_array(after[0], test, what="your input to transform after the call")


def test_feature_names_out(learner):
    """get_feature_names_out: x0, x1, ... for arrays; given names; DataFrame column names."""
    X = _data(11, d=3)
    t = _fitted(learner, X)
    names = t.call_method("get_feature_names_out")
    assert isinstance(names, np.ndarray), f"get_feature_names_out should return a NumPy array, got {type(names).__name__}"
    assert list(names) == ["x0", "x1", "x2"], f"names for an array input: got {list(names)!r}"
    given = t.call_method("get_feature_names_out", ["a", "b", "c"])
    assert list(given) == ["a", "b", "c"], f"names with input_features given: got {list(given)!r}"
    df = pd.DataFrame(X, columns=["rent", "income", "debt"])
    names = _fitted(learner, df).call_method("get_feature_names_out")
    assert list(names) == ["rent", "income", "debt"], f"names after fitting on a DataFrame: got {list(names)!r}"


def test_transform_before_fit_raises(learner):
    """transform before fit raises sklearn's NotFittedError."""
    with pytest.raises(NotFittedError):
        learner.ClipLog().call_method("transform", _data(12))


def test_invalid_quantiles_raise(learner):
    """fit raises ValueError unless 0 <= q_low < q_high <= 1."""
    for q_low, q_high in ((0.9, 0.1), (0.5, 0.5), (-0.1, 0.9), (0.1, 1.5)):
        with pytest.raises(ValueError):
            learner.ClipLog(q_low, q_high).call_method("fit", _data(13))
