"""Generators for Q01-Q03: probability, inference and experimentation."""
from __future__ import annotations

import math
from collections.abc import Sequence

from grader.quiz.generators.core import Key, generator, normal_quantile

# Q01 probability

@generator
def bayes_posterior(prevalence: float, sensitivity: float, false_positive_rate: float) -> Key:
    """P(condition | positive test) by Bayes' rule."""
    true_pos = prevalence * sensitivity
    false_pos = (1 - prevalence) * false_positive_rate
    return Key(true_pos / (true_pos + false_pos),
               {"the detection rate P(+ | condition), confused with P(condition | +)": sensitivity,
                "one minus the false-positive rate": 1 - false_positive_rate,
                "prevalence times detection rate, without dividing by P(+)": true_pos})


@generator
def at_least_one(p: float, n: int) -> Key:
    """P(at least one of n independent events of probability p)."""
    return Key(1 - (1 - p) ** n, {"n·p, the union bound taken as the probability": n * p,
                                  "(1 − p)^n, the probability that none happens": (1 - p) ** n})


@generator
def binomial_exact(n: int, k: int, p: float) -> Key:
    """P(exactly k successes in n Bernoulli(p) trials)."""
    one_order = p ** k * (1 - p) ** (n - k)
    return Key(math.comb(n, k) * one_order,
               {"one particular order only, without the binomial coefficient": one_order,
                "P(at most k), the cumulative probability": sum(math.comb(n, j) * p ** j * (1 - p) ** (n - j)
                                                               for j in range(k + 1))})


@generator
def poisson_exact(rate: float, k: int) -> Key:
    """P(exactly k events) for a Poisson count with mean `rate`."""
    return Key(math.exp(-rate) * rate ** k / math.factorial(k),
               {"without dividing by k!": math.exp(-rate) * rate ** k,
                "P(at most k), the cumulative probability": sum(math.exp(-rate) * rate ** j / math.factorial(j)
                                                               for j in range(k + 1))})


@generator
def coupon_collector(n: int) -> Key:
    """Expected draws to see all n equally likely coupons: n * (1 + 1/2 + ... + 1/n)."""
    return Key(n * sum(1 / k for k in range(1, n + 1)),
               {"n, as if every box brought a new toy": float(n),
                "n·ln n, the approximation without its γ·n term": n * math.log(n)})


# Q02 inference

@generator
def ci_half_width(sd: float, n: int, level: float) -> Key:
    """Half-width of a normal-approximation confidence interval for a mean: z * sd / sqrt(n)."""
    z = normal_quantile(1 - (1 - level) / 2)
    return Key(z * sd / math.sqrt(n), {"z·sd, the spread of one observation instead of the mean's": z * sd,
                                       "a one-sided z for the level": normal_quantile(level) * sd / math.sqrt(n),
                                       "the full width of the interval": 2 * z * sd / math.sqrt(n)})


@generator
def familywise_error(alpha: float, m: int) -> Key:
    """P(at least one false positive) over m independent tests of true nulls at level alpha."""
    return Key(1 - (1 - alpha) ** m, {"m·α, the union bound taken as the probability": m * alpha,
                                      "α, the level of one test": alpha})


@generator
def se_proportion(p: float, n: int) -> Key:
    """Standard error of a sample proportion."""
    return Key(math.sqrt(p * (1 - p) / n), {"p(1 − p)/n, the variance instead of its square root": p * (1 - p) / n,
                                            "√(p(1 − p)), the spread of one answer": math.sqrt(p * (1 - p))})


@generator
def margin_sample_size(sd: float, margin: float, level: float) -> Key:
    """Smallest n whose normal-approximation CI for a mean has half-width at most margin, ceil((z*sd/margin)^2)."""
    z = normal_quantile(1 - (1 - level) / 2)
    return Key(float(math.ceil((z * sd / margin) ** 2)),
               {"z·sd/margin, not squared": math.ceil(z * sd / margin),
                "a one-sided z for the level": math.ceil((normal_quantile(level) * sd / margin) ** 2),
                "a margin meant as the full width of the interval": math.ceil((2 * z * sd / margin) ** 2)})


# Q03 experimentation

@generator
def two_proportion_sample_size(p0: float, lift: float, alpha: float, power: float) -> Key:
    """Users per arm to detect p0 -> p0 + lift (two-sided alpha), rounded up."""
    spread = p0 * (1 - p0) + (p0 + lift) * (1 - p0 - lift)

    def users(z: float) -> float:
        return float(math.ceil(z * z * spread / lift ** 2))

    per_arm = users(normal_quantile(1 - alpha / 2) + normal_quantile(power))
    return Key(per_arm, {"both arms together": 2 * per_arm,
                         "a one-sided test's z": users(normal_quantile(1 - alpha) + normal_quantile(power)),
                         "no term for power (50% power)": users(normal_quantile(1 - alpha / 2))})


