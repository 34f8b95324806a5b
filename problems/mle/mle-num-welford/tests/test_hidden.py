import numpy as np
import pytest

from grader.checklib import assert_scalar, probe_call


def _new(learner):
    """A fresh RunningStats instance living in the sandbox."""
    rs = learner.RunningStats()
    assert not isinstance(rs, (int, float, str, list, tuple, dict, type(None))), \
        "RunningStats() should create an object"
    return rs


def _feed(learner, batches):
    rs = _new(learner)
    for b in batches:
        rs.call_method("update", np.asarray(b, dtype=np.float64))
    return rs


def _state(rs):
    n, mean = rs.n, rs.mean
    assert isinstance(n, (int, np.integer)) and not isinstance(n, bool), \
        f"n should be an int attribute, got {type(n).__name__}"
    assert isinstance(mean, (float, np.floating)), \
        f"mean should be a float attribute or property (not a method), got {type(mean).__name__}"
    return int(n), float(mean)


def _check(rs, x, what="", ddofs=(1, 0)):
    n, mean = _state(rs)
    assert n == len(x), f"n is {n}, expected {len(x)}{what}"
    assert_scalar(mean, np.mean(x), what=f"mean{what}")
    for ddof in ddofs:
        v = rs.call_method("var", ddof=ddof)
        assert isinstance(v, (float, np.floating)), f"var() should return a float, got {type(v).__name__}"
        assert_scalar(v, np.var(x, ddof=ddof), what=f"var(ddof={ddof}){what}")


def _split(x, cuts):
    return np.split(x, cuts)


def test_worked_example(learner):
    """The worked example from the statement: two batches, n, mean, var() and var(ddof=0)."""
    rs = _feed(learner, [[2.0, 4.0, 4.0], [4.0, 5.0, 5.0, 7.0, 9.0]])
    _check(rs, np.array([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]))


def test_single_batch_matches_numpy(learner):
    """One batch of 500 values: mean and var(ddof=1) / var(ddof=0) match NumPy."""
    x = np.random.default_rng(0).normal(loc=3.0, scale=2.0, size=500)
    _check(_feed(learner, [x]), x)


def test_default_ddof_is_one(learner):
    """var() without arguments is the sample variance (ddof = 1); ddof = 2 also works."""
    x = np.random.default_rng(1).uniform(size=40)
    rs = _feed(learner, [x])
    assert_scalar(rs.call_method("var"), np.var(x, ddof=1), what="var() with the default ddof")
    assert_scalar(rs.call_method("var", ddof=2), np.var(x, ddof=2), what="var(ddof=2)")


def test_uneven_batches(learner):
    """Batches of sizes 1, 7, 0, 992, 3 and 1997 give the same statistics as one pass."""
    x = np.random.default_rng(2).exponential(scale=5.0, size=3000)
    _check(_feed(learner, _split(x, [1, 8, 8, 1000, 1003])), x)


def test_large_offset_no_cancellation(learner):
    """Values 1e9 plus noise of sd 1, in uneven batches: var(ddof=1) matches NumPy to rtol 1e-6."""
    x = 1e9 + np.random.default_rng(3).normal(size=4000)
    rs = _feed(learner, _split(x, [1, 50, 51, 1500, 2900]))
    _check(rs, x, what=" (values near 1e9)", ddofs=(1,))


def test_one_value_at_a_time(learner):
    """25 batches of one value each match one pass."""
    x = np.random.default_rng(4).normal(loc=-7.0, size=25)
    _check(_feed(learner, [x[i:i + 1] for i in range(len(x))]), x)


def test_merge_equals_single_pass(learner):
    """Merging two accumulators with different means equals one pass over all values; other is unchanged."""
    rng = np.random.default_rng(5)
    x1, x2 = rng.normal(loc=0.0, size=700), rng.normal(loc=10.0, scale=3.0, size=300)
    a = _feed(learner, _split(x1, [100, 350]))
    b = _feed(learner, [x2])
    a.call_method("merge", b)
    _check(a, np.concatenate([x1, x2]), what=" after merge")
    _check(b, x2, what=" of the merged-in accumulator (it should not change)")


def test_merge_large_offset_and_chain(learner):
    """Three accumulators near 1e9 merged in a chain match one pass (rtol 1e-6)."""
    x = 1e9 + np.random.default_rng(6).normal(size=3000)
    parts = _split(x, [5, 2000])
    accs = [_feed(learner, [p]) for p in parts]
    accs[1].call_method("merge", accs[2])
    accs[0].call_method("merge", accs[1])
    _check(accs[0], x, what=" after merging near 1e9", ddofs=(1,))


def test_empty_batches_and_empty_merges(learner):
    """An empty batch changes nothing; merging an empty accumulator in either direction works."""
    x = np.random.default_rng(7).normal(size=50)
    rs = _feed(learner, [x, np.array([])])
    _check(rs, x, what=" after an empty batch")
    rs.call_method("merge", _new(learner))
    _check(rs, x, what=" after merging an empty accumulator")
    empty = _new(learner)
    empty.call_method("merge", rs)
    _check(empty, x, what=" of an empty accumulator after merging a full one")


def test_too_few_values_raise(learner):
    """var() raises ValueError when n <= ddof (no values, or one value with ddof = 1)."""
    with pytest.raises(ValueError):
        _new(learner).call_method("var")
    one = _feed(learner, [[4.2]])
    with pytest.raises(ValueError):
        one.call_method("var")
    assert_scalar(one.call_method("var", ddof=0), 0.0, what="var(ddof=0) of a single value")


def test_batch_not_modified(learner):
    """update leaves the caller's batch array unchanged (rule G1)."""
    x = np.random.default_rng(8).normal(loc=5.0, size=20)
    rs = _feed(learner, [np.array([1.0, 2.0])])
    # the batch stays inside the sandbox, bound to rs.update, so it can be read back after the call
    call = learner.invoke("functools.partial", learner.invoke("builtins.getattr", rs, "update"), x.copy())
    call()
    after = call.args[0]
    assert type(after) is np.ndarray and np.array_equal(after, x), "update modified the batch it was given"


def test_memory_does_not_grow_with_values_seen(learner):
    """After 400,000 values (3.2 MB), update() of 1,000 more and var() each peak under 1 MB of memory."""
    rng = np.random.default_rng(40)
    rs = _feed(learner, [rng.normal(size=100_000) for _ in range(4)])
    _, probe = probe_call((rs, "update"), rng.normal(size=1000), memory=True)
    assert probe.peak_bytes is not None and probe.peak_bytes < 1_000_000, (
        f"update() of 1,000 values peaked at {probe.peak_bytes / 1e6:.1f} MB after 400,000 values: "
        "keep a fixed number of summary numbers, not the values")
    _, probe = probe_call((rs, "var"), memory=True)
    assert probe.peak_bytes is not None and probe.peak_bytes < 1_000_000, (
        f"var() peaked at {probe.peak_bytes / 1e6:.1f} MB after 401,000 values: "
        "keep a fixed number of summary numbers, not the values")
