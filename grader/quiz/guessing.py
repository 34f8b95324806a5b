"""What guessing is worth on the quiz, computed from the bank as it is now (for the readiness report).

Two guessers answer what they do not know. The blind one picks uniformly: one letter of five, a non-empty set
of letters, an order other than the shown one (the shown order is never right), and never hits a number. The
cue-reader does the same except on single-answer items, where it picks the longest option (ties split), so
any length cue left in the bank shows up in its score. For a learner who truly knows k of the 50 questions
(any k of them equally likely) and guesses the rest, the chance to reach the pass mark is exact for each
drawn quiz (a dynamic programme over the questions) and averaged over standard draws.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from grader.quiz.bank import Item
from grader.quiz.cues import longest_pick_hit
from grader.quiz.draw import draw
from grader.vocab import QUIZ_PASS, QUIZ_SIZE

KNOWN = (25, 30, 33)  # what a learner truly knows, of QUIZ_SIZE
DRAWS = 20


def chances(item: Item) -> tuple[float, float]:
    """(blind, cue-reader) chance of guessing the item right."""
    if item.format == "single":
        return 1 / len(item.options), longest_pick_hit(item)
    if item.format == "multi":
        blind = 1 / (2 ** len(item.options) - 1)
        return blind, blind
    if item.format == "ordering":
        blind = 1 / (math.factorial(len(item.steps)) - 1)
        return blind, blind
    return 0.0, 0.0


def pass_chances(hits: list[float], need: int) -> list[float]:
    """For each number known k = 0..n: P(k + guessed right >= need) when a random n - k of the items are guessed,
    item j right with chance hits[j]."""
    n = len(hits)
    # table[j, c]: summed over the ways to leave j of the items seen so far unknown, P(c of those are guessed right)
    table = np.zeros((n + 1, n + 1))
    table[0, 0] = 1.0
    for h in hits:
        guessed = np.zeros_like(table)
        guessed[1:, 1:] += table[:-1, :-1] * h
        guessed[1:, :] += table[:-1, :] * (1 - h)
        table = table + guessed
    out = []
    for known in range(n + 1):
        unknown = n - known
        row = table[unknown] / math.comb(n, unknown)
        out.append(float(row[max(0, need - known):].sum()))
    return out


@dataclass(frozen=True)
class Guessing:
    """Guessing figures for one track over `draws` standard quizzes."""

    track: str
    draws: int
    blind_score: float
    cue_score: float
    longest_keys: float  # share of the drawn single-answer items whose key is the longest option
    pass_if_known: tuple[tuple[int, float, float], ...]  # (known, P(pass) guessing blind, reading the cue)

    def to_json(self) -> dict[str, Any]:
        return {"track": self.track, "draws": self.draws, "size": QUIZ_SIZE, "pass": QUIZ_PASS,
                "blind_score": round(self.blind_score, 2), "longest_option_score": round(self.cue_score, 2),
                "longest_keys": round(self.longest_keys, 3),
                "pass_if_known": [{"known": k, "blind": round(b, 4), "longest_option": round(c, 4)}
                                  for k, b, c in self.pass_if_known]}


def measure(bank: dict[str, Item], track: str, draws: int = DRAWS) -> Guessing:
    """Guessing figures for `track` over the standard draws with seeds 0 .. draws - 1."""
    blind_total = cue_total = 0.0
    singles = longest = 0.0
    sums = {k: [0.0, 0.0] for k in KNOWN}
    for seed in range(draws):
        items = [bank[d.id] for d in draw(bank, track, seed=seed).items]
        pairs = [chances(i) for i in items]
        blind, cue = [b for b, _ in pairs], [c for _, c in pairs]
        blind_total += sum(blind)
        cue_total += sum(cue)
        for i in items:
            if i.format == "single":
                singles += 1
                longest += longest_pick_hit(i)
        by_blind, by_cue = pass_chances(blind, QUIZ_PASS), pass_chances(cue, QUIZ_PASS)
        for k in KNOWN:
            sums[k][0] += by_blind[k]
            sums[k][1] += by_cue[k]
    return Guessing(track, draws, blind_total / draws, cue_total / draws, longest / singles if singles else 0.0,
                    tuple((k, b / draws, c / draws) for k, (b, c) in sums.items()))
