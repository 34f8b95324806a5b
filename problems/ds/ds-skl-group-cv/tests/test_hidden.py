import numpy as np
from sklearn.exceptions import NotFittedError
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

from grader.checklib import assert_array, assert_raises, covers

# A spy classifier installed inside the sandbox: every fit logs which object was fitted and the row ids
# (column 0 of X) it saw. predict_proba's class-1 score is column 1 of X, so the per-fold AUC does not
# depend on training; decision_function ranks by column 2 and predict thresholds column 3, so scoring
# through another method than predict_proba gives other AUCs.
SPY_SRC = r'''
import sys, types
import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

LOG = []

class SpyClassifier(ClassifierMixin, BaseEstimator):
    def __init__(self, scale=1.0):
        self.scale = scale

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        LOG.append((self, X[:, 0].astype(int).tolist()))  # the object is kept, so ids are never reused
        self.classes_ = np.unique(y)
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X):
        return self.scale * np.asarray(X, dtype=float)[:, 2]

    def predict_proba(self, X):
        p = 1.0 / (1.0 + np.exp(-self.scale * np.asarray(X, dtype=float)[:, 1]))
        return np.column_stack([1.0 - p, p])

    def predict(self, X):
        return self.classes_[(np.asarray(X, dtype=float)[:, 3] > 0).astype(int)]

def fits():
    return [list(rows) for _, rows in LOG]

def fitted_objects():
    return [id(obj) for obj, _ in LOG]

def reset():
    LOG.clear()

_mod = types.ModuleType("_grader_spy_gcv")
_mod.SpyClassifier, _mod.fits, _mod.fitted_objects, _mod.reset = SpyClassifier, fits, fitted_objects, reset
sys.modules["_grader_spy_gcv"] = _mod
'''


def _spy(learner):
    learner.invoke("builtins.exec", SPY_SRC, {"__name__": "_grader_spy_gcv"})
    return learner.invoke("_grader_spy_gcv.SpyClassifier")


def _fits(learner):
    return learner.invoke("_grader_spy_gcv.fits")


def _data(seed, n_groups=12, per=(6, 16)):
    """Rows with a group id; column 0 is the row id, columns 1-3 are features."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(per[0], per[1], n_groups)
    groups = np.repeat(np.arange(n_groups), sizes)
    n = len(groups)
    feats = rng.normal(size=(n, 3)) + rng.normal(scale=0.8, size=(n_groups, 3))[groups]
    logit = 1.5 * feats[:, 0] - feats[:, 1] + rng.normal(scale=0.5, size=n_groups)[groups]
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(np.int64)
    X = np.column_stack([np.arange(n, dtype=float), feats])
    perm = rng.permutation(n)  # groups are not contiguous
    X, y, groups = X[perm], y[perm], groups[perm]
    X[:, 0] = np.arange(n)
    return X, y, groups


def _logreg(learner):
    return learner.invoke("sklearn.linear_model.LogisticRegression", max_iter=1000)


def _spy_expected(X, y, groups, n_splits):
    return np.array([roc_auc_score(y[te], X[te, 1]) for _, te in GroupKFold(n_splits=n_splits).split(X, y, groups)])


@covers("auc-value", "group-kfold", "train-rows-only")
def test_matches_groupkfold_logistic_regression(learner, reference):
    """Per-fold AUCs of LogisticRegression match GroupKFold with a fresh clone per fold."""
    X, y, groups = _data(1)
    out = learner.group_cv_auc(_logreg(learner), X, y, groups, 5)
    from sklearn.linear_model import LogisticRegression
    expected = reference.group_cv_auc(LogisticRegression(max_iter=1000), X, y, groups, 5)
    assert_array(out, expected, what="per-fold AUC")


@covers("float64-array", "one-per-fold", "default-splits")
def test_length_and_dtype(learner):
    """Returns a float64 NumPy array with one AUC per fold (default n_splits=5, and n_splits=3)."""
    X, y, groups = _data(2)
    spy = _spy(learner)
    out = learner.group_cv_auc(spy, X, y, groups)
    assert isinstance(out, np.ndarray) and out.shape == (5,), f"expected an array of shape (5,), got {getattr(out, 'shape', type(out).__name__)}"
    assert out.dtype == np.float64, f"expected dtype float64, got {out.dtype}"
    out = learner.group_cv_auc(spy, X, y, groups, n_splits=3)
    assert isinstance(out, np.ndarray) and out.shape == (3,), "with n_splits=3 expected an array of shape (3,)"


@covers("group-kfold")
def test_no_group_on_both_sides(learner):
    """A spy estimator sees no group both in a fold's training rows and in its test rows."""
    X, y, groups = _data(3)
    spy = _spy(learner)
    learner.group_cv_auc(spy, X, y, groups, 4)
    fits = _fits(learner)
    assert len(fits) >= 1, "the estimator was never fitted"
    every = set(range(len(y)))
    for rows in fits:
        held_out = every - set(rows)
        shared = set(groups[list(rows)]) & set(groups[list(held_out)])
        assert not shared, f"a fold trains on some rows of a group and tests on others ({len(shared)} groups shared)"


