"""What many standard draws show: how often each item appears, and what "always pick the longest option" scores."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

from grader.quiz.bank import BLUEPRINT_SIZE, TOPICS, Item
from grader.quiz.cues import longest_pick_hit
from grader.quiz.draw import draw


@dataclass(frozen=True)
class Exposure:
    """Item frequencies over `draws` standard quizzes of one track (seeds 0 to draws - 1)."""

    track: str
    draws: int
    counts: dict[str, int]
    weights: dict[str, float]
    topics: dict[str, str]
    longest_score: float

    @property
    def lowest(self) -> tuple[int, str]:
        return min((n, i) for i, n in self.counts.items())

    @property
    def highest(self) -> tuple[int, str]:
        return max((n, i) for i, n in self.counts.items())

    def topic_spread(self) -> tuple[float, str]:
        """The worst ratio, within one topic, of the most to the least drawn among items of equal weight."""
        worst, where = 1.0, ""
        for topic in TOPICS:
            groups: dict[float, list[int]] = {}
            for iid, n in self.counts.items():
                if self.topics[iid] == topic.code:
                    groups.setdefault(self.weights[iid], []).append(n)
            for counts in groups.values():
                if len(counts) > 1:
                    ratio = max(counts) / max(min(counts), 1)
                    if ratio > worst:
                        worst, where = ratio, topic.title
        return worst, where

    def homogeneity(self) -> tuple[float, str]:
        """The lowest p-value, over topics and weights, of a chi-square test that equal-weight items are drawn alike.

        Counts of rarely drawn items are noisy, so a raw max/min ratio says little; this test accounts for that.
        The p-value uses the Wilson-Hilferty approximation, which is close enough for a report line.
        """
        lowest, where = 1.0, ""
        for topic in TOPICS:
            groups: dict[float, list[int]] = {}
            for iid, n in self.counts.items():
                if self.topics[iid] == topic.code:
                    groups.setdefault(self.weights[iid], []).append(n)
            for counts in groups.values():
                mean = sum(counts) / len(counts)
                if len(counts) < 2 or not mean:
                    continue
                df = len(counts) - 1
                stat = sum((c - mean) ** 2 / mean for c in counts)
                z = ((stat / df) ** (1 / 3) - (1 - 2 / (9 * df))) / math.sqrt(2 / (9 * df))
                p = 1 - NormalDist().cdf(z)
                if p < lowest:
                    lowest, where = p, topic.title
        return lowest, where

    def describe(self) -> str:
        (low, low_id), (high, high_id) = self.lowest, self.highest
        p, where = self.homogeneity()
        return (f"{self.track} over {self.draws} draws: items appear in {low} ({low_id}) to {high} ({high_id}) "
                f"quizzes; equal-weight items of a topic are drawn alike (lowest homogeneity p = {p:.3f}, "
                f"{where or 'none'}); always picking the longest option scores {self.longest_score:.1f} "
                f"of {BLUEPRINT_SIZE}")

    def to_json(self) -> dict[str, Any]:
        (low, low_id), (high, high_id) = self.lowest, self.highest
        spread, where = self.topic_spread()
        p, p_where = self.homogeneity()
        return {"track": self.track, "draws": self.draws, "min": {"item": low_id, "quizzes": low},
                "max": {"item": high_id, "quizzes": high}, "topic_spread": round(spread, 3),
                "topic_spread_in": where, "homogeneity_p": round(p, 4), "homogeneity_p_in": p_where,
                "longest_option_score": round(self.longest_score, 2)}


def measure(bank: dict[str, Item], track: str, draws: int = 200) -> Exposure:
    """Draw `draws` standard quizzes and count: items drawn, and the longest-option guesser's expected score."""
    eligible = {i.id: i for i in bank.values() if i.weight(track) > 0}
    counts = Counter({iid: 0 for iid in eligible})
    score = 0.0
    for seed in range(draws):
        for drawn in draw(bank, track, seed=seed).items:
            counts[drawn.id] += 1
            item = bank[drawn.id]
            if item.format == "single":
                score += longest_pick_hit(item)
    return Exposure(track, draws, dict(counts), {i: it.weight(track) for i, it in eligible.items()},
                    {i: it.topic for i, it in eligible.items()}, score / max(draws, 1))
