import numpy as np
from scipy import stats

from grader.checklib import assert_array

# (q, p-values, reject mask) from statsmodels 0.15 multipletests(p, alpha=q, method="fdr_bh").
STATSMODELS = [
    (0.05, [0.99918, 0.00105, 0.40847, 0.05393, 0.00205, 0.00043, 0.00204, 0.04528, 0.04876, 0.38337],
     [0, 1, 0, 0, 1, 1, 1, 0, 0, 0]),
    (0.1, [4e-05, 0.50336, 0.31645, 0.79894, 0.0004, 0.67918, 0.22732, 0.00157, 5e-05, 0.89545, 0.80622,
           0.00233, 0.14904, 0.8722, 0.00098, 0.0012, 0.44854, 0.01852, 0.00117, 0.20325, 0.7075, 0.32494,
           0.87009, 0.69851, 0.43667],
     [1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0]),
    (0.2, [0.64094, 0.00157, 0.63539, 0.0003, 0.69222, 0.00089, 0.10709, 0.0016], [0, 1, 0, 1, 0, 1, 1, 1]),
    (0.05, [0.2787, 0.63144, 0.55325, 0.40208, 0.32735, 0.00017, 0.00092, 0.00279, 0.49178, 0.31728, 0.00136,
            0.0017, 0.00258, 0.15726, 0.0017, 0.18767, 0.4051, 0.40123, 0.44712, 0.10626, 0.00206, 0.47949,
            0.07347, 0.93496, 0.05726, 0.42018, 0.52711, 0.95852, 0.55321, 0.92368, 0.00221, 0.25814, 0.82325,
            0.00174, 0.98886, 0.85804, 0.8288, 0.86438, 0.00066, 0.13979],
     [0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0,
      0, 0, 0, 1, 0]),
]


def _mask(learner, p, *q):
    return learner.bh_reject(np.asarray(p, dtype=np.float64), *q)


def _check(actual, expected, what):
    assert_array(actual, np.asarray(expected, dtype=bool), what=what)


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def test_worked_example(learner):
    """The worked example (default q = 0.05) gives the stated mask."""
    _check(_mask(learner, [0.012, 0.041, 0.028, 0.004, 0.3]), [True, False, True, True, False], "reject mask")


def test_step_up_rejects_past_a_miss(learner):
    """A smaller p-value that misses its own threshold is still rejected when a larger one passes (step-up)."""
    # sorted: 0.001 <= 0.0125, 0.03 > 0.025 (miss), 0.035 <= 0.0375 (pass) -> the three smallest are rejected
    _check(_mask(learner, [0.035, 0.2, 0.001, 0.03]), [True, False, True, True], "reject mask for [0.035, 0.2, 0.001, 0.03]")
    # ties: 0.02 misses 0.0125 and 0.025 but passes 0.0375 at rank 3, so all three are rejected
    _check(_mask(learner, [0.5, 0.02, 0.02, 0.02]), [False, True, True, True], "reject mask for [0.5, 0.02, 0.02, 0.02]")


def test_unsorted_input_order(learner):
    """The mask follows the input order: permuting the p-values permutes the mask the same way."""
    p = np.array([0.0004, 0.011, 0.019, 0.03, 0.047, 0.2, 0.6, 0.9])
    base = learner.bh_reject(p, 0.1)
    _check(base, [True, True, True, True, True, False, False, False], "reject mask for sorted p-values")
    perm = np.random.default_rng(5).permutation(p.size)
    _check(learner.bh_reject(p[perm], 0.1), base[perm], "reject mask for the shuffled p-values")


def test_none_rejected(learner):
    """When no p-value passes its threshold the mask is all False (bool dtype), even if p < q."""
    _check(_mask(learner, [0.3, 0.06, 0.9, 0.051]), [False] * 4, "reject mask when every p > q")
    _check(_mask(learner, [0.02, 0.5, 0.6, 0.7]), [False] * 4, "reject mask when the smallest p is above q/m")


def test_all_rejected_and_single(learner):
    """Tiny p-values are all rejected; a single p-value is rejected exactly when p <= q."""
    _check(_mask(learner, [1e-6, 3e-4, 2e-5, 0.0, 1e-3]), [True] * 5, "reject mask for tiny p-values")
    _check(_mask(learner, [0.03]), [True], "reject mask for [0.03] at q=0.05")
    _check(_mask(learner, [0.07]), [False], "reject mask for [0.07] at q=0.05")


def test_threshold_is_inclusive(learner):
    """A p-value exactly equal to its threshold k*q/m is rejected (<=), with q = 0.25 and m = 4."""
    _check(_mask(learner, [0.1875, 0.0625, 0.25, 0.125], 0.25), [True] * 4, "reject mask with p equal to k q / m")
    _check(_mask(learner, [0.9, 0.0625, 0.8, 0.7], 0.25), [False, True, False, False],
           "reject mask with the smallest p equal to q / m")


def test_matches_statsmodels(learner):
    """Masks match statsmodels multipletests(method='fdr_bh') for m = 8, 10, 25, 40 and q = 0.05, 0.1, 0.2."""
    for q, p, want in STATSMODELS:
        _check(_mask(learner, p, q), want, f"reject mask for m={len(p)}, q={q}")


def test_matches_scipy_on_random_pvalues(learner):
    """On random p-value sets (m up to 500) the mask equals scipy's BH-adjusted p-values <= q."""
    rng = np.random.default_rng(7)
    for m, q in [(50, 0.05), (200, 0.1), (500, 0.01)]:
        k = m // 5
        p = np.concatenate([rng.beta(0.3, 20.0, size=k), rng.uniform(size=m - k)])
        p = rng.permutation(p)
        want = stats.false_discovery_control(p, method="bh") <= q
        _check(learner.bh_reject(p, q), want, f"reject mask for random p-values (m={m}, q={q})")


def test_invalid_inputs_raise(learner):
    """Empty input, p-values outside [0, 1] or NaN, and q outside (0, 1) raise ValueError."""
    ok = np.array([0.01, 0.2])
    cases = [("empty pvals", (np.array([], dtype=np.float64),)),
             ("a p-value above 1", (np.array([0.01, 1.2]),)),
             ("a negative p-value", (np.array([-0.01, 0.2]),)),
             ("a NaN p-value", (np.array([0.01, np.nan]),)),
             ("q=0", (ok, 0.0)),
             ("q=1.5", (ok, 1.5))]
    for what, args in cases:
        _expect_value_error(lambda: learner.bh_reject(*args), what)


def test_input_not_modified(learner):
    """The p-value array is left unchanged."""
    p = np.array([0.04, 0.001, 0.3, 0.02, 0.012])
    _, args = learner.bh_reject.call_keep_args(p, 0.05)
    assert_array(args[0], p, rtol=0, atol=0, what="pvals after the call")
