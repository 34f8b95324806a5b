"""The third batch of generators (MLE/MAP, calibration, forecasting, SVD...), against libraries and simulation."""
from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest
from scipy import stats
from sklearn.metrics import roc_auc_score
from sklearn.mixture import GaussianMixture

from grader.quiz import generators as G

g = SimpleNamespace(**{name: lambda *a, f=f, **k: f(*a, **k).value for name, f in G.GENERATORS.items()})


def test_probability_generators_match_simulation_and_closed_forms():
    rng = np.random.default_rng(0)
    draws = rng.integers(0, 20000, size=(4000, 200))
    collided = np.mean([len(np.unique(row)) < 200 for row in draws])
    assert g.birthday_collision(200, 20000) == pytest.approx(collided, abs=0.03)
    assert g.mixture_mean(0.9, 5, 120) == pytest.approx(0.9 * 5 + 0.1 * 120)
    assert g.exponential_survival(1.5, 2.0) == pytest.approx(stats.poisson.pmf(0, 3.0))


def test_bayesian_estimates_match_scipy():
    assert g.beta_posterior_mean(8, 2, [9, 12]) == pytest.approx(stats.beta(8 + 9, 2 + 3).mean())
    values = [12, 15, 11, 18, 14]
    assert g.mle_variance(values) == pytest.approx(np.var(values)) and np.var(values, ddof=1) != np.var(values)
    loc, _ = stats.norm.fit(values)
    assert loc == pytest.approx(np.mean(values))
    # normal prior N(0, 1) and estimate 3 with standard error 1.5: posterior precision 1 + 1/2.25
    assert g.normal_posterior_mean(0.0, 1.0, 3.0, 1.5) == pytest.approx((3.0 / 2.25) / (1 + 1 / 2.25))


def test_cuped_factor_matches_a_regression_adjustment():
    rng = np.random.default_rng(1)
    pre = rng.normal(size=200000)
    post = 0.6 * pre + 0.8 * rng.normal(size=200000)  # correlation 0.6
    theta = np.cov(pre, post)[0, 1] / np.var(pre)
    adjusted = post - theta * pre
    assert g.cuped_variance_factor(0.6) == pytest.approx(np.var(adjusted) / np.var(post), rel=0.02)


def test_prior_shift_matches_bayes_rule():
    # likelihood ratio implied by p at a 50% training prior, then applied at a 5% prior
    p, lr = 0.8, 0.8 / 0.2
    assert g.prior_shift(0.8, 0.5, 0.05) == pytest.approx(lr * 0.05 / (lr * 0.05 + 0.95))
    assert g.prior_shift(p, 0.5, 0.5) == pytest.approx(p)


def test_classification_metrics_match_sklearn():
    pos, neg = [0.7, 0.7, 0.5, 0.35], [0.7, 0.5, 0.3, 0.2, 0.1]
    assert g.auc_from_scores(pos, neg) == pytest.approx(roc_auc_score([1] * 4 + [0] * 5, pos + neg))
    assert g.false_positive_rate(180, 20, 40, 1800) == pytest.approx(20 / 1820)
    bins = [[500, 0.1, 0.12], [300, 0.5, 0.4], [200, 0.9, 0.7]]
    assert g.expected_calibration_error(bins) == pytest.approx((500 * 0.02 + 300 * 0.1 + 200 * 0.2) / 1000)


def test_accuracy_interval_matches_scipy():
    assert g.accuracy_ci_half_width(0.9, 2000) == pytest.approx(stats.norm.ppf(0.975) * math.sqrt(0.09 / 2000))


def test_naive_bayes_matches_a_direct_computation():
    spam, ham = 0.2 * 0.3 * 0.1, 0.8 * 0.05 * 0.2
    assert g.naive_bayes_posterior(0.2, [0.3, 0.1], [0.05, 0.2]) == pytest.approx(spam / (spam + ham))


def test_exponential_smoothing_matches_statsmodels_recursion():
    level = 100.0
    for y in [110, 90, 120]:
        level = 0.2 * y + 0.8 * level
    assert g.ses_forecast(0.2, 100, [110, 90, 120]) == pytest.approx(level)


def test_gmm_responsibility_matches_sklearn():
    gm = GaussianMixture(2, covariance_type="tied")
    gm.weights_ = np.array([0.3, 0.7])
    gm.means_ = np.array([[0.0], [3.0]])
    gm.covariances_ = np.array([[1.5 ** 2]])
    gm.precisions_cholesky_ = np.array([[1 / 1.5]])
    assert g.gmm_responsibility(1.5, [0.0, 3.0], 1.5, 0.3) == pytest.approx(gm.predict_proba([[1.5]])[0, 0])


def test_learning_rate_bound_matches_gradient_descent():
    curvatures = np.array([0.5, 2.0, 8.0])
    limit = g.max_stable_lr(list(curvatures))
    for lr, converges in ((0.99 * limit, True), (1.01 * limit, False)):
        w = np.ones(3)
        for _ in range(3000):
            w = w - lr * curvatures * w
        assert (np.abs(w).max() < 1e-3) == converges


def test_low_rank_error_matches_numpy():
    rng = np.random.default_rng(2)
    u, _ = np.linalg.qr(rng.normal(size=(6, 4)))
    v, _ = np.linalg.qr(rng.normal(size=(5, 4)))
    s = np.array([10.0, 4.0, 3.0, 1.0])
    a = u @ np.diag(s) @ v.T
    uu, ss, vv = np.linalg.svd(a, full_matrices=False)
    best = uu[:, :2] @ np.diag(ss[:2]) @ vv[:2]
    assert g.low_rank_error(list(s), 2) == pytest.approx(np.linalg.norm(a - best))
