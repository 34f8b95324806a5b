"""Drawing k items from a topic's pool so that every item gets its fair share of quizzes.

Each item's chance of being in a quiz is set first, proportional to its track weight and capped at 1, summing
to the topic's quota (`inclusion`); `systematic` then draws exactly that many items with exactly those chances
(Madow's systematic sampling over a random order, in exact integer arithmetic). Two items of one topic with
the same weight therefore appear in the same share of quizzes, whatever the pool's size or order.
"""
from __future__ import annotations

import math
import random
from collections.abc import Sequence
from fractions import Fraction
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")


@lru_cache(maxsize=4096)
def inclusion(weights: tuple[float, ...], k: int) -> tuple[Fraction, ...]:
    """Each item's chance to be among k drawn: proportional to its weight, at most 1, summing to k."""
    n = len(weights)
    if k >= n:
        return (Fraction(1),) * n
    exact = [Fraction(w) for w in weights]
    certain: set[int] = set()
    while True:
        free = [j for j in range(n) if j not in certain]
        left, total = k - len(certain), sum(exact[j] for j in free)
        over = {j for j in free if left * exact[j] >= total}
        if not over or left <= 0:
            return tuple(Fraction(1) if j in certain else left * exact[j] / total for j in range(n))
        certain |= over


def systematic(pool: Sequence[T], chances: Sequence[Fraction], rng: random.Random) -> list[T]:
    """Exactly sum(chances) items of `pool` (an integer), item j with probability chances[j].

    Laid end to end in a random order, the chances cover [0, k); the items hit by start, start + 1, ...,
    start + k - 1 are drawn, for a start uniform in [0, 1). Scaled by a common denominator D, all is integer.
    """
    scale = math.lcm(*(c.denominator for c in chances)) if chances else 1
    order = rng.sample(range(len(pool)), len(pool))
    start = rng.randrange(scale)
    picked, cum = [], 0
    for j in order:
        low = cum
        cum += chances[j].numerator * (scale // chances[j].denominator)
        if -((start - cum) // scale) > -((start - low) // scale):  # ceil((cum - start) / D) > ceil((low - start) / D)
            picked.append(pool[j])
    return picked


def fair_sample(pool: Sequence[T], k: int, weights: Sequence[float], rng: random.Random) -> list[T]:
    """k items of `pool` (all of them when k >= len(pool)), each included with a chance proportional to its weight."""
    if k <= 0 or not pool:
        return []
    return systematic(pool, inclusion(tuple(weights), min(k, len(pool))), rng)


def weighted_sample(pool: Sequence[T], k: int, weights: Sequence[float], rng: random.Random) -> list[T]:
    """k items without replacement, each draw proportional to weight (Efraimidis-Spirakis keys); for fills."""
    keyed = sorted(((rng.random() ** (1 / w), n) for n, w in enumerate(weights)), reverse=True)
    return [pool[n] for _, n in keyed[:k]]
