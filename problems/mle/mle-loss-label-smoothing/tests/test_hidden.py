import numpy as np
import pytest
from scipy.special import log_softmax

from grader.checklib import assert_scalar


def _oracle(logits, labels, eps):
    n, k = logits.shape
    lp = log_softmax(logits, axis=1)
    t = np.full((n, k), eps / k)
    t[np.arange(n), labels] += 1 - eps
    return float(-(t * lp).sum() / n)


def _batch(seed, n=12, k=5, scale=3.0):
    rng = np.random.default_rng(seed)
    return rng.normal(scale=scale, size=(n, k)), rng.integers(0, k, size=n)


def test_worked_example(learner):
    """The worked example from the statement (2 rows, 3 classes, eps = 0.1)."""
    got = learner.smoothed_ce(np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 3.0]]), np.array([0, 2]), 0.1)
    assert_scalar(got, 0.4012644604326707)


def test_eps_zero_is_plain_cross_entropy(learner):
    """eps = 0 gives exactly the ordinary mean cross-entropy."""
    logits, labels = _batch(0)
    plain = float(-log_softmax(logits, axis=1)[np.arange(len(labels)), labels].mean())
    assert_scalar(learner.smoothed_ce(logits, labels, 0.0), plain, what="loss with eps = 0")


@pytest.mark.parametrize("eps", [0.05, 0.3, 1.0])
def test_matches_reference(learner, eps):
    """Random batches for several eps (including eps = 1, the uniform target) match the definition."""
    logits, labels = _batch(int(eps * 100) + 1, n=20, k=7)
    assert_scalar(learner.smoothed_ce(logits, labels, eps), _oracle(logits, labels, eps), what=f"loss with eps = {eps}")


def test_two_classes(learner):
    """With K = 2 the smoothing splits eps / 2 onto each class (the true one included)."""
    logits = np.array([[0.0, 0.0], [3.0, -1.0], [-2.0, 2.0]])
    labels = np.array([1, 0, 0])
    assert_scalar(learner.smoothed_ce(logits, labels, 0.2), _oracle(logits, labels, 0.2))


def test_huge_logit_gaps_stable(learner):
    """Logit gaps of 1e4 give the exact finite loss with warnings treated as errors."""
    logits = np.array([[1e4, 0.0, -1e4], [-1e4, 1e4, 0.0]])
    labels = np.array([2, 1])
    got = learner.fn("smoothed_ce", warnings="error")(logits, labels, 0.1)
    assert_scalar(got, _oracle(logits, labels, 0.1), what="loss with huge logit gaps")


def test_gradient_matches_softmax_minus_targets(learner):
    """Finite differences of your loss match the analytic gradient (softmax - targets) / n."""
    logits, labels = _batch(7, n=3, k=4, scale=1.0)
    eps, h = 0.2, 1e-5
    n, k = logits.shape
    p = np.exp(log_softmax(logits, axis=1))
    t = np.full((n, k), eps / k)
    t[np.arange(n), labels] += 1 - eps
    analytic = (p - t) / n
    numeric = np.zeros_like(logits)
    for i in range(n):
        for j in range(k):
            up, down = logits.copy(), logits.copy()
            up[i, j] += h
            down[i, j] -= h
            numeric[i, j] = (learner.smoothed_ce(up, labels, eps) - learner.smoothed_ce(down, labels, eps)) / (2 * h)
    worst = float(np.max(np.abs(numeric - analytic)))
    assert worst < 1e-6, f"the finite-difference gradient of your loss differs from (softmax - targets)/n by {worst:.2e}"


def test_loss_is_a_mean_over_rows(learner):
    """Repeating every row twice leaves the loss unchanged (a mean, not a sum)."""
    logits, labels = _batch(3, n=6)
    once = learner.smoothed_ce(logits, labels, 0.1)
    twice = learner.smoothed_ce(np.vstack([logits, logits]), np.concatenate([labels, labels]), 0.1)
    assert_scalar(twice, once, what="loss on the doubled batch")


@pytest.mark.parametrize("case", ["eps_negative", "eps_above_one", "label_too_big", "label_negative"])
def test_invalid_input_raises(learner, case):
    """eps outside [0, 1] or a label outside 0..K-1 raises ValueError."""
    logits, labels = _batch(4, n=3, k=3)
    eps = {"eps_negative": -0.1, "eps_above_one": 1.5}.get(case, 0.1)
    if case == "label_too_big":
        labels = np.array([0, 3, 1])
    if case == "label_negative":
        labels = np.array([0, -1, 1])
    with pytest.raises(ValueError):
        learner.smoothed_ce(logits, labels, eps)


def test_inputs_not_modified(learner):
    """logits and labels are left unchanged."""
    logits, labels = _batch(5, n=4)
    _, after = learner.smoothed_ce.call_keep_args(logits, labels, 0.1)
    assert np.array_equal(after[0], logits) and np.array_equal(after[1], labels), "your function changed its inputs"