@generator
def srm_chi_square(arms: Sequence[int]) -> Key:
    """Chi-square statistic of two observed arm sizes against a 50/50 design."""
    expected = sum(arms) / 2
    stat = sum((n - expected) ** 2 for n in arms) / expected
    return Key(stat, {"one arm's term only": stat / 2,
                      "the z-statistic instead of its square": math.sqrt(stat)})


@generator
def mde_two_proportions(p0: float, n: int, alpha: float, power: float) -> Key:
    """Minimum detectable absolute lift with n users per arm, (z(1-alpha/2) + z(power)) * sqrt(2*p0*(1-p0)/n)."""
    z = normal_quantile(1 - alpha / 2) + normal_quantile(power)
    mde = z * math.sqrt(2 * p0 * (1 - p0) / n)
    return Key(mde, {"one arm's variance only, as if the control rate were known": mde / math.sqrt(2),
                     "a relative lift (divided by the baseline)": mde / p0,
                     "no term for power (50% power)": mde * normal_quantile(1 - alpha / 2) / z})


# Added with the third batch of items (MLE/MAP and Bayesian estimates in Q02)

@generator
def birthday_collision(n: int, buckets: int) -> Key:
    """Q01: P(at least two of n independent uniform draws from `buckets` values coincide)."""
    distinct = 1.0
    for i in range(n):
        distinct *= (buckets - i) / buckets
    return Key(1 - distinct, {"the expected number of colliding pairs, n(n − 1)/2 / buckets": n * (n - 1) / 2 / buckets,
                              "n / buckets, one draw's chance to match a given set of n": n / buckets})


@generator
def mixture_mean(share: float, fast: float, slow: float) -> Key:
    """Q01: mean of a two-part mixture by the law of total expectation: share * fast + (1 - share) * slow."""
    return Key(share * fast + (1 - share) * slow, {"the plain average of the two parts": (fast + slow) / 2,
                                                   "the shares swapped": share * slow + (1 - share) * fast})


@generator
def exponential_survival(rate: float, minutes: float) -> Key:
    """Q01: P(no event within `minutes`) for a Poisson process with `rate` events per minute: exp(-rate * minutes)."""
    return Key(math.exp(-rate * minutes), {"1 − λt, the first-order approximation": 1 - rate * minutes,
                                           "P(at least one event) instead": 1 - math.exp(-rate * minutes)})


@generator
def beta_posterior_mean(a: float, b: float, reviews: Sequence[int]) -> Key:
    """Q02: posterior mean of a rate with a Beta(a, b) prior after reviews = [successes, trials]."""
    k, n = reviews
    return Key((a + k) / (a + b + n), {"k / n, the maximum-likelihood estimate that ignores the prior": k / n,
                                       "the posterior mode": (a + k - 1) / (a + b + n - 2),
                                       "a / (a + b), the prior mean that ignores the data": a / (a + b)})


@generator
def mle_variance(values: Sequence[float]) -> Key:
    """Q02: maximum-likelihood estimate of a normal variance: the mean squared deviation from the sample mean."""
    n = len(values)
    mean = sum(values) / n
    squares = sum((v - mean) ** 2 for v in values)
    return Key(squares / n, {"the unbiased sample variance, dividing by n − 1": squares / (n - 1),
                             "the standard deviation instead of the variance": math.sqrt(squares / n)})


@generator
def normal_posterior_mean(prior_mean: float, prior_sd: float, estimate: float, standard_error: float) -> Key:
    """Q02: posterior mean of a quantity with a normal prior and a normal estimate: the precision-weighted average."""
    w_prior, w_data = 1 / prior_sd ** 2, 1 / standard_error ** 2
    w_sd_prior, w_sd_data = 1 / prior_sd, 1 / standard_error
    return Key((w_prior * prior_mean + w_data * estimate) / (w_prior + w_data),
               {"the estimate itself, ignoring the prior": estimate,
                "the plain average of prior mean and estimate": (prior_mean + estimate) / 2,
                "weights from standard deviations instead of variances":
                    (w_sd_prior * prior_mean + w_sd_data * estimate) / (w_sd_prior + w_sd_data)})


@generator
def cuped_variance_factor(rho: float) -> Key:
    """Q03: share of a metric's variance (and of the users needed) left after CUPED with a covariate correlated rho."""
    return Key(1 - rho ** 2, {"1 − ρ, not squared": 1 - rho, "ρ², the share removed": rho ** 2})