@covers("train-rows-only", "group-kfold")
def test_one_fit_per_groupkfold_fold(learner):
    """The spy is fitted exactly once per fold, on the training rows of each GroupKFold fold."""
    X, y, groups = _data(4)
    spy = _spy(learner)
    learner.group_cv_auc(spy, X, y, groups, 5)
    fits = sorted(sorted(f) for f in _fits(learner))
    expected = sorted(sorted(tr.tolist()) for tr, _ in GroupKFold(n_splits=5).split(X, y, groups))
    assert len(fits) == 5, f"expected 5 fits (one per fold), got {len(fits)}"
    assert fits == expected, "the training rows of the folds are not those of GroupKFold(n_splits)"


@covers("predict-proba", "auc-value", "group-kfold")
def test_spy_scores_give_fold_aucs(learner):
    """With a spy whose predict_proba scores are known, each fold's AUC is exact and in GroupKFold split order."""
    X, y, groups = _data(5, n_groups=15)
    out = learner.group_cv_auc(_spy(learner), X, y, groups, 5)
    assert_array(out, _spy_expected(X, y, groups, 5), what="per-fold AUC")


@covers("fresh-clone")
def test_passed_estimator_stays_unfitted(learner):
    """The estimator passed in is never fitted itself (each fold fits a clone)."""
    X, y, groups = _data(6)
    model = _logreg(learner)
    learner.group_cv_auc(model, X, y, groups, 5)
    try:
        learner.invoke("sklearn.utils.validation.check_is_fitted", model)
    except NotFittedError:
        return
    raise AssertionError("the estimator you were given is fitted after the call; fit a clone per fold instead")


@covers("string-groups")
def test_string_groups(learner):
    """Groups given as strings work the same as integer groups."""
    X, y, groups = _data(7)
    names = np.array([f"user{g:02d}" for g in groups])
    out = learner.group_cv_auc(_spy(learner), X, y, names, 4)
    assert_array(out, _spy_expected(X, y, names, 4), what="per-fold AUC with string groups")


@covers("too-few-groups")
def test_too_few_groups_raises(learner):
    """Fewer distinct groups than n_splits raises ValueError."""
    X, y, groups = _data(8, n_groups=3)
    with assert_raises(ValueError, "3 groups and n_splits=5"):
        learner.group_cv_auc(_spy(learner), X, y, groups, 5)


@covers("inputs-unchanged")
def test_inputs_not_modified(learner):
    """X, y and groups are left unchanged."""
    X, y, groups = _data(9)
    _, after = learner.group_cv_auc.call_keep_args(_spy(learner), X.copy(), y.copy(), groups.copy(), 5)
    assert_array(after[1], X, what="your X after the call")
    assert_array(after[2], y, what="your y after the call")
    assert_array(after[3], groups, what="your groups after the call")


@covers("fresh-clone")
def test_each_fold_fits_a_fresh_clone(learner):
    """Every fold fits a different estimator object, and none of them is the estimator passed in."""
    X, y, groups = _data(10)
    spy = _spy(learner)
    learner.group_cv_auc(spy, X, y, groups, 4)
    objects = learner.invoke("_grader_spy_gcv.fitted_objects")
    assert len(objects) == 4, f"expected 4 fits (one per fold), got {len(objects)}"
    assert learner.invoke("builtins.id", spy) not in objects, "the estimator you were given was fitted"
    assert len(set(objects)) == 4, (f"the {len(objects)} folds were fitted on {len(set(objects))} estimator "
                                   "object(s); clone the estimator afresh for every fold")
