import numpy as np

from grader.checklib import assert_array, assert_scalar


def _grads(seed, scale=1.0):
    rng = np.random.default_rng(seed)
    return [scale * rng.normal(size=(4, 3)), scale * rng.normal(size=5), scale * rng.normal(size=(2, 2, 2))]


def _call(learner, grads, max_norm):
    res = learner.clip_global_norm(grads, max_norm)
    assert isinstance(res, tuple) and len(res) == 2, "clip_global_norm should return a tuple (clipped, total_norm)"
    clipped, total = res
    assert isinstance(clipped, list), f"the clipped gradients should be a list, got {type(clipped).__name__}"
    assert len(clipped) == len(grads), f"got {len(clipped)} arrays back, expected {len(grads)}"
    assert isinstance(total, float), f"total_norm should be a float, got {type(total).__name__}"
    return clipped, total


def _global_norm(arrays):
    return float(np.sqrt(sum(np.sum(a ** 2) for a in arrays)))


def test_worked_example(learner):
    """The worked example: norm 13 clipped to 6.5, pre-clip norm 13.0 returned."""
    grads = [np.array([3.0, 4.0]), np.array([[12.0]])]
    clipped, total = _call(learner, grads, 6.5)
    scale = 6.5 / (13.0 + 1e-6)
    assert_array(clipped[0], np.array([3.0, 4.0]) * scale, rtol=1e-9, what="first clipped array")
    assert_array(clipped[1], np.array([[12.0]]) * scale, rtol=1e-9, what="second clipped array")
    assert_scalar(total, 13.0, rtol=1e-12, what="total_norm")


def test_below_threshold_unchanged(learner):
    """When the global norm is below max_norm, every array comes back with exactly the same values."""
    grads = _grads(0)
    clipped, total = _call(learner, grads, 100.0)
    for i, (c, g) in enumerate(zip(clipped, grads)):
        assert_array(c, g, rtol=0, atol=0, what=f"array {i} (no clipping needed)")
    assert_scalar(total, _global_norm(grads), rtol=1e-9, what="total_norm")


def test_exactly_at_threshold_unchanged(learner):
    """A global norm exactly equal to max_norm is not clipped (only norms that exceed it are)."""
    grads = [np.array([3.0]), np.array([[0.0, 4.0]])]
    clipped, total = _call(learner, grads, 5.0)
    for i, (c, g) in enumerate(zip(clipped, grads)):
        assert_array(c, g, rtol=0, atol=0, what=f"array {i} (norm equal to max_norm)")
    assert_scalar(total, 5.0, rtol=1e-12, what="total_norm")


def test_above_threshold_global_norm(learner):
    """Above the threshold the clipped arrays have a joint norm of max_norm (rtol 1e-6), shapes kept."""
    grads = _grads(1, scale=10.0)
    clipped, total = _call(learner, grads, 1.5)
    for i, (c, g) in enumerate(zip(clipped, grads)):
        assert isinstance(c, np.ndarray) and c.shape == g.shape and c.dtype == np.float64, \
            f"array {i} should be a float64 array of shape {g.shape}"
    assert_scalar(_global_norm(clipped), 1.5, rtol=1e-6, what="global norm after clipping")
    assert_scalar(total, _global_norm(grads), rtol=1e-9, what="total_norm (before clipping)")


def test_one_common_scale_factor(learner):
    """All arrays are scaled by the same factor, so ratios between arrays are preserved."""
    grads = [np.array([100.0, 0.0]), np.array([0.5, -0.5, 0.25]), np.array([[1e-3]])]
    clipped, total = _call(learner, grads, 2.0)
    scale = 2.0 / (total + 1e-6)
    for i, (c, g) in enumerate(zip(clipped, grads)):
        assert_array(c, g * scale, rtol=1e-9, atol=0, what=f"clipped array {i}")
    ratio = clipped[1][0] / clipped[0][0]
    assert abs(ratio - 0.005) < 1e-12, "the ratio between arrays changed: use one common scale factor"


def test_epsilon_in_scale(learner):
    """The scale factor is max_norm / (total_norm + 1e-6): visible when the norms are tiny."""
    grads = [np.array([1.2e-6]), np.array([1.6e-6])]
    clipped, total = _call(learner, grads, 1e-6)
    assert_scalar(total, 2e-6, rtol=1e-9, atol=0, what="total_norm")
    scale = 1e-6 / (2e-6 + 1e-6)
    assert_array(clipped[0], np.array([1.2e-6 * scale]), rtol=1e-9, atol=0, what="first clipped array")
    assert_array(clipped[1], np.array([1.6e-6 * scale]), rtol=1e-9, atol=0, what="second clipped array")


def test_matches_reference_random(learner, reference):
    """Random arrays of several shapes at several thresholds match the reference."""
    for seed, mx in ((2, 0.3), (3, 4.0), (4, 50.0)):
        grads = _grads(seed, scale=2.0)
        clipped, total = _call(learner, grads, mx)
        exp_clipped, exp_total = reference.clip_global_norm(grads, mx)
        for i, (c, e) in enumerate(zip(clipped, exp_clipped)):
            assert_array(c, e, rtol=1e-9, what=f"array {i} with max_norm={mx}")
        assert_scalar(total, exp_total, rtol=1e-9, what=f"total_norm with max_norm={mx}")


def test_single_array_and_empty_list(learner):
    """A single array is clipped like a vector; an empty list gives ([], 0.0)."""
    clipped, total = _call(learner, [np.array([6.0, 8.0])], 1.0)
    assert_array(clipped[0], np.array([6.0, 8.0]) / (10.0 + 1e-6), rtol=1e-9, what="clipped single array")
    assert_scalar(total, 10.0, what="total_norm")
    clipped, total = _call(learner, [], 1.0)
    assert clipped == [] and total == 0.0, "an empty list should give ([], 0.0)"


def test_inputs_not_modified(learner):
    """The input arrays are left unchanged, both when clipping and when not."""
    for mx in (0.5, 100.0):
        grads = _grads(5)
        _, after = learner.clip_global_norm.call_keep_args([g.copy() for g in grads], mx)
        for i, g in enumerate(grads):
            assert_array(after[0][i], g, rtol=0, atol=0, what=f"your input array {i} after the call (max_norm={mx})")
