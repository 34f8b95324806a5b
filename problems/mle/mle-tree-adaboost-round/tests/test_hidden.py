import math

import numpy as np

from grader.checklib import assert_array, assert_scalar

ALPHA_CLIP = 0.5 * math.log((1 - 1e-10) / 1e-10)


def _oracle(w, y, pred):
    eps = float(w[y != pred].sum() / w.sum())
    eps = min(max(eps, 1e-10), 1 - 1e-10)
    alpha = 0.5 * math.log((1 - eps) / eps)
    new = w * np.exp(-alpha * y * pred)
    return alpha, new / new.sum()


def _call(fn, *args):
    res = fn(*args)
    assert type(res) is tuple and len(res) == 2, "adaboost_round should return a tuple (alpha, new_w)"
    alpha, new_w = res
    assert isinstance(alpha, (float, np.floating)), f"alpha should be a float, got {type(alpha).__name__}"
    assert type(new_w) is np.ndarray, f"new_w should be a numpy array, got {type(new_w).__name__}"
    return alpha, new_w


def _case(seed, n, err_rate):
    rng = np.random.default_rng(seed)
    w = rng.uniform(0.1, 1.0, size=n)
    w = w / w.sum()
    y = rng.choice([-1, 1], size=n)
    pred = np.where(rng.random(n) < err_rate, -y, y)
    return w, y, pred


def test_worked_example(learner):
    """The worked example: 5 equal weights, one mistake -> alpha = ln 2, weights [.125, .125, .5, .125, .125]."""
    w = np.full(5, 0.2)
    y = np.array([1, 1, -1, -1, 1])
    pred = np.array([1, 1, 1, -1, 1])
    alpha, new_w = _call(learner.adaboost_round, w, y, pred)
    assert_scalar(alpha, math.log(2.0), what="alpha")
    assert_array(new_w, np.array([0.125, 0.125, 0.5, 0.125, 0.125]), what="new_w")


def test_matches_formula_random(learner):
    """Random non-uniform weights and error rates 0.1-0.45 match the stated formulas."""
    for seed, rate in enumerate((0.1, 0.25, 0.45)):
        w, y, pred = _case(seed, 50, rate)
        alpha, new_w = _call(learner.adaboost_round, w, y, pred)
        exp_alpha, exp_w = _oracle(w, y, pred)
        assert_scalar(alpha, exp_alpha, what=f"alpha (error rate ~{rate})")
        assert_array(new_w, exp_w, what=f"new_w (error rate ~{rate})")


def test_new_weights_sum_to_one(learner):
    """The new weights are float64, shaped like w, non-negative and sum to 1."""
    w, y, pred = _case(10, 37, 0.3)
    _, new_w = _call(learner.adaboost_round, w, y, pred)
    assert new_w.shape == (37,) and new_w.dtype == np.float64, \
        f"new_w should be float64 of shape (37,), got {new_w.dtype} {new_w.shape}"
    assert np.all(new_w >= 0), "some new weights are negative"
    assert_scalar(float(new_w.sum()), 1.0, rtol=0, atol=1e-9, what="sum of the new weights")


def test_misclassified_hold_half_the_weight(learner):
    """After the update the misclassified points hold exactly half of the total weight."""
    for seed, rate in ((20, 0.05), (21, 0.3), (22, 0.7)):
        w, y, pred = _case(seed, 60, rate)
        _, new_w = _call(learner.adaboost_round, w, y, pred)
        share = float(new_w[y != pred].sum() / new_w.sum())
        assert_scalar(share, 0.5, rtol=0, atol=1e-9, what=f"misclassified share of the new weight (error rate ~{rate})")


def test_perfect_learner_finite_alpha(learner):
    """eps = 0 (no mistakes) gives the finite clipped alpha 11.51, no warnings, and w renormalised."""
    w = np.array([0.5, 1.0, 1.5, 2.0])
    y = np.array([1, -1, -1, 1])
    alpha, new_w = _call(learner.fn("adaboost_round", warnings="error"), w, y, y.copy())
    assert math.isfinite(float(alpha)), "alpha should be finite when there are no mistakes"
    assert_scalar(alpha, ALPHA_CLIP, what="alpha for eps = 0")
    assert_array(new_w, w / w.sum(), what="new_w for eps = 0")


def test_all_wrong_finite_alpha(learner):
    """eps = 1 (every point wrong) gives alpha = -11.51 (clipped), no warnings, and w renormalised."""
    w = np.full(6, 1 / 6)
    y = np.array([1, 1, -1, 1, -1, -1])
    alpha, new_w = _call(learner.fn("adaboost_round", warnings="error"), w, y, -y)
    assert_scalar(alpha, -ALPHA_CLIP, what="alpha for eps = 1")
    assert_array(new_w, w, what="new_w for eps = 1")


def test_half_error_changes_nothing(learner):
    """eps = 0.5 gives alpha = 0 and leaves the (normalised) weights unchanged."""
    w = np.array([0.1, 0.4, 0.3, 0.2])
    y = np.array([1, 1, -1, -1])
    pred = np.array([-1, -1, -1, -1])        # wrong on weights 0.1 and 0.4: eps = 0.5
    alpha, new_w = _call(learner.adaboost_round, w, y, pred)
    assert_scalar(alpha, 0.0, rtol=0, atol=1e-12, what="alpha for eps = 0.5")
    assert_array(new_w, w, what="new_w for eps = 0.5")


def test_unnormalised_weights(learner):
    """Weights that do not sum to 1: eps is the misclassified share of the total weight."""
    w = np.array([2.0, 2.0, 2.0, 2.0, 2.0])
    y = np.array([1, 1, -1, -1, 1])
    pred = np.array([1, 1, 1, -1, 1])
    alpha, new_w = _call(learner.adaboost_round, w, y, pred)
    assert_scalar(alpha, math.log(2.0), what="alpha")
    assert_array(new_w, np.array([0.125, 0.125, 0.5, 0.125, 0.125]), what="new_w")
    w2, y2, p2 = _case(30, 40, 0.2)
    alpha2, new_w2 = _call(learner.adaboost_round, w2 * 7.5, y2, p2)
    exp_alpha, exp_w = _oracle(w2, y2, p2)
    assert_scalar(alpha2, exp_alpha, what="alpha (weights scaled by 7.5)")
    assert_array(new_w2, exp_w, what="new_w (weights scaled by 7.5)")


def test_float_labels(learner):
    """Labels given as float arrays of -1.0 / +1.0 work the same as integer labels."""
    w, y, pred = _case(40, 30, 0.35)
    alpha, new_w = _call(learner.adaboost_round, w, y.astype(np.float64), pred.astype(np.float64))
    exp_alpha, exp_w = _oracle(w, y, pred)
    assert_scalar(alpha, exp_alpha, what="alpha")
    assert_array(new_w, exp_w, what="new_w")


def test_inputs_not_modified(learner):
    """w, y and pred are left unchanged."""
    w, y, pred = _case(50, 20, 0.3)
    _, after = learner.adaboost_round.call_keep_args(w.copy(), y.copy(), pred.copy())
    assert_array(after[0], w, rtol=0, atol=0, what="your w after the call")
    assert_array(after[1], y, rtol=0, atol=0, what="your y after the call")
    assert_array(after[2], pred, rtol=0, atol=0, what="your pred after the call")
