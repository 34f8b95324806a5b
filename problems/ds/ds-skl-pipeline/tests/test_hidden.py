import numpy as np
import pandas as pd
from sklearn.exceptions import NotFittedError

from grader.checklib import assert_array

NUM = ["age", "income"]
CAT = ["city", "plan"]


def _data(seed, n, unseen=False):
    """A frame with NaNs in every listed column, an unlisted id column, and binary labels."""
    rng = np.random.default_rng(seed)
    cities = ["Lyon", "Oslo", "Porto", "Turin"]
    age = rng.normal(40, 12, n).round(1)
    income = rng.lognormal(10, 0.6, n).round(0)
    city = rng.choice(cities, n, p=[0.4, 0.3, 0.2, 0.1]).astype(object)
    plan = rng.choice(["basic", "plus", "pro"], n, p=[0.5, 0.3, 0.2]).astype(object)
    for col in (age, income, city, plan):
        col[rng.random(n) < 0.15] = np.nan
    if unseen:
        city[:3] = "Zagreb"
    X = pd.DataFrame({"plan": plan, "age": age, "customer_id": [f"c{seed}-{i}" for i in range(n)],
                      "city": city, "income": income})
    logit = (0.06 * (np.nan_to_num(age, nan=40) - 40) + 0.8 * (city == "Oslo") - 0.9 * (plan == "pro")
             + 0.5 * (np.log(np.nan_to_num(income, nan=2e4)) - 10))
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(np.int64)
    return X, y


def _oracle(reference, X, y, num=NUM, cat=CAT):
    model = reference.make_model(list(num), list(cat))
    return model.fit(X, y)


def _not_fitted(learner, model, what):
    try:
        learner.invoke("sklearn.utils.validation.check_is_fitted", model)
    except NotFittedError:
        return
    raise AssertionError(f"{what} is already fitted; it should be a fresh, unfitted estimator")


def _is_type(handle, name):
    return getattr(handle, "type_name", "").rsplit(".", 1)[-1] == name


def _find(handle, name, depth=0):
    """Every fitted sub-estimator of class `name` inside a fitted pipeline (names not relied on)."""
    if isinstance(handle, str) or depth > 6:
        return []
    if _is_type(handle, name):
        return [handle]
    found = []
    if _is_type(handle, "Pipeline"):
        for _, step in handle.steps:
            found += _find(step, name, depth + 1)
    elif _is_type(handle, "ColumnTransformer"):
        for _, trans, _ in handle.transformers_:
            found += _find(trans, name, depth + 1)
    return found


def test_returns_unfitted_pipeline(learner):
    """make_model returns an unfitted sklearn Pipeline."""
    model = learner.make_model(NUM, CAT)
    assert _is_type(model, "Pipeline"), f"make_model should return a Pipeline, got {getattr(model, 'type_name', type(model).__name__)}"
    _not_fitted(learner, model, "the returned Pipeline")


def test_pipeline_structure(learner):
    """Two steps: a ColumnTransformer, then LogisticRegression with max_iter=1000."""
    steps = learner.make_model(NUM, CAT).steps
    assert len(steps) == 2, f"the Pipeline should have 2 steps (ColumnTransformer, LogisticRegression), got {len(steps)}"
    first, last = steps[0][1], steps[-1][1]
    assert _is_type(first, "ColumnTransformer"), f"the first step should be a ColumnTransformer, got {getattr(first, 'type_name', first)}"
    assert _is_type(last, "LogisticRegression"), f"the last step should be a LogisticRegression, got {getattr(last, 'type_name', last)}"
    assert last.max_iter == 1000, f"LogisticRegression should have max_iter=1000, got {last.max_iter}"


def test_fit_then_predict_with_unseen_category_and_nans(learner, reference):
    """Fits on training data with NaNs; predicts on test data with NaNs and an unseen category."""
    X, y = _data(1, 200)
    X_test, _ = _data(2, 60, unseen=True)
    model = learner.make_model(NUM, CAT)
    model.call_method("fit", X, y)
    pred = model.call_method("predict", X_test)
    assert_array(pred, _oracle(reference, X, y).predict(X_test), what="predictions on the test data")


def test_probabilities_match_expected_pipeline(learner, reference):
    """predict_proba on test data matches the specified pipeline (atol 1e-4)."""
    X, y = _data(3, 300)
    X_test, _ = _data(4, 80, unseen=True)
    model = learner.make_model(NUM, CAT)
    model.call_method("fit", X, y)
    proba = model.call_method("predict_proba", X_test)
    assert_array(proba, _oracle(reference, X, y).predict_proba(X_test), rtol=0, atol=1e-4,
                 what="predicted probabilities")


def test_scaler_means_are_imputed_training_means(learner):
    """After fitting, the StandardScaler's means equal the median-imputed training column means."""
    X, y = _data(5, 150)
    model = learner.make_model(NUM, CAT)
    model.call_method("fit", X, y)
    scalers = _find(model, "StandardScaler")
    assert len(scalers) == 1, f"expected one fitted StandardScaler for the numeric columns, found {len(scalers)}"
    imputed = X[NUM].fillna(X[NUM].median())
    assert_array(scalers[0].mean_, imputed.mean().to_numpy(), what="StandardScaler mean_")


def test_clone_works(learner, reference):
    """sklearn.base.clone of a fitted model is unfitted and refits to the same predictions."""
    X, y = _data(6, 200)
    X_test, _ = _data(7, 50, unseen=True)
    model = learner.make_model(NUM, CAT)
    model.call_method("fit", X, y)
    copy = learner.invoke("sklearn.base.clone", model)
    _not_fitted(learner, copy, "the clone of a fitted model")
    copy.call_method("fit", X, y)
    assert_array(copy.call_method("predict", X_test), _oracle(reference, X, y).predict(X_test),
                 what="predictions of the refitted clone")


def test_other_columns_and_string_labels(learner, reference):
    """Works for other column lists (one numeric, two categorical) and string class labels."""
    X, y = _data(8, 200)
    X_test, _ = _data(9, 40, unseen=True)
    labels = np.where(y == 1, "yes", "no")
    num, cat = ["income"], ["plan", "city"]
    model = learner.make_model(num, cat)
    model.call_method("fit", X, labels)
    pred = model.call_method("predict", X_test)
    expected = reference.make_model(num, cat).fit(X, labels).predict(X_test)
    assert_array(pred, expected, what="predictions")


def test_unlisted_columns_are_dropped(learner, reference):
    """Columns not in num_cols or cat_cols are ignored: adding one does not change predictions."""
    X, y = _data(10, 200)
    X_test, _ = _data(11, 40)
    model = learner.make_model(NUM, CAT)
    model.call_method("fit", X.assign(notes="free text"), y)
    proba = model.call_method("predict_proba", X_test.assign(notes="other text"))
    expected = _oracle(reference, X.drop(columns="customer_id"), y).predict_proba(X_test.drop(columns="customer_id"))
    assert_array(proba, expected, rtol=0, atol=1e-4, what="predicted probabilities")


def test_fresh_model_each_call(learner):
    """Each call returns a new model: fitting one leaves another unfitted."""
    X, y = _data(12, 80)
    first = learner.make_model(NUM, CAT)
    second = learner.make_model(NUM, CAT)
    first.call_method("fit", X, y)
    _not_fitted(learner, second, "a second model from make_model")


def test_column_lists_not_modified(learner):
    """The num_cols and cat_cols lists are left unchanged."""
    _, after = learner.make_model.call_keep_args(list(NUM), list(CAT))
    assert after[0] == NUM and after[1] == CAT, "make_model changed the column lists it was given"
