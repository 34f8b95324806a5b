"""What many standard draws show: how often each item appears, and what "always pick the longest option" scores."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
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

    def describe(self) -> str:
        (low, low_id), (high, high_id) = self.lowest, self.highest
        spread, where = self.topic_spread()
        return (f"{self.track} over {self.draws} draws: items appear in {low} ({low_id}) to {high} ({high_id}) "
                f"quizzes; worst spread within a topic {spread:.2f}x ({where or 'none'}); "
                f"always picking the longest option scores {self.longest_score:.1f} of {BLUEPRINT_SIZE}")

    def to_json(self) -> dict[str, Any]:
        (low, low_id), (high, high_id) = self.lowest, self.highest
        spread, where = self.topic_spread()
        return {"track": self.track, "draws": self.draws, "min": {"item": low_id, "quizzes": low},
                "max": {"item": high_id, "quizzes": high}, "topic_spread": round(spread, 3),
                "topic_spread_in": where, "longest_option_score": round(self.longest_score, 2)}


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
