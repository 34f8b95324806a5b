import numpy as np
from scipy import integrate, stats

from grader.checklib import assert_raises, binomial_plan, covers, probe_call


def _rng(learner, seed):
    return learner.invoke("numpy.random.default_rng", seed)


def _exact(xa, na, xb, nb, prior=(1, 1)):
    """P(p_B > p_A) = integral of pdf_B(p) * cdf_A(p) dp, each p ~ Beta(alpha + x, beta + n - x)."""
    a = stats.beta(prior[0] + xa, prior[1] + na - xa)
    b = stats.beta(prior[0] + xb, prior[1] + nb - xb)
    return integrate.quad(lambda p: b.pdf(p) * a.cdf(p), 0.0, 1.0, limit=200, epsabs=1e-10)[0]


def _exact_ignoring_x_in_beta(xa, na, xb, nb, prior=(1, 1)):
    """The same integral with Beta(alpha + x, beta + n) posteriors: n visitors counted as failures."""
    a = stats.beta(prior[0] + xa, prior[1] + na)
    b = stats.beta(prior[0] + xb, prior[1] + nb)
    return integrate.quad(lambda p: b.pdf(p) * a.cdf(p), 0.0, 1.0, limit=200, epsabs=1e-10)[0]


def _prob(learner, *args, **kw):
    v = learner.prob_b_beats_a(*args, **kw)
    assert type(v) in (float, np.float64), f"prob_b_beats_a should return a float, got {type(v).__name__}"
    v = float(v)
    assert 0.0 <= v <= 1.0, f"the result {v} is not a probability"
    return v


def _count(v, draws):
    """The number k of pairs B won, from a result that must be k / draws."""
    k = round(v * draws)
    assert abs(v * draws - k) < 1e-6, f"with draws={draws} the result should be a multiple of 1/{draws}, got {v!r}"
    return k


def _plan(p, alternatives, false_failure):
    """A binomial plan against the nearest alternative, with power >= 0.99 against every alternative."""
    plan = binomial_plan(p, min(alternatives, key=lambda a: abs(a - p)), false_failure=false_failure)
    for alt in alternatives:
        miss = stats.binom.cdf(plan.hi, plan.trials, alt) - stats.binom.cdf(plan.lo - 1, plan.trials, alt)
        assert 1 - miss >= 0.99, "test design: the plan has too little power"  # trusted-side sanity check
    return plan


@covers("posterior", "float-result")
def test_worked_example(learner):
    """The worked example (12/100 vs 20/100, 10^5 draws) is within 0.01 of the exact 0.9365.

    Wrong alternative: Beta(alpha + x, beta + n) posteriors (0.9022). With 10^5 draws the result is
    Binomial(10^5, 0.9365) / 10^5: false failure 4.8e-37, power 1.0 against 0.9022.
    """
    v = _prob(learner, 12, 100, 20, 100, 100_000, _rng(learner, 0))
    assert abs(v - _exact(12, 100, 20, 100)) < 0.01, f"got {v:.4f}, expected about 0.9365"


@covers("posterior", "edge-counts", "share")
def test_matches_exact_probability(learner):
    """Unequal sizes, x = 0, x = n and small samples agree with the exact posterior probability.

    Per case, binomial_plan(exact, wrong, false_failure=2e-7) picks draws and the band for the count
    k = result * draws, against the realistic wrong posterior Beta(alpha + x, beta + n):
    (30/200 vs 40/210) 4288 draws, power 0.9905 against 0.8178 (exact 0.8600); (3/10 vs 1/10) 2552 draws,
    power 0.9906 against 0.2130 (0.1554); (0/5 vs 5/5) 426 draws, power 0.9904 against 0.9627 (0.9989);
    (7/40 vs 9/25) 1380 draws, power 0.9907 against 0.8999 (0.9518); (50/1000 vs 60/1000) 45056 draws,
    power 0.9904 against 0.8222 (0.8356). False failure <= 1.6e-7 per case, 6.2e-7 for the check.
    """
    cases = [(30, 200, 40, 210), (3, 10, 1, 10), (0, 5, 5, 5), (7, 40, 9, 25), (50, 1000, 60, 1000)]
    for i, case in enumerate(cases):
        plan = _plan(_exact(*case), [_exact_ignoring_x_in_beta(*case)], 2e-7)
        v = _prob(learner, *case, plan.trials, _rng(learner, 20 + i))
        xa, na, xb, nb = case
        plan.check(_count(v, plan.trials), f"pairs won by B for A={xa}/{na}, B={xb}/{nb}")


@covers("edge-counts")
def test_variant_without_visitors(learner):
    """A variant with no visitors yet (x = n = 0) is valid: its posterior is the prior.

    binomial_plan(exact, wrong, false_failure=5e-7) per case against Beta(alpha + x, beta + n) posteriors:
    (0/0 vs 3/5) 462 draws, accept 210..317 (exact 0.5714), false failure 3.4e-7, power 0.9902 against 0.4000;
    (2/2 vs 0/0) 194 draws, accept 21..80 (exact 0.2500), false failure 4.6e-7, power 0.9912 against 0.5000.
    8.0e-7 for the check.
    """
    for i, case in enumerate(((0, 0, 3, 5), (2, 2, 0, 0))):
        plan = _plan(_exact(*case), [_exact_ignoring_x_in_beta(*case)], 5e-7)
        v = _prob(learner, *case, plan.trials, _rng(learner, 60 + i))
        plan.check(_count(v, plan.trials), f"pairs won by B for A={case[0]}/{case[1]}, B={case[2]}/{case[3]}")


