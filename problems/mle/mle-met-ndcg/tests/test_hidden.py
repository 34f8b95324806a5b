import math

import numpy as np
import pytest

from grader.checklib import assert_raises, assert_scalar


def _value(fn, rels, k):
    out = fn(rels, k)
    assert isinstance(out, (float, np.floating)) and not isinstance(out, bool), \
        f"ndcg_at_k should return a float, got {type(out).__name__}"
    return float(out)


def test_worked_example(learner):
    """[3, 2, 3, 0, 1, 2] at k=3 equals the hand-computed value from the statement."""
    expected = (7 + 3 / math.log2(3) + 7 / 2) / (7 + 7 / math.log2(3) + 3 / 2)
    assert_scalar(_value(learner.ndcg_at_k, np.array([3, 2, 3, 0, 1, 2]), 3), expected)


def test_exponential_gain_hand_value(learner):
    """[0, 1, 0, 3] at k=2: gains 2^rel - 1 and an ideal DCG taken from all items ([3, 1])."""
    expected = (1 / math.log2(3)) / (7 + 1 / math.log2(3))
    assert_scalar(_value(learner.ndcg_at_k, np.array([0, 1, 0, 3]), 2), expected)


def test_ideal_cut_at_k(learner):
    """Relevant items below position k count in neither DCG@k nor the ideal DCG@k ([2, 0, 1, 1, 2], k=2)."""
    expected = 3.0 / (3 + 3 / math.log2(3))
    assert_scalar(_value(learner.ndcg_at_k, np.array([2.0, 0.0, 1.0, 1.0, 2.0]), 2), expected)


def test_matches_reference_on_random_lists(learner, reference):
    """Random graded relevances (with ties, some fractional) for several k match the definition."""
    rng = np.random.default_rng(0)
    for n, k in [(10, 5), (8, 1), (15, 15), (12, 7)]:
        rels = rng.integers(0, 4, size=n).astype(float)
        rels[0] += 0.5
        got = _value(learner.ndcg_at_k, rels, k)
        assert_scalar(got, reference.ndcg_at_k(rels, k), what=f"NDCG@{k} of a random list of {n} items")


def test_k_longer_than_list(learner, reference):
    """k larger than the list uses the whole list (k=10 on 4 items equals k=4)."""
    rels = np.array([1.0, 3.0, 0.0, 2.0])
    assert_scalar(_value(learner.ndcg_at_k, rels, 10), reference.ndcg_at_k(rels, 4), what="NDCG@10 of 4 items")


def test_perfect_order_is_one(learner):
    """A list already sorted by decreasing relevance gives 1.0 for every k."""
    rels = np.array([3, 3, 2, 1, 1, 0, 0])
    for k in (1, 3, 7, 20):
        assert_scalar(_value(learner.ndcg_at_k, rels, k), 1.0, what=f"NDCG@{k} of a perfect ranking")


def test_all_zero_relevance_gives_zero(learner):
    """All relevances 0 give 0.0 without a division-by-zero warning; zeros in the top k only too."""
    f = learner.fn("ndcg_at_k", warnings="error")
    assert_scalar(_value(f, np.zeros(5), 3), 0.0, what="NDCG of an all-zero list")
    assert_scalar(_value(f, np.array([0.0]), 1), 0.0, what="NDCG of [0]")


def test_invalid_input_raises(learner):
    """k = 0, an empty list or a negative relevance raises ValueError."""
    for rels, k in [(np.array([1.0, 2.0]), 0), (np.array([], dtype=float), 3), (np.array([1.0, -1.0]), 2)]:
        with pytest.raises(ValueError):
            learner.ndcg_at_k(rels, k)


def test_non_finite_relevance_raises(learner):
    """A NaN, +inf or -inf relevance raises ValueError (a NaN is not < 0)."""
    for bad in (np.nan, np.inf, -np.inf):
        with assert_raises(ValueError, f"a relevance {bad} in [1, {bad}, 2]"):
            learner.ndcg_at_k(np.array([1.0, bad, 2.0]), 2)
    with assert_raises(ValueError, "a NaN relevance in the last place, below k"):
        learner.ndcg_at_k(np.array([2.0, 1.0, 0.0, np.nan]), 2)


def test_large_integer_relevances(learner, reference):
    """Int64 relevances of 63 and more use the exact gain 2^rel - 1 (no int64 wrap-around)."""
    for rels, k in [(np.array([3, 70, 63, 0, 64], dtype=np.int64), 3),
                    (np.array([63, 1, 0], dtype=np.int64), 2),
                    (np.array([2, 0, 80], dtype=np.int64), 2)]:
        got = _value(learner.ndcg_at_k, rels, k)
        assert_scalar(got, reference.ndcg_at_k(rels, k), what=f"NDCG@{k} of int64 relevances up to {rels.max()}")


def test_input_not_modified(learner):
    """The relevance array is left unchanged (rule G1)."""
    rels = np.array([0.0, 2.0, 1.0, 3.0])
    _, after = learner.ndcg_at_k.call_keep_args(rels, 3)
    assert np.array_equal(after[0], rels), "your function changed the relevance array it was given"
