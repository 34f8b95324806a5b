import math

import numpy as np
import pytest
from scipy.stats import entropy as scipy_entropy

from grader.checklib import assert_array, assert_scalar


def _oracle(y, mask):
    """Library oracle: scipy entropy (base 2) of the label counts, size-weighted children."""
    def h(labels):
        if labels.size == 0:
            return 0.0
        _, counts = np.unique(labels, return_counts=True)
        return float(scipy_entropy(counts, base=2))
    n = y.size
    left, right = y[mask], y[~mask]
    if left.size == 0 or right.size == 0:
        return 0.0
    return h(y) - left.size / n * h(left) - right.size / n * h(right)


def _gain(fn, *args):
    g = fn(*args)
    assert isinstance(g, (float, np.floating)) and not isinstance(g, bool), \
        f"information_gain should return a float, got {type(g).__name__}"
    return g


def test_worked_example(learner):
    """The worked example from the statement: 8 labels, a 4/4 split, gain 0.5488 bits."""
    y = np.array([0, 0, 0, 1, 1, 1, 1, 1])
    mask = np.array([True, True, True, True, False, False, False, False])
    assert_scalar(_gain(learner.information_gain, y, mask), 0.5487949406953987)


def test_pure_split_gains_parent_entropy(learner):
    """A split into two pure sides gains the whole parent entropy (bits: 1.0 for 50/50, 0.971 for 40/60)."""
    assert_scalar(_gain(learner.information_gain, np.array([4, 9, 9, 4]), np.array([True, False, False, True])),
                  1.0, what="gain of a pure 50/50 split")
    y = np.array([2, 2, 7, 7, 7])
    expected = -(0.4 * math.log2(0.4) + 0.6 * math.log2(0.6))
    assert_scalar(_gain(learner.information_gain, y, np.array([True, True, False, False, False])), expected,
                  what="gain of a pure 2/3 split")


def test_unequal_sides_hand_value(learner):
    """Hand value with unequal side sizes: y = [1,1,1,1,0,0], left = first 2 -> 0.2516 bits."""
    y = np.array([1, 1, 1, 1, 0, 0])
    mask = np.array([True, True, False, False, False, False])
    h_parent = -(2 / 3 * math.log2(2 / 3) + 1 / 3 * math.log2(1 / 3))
    expected = h_parent - 2 / 3 * 1.0  # left [1, 1] is pure, right [1, 1, 0, 0] has 1 bit
    assert_scalar(_gain(learner.information_gain, y, mask), expected)


def test_empty_side_gives_zero(learner):
    """An all-True or all-False mask (one side empty) gives exactly 0.0, also for a single label."""
    y = np.array([0, 1, 1, 2, 0, 1])
    for mask, name in ((np.ones(6, dtype=bool), "all-True"), (np.zeros(6, dtype=bool), "all-False")):
        g = _gain(learner.information_gain, y, mask)
        assert_scalar(g, 0.0, rtol=0, atol=1e-12, what=f"gain with an {name} mask")
    assert_scalar(_gain(learner.information_gain, np.array([5]), np.array([True])), 0.0, rtol=0, atol=1e-12,
                  what="gain for a single label")


def test_uninformative_split_gives_zero(learner):
    """Children with the same class proportions as the parent gain 0 (within 1e-12)."""
    y = np.array([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2])
    mask = np.array([True] * 3 + [False] * 9)
    assert_scalar(_gain(learner.information_gain, y, mask), 0.0, rtol=0, atol=1e-12)


def test_string_labels_three_classes(learner):
    """String labels with three classes: y = [a, a, b, c], left = first two -> 1.0 bit."""
    y = np.array(["a", "a", "b", "c"])
    assert_scalar(_gain(learner.information_gain, y, np.array([True, True, False, False])), 1.0)


def test_random_splits_match_oracle(learner):
    """Random multi-class labels and random masks match the entropy-in-bits oracle (scipy)."""
    rng = np.random.default_rng(0)
    for trial in range(6):
        n = int(rng.integers(5, 60))
        y = rng.integers(-2, 3, size=n) * 10
        mask = rng.random(n) < rng.uniform(0.1, 0.9)
        assert_scalar(_gain(learner.information_gain, y, mask), _oracle(y, mask), what=f"gain (random case {trial})")


def test_gain_bounds_and_side_symmetry(learner):
    """0 <= gain <= parent entropy, and swapping the sides (~mask) gives the same gain."""
    rng = np.random.default_rng(1)
    y = rng.integers(0, 4, size=40)
    _, counts = np.unique(y, return_counts=True)
    h_parent = float(scipy_entropy(counts, base=2))
    for trial in range(4):
        mask = rng.random(40) < 0.4
        g = float(_gain(learner.information_gain, y, mask))
        assert -1e-12 <= g <= h_parent + 1e-12, f"gain {g:.6g} is outside [0, parent entropy = {h_parent:.6g}]"
        assert_scalar(_gain(learner.information_gain, y, ~mask), g, what="gain with the sides swapped")


def test_empty_y_raises(learner):
    """An empty y (and empty mask) raises ValueError."""
    with pytest.raises(ValueError):
        learner.information_gain(np.array([], dtype=np.int64), np.array([], dtype=bool))


def test_inputs_not_modified(learner):
    """y and left_mask are left unchanged."""
    y = np.array([3, 1, 2, 3, 3, 1, 2, 2])
    mask = np.array([True, False, True, True, False, False, True, False])
    _, after = learner.information_gain.call_keep_args(y.copy(), mask.copy())
    assert_array(after[0], y, rtol=0, atol=0, what="your y after the call")
    assert_array(after[1], mask, rtol=0, atol=0, what="your left_mask after the call")
