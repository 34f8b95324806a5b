"""The second batch of generators, checked against library oracles and simulation."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from scipy import stats
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import average_precision_score, log_loss
from sklearn.model_selection import TimeSeriesSplit

from grader.quiz import generators as G

g = SimpleNamespace(**{name: lambda *a, f=f, **k: f(*a, **k).value for name, f in G.GENERATORS.items()})


def test_ranking_and_probability_metrics_match_sklearn():
    rel = [1, 0, 1, 1, 0, 0, 1]
    scores = np.arange(len(rel), 0, -1)
    assert g.average_precision(rel) == pytest.approx(average_precision_score(rel, scores))
    assert g.binary_log_loss(0.8, 1) == pytest.approx(log_loss([1], [0.8], labels=[0, 1]))
    assert g.binary_log_loss(0.8, 0) == pytest.approx(log_loss([0], [0.8], labels=[0, 1]))


def test_ridge_and_logistic_match_sklearn():
    rng = np.random.default_rng(0)
    x = rng.normal(size=50)
    x = x / np.sqrt((x**2).sum() / 50)  # sum of squares = n
    y = 2.5 * x + rng.normal(size=50)
    ols = float(x @ y / (x @ x))
    ridge = Ridge(alpha=10.0, fit_intercept=False).fit(x[:, None], y).coef_[0]
    assert g.ridge_one_feature(ols, 50, 10.0) == pytest.approx(ridge)
    model = LogisticRegression().fit([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1])
    b0, b1 = model.intercept_[0], model.coef_[0, 0]
    assert g.logistic_probability(b0, b1, 1.7) == pytest.approx(model.predict_proba([[1.7]])[0, 1])


def test_sampling_quantities_match_simulation():
    rng = np.random.default_rng(1)
    n = 8
    draws = [len(_collect(rng, n)) for _ in range(4000)]
    assert g.coupon_collector(n) == pytest.approx(np.mean(draws), rel=0.03)
    oob = np.mean([1 - len(np.unique(rng.integers(0, 50, 50))) / 50 for _ in range(4000)])
    assert g.out_of_bag_share(50) == pytest.approx(oob, abs=0.01)


def _collect(rng: np.random.Generator, n: int) -> list[int]:
    seen: set[int] = set()
    out = []
    while len(seen) < n:
        k = int(rng.integers(0, n))
        seen.add(k)
        out.append(k)
    return out


def test_closed_forms():
    z = stats.norm.ppf(0.975)
    assert g.margin_sample_size(10.0, 1.0, 0.95) == np.ceil((z * 10) ** 2)
    assert g.mde_two_proportions(0.1, 10000, 0.05, 0.8) == pytest.approx(
        (z + stats.norm.ppf(0.8)) * np.sqrt(2 * 0.1 * 0.9 / 10000))
    assert g.downsampling_correction(0.5, 0.1) == pytest.approx(0.05 / 0.55)
    assert g.minmax_scaled(15, 10, 20) == 0.5 and g.expected_squared_error(0.5, 1.0, 2.0) == 3.25
    assert g.rolling_origin_folds(100, 40, 10) == len(list(TimeSeriesSplit(n_splits=6, test_size=10).split(range(100))))
    assert g.vif_se_factor(0.75) == pytest.approx(2.0)
    rho, s2, b = 0.3, 4.0, 10
    cov = np.full((b, b), rho * s2) + np.eye(b) * (1 - rho) * s2
    assert g.ensemble_variance(s2, rho, b) == pytest.approx(np.ones(b) @ cov @ np.ones(b) / b**2)