@covers("prior")
def test_prior_is_used(learner):
    """An informative prior, the same for both variants, changes the answer as the exact integral says.

    Wrong alternatives: the prior ignored (uniform Beta(1, 1)) or its two numbers swapped. Per case a
    binomial plan against the nearer one (false failure 5e-7 per case, 1e-6 for the check), power >= 0.99
    against both: prior (10, 90) with 50/1000 vs 60/1000 (0.8179; uniform 0.8356, swapped 0.7360) and
    prior (20, 20) with 2/10 vs 4/10 (0.6573; uniform 0.8193, swapped the same as correct).
    """
    for i, (case, prior) in enumerate((((50, 1000, 60, 1000), (10, 90)), ((2, 10, 4, 10), (20, 20)))):
        alternatives = [_exact(*case)]
        if prior[0] != prior[1]:
            alternatives.append(_exact(*case, prior=prior[::-1]))
        plan = _plan(_exact(*case, prior=prior), alternatives, 5e-7)
        v = _prob(learner, *case, plan.trials, _rng(learner, 30 + i), prior=prior)
        plan.check(_count(v, plan.trials), f"pairs won by B with prior={prior}")


@covers("prior")
def test_default_prior_is_uniform(learner):
    """Without a prior argument the result is exactly the one with prior=(1, 1), for generators of the same seed."""
    for seed, case in ((6, (8, 50, 11, 50)), (7, (0, 3, 3, 3))):
        default = _prob(learner, *case, 2000, _rng(learner, seed))
        uniform = _prob(learner, *case, 2000, _rng(learner, seed), prior=(1, 1))
        assert default == uniform, f"without a prior you returned {default}, with prior=(1, 1) {uniform}"


@covers("strictly-greater")
def test_ties_do_not_count_for_b(learner):
    """Identical data with a tiny prior (many draws are exactly 0.0 in floating point): ties count for nobody.

    With prior (0.001, 0.001) and 0 of 5 for both, about 23% of the pairs are exact ties (both draws 0.0),
    so the share where B is strictly greater is about 0.387, below 0.5 by symmetry whatever the sampler.
    Accept <= 0.51 with 10^5 draws: false failure <= 1.2e-10 (at 0.5, the worst case); wrong alternative
    '>=' (ties count for B, about 0.613): power 1.0.
    """
    v = _prob(learner, 0, 5, 0, 5, 100_000, _rng(learner, 8), prior=(0.001, 0.001))
    assert v <= 0.51, (f"with identical data the result is {v:.4f}, more than one half: pairs where the two "
                       "draws are equal should not count for B")


@covers("share", "float-result")
def test_result_is_a_share_of_draws(learner):
    """The result is a multiple of 1/draws for draws = 1, 7, 1000 and 12345 (and 0 or 1 for draws = 1)."""
    for draws, seed in ((1, 40), (7, 41), (7, 42), (1000, 43), (12345, 44)):
        v = _prob(learner, 8, 50, 8, 50, draws, _rng(learner, seed))
        _count(v, draws)
    hits = [_prob(learner, 8, 50, 8, 50, 7, _rng(learner, s)) for s in range(50, 60)]
    assert any(0 < h < 1 for h in hits), "with draws=7 and equal data every result was 0 or 1"


@covers("rng-only")
def test_draws_only_from_rng(learner):
    """No draw from np.random.* or the random module, and no new generator, during the call."""
    _, probe = probe_call(learner.fn("prob_b_beats_a"), 30, 200, 40, 210, 5000, _rng(learner, 4), rng="record")
    probe.assert_rng_only("prob_b_beats_a")
    _, probe = probe_call(learner.fn("prob_b_beats_a"), 3, 10, 4, 10, 500, _rng(learner, 5), rng="record",
                          prior=(2, 3))
    probe.assert_rng_only("prob_b_beats_a")


@covers("same-seed")
def test_same_seed_same_result(learner):
    """Generators with the same seed give the same result; other seeds do not all give that result."""
    first = _prob(learner, 8, 50, 11, 50, 20_000, _rng(learner, 5))
    second = _prob(learner, 8, 50, 11, 50, 20_000, _rng(learner, 5))
    assert first == second, "two calls with generators of the same seed gave different results"
    others = {_prob(learner, 8, 50, 11, 50, 20_000, _rng(learner, s)) for s in (6, 7, 8, 9)}
    assert others != {first}, "generators with other seeds all gave exactly the same result; use the rng you receive"


@covers("negative-raises")
def test_negative_count_raises(learner):
    """A negative count raises ValueError, also where the Beta parameters stay positive."""
    bad = [((-1, 5, 3, 5), (5, 5)), ((3, 5, -1, 5), (5, 5)), ((-2, -1, 3, 5), (5, 5)), ((1, 5, -2, -1), (5, 5))]
    for args, prior in bad:
        with assert_raises(ValueError, f"counts {args}"):
            learner.prob_b_beats_a(*args, 100, _rng(learner, 0), prior=prior)


@covers("x-above-n-raises")
def test_more_conversions_than_visitors_raises(learner):
    """x > n for A or for B raises ValueError, also where the Beta parameters stay positive."""
    for args in ((7, 5, 3, 5), (3, 5, 6, 5), (1, 0, 0, 0)):
        with assert_raises(ValueError, f"counts {args}"):
            learner.prob_b_beats_a(*args, 100, _rng(learner, 0), prior=(5, 5))


@covers("draws-raises")
def test_draws_below_one_raises(learner):
    """draws = 0 and draws = -2 raise ValueError; draws = 1 is valid."""
    for draws in (0, -2):
        with assert_raises(ValueError, f"draws={draws}"):
            learner.prob_b_beats_a(3, 10, 4, 10, draws, _rng(learner, 0))
    assert _prob(learner, 3, 10, 4, 10, 1, _rng(learner, 0)) in (0.0, 1.0), "with draws=1 the result is 0 or 1"
