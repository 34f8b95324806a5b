import numpy as np
import pytest
from scipy import integrate, stats


def _rng(learner, seed):
    return learner.invoke("numpy.random.default_rng", seed)


def _exact(xa, na, xb, nb, prior=(1, 1)):
    """P(p_B > p_A) = integral of pdf_B(p) * cdf_A(p) dp (numerical integration)."""
    a = stats.beta(prior[0] + xa, prior[1] + na - xa)
    b = stats.beta(prior[0] + xb, prior[1] + nb - xb)
    return integrate.quad(lambda p: b.pdf(p) * a.cdf(p), 0.0, 1.0, limit=200, epsabs=1e-10)[0]


def _prob(learner, *args, **kw):
    v = learner.prob_b_beats_a(*args, **kw)
    assert isinstance(v, (float, np.floating)) and not isinstance(v, bool), \
        f"prob_b_beats_a should return a float, got {type(v).__name__}"
    v = float(v)
    assert 0.0 <= v <= 1.0, f"the result {v} is not a probability"
    return v


def test_worked_example(learner):
    """The worked example (12/100 vs 20/100) is within 0.01 of the exact 0.9365."""
    v = _prob(learner, 12, 100, 20, 100, 100_000, _rng(learner, 0))
    assert abs(v - _exact(12, 100, 20, 100)) < 0.01, f"got {v:.4f}, expected about 0.9365"


def test_identical_data_near_half(learner):
    """Identical data for A and B give about 0.5 (within 0.02)."""
    for i, (x, n) in enumerate([(30, 200), (3, 10)]):
        v = _prob(learner, x, n, x, n, 100_000, _rng(learner, 10 + i))
        assert abs(v - 0.5) < 0.02, f"with identical data {x}/{n} the result is {v:.4f}, expected about 0.5"


def test_large_gap_near_one(learner):
    """200/1000 for B against 100/1000 for A gives more than 0.999 (and the reverse less than 0.001)."""
    v = _prob(learner, 100, 1000, 200, 1000, 100_000, _rng(learner, 1))
    assert v > 0.999, f"B is clearly better, but the result is {v:.5f}"
    w = _prob(learner, 200, 1000, 100, 1000, 100_000, _rng(learner, 2))
    assert w < 0.001, f"A is clearly better, but the result is {w:.5f}"


def test_matches_numerical_integration(learner):
    """Several cases (unequal sizes, x = 0, x = n, small samples) are within 0.01 of the exact value."""
    cases = [(30, 200, 40, 210), (3, 10, 1, 10), (0, 5, 5, 5), (7, 40, 9, 25), (50, 1000, 60, 1000)]
    for i, (xa, na, xb, nb) in enumerate(cases):
        v = _prob(learner, xa, na, xb, nb, 200_000, _rng(learner, 20 + i))
        e = _exact(xa, na, xb, nb)
        assert abs(v - e) < 0.01, f"for A={xa}/{na}, B={xb}/{nb} the result is {v:.4f}, exact value {e:.4f}"


def test_prior_is_used(learner):
    """An informative prior (10, 90) or (0.5, 0.5) changes the answer as the exact integral says."""
    for i, prior in enumerate([(10, 90), (0.5, 0.5)]):
        v = _prob(learner, 50, 1000, 60, 1000, 200_000, _rng(learner, 30 + i), prior=prior)
        e = _exact(50, 1000, 60, 1000, prior)
        assert abs(v - e) < 0.01, f"with prior={prior} the result is {v:.4f}, exact value {e:.4f}"
    v = _prob(learner, 2, 10, 4, 10, 200_000, _rng(learner, 33), prior=(20, 20))
    e = _exact(2, 10, 4, 10, (20, 20))
    assert abs(v - e) < 0.01, f"with prior=(20, 20) and 2/10 vs 4/10 the result is {v:.4f}, exact value {e:.4f}"


def test_same_seed_same_result(learner):
    """Generators with the same seed give the same result, and the result is a share k / draws."""
    first = _prob(learner, 8, 50, 11, 50, 1000, _rng(learner, 5))
    second = _prob(learner, 8, 50, 11, 50, 1000, _rng(learner, 5))
    assert first == second, "two calls with generators of the same seed gave different results"
    assert abs(first * 1000 - round(first * 1000)) < 1e-9, \
        f"with draws=1000 the result should be a multiple of 1/1000, got {first}"


def test_invalid_counts_raise(learner):
    """x > n, a negative count, or draws < 1 raises ValueError (also with a prior that keeps Beta valid)."""
    bad = [((7, 5, 3, 5, 100), {"prior": (5, 5)}), ((3, 5, 6, 5, 100), {}), ((-1, 5, 3, 5, 100), {}),
           ((1, 5, 3, 5, 0), {})]
    for args, kw in bad:
        with pytest.raises(ValueError):
            learner.prob_b_beats_a(*args[:5], _rng(learner, 0), **kw)
