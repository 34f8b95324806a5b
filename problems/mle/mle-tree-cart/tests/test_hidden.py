import numpy as np
from sklearn.tree import DecisionTreeClassifier

from grader.checklib import assert_array

LABELS = np.array([-3, 4, 10])


def _data(seed, n=150, d=4, noise=0.6):
    """Continuous features (no repeated values), three classes with labels -3, 4, 10."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    score = X[:, 0] + 0.7 * X[:, 1] * X[:, -1] + noise * rng.normal(size=n)
    y = np.digitize(score, np.quantile(score, [1 / 3, 2 / 3]))
    return X, LABELS[y]


def _fit(learner, X, y, **params):
    tree = learner.TreeClassifier(**params)
    tree.call_method("fit", X, y)
    return tree


def _predict(tree, X, what="predict"):
    out = tree.call_method("predict", X)
    assert type(out) is np.ndarray, f"{what} should return a numpy array, got {type(out).__name__}"
    return out


def _proba(tree, X):
    out = tree.call_method("predict_proba", X)
    assert type(out) is np.ndarray, f"predict_proba should return a numpy array, got {type(out).__name__}"
    return out


def _depth(tree):
    d = tree.call_method("get_depth")
    assert isinstance(d, (int, np.integer)) and not isinstance(d, bool), \
        f"get_depth() should return an int, got {type(d).__name__}"
    return int(d)


def _sk(X, y, **params):
    return DecisionTreeClassifier(random_state=0, **params).fit(X, y)


def test_worked_example(learner):
    """The worked example from the statement (max_depth = 1 and unlimited depth)."""
    X = np.array([[1.0, 5.0], [2.0, 4.0], [3.0, 7.0], [4.0, 1.0], [5.0, 2.0], [6.0, 3.0]])
    y = np.array([0, 0, 1, 1, 2, 2])
    X_new = np.array([[1.5, 6.0], [3.5, 6.5], [5.5, 2.5]])
    stump = _fit(learner, X, y, max_depth=1)
    assert_array(_predict(stump, X_new), np.array([0, 1, 1]), what="predict with max_depth=1")
    assert_array(_proba(stump, X_new), np.array([[1.0, 0.0, 0.0], [0.0, 0.5, 0.5], [0.0, 0.5, 0.5]]),
                 what="predict_proba with max_depth=1")
    full = _fit(learner, X, y)
    assert_array(_predict(full, X_new), np.array([0, 1, 2]), what="predict with max_depth=None")
    assert _depth(full) == 2, f"get_depth() with max_depth=None should be 2, got {_depth(full)}"


def test_depth_zero_predicts_majority(learner):
    """max_depth = 0 is a single leaf: the majority class everywhere (ties to the smallest label)."""
    X, _ = _data(1, n=40)
    y = np.array([7] * 10 + [2] * 16 + [5] * 14)
    tree = _fit(learner, X, y, max_depth=0)
    X_new = np.random.default_rng(11).normal(size=(9, 4))
    assert_array(_predict(tree, X_new), np.full(9, 2), what="predict with max_depth=0")
    assert_array(_proba(tree, X_new), np.tile([16 / 40, 14 / 40, 10 / 40], (9, 1)), what="predict_proba with max_depth=0")
    assert _depth(tree) == 0, f"get_depth() with max_depth=0 should be 0, got {_depth(tree)}"
    tie = _fit(learner, X[:20], np.array([9, 4] * 10), max_depth=0)
    assert_array(_predict(tie, X_new), np.full(9, 4), what="predict with max_depth=0 and a 10/10 tie")


def test_depth_limit_respected(learner):
    """With max_depth = d the fitted depth equals sklearn's (at most d) and there are at most 2^d leaves."""
    X, y = _data(6)
    X_new = np.random.default_rng(12).normal(size=(2000, 4))
    for d in (1, 2, 3, 4):
        tree = _fit(learner, X, y, max_depth=d)
        got = _depth(tree)
        assert got <= d, f"get_depth() is {got} with max_depth={d}"
        assert got == _sk(X, y, max_depth=d).get_depth(), f"get_depth() is {got} with max_depth={d}; the tree stopped too early"
        leaves = {tuple(np.round(row, 12)) for row in _proba(tree, X_new).tolist()}
        assert len(leaves) <= 2 ** d, f"max_depth={d} gave {len(leaves)} different leaf distributions, more than 2^{d}"


def test_matches_sklearn_training_predictions(learner):
    """Training predictions equal sklearn's DecisionTreeClassifier at depths 1, 2, 3, 5 and unlimited."""
    X, y = _data(6)
    for d in (1, 2, 3, 5, None):
        tree = _fit(learner, X, y, max_depth=d)
        assert_array(_predict(tree, X), _sk(X, y, max_depth=d).predict(X), what=f"training predictions (max_depth={d})")


