import numpy as np
from scipy import stats

from grader.checklib import assert_scalar, assert_type

# (x1, n1, x2, n2, alternative, z, p) from statsmodels 0.15
# proportions_ztest([x2, x1], [n2, n1], alternative=alternative, prop_var=False) (pooled SE).
STATSMODELS = [
    (45, 100, 60, 100, "two-sided", 2.1239769762143657, 0.033672068856345855),
    (45, 100, 60, 100, "larger", 2.1239769762143657, 0.016836034428172927),
    (45, 100, 60, 100, "smaller", 2.1239769762143657, 0.9831639655718271),
    (120, 1000, 150, 1000, "two-sided", 1.963049807622355, 0.04964038686536878),
    (120, 1000, 150, 1000, "larger", 1.963049807622355, 0.02482019343268439),
    (120, 1000, 150, 1000, "smaller", 1.963049807622355, 0.9751798065673156),
    (3, 20, 11, 25, "two-sided", 2.0880668192073393, 0.03679180763496933),
    (3, 20, 11, 25, "larger", 2.0880668192073393, 0.018395903817484665),
    (3, 20, 11, 25, "smaller", 2.0880668192073393, 0.9816040961825153),
    (30, 40, 12, 35, "two-sided", -3.543723710526706, 0.00039451844667550486),
    (30, 40, 12, 35, "larger", -3.543723710526706, 0.9998027407766622),
    (30, 40, 12, 35, "smaller", -3.543723710526706, 0.00019725922333775243),
    (8, 500, 5, 480, "two-sided", -0.7637079335443611, 0.44504131191161234),
    (8, 500, 5, 480, "larger", -0.7637079335443611, 0.7774793440441938),
    (8, 500, 5, 480, "smaller", -0.7637079335443611, 0.22252065595580617),
    (270, 300, 95, 100, "two-sided", 1.5324283327163888, 0.12541677027446202),
    (270, 300, 95, 100, "larger", 1.5324283327163888, 0.06270838513723101),
    (270, 300, 95, 100, "smaller", 1.5324283327163888, 0.937291614862769),
    (7, 20, 7, 60, "two-sided", -2.3783535600422523, 0.017390142762916606),
    (7, 20, 7, 60, "larger", -2.3783535600422523, 0.9913049286185417),
    (7, 20, 7, 60, "smaller", -2.3783535600422523, 0.008695071381458303),
]


def _pair(result):
    assert_type(result, tuple, "result")
    assert len(result) == 2, f"result should be a tuple (z, p) of length 2, got length {len(result)}"
    for name, v in zip(("z", "p"), result):
        assert isinstance(v, (float, np.floating)) and not isinstance(v, bool), \
            f"{name} should be a float, got {type(v).__name__}"
    return float(result[0]), float(result[1])


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def test_worked_example(learner):
    """two_prop_ztest(45, 100, 60, 100) gives the z and two-sided p from the statement."""
    z, p = _pair(learner.two_prop_ztest(45, 100, 60, 100))
    assert_scalar(z, 2.1239769762143657, what="z")
    assert_scalar(p, 0.033672068856345855, what="p")


def test_matches_statsmodels_references(learner):
    """z and p match precomputed pooled-SE statsmodels results for all three alternatives."""
    for x1, n1, x2, n2, alt, z_ref, p_ref in STATSMODELS:
        z, p = _pair(learner.two_prop_ztest(x1, n1, x2, n2, alt))
        assert_scalar(z, z_ref, what=f"z for ({x1}, {n1}, {x2}, {n2})")
        assert_scalar(p, p_ref, what=f"p for ({x1}, {n1}, {x2}, {n2}, {alt!r})")


def test_sign_convention_and_default_alternative(learner):
    """z is positive when group 2 has the higher rate, and the default alternative is two-sided."""
    z, p = _pair(learner.two_prop_ztest(20, 200, 35, 200))
    assert z > 0, "z should be positive when x2/n2 > x1/n1"
    _, p2 = _pair(learner.two_prop_ztest(20, 200, 35, 200, "two-sided"))
    assert_scalar(p, p2, what="p with the default alternative vs alternative='two-sided'")


