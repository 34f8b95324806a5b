import numpy as np

from grader.checklib import assert_array

# (p-values, adjusted) from statsmodels 0.15 multipletests(p, method="holm").
STATSMODELS = [
    ([0.99918, 0.00105, 0.40847, 0.05393, 0.00205, 0.00043, 0.00204, 0.04528, 0.04876, 0.38337],
     [1.0, 0.00945, 1.0, 0.27168000000000003, 0.01632, 0.0043, 0.01632, 0.27168000000000003,
      0.27168000000000003, 1.0]),
    ([4e-05, 0.50336, 0.31645, 0.79894, 0.0004, 0.67918, 0.22732, 0.00157, 5e-05, 0.89545, 0.80622, 0.00233,
      0.14904, 0.8722, 0.00098, 0.0012, 0.44854, 0.01852, 0.00117, 0.20325, 0.7075, 0.32494, 0.87009, 0.69851,
      0.43667],
     [0.001, 1.0, 1.0, 1.0, 0.0092, 1.0, 1.0, 0.02983, 0.0012000000000000001, 1.0, 1.0, 0.04194, 1.0, 1.0,
      0.02156, 0.02457, 1.0, 0.31483999999999995, 0.02457, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]),
    ([0.64094, 0.00157, 0.63539, 0.0003, 0.69222, 0.00089, 0.10709, 0.0016],
     [1.0, 0.00942, 1.0, 0.0024, 1.0, 0.006229999999999999, 0.42836, 0.00942]),
    ([0.2787, 0.63144, 0.55325, 0.40208, 0.32735, 0.00017, 0.00092, 0.00279, 0.49178, 0.31728, 0.00136, 0.0017,
      0.00258, 0.15726, 0.0017, 0.18767, 0.4051, 0.40123, 0.44712, 0.10626, 0.00206, 0.47949, 0.07347, 0.93496,
      0.05726, 0.42018, 0.52711, 0.95852, 0.55321, 0.92368, 0.00221, 0.25814, 0.82325, 0.00174, 0.98886,
      0.85804, 0.8288, 0.86438, 0.00066, 0.13979],
     [1.0, 1.0, 1.0, 1.0, 1.0, 0.0068000000000000005, 0.03496, 0.0837, 1.0, 1.0, 0.050320000000000004, 0.0612,
      0.07998, 1.0, 0.0612, 1.0, 1.0, 1.0, 1.0, 1.0, 0.06798000000000001, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
      1.0, 0.07072, 1.0, 1.0, 0.0612, 1.0, 1.0, 1.0, 1.0, 0.02574, 1.0]),
]


def _oracle(p):
    """Independent loop: i-th smallest (0-based i) times m - i, running maximum, cap at 1."""
    p = np.asarray(p, dtype=np.float64)
    m = p.size
    out = np.empty(m)
    running = 0.0
    for i, j in enumerate(sorted(range(m), key=lambda k: p[k])):
        running = max(running, (m - i) * p[j])
        out[j] = min(1.0, running)
    return out


def _adjust(learner, p):
    return learner.holm_adjust(np.asarray(p, dtype=np.float64))


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def test_worked_example(learner):
    """The worked example gives the stated adjusted p-values."""
    assert_array(_adjust(learner, [0.01, 0.04, 0.03, 0.005]), np.array([0.03, 0.06, 0.06, 0.02]),
                 what="adjusted p-values")


def test_matches_statsmodels(learner):
    """Adjusted p-values match statsmodels multipletests(method='holm') for m = 8, 10, 25 and 40."""
    for p, want in STATSMODELS:
        assert_array(_adjust(learner, p), np.array(want), what=f"adjusted p-values for m={len(p)}")


def test_matches_oracle_on_random_pvalues(learner):
    """On random p-value sets (m up to 1000) the result matches an independent implementation."""
    rng = np.random.default_rng(3)
    for m in (2, 7, 60, 1000):
        k = max(1, m // 4)
        p = rng.permutation(np.concatenate([rng.beta(0.2, 30.0, size=k), rng.uniform(size=m - k)]))
        assert_array(_adjust(learner, p), _oracle(p), what=f"adjusted p-values for random p (m={m})")


def test_monotone_in_sorted_order(learner):
    """Sorted by raw p-value, the adjusted values never decrease, and each is at least its raw p-value."""
    p = np.array([0.0021, 0.0019, 0.0018, 0.0004, 0.012, 0.0105, 0.3, 0.0102])
    adj = _adjust(learner, p)
    assert_array(adj, _oracle(p), what="adjusted p-values")
    order = np.argsort(p, kind="stable")
    assert bool(np.all(np.diff(adj[order]) >= 0)), "adjusted p-values decrease somewhere along the sorted order"
    assert bool(np.all(adj >= p)), "an adjusted p-value is smaller than its raw p-value"


def test_capped_at_one(learner):
    """Adjusted values never exceed 1: large p-values are adjusted to exactly 1.0."""
    p = np.array([0.4, 0.02, 0.9, 0.35, 0.6])
    adj = _adjust(learner, p)
    assert_array(adj, np.array([1.0, 0.1, 1.0, 1.0, 1.0]), what="adjusted p-values with large raw p-values")
    assert_array(_adjust(learner, [1.0, 1.0, 0.5]), np.array([1.0, 1.0, 1.0]), what="adjusted p-values for [1, 1, 0.5]")


def test_input_order_kept(learner):
    """The result follows the input order: permuting the p-values permutes the result the same way."""
    rng = np.random.default_rng(8)
    p = rng.uniform(0.0, 0.05, size=12)
    base = _adjust(learner, p)
    perm = rng.permutation(p.size)
    assert_array(_adjust(learner, p[perm]), base[perm], what="adjusted p-values for the shuffled input")
    assert_array(base, _oracle(p), what="adjusted p-values")


def test_ties_and_single_value(learner):
    """Tied p-values get equal adjusted values; a single p-value is returned unchanged."""
    adj = _adjust(learner, [0.01, 0.02, 0.01, 0.01, 0.2])
    assert_array(adj, np.array([0.05, 0.05, 0.05, 0.05, 0.2]), what="adjusted p-values with ties")
    assert_array(_adjust(learner, [0.3]), np.array([0.3]), what="adjusted value of a single p-value")
    assert_array(_adjust(learner, [0.0, 0.0]), np.array([0.0, 0.0]), what="adjusted values of [0, 0]")


def test_invalid_inputs_raise(learner):
    """Empty input and p-values outside [0, 1] or NaN raise ValueError."""
    cases = [("empty pvals", np.array([], dtype=np.float64)),
             ("a p-value above 1", np.array([0.01, 1.5])),
             ("a negative p-value", np.array([-0.2, 0.3])),
             ("a NaN p-value", np.array([0.01, np.nan, 0.2]))]
    for what, p in cases:
        _expect_value_error(lambda: learner.holm_adjust(p), what)


def test_input_not_modified(learner):
    """The p-value array is left unchanged."""
    p = np.array([0.04, 0.001, 0.3, 0.02, 0.012])
    _, args = learner.holm_adjust.call_keep_args(p)
    assert_array(args[0], p, rtol=0, atol=0, what="pvals after the call")
