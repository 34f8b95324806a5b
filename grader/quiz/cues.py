"""Guessing cues in option lengths: is the key the longest option more often than chance allows?

A cue works both ways: a key that is usually the longest option gives it away, and so does one that is
usually the shortest (rewriting keys to be plain must not make them the short ones). So both are tested.

Single-answer items: the options that "look longest" are those at least 90% as long as the longest one (a
near-tie draws a guesser's eye as much as the longest), and those that "look shortest" are at most 10% longer
than the shortest. An item counts 1/k when its key is one of k options that look longest, else 0: the chance
that a guesser who picks among the longest-looking options hits the key (the same for shortest). Without a
cue an item counts 1/5 on average; a group fails when its total would happen with probability below 5% for a
Binomial(n, 1/5) count (one-sided exact test; ties only lower the variance, so the test errs on the strict
side). The bank is tested as a whole and each topic with at least 5 single-answer items.

The key's rank by length among its five options (1 = longest, 5 = shortest, ties split) should also be
spread evenly, or "never the longest nor the shortest" becomes the cue: the bank fails when a chi-square
goodness-of-fit test (4 degrees of freedom) rejects a uniform spread of ranks at 5%.

Multi-select items: a group fails when the keys are on average longer than the non-keys in more items, or in
fewer items, than a fair coin would give (the same binomial test at 1/2, at 2.5% on each side).
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import mean
from typing import Any

from grader.quiz.bank import N_OPTIONS, TOPICS, Item

NEAR_TIE = 0.9
CHANCE = 1 / N_OPTIONS
ALPHA = 0.05
MIN_ITEMS = 5


def binomial_tail(n: int, k: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p)."""
    return sum(math.comb(n, j) * p ** j * (1 - p) ** (n - j) for j in range(max(k, 0), n + 1))


def most_allowed(n: int, p: float, alpha: float = ALPHA) -> int:
    """The largest count k that the test still accepts: P(X >= k) >= alpha."""
    return max((k for k in range(n + 1) if binomial_tail(n, k, p) >= alpha), default=0)


def key_looks_longest(item: Item) -> float:
    """1/k when the key of a single-answer item is one of the k options at least 90% as long as the longest."""
    lengths = [len(o) for o in item.options]
    near = [j for j, n in enumerate(lengths) if n >= NEAR_TIE * max(lengths)]
    return 1 / len(near) if item.key[0] in near else 0.0


def key_looks_shortest(item: Item) -> float:
    """1/k when the key of a single-answer item is one of the k options at most 10% longer than the shortest."""
    lengths = [len(o) for o in item.options]
    near = [j for j, n in enumerate(lengths) if n * NEAR_TIE <= min(lengths)]
    return 1 / len(near) if item.key[0] in near else 0.0


def longest_pick_hit(item: Item) -> float:
    """Chance that "pick the longest option" (ties split evenly) picks the key of a single-answer item."""
    lengths = [len(o) for o in item.options]
    top = [j for j, n in enumerate(lengths) if n == max(lengths)]
    return 1 / len(top) if item.key[0] in top else 0.0


def key_ranks(item: Item) -> list[float]:
    """The key's share of each length rank 1..5 (1 = longest); tied options share their ranks evenly."""
    lengths = [len(o) for o in item.options]
    key = lengths[item.key[0]]
    longer = sum(1 for n in lengths if n > key)
    tied = sum(1 for n in lengths if n == key)
    return [1 / tied if longer <= r < longer + tied else 0.0 for r in range(len(lengths))]


def chi_square_uniform(counts: list[float]) -> float:
    """p-value of a chi-square goodness-of-fit test of counts against a uniform spread (here 5 cells: df = 4)."""
    total = sum(counts)
    if not total:
        return 1.0
    expected = total / len(counts)
    stat = sum((c - expected) ** 2 / expected for c in counts)
    assert len(counts) == 5, "the closed form below is for 4 degrees of freedom"
    return math.exp(-stat / 2) * (1 + stat / 2)


@dataclass(frozen=True)
class RankSpread:
    """How the single-answer keys of the bank spread over the five length ranks."""

    counts: tuple[float, ...]
    p_value: float

    @property
    def ok(self) -> bool:
        return self.p_value >= ALPHA

    def describe(self) -> str:
        spread = " / ".join(f"{c:.0f}" for c in self.counts)
        return (f"single-answer keys by length rank, longest to shortest: {spread} "
                f"(uniform spread: p = {self.p_value:.2f})")

    def to_json(self) -> dict[str, Any]:
        return {"counts": [round(c, 2) for c in self.counts], "p_value": round(self.p_value, 4), "ok": self.ok}