def test_swapping_groups_flips_sign(learner):
    """Swapping the groups negates z, keeps the two-sided p and swaps the one-sided p-values."""
    for x1, n1, x2, n2 in [(12, 80, 25, 90), (40, 50, 33, 61)]:
        z, p = _pair(learner.two_prop_ztest(x1, n1, x2, n2))
        zs, ps = _pair(learner.two_prop_ztest(x2, n2, x1, n1))
        assert_scalar(zs, -z, what="z after swapping the groups")
        assert_scalar(ps, p, what="two-sided p after swapping the groups")
        _, pl = _pair(learner.two_prop_ztest(x1, n1, x2, n2, "larger"))
        _, ps_small = _pair(learner.two_prop_ztest(x2, n2, x1, n1, "smaller"))
        assert_scalar(ps_small, pl, what="'smaller' p after swapping vs 'larger' p before")


def test_pvalues_match_normal_tails(learner):
    """p-values are the normal tail areas of z: larger = P(Z >= z), smaller = P(Z <= z), two-sided = 2 P(Z >= |z|)."""
    for x1, n1, x2, n2 in [(50, 400, 71, 380), (90, 100, 70, 100), (100, 1000, 300, 1000)]:
        z, p_two = _pair(learner.two_prop_ztest(x1, n1, x2, n2, "two-sided"))
        _, p_larger = _pair(learner.two_prop_ztest(x1, n1, x2, n2, "larger"))
        _, p_smaller = _pair(learner.two_prop_ztest(x1, n1, x2, n2, "smaller"))
        assert_scalar(p_larger, stats.norm.sf(z), what=f"'larger' p for ({x1}, {n1}, {x2}, {n2})")
        assert_scalar(p_smaller, stats.norm.cdf(z), what=f"'smaller' p for ({x1}, {n1}, {x2}, {n2})")
        assert_scalar(p_two, 2 * stats.norm.sf(abs(z)), what=f"two-sided p for ({x1}, {n1}, {x2}, {n2})")


def test_equal_rates_give_zero_and_one(learner):
    """Equal rates give (0.0, 1.0) two-sided and p = 0.5 one-sided, also when nobody (or everybody) succeeded."""
    for x1, n1, x2, n2 in [(10, 50, 20, 100), (1, 3, 4, 12), (0, 10, 0, 20), (7, 7, 3, 3)]:
        z, p = _pair(learner.two_prop_ztest(x1, n1, x2, n2))
        assert_scalar(z, 0.0, what=f"z for ({x1}, {n1}, {x2}, {n2})")
        assert_scalar(p, 1.0, what=f"two-sided p for ({x1}, {n1}, {x2}, {n2})")
        for alt in ("larger", "smaller"):
            _, p1 = _pair(learner.two_prop_ztest(x1, n1, x2, n2, alt))
            assert_scalar(p1, 0.5, what=f"{alt!r} p for ({x1}, {n1}, {x2}, {n2})")


def test_unknown_alternative_raises(learner):
    """An alternative other than 'two-sided', 'larger' or 'smaller' raises ValueError."""
    for alt in ("greater", "less", "two_sided", "Larger", ""):
        _expect_value_error(lambda: learner.two_prop_ztest(45, 100, 60, 100, alt), f"alternative={alt!r}")


def test_invalid_counts_raise(learner):
    """n < 1, negative successes or successes above n raise ValueError."""
    cases = [(0, 0, 3, 10), (3, 10, 0, 0), (-1, 10, 3, 10), (11, 10, 3, 10), (3, 10, 12, 10)]
    for args in cases:
        _expect_value_error(lambda: learner.two_prop_ztest(*args), f"two_prop_ztest{args}")


def test_numpy_integer_inputs(learner):
    """NumPy integer counts give the same result as Python ints."""
    args = [np.int64(v) for v in (3, 20, 11, 25)]
    z, p = _pair(learner.two_prop_ztest(*args, "larger"))
    assert_scalar(z, 2.0880668192073393, what="z for numpy int64 counts")
    assert_scalar(p, 0.018395903817484665, what="p for numpy int64 counts")
