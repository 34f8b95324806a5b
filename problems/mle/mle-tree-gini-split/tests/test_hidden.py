import numpy as np
from sklearn.tree import DecisionTreeClassifier

from grader.checklib import assert_array, assert_scalar


def _brute(x, y):
    """Host oracle: every midpoint between distinct values, recount both sides, first near-best wins."""
    n = x.size

    def gini(lab):
        if lab.size == 0:
            return 0.0
        _, c = np.unique(lab, return_counts=True)
        return 1.0 - float(np.sum((c / lab.size) ** 2))

    v = np.unique(x)
    cands = []
    for a, b in zip(v[:-1], v[1:]):
        t = (a + b) / 2.0
        l, r = y[x <= t], y[x > t]
        cands.append((float(t), gini(y) - l.size / n * gini(l) - r.size / n * gini(r)))
    if not cands or max(g for _, g in cands) <= 1e-12:
        return None, 0.0, cands
    top = max(g for _, g in cands)
    t, g = next((t, g) for t, g in cands if g >= top - 1e-12)
    return t, g, cands


def _call(fn, x, y):
    res = fn(x, y)
    assert type(res) is tuple and len(res) == 2, "best_split should return a tuple (threshold, gain)"
    t, g = res
    assert t is None or (isinstance(t, (float, np.floating)) and not isinstance(t, bool)), \
        f"the threshold should be a float or None, got {type(t).__name__}"
    assert isinstance(g, (float, np.floating)), f"the gain should be a float, got {type(g).__name__}"
    return t, g


def _check(res, t, g, what=""):
    if t is None:
        assert res[0] is None, f"expected no split (threshold None){what}, got threshold {float(res[0]):.6g}"
    else:
        assert res[0] is not None, f"expected a split{what}, got threshold None"
        assert_scalar(res[0], t, what=f"threshold{what}")
    assert_scalar(res[1], g, what=f"gain{what}")


def test_worked_example(learner):
    """The worked example from the statement: a gain tie between 2.5 and 3.5 goes to 2.5."""
    x = np.array([2.0, 1.0, 3.0, 3.0, 5.0, 4.0])
    y = np.array([0, 0, 1, 0, 1, 1])
    _check(_call(learner.best_split, x, y), 2.5, 0.25)


def test_constant_x_no_split(learner):
    """A constant feature has no candidate threshold: (None, 0.0), also for a single sample."""
    _check(_call(learner.best_split, np.full(5, 2.5), np.array([0, 1, 0, 1, 1])), None, 0.0, " (constant x)")
    _check(_call(learner.best_split, np.array([7.0]), np.array([1])), None, 0.0, " (single sample)")


def test_pure_labels_no_split(learner):
    """All labels equal: every gain is 0, so the result is (None, 0.0)."""
    _check(_call(learner.best_split, np.array([3.0, 1.0, 2.0, 5.0]), np.array([4, 4, 4, 4])), None, 0.0)


def test_repeated_values_split_only_between_distinct(learner):
    """Repeated x values are never separated: a split can only fall between two distinct values."""
    # Only candidate 0.5 separates {0,1} from {0,1}: zero gain, so no split.
    _check(_call(learner.best_split, np.array([0.0, 0.0, 1.0, 1.0]), np.array([0, 1, 0, 1])), None, 0.0,
           " for x=[0,0,1,1], y=[0,1,0,1]")
    # Best split is between 1 and 2, i.e. threshold 1.5 (not 1.0 between the two 1s).
    x = np.array([2.0, 1.0, 3.0, 1.0, 2.0])
    y = np.array([1, 0, 1, 0, 1])
    _check(_call(learner.best_split, x, y), 1.5, 0.48, " for x=[2,1,3,1,2]")


def test_ties_go_to_smallest_threshold(learner):
    """Symmetric data with two equally good thresholds returns the smaller one."""
    x = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0])
    y = np.array([1, 0, 0, 0, 0, 1])
    t, g, _ = _brute(x, y)
    _check(_call(learner.best_split, x, y), t, g)


