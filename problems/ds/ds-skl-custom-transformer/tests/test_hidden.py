import numpy as np
import pandas as pd
from sklearn.exceptions import NotFittedError

from grader.checklib import assert_array, assert_frame, assert_raises, covers, probe_call


def _data(seed, n=200, d=3, shift=0.0):
    rng = np.random.default_rng(seed)
    A = rng.lognormal(mean=1.0, sigma=1.0, size=(n, d)) + shift
    A[:3] *= 40.0  # a few outliers to clip
    return A


def _expected(train, X, q_low, q_high):
    train, X = np.asarray(train, dtype=float), np.asarray(X, dtype=float)
    lo, hi = np.quantile(train, q_low, axis=0), np.quantile(train, q_high, axis=0)
    return np.log1p(np.clip(X, lo, hi) - lo)


def _fitted(learner, X, *args):
    t = learner.ClipLog(*args)
    t.call_method("fit", X)
    return t


@covers("quantile-bounds", "fit-attributes")
def test_fit_learns_column_quantiles(learner):
    """fit stores per-column lower_ and upper_ (float arrays of shape (d,)) and n_features_in_ (a single row too)."""
    X = _data(1)
    t = _fitted(learner, X, 0.05, 0.9)
    assert_array(t.lower_, np.quantile(X, 0.05, axis=0), what="lower_")
    assert_array(t.upper_, np.quantile(X, 0.9, axis=0), what="upper_")
    n = t.n_features_in_
    assert type(n) in (int, np.int64) and n == 3, f"n_features_in_ should be 3, got {n!r}"
    Xi = np.random.default_rng(2).integers(0, 100, size=(31, 4)).astype(np.int64)
    t = _fitted(learner, Xi, 0.13, 0.71)
    assert_array(t.lower_, np.quantile(Xi, 0.13, axis=0), what="lower_ for integer data")
    assert_array(t.upper_, np.quantile(Xi, 0.71, axis=0), what="upper_ for integer data")
    assert t.n_features_in_ == 4, f"n_features_in_ should be 4 for a (31, 4) input, got {t.n_features_in_!r}"
    one = np.array([[2.5, -1.0, 7.0]])
    t = _fitted(learner, one, 0.1, 0.9)
    assert_array(t.lower_, one[0], what="lower_ after fitting on a single row")
    assert_array(t.upper_, one[0], what="upper_ after fitting on a single row")


@covers("transform-formula")
def test_transform_training_data(learner):
    """transform of the training data follows the statement, with the default quantiles too."""
    X = _data(2)
    out = learner.ClipLog(0.1, 0.8).call_method("fit", X).call_method("transform", X)
    assert_array(out, _expected(X, X, 0.1, 0.8), what="transformed training data")
    out = learner.ClipLog().call_method("fit", X).call_method("transform", X)
    assert_array(out, _expected(X, X, 0.01, 0.99), what="transformed data with default q_low, q_high")


@covers("training-bounds", "transform-formula")
def test_shifted_data_uses_training_bounds(learner):
    """New, shifted data is clipped to the bounds learned in fit, not its own quantiles."""
    train, test = _data(3), _data(4, n=50, shift=5.0)
    t = _fitted(learner, train, 0.05, 0.95)
    out = t.call_method("transform", test)
    assert_array(out, _expected(train, test, 0.05, 0.95), what="transformed test data")
    out = t.call_method("transform", test[:1])
    assert_array(out, _expected(train, test[:1], 0.05, 0.95), what="transformed single row")


@covers("float64-array")
def test_float_ndarray_output(learner):
    """Integer arrays and DataFrames give a float64 NumPy array of shape (m, d)."""
    X = np.random.default_rng(5).integers(0, 50, size=(40, 2)).astype(np.int64)
    out = learner.ClipLog(0.1, 0.9).call_method("fit", X).call_method("transform", X)
    assert_array(out, _expected(X, X, 0.1, 0.9), what="transformed integer data")
    df = pd.DataFrame(_data(6, n=30), columns=["a", "b", "c"])
    out = learner.ClipLog(0.2, 0.8).call_method("fit", df).call_method("transform", df)
    assert_array(out, _expected(df, df, 0.2, 0.8), what="transformed DataFrame")


@covers("dataframe-input", "quantile-bounds", "transform-formula")
def test_dataframe_input(learner):
    """A DataFrame of integer and float columns is fitted and transformed like the same numbers in an array."""
    rng = np.random.default_rng(14)
    df = pd.DataFrame({"visits": rng.integers(0, 40, 80).astype(np.int64), "spend": rng.lognormal(2.0, 1.0, 80),
                       "items": rng.integers(1, 9, 80).astype(np.int64)})
    new = pd.DataFrame({"visits": rng.integers(0, 60, 25).astype(np.int64), "spend": rng.lognormal(2.5, 1.0, 25),
                        "items": rng.integers(0, 12, 25).astype(np.int64)})
    t = _fitted(learner, df, 0.1, 0.85)
    A = df.to_numpy(dtype=float)
    assert_array(t.lower_, np.quantile(A, 0.1, axis=0), what="lower_ for a DataFrame")
    assert_array(t.upper_, np.quantile(A, 0.85, axis=0), what="upper_ for a DataFrame")
    assert_array(t.call_method("transform", new), _expected(A, new, 0.1, 0.85), what="transformed DataFrame")


@covers("estimator-params")
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