def rank_spread(items: Iterable[Item]) -> RankSpread:
    """The keys' length ranks over every single-answer item, and the test of their uniform spread."""
    counts = [0.0] * N_OPTIONS
    for item in items:
        if item.format == "single":
            counts = [c + r for c, r in zip(counts, key_ranks(item), strict=True)]
    return RankSpread(tuple(counts), chi_square_uniform(counts))


@dataclass(frozen=True)
class SingleCue:
    """Single-answer items of one group (the bank or a topic): how often the key looks longest."""

    scope: str
    items: int
    looks_longest: float
    looks_shortest: float
    strictly_longest: int
    allowed: int

    @property
    def ok(self) -> bool:
        return self.looks_longest <= self.allowed and self.looks_shortest <= self.allowed

    def describe(self) -> str:
        return (f"{self.scope}: the key looks longest in {self.looks_longest:.1f} and shortest in "
                f"{self.looks_shortest:.1f} of {self.items} single-answer items (each at most {self.allowed} "
                f"allowed at chance 1/5; strictly longest in {self.strictly_longest})")

    def to_json(self) -> dict[str, Any]:
        return {"scope": self.scope, "items": self.items, "looks_longest": round(self.looks_longest, 2),
                "looks_shortest": round(self.looks_shortest, 2), "strictly_longest": self.strictly_longest,
                "allowed": self.allowed, "ok": self.ok}


@dataclass(frozen=True)
class MultiCue:
    """Multi-select items: in how many are the keys longer on average than the other options."""

    items: int
    keys_longer: int
    allowed: tuple[int, int]
    mean_ratio: float
    length_rule_exact: int

    @property
    def ok(self) -> bool:
        return self.allowed[0] <= self.keys_longer <= self.allowed[1]

    def describe(self) -> str:
        low, high = self.allowed
        return (f"multi-select: keys longer on average than non-keys in {self.keys_longer} of {self.items} items "
                f"({low} to {high} allowed at chance 1/2; mean key/non-key length ratio {self.mean_ratio:.2f}); "
                f"'select the options longer than average' gets {self.length_rule_exact} exactly right")

    def to_json(self) -> dict[str, Any]:
        return {"items": self.items, "keys_longer": self.keys_longer, "allowed": list(self.allowed),
                "mean_ratio": round(self.mean_ratio, 3), "length_rule_exact": self.length_rule_exact, "ok": self.ok}


def _single(scope: str, items: list[Item]) -> SingleCue:
    strictly = sum(1 for i in items if longest_pick_hit(i) == 1.0)
    return SingleCue(scope, len(items), sum(map(key_looks_longest, items), 0.0),
                     sum(map(key_looks_shortest, items), 0.0), strictly, most_allowed(len(items), CHANCE))


def single_cues(items: Iterable[Item]) -> list[SingleCue]:
    """The bank's figure first, then each topic with enough single-answer items to test."""
    singles = [i for i in items if i.format == "single"]
    out = [_single("bank", singles)]
    for topic in TOPICS:
        mine = [i for i in singles if i.topic == topic.code]
        if len(mine) >= MIN_ITEMS:
            out.append(_single(topic.title, mine))
    return out


def multi_cue(items: Iterable[Item]) -> MultiCue:
    """The length figures of the multi-select items whose key leaves at least one option out."""
    longer, ratios, exact, n = 0, [], 0, 0
    for item in items:
        if item.format != "multi" or len(item.key) == len(item.options):
            continue
        n += 1
        lengths = [len(o) for o in item.options]
        keys = [lengths[j] for j in item.key]
        others = [lengths[j] for j in range(len(lengths)) if j not in item.key]
        ratios.append(mean(keys) / mean(others))
        longer += mean(keys) > mean(others)
        exact += tuple(j for j, n_chars in enumerate(lengths) if n_chars > mean(lengths)) == item.key
    high = most_allowed(n, 0.5, ALPHA / 2)
    return MultiCue(n, longer, (n - high, high), mean(ratios) if ratios else 1.0, exact)
