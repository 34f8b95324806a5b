import numpy as np
from sklearn.linear_model import LogisticRegression

from grader.checklib import assert_array, assert_scalar


def _data(seed, n, d=3):
    rng = np.random.default_rng(seed)
    X = rng.normal(loc=rng.uniform(-1, 1, size=d), scale=rng.uniform(0.7, 1.5, size=d), size=(n, d))
    z = X @ rng.normal(scale=1.5, size=d) + 1.0
    y = (rng.random(n) < 1.0 / (1.0 + np.exp(-z))).astype(np.int64)
    return X, y


def _check(res, w_exp, b_exp, rtol=1e-6, atol=1e-9, label=""):
    assert isinstance(res, tuple) and len(res) == 2, "logreg_fit should return a tuple (w, b)"
    w, b = res
    assert_array(w, w_exp, rtol=rtol, atol=atol, what=f"w{label}")
    assert_scalar(b, b_exp, rtol=rtol, atol=atol, what=f"b{label}")


def test_worked_example(learner):
    """The worked example from the statement (one plain step, two steps with l2=0.1)."""
    X = np.array([[1.0, 2.0], [2.0, -1.0], [-1.0, 0.5], [0.0, -2.0]])
    y = np.array([1, 1, 1, 0])
    _check(learner.logreg_fit(X, y, 0.5, 1), np.array([0.125, 0.21875]), 0.125, label=" after 1 step")
    _check(learner.logreg_fit(X, y, 0.5, 2, l2=0.1), np.array([0.2167424412, 0.3690016365]),
           0.2307231328, rtol=1e-8, label=" after 2 steps with l2=0.1")


def test_first_gradient_analytic(learner):
    """One step from zero equals -lr times the analytic gradient X.T @ (0.5 - y) / n, mean(0.5 - y)."""
    X, y = _data(0, 30)
    lr = 0.7
    w_exp = -lr * X.T @ (0.5 - y) / len(y)
    b_exp = -lr * float(np.mean(0.5 - y))
    _check(learner.logreg_fit(X, y, lr, 1), w_exp, b_exp)
    _check(learner.logreg_fit(X, y, lr, 1, l2=0.3), w_exp, b_exp, label=" with l2=0.3")


def test_zero_iterations(learner):
    """n_iter = 0 returns w = zeros(d) and b = 0.0."""
    X, y = _data(1, 10)
    _check(learner.logreg_fit(X, y, 0.1, 0), np.zeros(3), 0.0)


def test_trajectory_without_penalty(learner, reference):
    """25 steps with the default l2 = 0 match the reference."""
    X, y = _data(2, 50)
    _check(learner.logreg_fit(X, y, 0.3, 25), *reference.logreg_fit(X, y, 0.3, 25))


def test_penalty_gradient_and_bias_unpenalised(learner, reference):
    """A few steps with l2 = 0.5: the penalty l2 * w enters grad_w, and b is not penalised."""
    X, y = _data(3, 40)
    y = np.where(np.arange(40) < 34, 1, y)  # mostly positives: a clearly non-zero intercept
    _check(learner.logreg_fit(X, y, 0.4, 6, l2=0.5), *reference.logreg_fit(X, y, 0.4, 6, l2=0.5))


def test_matches_sklearn_l2(learner):
    """l2 = 0.1 and 0.02, run to convergence: w and b match LogisticRegression(C=1/(n*l2)) within 1e-3."""
    X, y = _data(4, 200)
    for lam, n_iter in ((0.1, 400), (0.02, 800)):
        ref = LogisticRegression(C=1.0 / (len(y) * lam), tol=1e-10, max_iter=10_000).fit(X, y)
        _check(learner.logreg_fit(X, y, 0.5, n_iter, l2=lam), ref.coef_[0], ref.intercept_[0],
               rtol=0, atol=1e-3, label=f" for l2={lam}")


def test_large_scores_no_overflow(learner, reference):
    """Scores near +-5e5 with RuntimeWarnings as errors: no overflow, finite results matching the reference."""
    X = np.array([[1000.0], [-1000.0], [500.0], [-800.0], [300.0]])
    y = np.array([1, 0, 1, 0, 0])
    f = learner.fn("logreg_fit", warnings="error")
    for l2 in (0.0, 0.1):
        _check(f(X, y, 1.0, 5, l2), *reference.logreg_fit(X, y, 1.0, 5, l2), label=f" (l2={l2})")


def test_float_labels_same_as_int(learner, reference):
    """Labels given as float64 0.0/1.0 give the same result as int64 labels."""
    X, y = _data(5, 25)
    exp = reference.logreg_fit(X, y, 0.2, 10, 0.05)
    _check(learner.logreg_fit(X, y.astype(np.float64), 0.2, 10, 0.05), *exp, label=" (float labels)")


def test_inputs_not_modified(learner):
    """X and y are left unchanged."""
    X, y = _data(6, 12)
    _, after = learner.logreg_fit.call_keep_args(X.copy(), y.copy(), 0.1, 5, 0.1)
    assert_array(after[0], X, rtol=0, atol=0, what="your X after the call")
    assert_array(after[1], y, rtol=0, atol=0, what="your y after the call")