def test_matches_sklearn_second_dataset(learner):
    """A second dataset: training predictions and depth equal sklearn's at depths 2, 4 and unlimited."""
    X, y = _data(0)
    for d in (2, 4, None):
        tree = _fit(learner, X, y, max_depth=d)
        sk = _sk(X, y, max_depth=d)
        assert_array(_predict(tree, X), sk.predict(X), what=f"training predictions (max_depth={d})")
        assert _depth(tree) == sk.get_depth(), f"get_depth() is {_depth(tree)} for max_depth={d}, sklearn gives {sk.get_depth()}"


def test_predict_proba_matches_sklearn(learner):
    """predict_proba on the training points equals sklearn's (float64, columns in sorted label order)."""
    X, y = _data(6)
    tree = _fit(learner, X, y, max_depth=3)
    assert_array(_proba(tree, X), _sk(X, y, max_depth=3).predict_proba(X), what="predict_proba (max_depth=3)")


def test_min_samples_split(learner):
    """min_samples_split = 10 and 40 match sklearn; a node smaller than min_samples_split is a leaf."""
    X, y = _data(6)
    for m in (10, 40):
        tree = _fit(learner, X, y, min_samples_split=m)
        sk = _sk(X, y, min_samples_split=m)
        assert_array(_predict(tree, X), sk.predict(X), what=f"training predictions (min_samples_split={m})")
        assert _depth(tree) == sk.get_depth(), \
            f"get_depth() is {_depth(tree)} with min_samples_split={m}, sklearn gives {sk.get_depth()}"
    Xs = np.array([[0.0], [1.0], [2.0], [3.0]])
    ys = np.array([1, 1, 2, 2])
    assert _depth(_fit(learner, Xs, ys, min_samples_split=4)) == 1, "4 samples with min_samples_split=4 should be split"
    leaf = _fit(learner, Xs, ys, min_samples_split=5)
    assert _depth(leaf) == 0, "4 samples with min_samples_split=5 should stay a single leaf"
    assert_array(_predict(leaf, Xs), np.full(4, 1), what="predictions of a 2/2 leaf (tie to the smallest label)")


def test_split_ties(learner):
    """Equal gains: the lowest feature index wins, then the smallest threshold."""
    X = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
    tree = _fit(learner, X, np.array([0, 0, 1, 1]), max_depth=1)
    assert_array(_predict(tree, np.array([[0.0, 3.0], [3.0, 0.0]])), np.array([0, 1]),
                 what="predictions when features 0 and 1 split equally well (feature 0 should be used)")
    x1 = np.arange(6.0)[:, None]
    tree = _fit(learner, x1, np.array([1, 0, 0, 0, 0, 1]), max_depth=1)
    assert_array(_predict(tree, np.array([[0.2], [0.7], [4.8]])), np.array([1, 0, 0]),
                 what="predictions when thresholds 0.5 and 4.5 tie (0.5 should be used)")


def test_leaf_vote_tie_smallest_label(learner):
    """A leaf with a tied vote predicts the smallest label, even if another label comes first."""
    X = np.arange(8.0)[:, None]
    y = np.array([5, 5, 5, 5, 8, 2, 8, 2])
    tree = _fit(learner, X, y, max_depth=1)
    assert_array(_predict(tree, np.array([[6.5], [1.0]])), np.array([2, 5]), what="predictions")
    assert_array(_proba(tree, np.array([[6.5]])), np.array([[0.5, 0.0, 0.5]]), what="predict_proba of the tied leaf")


def test_unlimited_depth_fits_training_data(learner):
    """Without a depth limit the tree classifies every (distinct) training point correctly with probability 1."""
    X, y = _data(3, n=120)
    tree = _fit(learner, X, y)
    assert_array(_predict(tree, X), y, what="training predictions")
    proba = _proba(tree, X)
    assert_array(proba, (y[:, None] == LABELS[None, :]).astype(np.float64), what="training predict_proba")


def test_classes_and_dtypes(learner):
    """classes_ holds the sorted labels; predict keeps the label dtype; predict_proba is (m, k) float64 summing to 1."""
    X, y = _data(5, n=60)
    tree = _fit(learner, X, y, max_depth=2)
    assert_array(tree.classes_, LABELS, what="classes_")
    X_new = np.random.default_rng(13).normal(size=(25, 4))
    pred = _predict(tree, X_new)
    assert pred.dtype == y.dtype and pred.shape == (25,), f"predict should give {y.dtype} of shape (25,), got {pred.dtype} {pred.shape}"
    proba = _proba(tree, X_new)
    assert proba.dtype == np.float64 and proba.shape == (25, 3), \
        f"predict_proba should give float64 of shape (25, 3), got {proba.dtype} {proba.shape}"
    assert_array(proba.sum(axis=1), np.ones(25), what="row sums of predict_proba")


def test_constant_features_make_a_leaf(learner):
    """When no feature can separate the samples the root stays a leaf predicting the majority."""
    X = np.ones((6, 2))
    y = np.array([3, 1, 3, 1, 3, 2])
    tree = _fit(learner, X, y)
    assert _depth(tree) == 0, f"get_depth() should be 0 when every feature is constant, got {_depth(tree)}"
    assert_array(_predict(tree, np.array([[1.0, 1.0], [0.0, 5.0]])), np.array([3, 3]), what="predictions")
