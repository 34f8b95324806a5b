"""Statistical plans (grader/power.py): the stated false-failure rate and power hold, exactly or by simulation."""
from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import binom

from grader.checklib import binomial_plan, categorical_plan, mean_plan


@pytest.mark.parametrize("p, alternative", [(1 / 3, 1 / 2), (0.95, 0.90), (1 / 50, 0.0), (0.5, 0.45)])
def test_a_binomial_plan_meets_its_error_rates_exactly(p, alternative):
    plan = binomial_plan(p, alternative)
    inside = lambda q: binom.cdf(plan.hi, plan.trials, q) - binom.cdf(plan.lo - 1, plan.trials, q)
    assert 1 - inside(p) <= 1e-6 and plan.false_failure == pytest.approx(1 - inside(p), abs=1e-12)
    assert 1 - inside(alternative) >= 0.99 and plan.power == pytest.approx(1 - inside(alternative))
    smaller = binomial_plan(p, alternative, power=0.9)
    assert smaller.trials <= plan.trials  # fewer trials buy less power
    assert str(plan.trials) in plan.describe() and "power" in plan.describe()


def test_a_binomial_plan_rejects_the_alternative_in_simulation():
    """10,000 simulated runs: the correct rate never fails (expected failures: 0.01), the alternative
    passes in at most 2% of runs (expected 1% or less at power 0.99)."""
    plan = binomial_plan(1 / 3, 1 / 2)
    rng = np.random.default_rng(2024)
    ok = rng.binomial(plan.trials, 1 / 3, size=10_000)
    wrong = rng.binomial(plan.trials, 1 / 2, size=10_000)
    accepted = lambda k: (plan.lo <= k) & (k <= plan.hi)
    assert accepted(ok).all()
    assert accepted(wrong).mean() <= 0.02
    with pytest.raises(AssertionError, match=f"of {plan.trials}"):
        plan.check(int(wrong[~accepted(wrong)][0]), "draws of the first item")
    plan.check(int(ok[0]), "draws of the first item")


def test_a_categorical_plan_bounds_its_error_rates():
    p, alt = [0.5, 0.3, 0.2], [0.4, 0.35, 0.25]
    plan = categorical_plan(p, alt)
    assert plan.false_failure <= 1e-6 and plan.power >= 0.99
    rng = np.random.default_rng(7)
    for counts in rng.multinomial(plan.draws, p, size=2000):
        plan.check(list(counts), "category counts")
    rejected = 0
    for counts in rng.multinomial(plan.draws, alt, size=2000):
        try:
            plan.check(list(counts), "category counts")
        except AssertionError:
            rejected += 1
    assert rejected / 2000 >= 0.98
    with pytest.raises(AssertionError, match="expected 1380 draws"):
        plan.check([1, 2, 3], "category counts")


def test_a_mean_plan_uses_the_normal_approximation():
    plan = mean_plan(0.0, 1.0, 0.1)
    assert plan.power >= 0.99 and plan.lo < 0 < plan.hi < 0.1
    plan.check(0.0, "mean")
    with pytest.raises(AssertionError, match="expected between"):
        plan.check(0.1, "mean")


def test_bad_plans_are_refused():
    with pytest.raises(ValueError):
        binomial_plan(0.5, 0.5)
    with pytest.raises(ValueError):
        categorical_plan([0.5, 0.5], [1.0])
    with pytest.raises(ValueError):
        mean_plan(0, 0, 1)
