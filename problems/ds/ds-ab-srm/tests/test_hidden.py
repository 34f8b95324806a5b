import numpy as np
from scipy.stats import chisquare

from grader.checklib import assert_scalar

ATOL = 1e-12


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    except Exception as exc:  # statistics.StatisticsError is a ValueError but crosses as its own type
        if getattr(exc, "remote_type", None) == "StatisticsError":
            return
        raise
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def _oracle(n_a, n_b, share=0.5):
    total = n_a + n_b
    return float(chisquare([n_a, n_b], [total * share, total * (1 - share)]).pvalue)


def _p(result, what):
    assert isinstance(result, (float, np.floating)), f"{what}: the p-value should be a float, got {type(result).__name__}"
    return float(result)


def test_worked_example(learner):
    """50,000 vs 51,000 users on a planned 50/50 split gives p = 0.0016519 (the statement's example)."""
    p = _p(learner.srm_pvalue(50000, 51000), "srm_pvalue(50000, 51000)")
    assert_scalar(p, 0.001651898732357361, atol=ATOL, what="p-value for 50000 vs 51000")


def test_exact_split_gives_one(learner):
    """Counts exactly at the planned split give p = 1.0 (50/50, 30/70 and 20/80 plans)."""
    for n_a, n_b, s in [(1000, 1000, 0.5), (300, 700, 0.3), (2000, 8000, 0.2), (7, 7, 0.5)]:
        p = _p(learner.srm_pvalue(n_a, n_b, s), f"srm_pvalue({n_a}, {n_b}, {s})")
        assert_scalar(p, 1.0, rtol=1e-9, what=f"p-value for {n_a} vs {n_b} with share {s}")


def test_matches_scipy_even_split(learner):
    """p-values for a 50/50 plan match scipy.stats.chisquare on several count pairs."""
    for n_a, n_b in [(5050, 4950), (1, 0), (0, 5), (480, 520), (12345, 12000), (99, 101)]:
        p = _p(learner.srm_pvalue(n_a, n_b), f"srm_pvalue({n_a}, {n_b})")
        assert_scalar(p, _oracle(n_a, n_b), atol=ATOL, what=f"p-value for {n_a} vs {n_b}")


def test_matches_scipy_uneven_share(learner):
    """With a planned share other than 0.5 (0.2, 1/3, 0.9) the p-value matches scipy.stats.chisquare."""
    for n_a, n_b, s in [(2100, 7900, 0.2), (10, 30, 0.2), (33000, 67000, 1 / 3), (880, 120, 0.9), (905, 95, 0.9)]:
        p = _p(learner.srm_pvalue(n_a, n_b, s), f"srm_pvalue({n_a}, {n_b}, {s:.4g})")
        assert_scalar(p, _oracle(n_a, n_b, s), atol=ATOL, what=f"p-value for {n_a} vs {n_b} with share {s:.4g}")


def test_share_is_for_arm_a(learner):
    """expected_share_a is the planned share of arm A: swapping the arms and using 1 - share gives the same p."""
    for n_a, n_b, s in [(2100, 7900, 0.2), (640, 360, 0.6)]:
        p1 = _p(learner.srm_pvalue(n_a, n_b, s), "first call")
        p2 = _p(learner.srm_pvalue(n_b, n_a, 1 - s), "swapped call")
        assert_scalar(p2, p1, atol=ATOL, what=f"p-value for ({n_b}, {n_a}, {1 - s:.2g}) vs ({n_a}, {n_b}, {s})")
    p = _p(learner.srm_pvalue(2000, 8000, 0.8), "srm_pvalue(2000, 8000, 0.8)")
    assert p < 1e-12, "2000 vs 8000 users when arm A should get 80% is a huge mismatch; p should be ~0"


def test_severe_mismatch_near_zero(learner):
    """A severe mismatch (48,000 vs 52,000 on a 50/50 plan) gives a p-value of about 0, never negative."""
    p = _p(learner.srm_pvalue(48000, 52000), "srm_pvalue(48000, 52000)")
    assert 0.0 <= p < 1e-12, f"p-value for 48000 vs 52000 is {p:.3g}; it should be about 0 and not negative"


def test_numpy_integer_counts(learner):
    """NumPy integer counts give the same p-value as Python ints."""
    p = _p(learner.srm_pvalue(np.int64(5050), np.int64(4950)), "srm_pvalue(np.int64(5050), np.int64(4950))")
    assert_scalar(p, _oracle(5050, 4950), atol=ATOL, what="p-value for np.int64 counts")


def test_invalid_input_raises(learner):
    """No users at all, a negative count, or a planned share outside (0, 1) raise ValueError."""
    for args, what in [((0, 0), "0 vs 0 users"), ((-3, 10), "a negative count"), ((10, 12, 0.0), "share 0"),
                       ((10, 12, 1.0), "share 1"), ((10, 12, 1.5), "share 1.5")]:
        _expect_value_error(lambda: learner.srm_pvalue(*args), what)
