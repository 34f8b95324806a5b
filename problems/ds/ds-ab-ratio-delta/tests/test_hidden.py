import numpy as np

from grader.checklib import assert_array, assert_scalar


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def _se(result, what):
    assert isinstance(result, (float, np.floating)), f"{what}: the SE should be a float, got {type(result).__name__}"
    return float(result)


def _oracle(num, den):
    """Delta method via the 2x2 sample covariance matrix and the gradient of mu_num / mu_den."""
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    mn, md = num.mean(), den.mean()
    g = np.array([1 / md, -mn / md ** 2])
    return float(np.sqrt(g @ np.cov(num, den) @ g / num.size))


def _clustered(seed, n=3000):
    """Users with their own number of views and their own click rate (clicks are clustered by user)."""
    rng = np.random.default_rng(seed)
    views = 1 + rng.poisson(rng.gamma(2.0, 5.0, size=n))
    ctr = rng.beta(2.0, 18.0, size=n)
    clicks = rng.binomial(views, ctr)
    return clicks, views


def _bootstrap_se(num, den, seed, b=2000):
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, num.size, size=(b, num.size))
    return float((num[idx].sum(axis=1) / den[idx].sum(axis=1)).std(ddof=1))


def test_worked_example(learner):
    """The statement's example (5 users) gives SE = 0.0407450."""
    se = _se(learner.ratio_se(np.array([2.0, 0.0, 1.0, 4.0, 3.0]), np.array([10.0, 3.0, 5.0, 12.0, 10.0])), "example")
    assert_scalar(se, 0.040745015032516554, what="SE for the worked example")


def test_den_all_ones_is_se_of_mean(learner):
    """With den = 1 for every user the result is the SE of the mean of num: std(num, ddof=1) / sqrt(n)."""
    rng = np.random.default_rng(0)
    for n in (2, 10, 500):
        num = rng.normal(3.0, 2.0, size=n)
        se = _se(learner.ratio_se(num, np.ones(n)), f"den = ones({n})")
        assert_scalar(se, float(num.std(ddof=1) / np.sqrt(n)), what=f"SE with den = 1 for n = {n}")


def test_precomputed_values(learner):
    """Random per-user numerators and denominators give the delta-method SE (sample variances, ddof = 1)."""
    rng = np.random.default_rng(1)
    for n in (3, 8, 40, 1000):
        den = rng.integers(1, 30, size=n).astype(float)
        num = rng.binomial(den.astype(int), rng.uniform(0.02, 0.4, size=n)).astype(float)
        se = _se(learner.ratio_se(num, den), f"n = {n}")
        assert_scalar(se, _oracle(num, den), what=f"SE for {n} random users")


def test_covariance_term_matters(learner):
    """num strongly correlated with den (num = 0.3·den + noise): the covariance term shrinks the SE."""
    rng = np.random.default_rng(2)
    den = rng.gamma(2.0, 10.0, size=400)
    num = 0.3 * den + rng.normal(0.0, 0.5, size=400)
    se = _se(learner.ratio_se(num, den), "correlated data")
    assert_scalar(se, _oracle(num, den), what="SE for strongly correlated num and den")


def test_close_to_user_bootstrap(learner):
    """On simulated clustered click data (3000 users) the SE is within 10% of a user-level bootstrap SE."""
    for seed in (0, 1):
        clicks, views = _clustered(seed)
        se = _se(learner.ratio_se(clicks, views), "clustered data")
        boot = _bootstrap_se(clicks.astype(float), views.astype(float), 100 + seed)
        assert abs(se / boot - 1) < 0.10, (f"SE is {se:.5g} but resampling users gives about {boot:.5g}; "
                                           "the SE should be within 10% of the user-level bootstrap")


def test_integer_arrays(learner):
    """Integer click and view counts (int64) are accepted and give the same SE as floats."""
    clicks, views = _clustered(3, n=200)
    se = _se(learner.ratio_se(clicks, views), "int64 input")
    assert_scalar(se, _oracle(clicks, views), what="SE for int64 clicks and views")


def test_scaling(learner):
    """Multiplying num by c multiplies the SE by c; multiplying den by c divides it by c."""
    clicks, views = _clustered(4, n=300)
    clicks, views = clicks.astype(float), views.astype(float)
    base = _se(learner.ratio_se(clicks, views), "base")
    assert_scalar(_se(learner.ratio_se(3.0 * clicks, views), "3·num"), 3.0 * base, what="SE for 3·num")
    assert_scalar(_se(learner.ratio_se(clicks, 4.0 * views), "4·den"), base / 4.0, what="SE for 4·den")


def test_zero_variance_cases(learner):
    """No clicks at all, or clicks exactly proportional to views, give SE = 0 (no NaN)."""
    views = np.array([3.0, 7.0, 1.0, 12.0, 5.0])
    assert_scalar(_se(learner.fn("ratio_se", warnings="error")(np.zeros(5), views), "num = 0"), 0.0,
                  what="SE when nobody clicks")
    assert_scalar(_se(learner.fn("ratio_se", warnings="error")(2.0 * views, views), "num = 2·den"), 0.0,
                  what="SE when num = 2·den")


def test_invalid_input_raises(learner):
    """Fewer than 2 users, arrays of different lengths, or mean(den) = 0 raise ValueError."""
    _expect_value_error(lambda: learner.ratio_se(np.array([1.0]), np.array([2.0])), "a single user")
    _expect_value_error(lambda: learner.ratio_se(np.array([1.0, 2.0, 0.0]), np.array([2.0, 3.0])),
                        "num of length 3 with den of length 2")
    _expect_value_error(lambda: learner.ratio_se(np.array([1.0, 2.0]), np.array([0.0, 0.0])), "den all zero")


def test_inputs_not_modified(learner):
    """num and den are left unchanged."""
    clicks, views = _clustered(5, n=50)
    num, den = clicks.astype(float), views.astype(float)
    _, after = learner.ratio_se.call_keep_args(num, den)
    assert_array(after[0], num, rtol=0, atol=0, what="num after the call")
    assert_array(after[1], den, rtol=0, atol=0, what="den after the call")
