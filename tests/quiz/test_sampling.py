"""Fair sampling within a topic: each item's chance is set by its weight, and the draw hits it exactly."""
from __future__ import annotations

import random
from collections import Counter
from fractions import Fraction

import pytest

from grader.quiz.sampling import fair_sample, inclusion, systematic


@pytest.mark.parametrize("weights, k", [((1.0, 1.0, 0.5, 1.0, 0.5), 2), ((1.0, 0.1, 0.1), 2), ((0.5,) * 7, 3),
                                        ((1.0, 0.25, 0.5, 1.0), 4), ((1.0, 1.0), 5)])
def test_inclusion_is_proportional_to_weight_capped_at_one_and_sums_to_k(weights, k):
    chances = inclusion(weights, k)
    assert sum(chances) == min(k, len(weights)) and all(0 < c <= 1 for c in chances)
    uncapped = [j for j, c in enumerate(chances) if c < 1]
    for a in uncapped:
        for b in uncapped:
            assert chances[a] / chances[b] == Fraction(weights[a]) / Fraction(weights[b])
    assert all(chances[j] == 1 or weights[j] <= max(weights) for j in range(len(weights)))


def test_systematic_sampling_draws_exactly_k_distinct_items_with_the_set_chances():
    pool = list("abcdefg")
    weights = (1.0, 1.0, 0.5, 1.0, 0.5, 0.25, 1.0)
    chances = inclusion(weights, 3)
    counts: Counter[str] = Counter()
    n = 20000
    for seed in range(n):
        picked = systematic(pool, chances, random.Random(seed))
        assert len(picked) == len(set(picked)) == 3
        counts.update(picked)
    for item, chance in zip(pool, chances, strict=True):
        p = float(chance)
        sd = (n * p * (1 - p)) ** 0.5
        assert abs(counts[item] - n * p) < 4.5 * sd, (item, counts[item], n * p)


def test_fair_sample_takes_the_whole_pool_when_it_is_small():
    rng = random.Random(1)
    assert sorted(fair_sample(["a", "b"], 5, [1.0, 0.5], rng)) == ["a", "b"]
    assert fair_sample(["a", "b"], 0, [1.0, 0.5], rng) == [] and fair_sample([], 3, [], rng) == []