@covers("estimator-params")
def test_set_params_changes_the_fit(learner):
    """set_params changes q_low and q_high: get_params reports them and the next fit uses them."""
    X = _data(15)
    t = learner.ClipLog()
    t.call_method("set_params", q_low=0.2, q_high=0.7)
    params = t.call_method("get_params")
    assert params == {"q_low": 0.2, "q_high": 0.7}, f"get_params() after set_params returned {params!r}"
    t.call_method("fit", X)
    assert_array(t.lower_, np.quantile(X, 0.2, axis=0), what="lower_ after set_params(q_low=0.2)")
    assert_array(t.upper_, np.quantile(X, 0.7, axis=0), what="upper_ after set_params(q_high=0.7)")
    copy = learner.invoke("sklearn.base.clone", t)
    copy.call_method("set_params", q_high=0.95)
    copy.call_method("fit", X)
    assert_array(copy.upper_, np.quantile(X, 0.95, axis=0), what="upper_ of a clone after set_params(q_high=0.95)")


@covers("fit-returns-self")
def test_fit_returns_self(learner):
    """fit returns the transformer itself (the object you called fit on), fitted."""
    t = learner.ClipLog(0.1, 0.9)
    back = t.call_method("fit", _data(16))
    assert learner.invoke("operator.is_", back, t), "fit should return self, the transformer it was called on"


@covers("pipeline-step")
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


@covers("input-unchanged")
def test_caller_array_not_modified(learner):
    """fit and transform leave the caller's data exactly as it was (float and integer arrays, a float DataFrame)."""
    train, test = _data(9), _data(10, n=60, shift=3.0)
    t = learner.ClipLog(0.1, 0.9)
    _, after = t.call_method_keep_args("fit", train.copy())
    assert_array(after[0], train, rtol=0, atol=0, what="your input to fit after the call")
    _, after = t.call_method_keep_args("transform", test.copy())
    assert_array(after[0], test, rtol=0, atol=0, what="your input to transform after the call")
    ints = np.random.default_rng(17).integers(-5, 80, size=(50, 3)).astype(np.int64)
    _, after = t.call_method_keep_args("transform", ints.copy())
    assert_array(after[0], ints, rtol=0, atol=0, what="your integer input to transform after the call")
    df = pd.DataFrame(test, columns=["a", "b", "c"])
    t2 = learner.ClipLog(0.1, 0.9)
    _, after = t2.call_method_keep_args("fit", df.copy())
    assert_frame(after[0], df, check_exact=True, what="your DataFrame input to fit after the call")
    _, after = t2.call_method_keep_args("transform", df.copy())
    assert_frame(after[0], df, check_exact=True, what="your DataFrame input to transform after the call")


@covers("new-array")
def test_transform_returns_a_new_array(learner):
    """transform returns a new array, not the caller's float64 array (or a view of it), nor a DataFrame's data."""
    X = _data(18, n=40)
    t = _fitted(learner, X, 0.1, 0.9)
    out, probe = probe_call((t, "transform"), X.copy(), aliasing=True)
    probe.assert_new("the array returned by transform")
    assert_array(out, _expected(X, X, 0.1, 0.9), what="transformed data")
    df = pd.DataFrame(X, columns=["a", "b", "c"])
    _, probe = probe_call((t, "transform"), df, aliasing=True)
    probe.assert_new("the array returned by transform for a DataFrame")


@covers("feature-names")
def test_feature_names_out(learner):
    """get_feature_names_out: x0, x1, ... for arrays; given names; DataFrame column names."""
    X = _data(11, d=3)
    t = _fitted(learner, X)
    names = t.call_method("get_feature_names_out")
    assert isinstance(names, np.ndarray), f"get_feature_names_out should return a NumPy array, got {type(names).__name__}"
    assert list(names) == ["x0", "x1", "x2"], f"names for an array input: got {list(names)!r}"
    given = t.call_method("get_feature_names_out", ["a", "b", "c"])
    assert isinstance(given, np.ndarray), f"get_feature_names_out should return a NumPy array, got {type(given).__name__}"
    assert list(given) == ["a", "b", "c"], f"names with input_features given: got {list(given)!r}"
    df = pd.DataFrame(X, columns=["rent", "income", "debt"])
    fitted = _fitted(learner, df)
    names = fitted.call_method("get_feature_names_out")
    assert list(names) == ["rent", "income", "debt"], f"names after fitting on a DataFrame: got {list(names)!r}"
    seen = fitted.feature_names_in_
    assert list(seen) == ["rent", "income", "debt"], f"feature_names_in_ after fitting on a DataFrame: got {list(seen)!r}"


@covers("not-fitted")
def test_transform_before_fit_raises(learner):
    """transform before fit raises sklearn's NotFittedError."""
    with assert_raises(NotFittedError, "transform before fit"):
        learner.ClipLog().call_method("transform", _data(12))


@covers("fit-validates")
def test_invalid_quantiles_raise_in_fit(learner):
    """fit (not the constructor) raises ValueError unless 0 <= q_low < q_high <= 1; q_low=0, q_high=1 are valid."""
    X = _data(13)
    for q_low, q_high in ((0.9, 0.1), (0.5, 0.5), (-0.1, 0.9), (0.1, 1.5)):
        try:
            t = learner.ClipLog(q_low, q_high)
        except ValueError:
            raise AssertionError(f"ClipLog({q_low}, {q_high}) raised in the constructor; only fit may refuse the "
                                 "quantiles (set_params and clone never call your checks there)") from None
        with assert_raises(ValueError, f"fit with q_low={q_low}, q_high={q_high}"):
            t.call_method("fit", X)
    t = learner.ClipLog()
    t.call_method("set_params", q_low=0.6, q_high=0.4)
    with assert_raises(ValueError, "fit after set_params(q_low=0.6, q_high=0.4)"):
        t.call_method("fit", X)
    t = _fitted(learner, X, 0.0, 1.0)
    assert_array(t.lower_, X.min(axis=0), what="lower_ with q_low=0")
    assert_array(t.upper_, X.max(axis=0), what="upper_ with q_high=1")
