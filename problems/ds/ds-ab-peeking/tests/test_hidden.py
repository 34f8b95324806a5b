import numpy as np


def _rng(learner, seed):
    """A fresh np.random.Generator living in the sandbox (passed to the learner as a handle)."""
    return learner.invoke("numpy.random.default_rng", seed)


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


def _rate(result, what):
    assert isinstance(result, (float, np.floating)), f"{what}: the result should be a float, got {type(result).__name__}"
    r = float(result)
    assert 0.0 <= r <= 1.0, f"{what}: the result {r:.4g} should be a share between 0 and 1"
    return r


# Bands below are at least 6 standard errors of the Monte Carlo estimate away from the true rate.

def test_single_look_matches_alpha(learner):
    """With one look (no peeking) the false positive rate is within 0.01 of alpha = 0.05 (20,000 A/A tests)."""
    r = _rate(learner.peeking_fpr(20000, 1, 10, 0.05, _rng(learner, 1)), "peeking_fpr(20000, 1, 10, 0.05, rng)")
    assert abs(r - 0.05) < 0.01, f"one look at alpha=0.05 gave a false positive rate of {r:.4f}; it should be about 0.05"


def test_single_look_other_alpha(learner):
    """With one look the rate is also about alpha for alpha = 0.01 (within 0.005) and 0.2 (within 0.02)."""
    r = _rate(learner.peeking_fpr(20000, 1, 10, 0.01, _rng(learner, 2)), "alpha=0.01")
    assert abs(r - 0.01) < 0.005, f"one look at alpha=0.01 gave {r:.4f}; it should be about 0.01"
    r = _rate(learner.peeking_fpr(20000, 1, 10, 0.2, _rng(learner, 3)), "alpha=0.2")
    assert abs(r - 0.2) < 0.02, f"one look at alpha=0.2 gave {r:.4f}; it should be about 0.2"


def test_five_looks_inflate_rate(learner):
    """Five cumulative looks at alpha = 0.05 (20,000 tests, 100 users per arm per look) give 0.12-0.17, under 5 s."""
    f = learner.fn("peeking_fpr", timeout=5.0)
    r = _rate(f(20000, 5, 100, 0.05, _rng(learner, 4)), "peeking_fpr(20000, 5, 100, 0.05, rng)")
    assert 0.12 <= r <= 0.17, (f"five looks at alpha=0.05 gave {r:.4f}; peeking at accumulating data should give "
                               "about 0.14 (checked range 0.12-0.17)")


def test_more_looks_higher_rate(learner):
    """The rate grows with the number of looks: 1 < 2 < 5 < 10 looks (10,000 tests each)."""
    rates = [_rate(learner.peeking_fpr(10000, k, 10, 0.05, _rng(learner, 10 + k)), f"looks={k}") for k in (1, 2, 5, 10)]
    assert rates[0] < rates[1] < rates[2] < rates[3], \
        "rates for 1, 2, 5, 10 looks should increase, got " + ", ".join(f"{r:.4f}" for r in rates)
    assert 0.16 <= rates[3] <= 0.23, f"ten looks at alpha=0.05 gave {rates[3]:.4f}; it should be about 0.19"


def test_larger_alpha_higher_rate(learner):
    """With 3 looks the rate grows with alpha: alpha 0.01 < 0.05 < 0.2."""
    rates = [_rate(learner.peeking_fpr(10000, 3, 10, a, _rng(learner, 20 + i)), f"alpha={a}")
             for i, a in enumerate((0.01, 0.05, 0.2))]
    assert rates[0] < rates[1] < rates[2], \
        "rates for alpha 0.01, 0.05, 0.2 should increase, got " + ", ".join(f"{r:.4f}" for r in rates)


def test_same_seed_same_result(learner):
    """Two generators with the same seed give the same rate; different seeds do not all give the same rate."""
    a = _rate(learner.peeking_fpr(3000, 4, 10, 0.05, _rng(learner, 123)), "seed 123")
    b = _rate(learner.peeking_fpr(3000, 4, 10, 0.05, _rng(learner, 123)), "seed 123 again")
    assert a == b, "two generators created with the same seed gave different rates"
    others = {_rate(learner.peeking_fpr(3000, 4, 10, 0.05, _rng(learner, s)), f"seed {s}") for s in (7, 8, 9, 10)}
    assert len(others | {a}) > 1, "five different seeds gave exactly the same rate: draw the data from rng"


def test_share_of_simulations(learner):
    """The result is a share of the n_sims simulations: a multiple of 1 / n_sims (n_sims = 7 and 40)."""
    for n in (7, 40):
        r = _rate(learner.peeking_fpr(n, 3, 5, 0.3, _rng(learner, 30 + n)), f"n_sims={n}")
        assert abs(r * n - round(r * n)) < 1e-9, f"with n_sims={n} the result {r:.6g} is not a multiple of 1/{n}"


def test_invalid_arguments_raise(learner):
    """n_sims, looks or n_per_look below 1, or alpha outside (0, 1), raise ValueError."""
    bad = [((0, 5, 10, 0.05), "n_sims = 0"), ((100, 0, 10, 0.05), "looks = 0"), ((100, 5, 0, 0.05), "n_per_look = 0"),
           ((100, 5, 10, 0.0), "alpha = 0"), ((100, 5, 10, 1.0), "alpha = 1")]
    for args, what in bad:
        _expect_value_error(lambda: learner.peeking_fpr(*args, _rng(learner, 0)), what)
