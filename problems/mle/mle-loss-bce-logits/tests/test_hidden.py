import numpy as np
from scipy.special import expit

from grader.checklib import assert_scalar


def _oracle(z, y, w=1.0):
    return float(np.mean(w * y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z)))


def _data(seed, n=50, lo=-8.0, hi=8.0):
    rng = np.random.default_rng(seed)
    return rng.uniform(lo, hi, size=n), rng.integers(0, 2, size=n).astype(np.float64)


def test_worked_example(learner):
    """The worked example from the statement (includes z = 100 with y = 0), warnings as errors."""
    f = learner.fn("bce_with_logits", warnings="error")
    z = np.array([2.0, -1.0, 0.0, 100.0])
    y = np.array([1.0, 0.0, 1.0, 0.0])
    assert_scalar(f(z, y), 25.283334219780286, what="loss with pos_weight=1")
    assert_scalar(f(z, y, 2.0), 25.488353017681014, what="loss with pos_weight=2")


def test_matches_naive_formula_where_safe(learner):
    """For moderate logits (abs(z) <= 8) the result equals the textbook formula via sigmoid and log."""
    z, y = _data(0)
    for w in (1.0, 2.5):
        p = expit(z)
        naive = float(np.mean(-(w * y * np.log(p) + (1.0 - y) * np.log(1.0 - p))))
        assert_scalar(learner.bce_with_logits(z, y, w), naive, what=f"loss with pos_weight={w}")


def test_z_plus_minus_100_finite(learner):
    """z = +-100 with wrong and right labels gives the exact finite loss (about 100 or 0), warnings as errors."""
    z = np.array([100.0, -100.0, 100.0, -100.0])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    got = learner.fn("bce_with_logits", warnings="error")(z, y)
    assert_scalar(got, 50.0, what="loss for z = +-100")


def test_extreme_logits_no_overflow(learner):
    """Logits of magnitude 1000 and 1e4 give finite exact losses without any RuntimeWarning."""
    z = np.array([1e4, -1e4, 1000.0, -1000.0, 1e4, -1000.0])
    y = np.array([0.0, 1.0, 1.0, 0.0, 1.0, 1.0])
    got = learner.fn("bce_with_logits", warnings="error")(z, y, 3.0)
    assert_scalar(got, _oracle(z, y, 3.0), what="loss for extreme logits")


def test_pos_weight_scales_only_positive_terms(learner):
    """pos_weight has no effect when every y = 0 and scales the loss linearly when every y = 1."""
    z, _ = _data(1, n=30)
    zeros, ones = np.zeros(30), np.ones(30)
    base0 = learner.bce_with_logits(z, zeros)
    assert_scalar(learner.bce_with_logits(z, zeros, 4.0), float(base0), what="all-negative loss with pos_weight=4")
    assert_scalar(base0, _oracle(z, zeros), what="all-negative loss")
    assert_scalar(learner.bce_with_logits(z, ones, 4.0), 4.0 * _oracle(z, ones), what="all-positive loss with pos_weight=4")


def test_mixed_labels_with_pos_weight(learner):
    """Mixed 0/1 targets with pos_weight = 0.3 and 7 match the formula."""
    z, y = _data(2, n=60, lo=-30.0, hi=30.0)
    for w in (0.3, 7.0):
        assert_scalar(learner.bce_with_logits(z, y, w), _oracle(z, y, w), what=f"loss with pos_weight={w}")


def test_soft_targets(learner):
    """Targets strictly between 0 and 1 follow the same formula."""
    rng = np.random.default_rng(3)
    z = rng.normal(scale=5.0, size=25)
    y = rng.uniform(0.0, 1.0, size=25)
    assert_scalar(learner.bce_with_logits(z, y, 1.5), _oracle(z, y, 1.5), what="loss with soft targets")


def test_2d_input_and_single_entry(learner):
    """A 2-D input averages over all entries; a single entry returns its own loss."""
    rng = np.random.default_rng(4)
    z = rng.normal(scale=4.0, size=(4, 5))
    y = rng.integers(0, 2, size=(4, 5)).astype(np.float64)
    assert_scalar(learner.bce_with_logits(z, y), _oracle(z, y), what="loss for a 4x5 input")
    assert_scalar(learner.bce_with_logits(np.array([3.0]), np.array([0.25])), 2.298587351573742,
                  what="loss for one entry")


def test_inputs_not_modified(learner):
    """z and y are left unchanged."""
    z, y = _data(5, n=10, lo=-200.0, hi=200.0)
    _, after = learner.bce_with_logits.call_keep_args(z, y, 2.0)
    assert np.array_equal(after[0], z), "your function modified z"
    assert np.array_equal(after[1], y), "your function modified y"