def test_rounding_ties_go_to_smallest_threshold(learner):
    """Gains equal in exact arithmetic but built from different counts (they differ by rounding) go to the smallest threshold."""
    cases = [  # x, y, the smallest of the exactly tied thresholds
        ([0, 7, 3, 8, 2, 11, 9, 4, 5, 10, 1, 6], [0, 0, 1, 1, 0, 0, 0, 1, 0, 2, 2, 1], 2.5),
        ([1, 2, 0, 5, 9, 8, 6, 4, 7, 3], [1, 1, 1, 2, 2, 2, 0, 1, 0, 2], 2.5),
        ([7, 9, 1, 3, 6, 8, 5, 0, 2, 4], [1, 1, 2, 0, 0, 2, 2, 1, 2, 2], 0.5),
        ([4, 8, 3, 0, 5, 7, 9, 1, 6, 2], [0, 0, 0, 0, 1, 0, 0, 2, 1, 0], 1.5),
        ([9, 6, 4, 0, 8, 2, 7, 5, 3, 1], [2, 2, 1, 2, 1, 1, 0, 2, 0, 0], 0.5),
    ]
    for i, (x, y, t) in enumerate(cases):
        x, y = np.array(x, dtype=np.float64), np.array(y, dtype=np.int64)
        bt, g, _ = _brute(x, y)
        assert bt == t, "internal: the oracle disagrees with the exact tie"
        _check(_call(learner.best_split, x, y), t, g, f" (rounding tie case {i})")


def test_matches_brute_force_random(learner):
    """Random data with many repeated values and 2-4 classes match a brute-force search."""
    rng = np.random.default_rng(0)
    for trial in range(8):
        n = int(rng.integers(8, 60))
        x = np.round(rng.normal(size=n) * 3) / 2
        y = rng.integers(0, int(rng.integers(2, 5)), size=n) * 3 - 2
        t, g, _ = _brute(x, y)
        _check(_call(learner.best_split, x, y), t, g, f" (random case {trial})")


def test_order_of_samples_does_not_matter(learner):
    """Shuffling the samples (x and y together) does not change the result."""
    rng = np.random.default_rng(1)
    x = np.round(rng.normal(size=40), 1)
    y = (x + rng.normal(scale=0.7, size=40) > 0).astype(np.int64)
    t, g, _ = _brute(x, y)
    perm = rng.permutation(40)
    _check(_call(learner.best_split, x[perm], y[perm]), t, g)


def test_threshold_matches_sklearn_stump(learner):
    """The threshold equals that of sklearn's depth-1 DecisionTreeClassifier (data with a unique best split)."""
    rng = np.random.default_rng(2)
    done = 0
    for seed in range(40):
        n = int(rng.integers(20, 80))
        x = rng.integers(-60, 60, size=n) / 4.0   # exact in float32, as sklearn uses internally
        y = (x + rng.normal(scale=6.0, size=n) > 0).astype(np.int64) + rng.integers(0, 2, size=n)
        t, g, cands = _brute(x, y)
        gains = sorted(gg for _, gg in cands)
        if t is None or len(gains) < 2 or gains[-1] - gains[-2] < 1e-9:
            continue   # only cases with a clear, unique best split
        clf = DecisionTreeClassifier(max_depth=1, random_state=0).fit(x[:, None], y)
        res = _call(learner.best_split, x, y)
        assert res[0] is not None, f"expected a split (sklearn case {done}), got threshold None"
        assert_scalar(res[0], float(clf.tree_.threshold[0]), what=f"threshold (sklearn case {done})")
        done += 1
        if done == 5:
            break
    assert done == 5, "internal: not enough sklearn cases"


def test_inputs_not_modified(learner):
    """x and y are left unchanged, e.g. not sorted in place (rule G1)."""
    x = np.array([3.0, 1.0, 2.0, 5.0, 4.0, 0.5])
    y = np.array([1, 0, 0, 1, 1, 0])
    _, after = learner.best_split.call_keep_args(x.copy(), y.copy())
    assert_array(after[0], x, rtol=0, atol=0, what="your x after the call")
    assert_array(after[1], y, rtol=0, atol=0, what="your y after the call")
