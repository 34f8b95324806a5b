import numpy as np
import pytest
from sklearn.naive_bayes import GaussianNB as SkGaussianNB

from grader.checklib import assert_array


def _fit(learner, X, y, **kw):
    model = learner.GaussianNB(**kw)
    fitted = model.call_method("fit", X, y)
    assert fitted is not None and not isinstance(fitted, (int, float, str, list, tuple, dict, np.ndarray)), \
        "fit should return the model itself (self)"
    return model


def _sk(X, y, **kw):
    return SkGaussianNB(**kw).fit(X, y)


def _compare(model, sk, Xt, what=""):
    lp = model.call_method("predict_log_proba", Xt)
    assert_array(lp, sk.predict_log_proba(Xt), what=f"predict_log_proba{what}")
    pred = model.call_method("predict", Xt)
    assert_array(np.asarray(pred), sk.predict(Xt), rtol=0, atol=0, what=f"predict{what}", check_dtype=False)


def _blobs(seed, sizes, d=3, spread=1.0):
    rng = np.random.default_rng(seed)
    X = np.vstack([rng.normal(loc=rng.normal(scale=2.0, size=d), scale=spread * (1 + k), size=(s, d))
                   for k, s in enumerate(sizes)])
    y = np.concatenate([np.full(s, k) for k, s in enumerate(sizes)])
    perm = rng.permutation(len(y))
    return X[perm], y[perm]


def test_worked_example(learner):
    """The worked example from the statement: classes_, class_prior_, log-probabilities, predictions."""
    X = np.array([[1.0, 2.0], [2.0, 1.0], [1.5, 2.5], [3.0, 1.0], [4.0, 2.0]])
    y = np.array([3, 3, 3, 7, 7])
    model = _fit(learner, X, y)
    assert_array(np.asarray(model.classes_), np.array([3, 7]), what="classes_", check_dtype=False)
    assert_array(model.class_prior_, np.array([0.6, 0.4]), what="class_prior_")
    _compare(model, _sk(X, y), np.array([[2.0, 2.0], [3.0, 1.5]]))


def test_matches_sklearn_three_classes(learner):
    """Three overlapping classes in 4-D: log-probabilities and predictions match sklearn."""
    X, y = _blobs(0, [40, 35, 30], d=4)
    Xt = np.random.default_rng(10).normal(scale=3.0, size=(25, 4))
    _compare(_fit(learner, X, y), _sk(X, y), Xt)


def test_fitted_attributes(learner):
    """theta_, var_ (ddof 0 plus the smoothing term) and class_prior_ match sklearn's fitted values."""
    X, y = _blobs(1, [20, 50], d=3)
    model, sk = _fit(learner, X, y), _sk(X, y)
    assert_array(model.theta_, sk.theta_, what="theta_")
    assert_array(model.var_, sk.var_, what="var_")
    assert_array(model.class_prior_, sk.class_prior_, what="class_prior_")


def test_imbalanced_classes_use_priors(learner):
    """Imbalanced classes (95 vs 5) with overlap: the priors shift the posteriors as in sklearn."""
    rng = np.random.default_rng(2)
    X = np.vstack([rng.normal(0.0, 1.0, size=(95, 2)), rng.normal(0.8, 1.0, size=(5, 2))])
    y = np.array([0] * 95 + [1] * 5)
    Xt = np.linspace(-1.0, 3.0, 12)[:, None] * np.ones((1, 2))
    _compare(_fit(learner, X, y), _sk(X, y), Xt)


def test_zero_variance_feature(learner):
    """A feature constant inside each class and one constant overall stay finite via the smoothing term."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(30, 3))
    y = np.array([0] * 12 + [1] * 18)
    X[:, 1] = np.where(y == 0, 1.0, 1.0 + 1e-3)
    X[:, 2] = 5.0
    Xt = np.column_stack([rng.normal(size=6), 1.0 + np.array([0, 1e-3, 5e-4, 1e-5, 2e-3, 0]), np.full(6, 5.0)])
    model, sk = _fit(learner, X, y), _sk(X, y)
    assert_array(model.var_, sk.var_, what="var_")
    _compare(model, sk, Xt)


def test_var_smoothing_parameter(learner):
    """var_smoothing=1e-2 scales the added term by the largest overall feature variance, as in sklearn."""
    X, y = _blobs(4, [15, 25], d=3)
    X[:, 0] *= 10.0
    Xt = np.random.default_rng(14).normal(scale=3.0, size=(10, 3))
    model, sk = _fit(learner, X, y, var_smoothing=1e-2), _sk(X, y, var_smoothing=1e-2)
    assert_array(model.var_, sk.var_, what="var_ with var_smoothing=1e-2")
    _compare(model, sk, Xt, what=" with var_smoothing=1e-2")


def test_far_away_sample_stays_finite(learner):
    """A sample far from all training data gets finite log-probabilities equal to sklearn's."""
    X, y = _blobs(5, [20, 20, 20], d=2)
    Xt = np.array([[60.0, -40.0], [-80.0, 90.0], [0.0, 0.0]])
    _compare(_fit(learner, X, y), _sk(X, y), Xt, what=" (far-away samples)")


def test_string_labels(learner):
    """String labels: classes_ are sorted and predict returns the label strings."""
    X, yi = _blobs(6, [15, 20, 10], d=2)
    names = np.array(["setosa", "alpha", "virginica"])
    y = names[yi]
    model, sk = _fit(learner, X, y), _sk(X, y)
    assert list(np.asarray(model.classes_)) == ["alpha", "setosa", "virginica"], \
        "classes_ should be the sorted distinct labels"
    _compare(model, sk, X[:12])


def test_empty_input_raises(learner):
    """fit on an X with no rows raises ValueError."""
    with pytest.raises(ValueError):
        learner.GaussianNB().call_method("fit", np.zeros((0, 3)), np.zeros(0, dtype=np.int64))


def test_inputs_not_modified(learner):
    """fit and predict_log_proba leave X, y and the test samples unchanged."""
    X, y = _blobs(7, [10, 12], d=3)
    model = learner.GaussianNB()
    _, after = model.call_method_keep_args("fit", X.copy(), y.copy())
    assert_array(after[0], X, rtol=0, atol=0, what="your X after fit")
    assert_array(after[1], y, rtol=0, atol=0, what="your y after fit")
    Xt = X[:5] + 0.5
    _, after = model.call_method_keep_args("predict_log_proba", Xt.copy())
    assert_array(after[0], Xt, rtol=0, atol=0, what="your X after predict_log_proba")
