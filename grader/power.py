"""Statistical checks with stated power: how many observations, and which acceptance band.

A check of a random algorithm names the correct distribution and the realistic wrong alternative it
must catch; a plan picks the number of observations and the band so that a correct solution fails
with probability at most `false_failure` (1e-6 by default) and the wrong one passes with probability
at most 1 - `power` (power 0.99 by default). Binomial and categorical plans are exact (scipy's
binomial distribution; a union bound over categories); the mean plan is a normal approximation.
State `plan.describe()` in the check's docstring, e.g.

    PLAN = binomial_plan(1 / 50, 0.0)  # how often x[-1] is drawn; wrong: an off-by-one index range
    def test_last_position_drawn(learner): '''... n=..., false failure 4e-07, power 0.999 ...'''
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

FALSE_FAILURE = 1e-6
POWER = 0.99


def _binom() -> object:
    from scipy.stats import binom  # scipy is imported only by checks that plan

    return binom


def _band(n: int, p: float, alpha: float) -> tuple[int, int]:
    """The narrowest integer band [lo, hi] with P(K < lo) <= alpha/2 and P(K > hi) <= alpha/2, K ~ Bin(n, p)."""
    binom = _binom()
    lo = int(binom.ppf(alpha / 2, n, p))  # type: ignore[attr-defined]
    hi = int(binom.isf(alpha / 2, n, p))  # type: ignore[attr-defined]
    return lo, hi


def _outside(n: int, p: float, lo: int, hi: int) -> float:
    binom = _binom()
    return float(binom.cdf(lo - 1, n, p) + binom.sf(hi, n, p))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class BinomialPlan:
    """Count successes in `trials` independent trials; accept when lo <= count <= hi."""

    trials: int
    p: float
    alternative: float
    lo: int
    hi: int
    false_failure: float  # P(count outside the band) when the success probability is p (exact)
    power: float  # P(count outside the band) under the alternative (exact)

    def check(self, successes: int, what: str) -> None:
        """Fail the check (AssertionError) when the count is outside the band."""
        if not self.lo <= successes <= self.hi:
            raise AssertionError(f"{what}: {successes} of {self.trials} (rate {successes / self.trials:.4g}), "
                                 f"expected between {self.lo} and {self.hi} (rate {self.p:.4g})")

    def describe(self) -> str:
        return (f"{self.trials} trials, accept {self.lo}..{self.hi}: false failure {self.false_failure:.1e} "
                f"at p={self.p:.4g}, power {self.power:.4f} against p={self.alternative:.4g}")


def binomial_plan(p: float, alternative: float, *, false_failure: float = FALSE_FAILURE, power: float = POWER,
                  max_trials: int = 10**9) -> BinomialPlan:
    """The fewest trials (and their band) that tell success probability `p` from `alternative`."""
    if not 0 <= p <= 1 or not 0 <= alternative <= 1 or p == alternative:
        raise ValueError("p and alternative must be different probabilities")

    def plan(n: int) -> BinomialPlan:
        lo, hi = _band(n, p, false_failure)
        return BinomialPlan(n, p, alternative, lo, hi, _outside(n, p, lo, hi), _outside(n, alternative, lo, hi))

    hi_n = 8
    while plan(hi_n).power < power:
        hi_n *= 2
        if hi_n > max_trials:
            raise ValueError(f"more than {max_trials} trials are needed to tell p={p} from {alternative}")
    lo_n = hi_n // 2
    while hi_n - lo_n > max(1, hi_n // 200):  # within 0.5% of the fewest trials
        mid = (lo_n + hi_n) // 2
        if plan(mid).power >= power:
            hi_n = mid
        else:
            lo_n = mid
    return plan(hi_n)


@dataclass(frozen=True)
class CategoricalPlan:
    """Draw `draws` times from categories with probabilities `p`; accept when every category's count is in its
    band (each band has false failure false_failure / k, so the whole check has at most false_failure)."""

    draws: int
    p: tuple[float, ...]
    alternative: tuple[float, ...]
    bands: tuple[tuple[int, int], ...]
    false_failure: float  # union bound over the categories (exact per category)
    power: float  # lower bound: the best single category's exact power

    def check(self, counts: Sequence[int], what: str) -> None:
        if len(counts) != len(self.p) or sum(counts) != self.draws:
            raise AssertionError(f"{what}: expected {self.draws} draws over {len(self.p)} categories, "
                                 f"got {sum(counts)} over {len(counts)}")
        for i, (c, (lo, hi)) in enumerate(zip(counts, self.bands, strict=True)):
            if not lo <= c <= hi:
                raise AssertionError(f"{what}: category {i} drawn {c} times of {self.draws} "
                                     f"(expected {lo} to {hi}, probability {self.p[i]:.4g})")

    def describe(self) -> str:
        return (f"{self.draws} draws: false failure <= {self.false_failure:.1e}, power >= {self.power:.4f} "
                f"against {[round(a, 4) for a in self.alternative]}")


def categorical_plan(p: Sequence[float], alternative: Sequence[float], *, false_failure: float = FALSE_FAILURE,
                     power: float = POWER, max_draws: int = 10**9) -> CategoricalPlan:
    """The fewest draws (and per-category bands) that tell distribution `p` from `alternative`."""
    if len(p) != len(alternative) or len(p) < 2 or not math.isclose(sum(p), 1) or not math.isclose(sum(alternative), 1):
        raise ValueError("p and alternative must be probability vectors of the same length")
    alpha = false_failure / len(p)

    def plan(n: int) -> CategoricalPlan:
        bands = tuple(_band(n, pi, alpha) for pi in p)
        ff = sum(_outside(n, pi, lo, hi) for pi, (lo, hi) in zip(p, bands, strict=True))
        pw = max(_outside(n, ai, lo, hi) for ai, (lo, hi) in zip(alternative, bands, strict=True))
        return CategoricalPlan(n, tuple(p), tuple(alternative), bands, ff, pw)

    hi_n = 8
    while plan(hi_n).power < power:
        hi_n *= 2
        if hi_n > max_draws:
            raise ValueError(f"more than {max_draws} draws are needed to tell the distributions apart")
    lo_n = hi_n // 2
    while hi_n - lo_n > max(1, hi_n // 200):
        mid = (lo_n + hi_n) // 2
        if plan(mid).power >= power:
            hi_n = mid
        else:
            lo_n = mid
    return plan(hi_n)


@dataclass(frozen=True)
class MeanPlan:
    """Average `n` independent observations with standard deviation `sd`; accept when the mean is in
    [lo, hi]. Normal approximation: right for sums of many bounded draws, not for heavy tails."""

    n: int
    mean: float
    alternative: float
    sd: float
    lo: float
    hi: float
    false_failure: float
    power: float

    def check(self, observed_mean: float, what: str) -> None:
        if not self.lo <= observed_mean <= self.hi:
            raise AssertionError(f"{what}: mean {observed_mean:.6g} over {self.n} observations, "
                                 f"expected between {self.lo:.6g} and {self.hi:.6g}")

    def describe(self) -> str:
        return (f"{self.n} observations, accept mean in [{self.lo:.4g}, {self.hi:.4g}]: false failure "
                f"{self.false_failure:.1e}, power {self.power:.4f} against mean {self.alternative:.4g} "
                "(normal approx.)")


def mean_plan(mean: float, sd: float, alternative: float, *, false_failure: float = FALSE_FAILURE,
              power: float = POWER) -> MeanPlan:
    """The fewest observations (and the band) that tell mean `mean` from `alternative` at spread `sd`."""
    from scipy.stats import norm

    if sd <= 0 or mean == alternative:
        raise ValueError("sd must be positive and the means different")
    z_a, z_b = float(norm.isf(false_failure / 2)), float(norm.ppf(power))
    n = math.ceil(((z_a + z_b) * sd / abs(alternative - mean)) ** 2)
    half = z_a * sd / math.sqrt(n)
    reach = abs(alternative - mean) * math.sqrt(n) / sd
    achieved = float(norm.sf(z_a - reach) + norm.cdf(-z_a - reach))
    return MeanPlan(n, mean, alternative, sd, mean - half, mean + half, false_failure, achieved)
