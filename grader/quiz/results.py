"""Stored quiz results (the store's `quiz_results` table), read by `quiz history` and the readiness report."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from grader.quiz.score import QuizResult
from grader.store import Store
from grader.vocab import QuizMode

MODES = tuple(QuizMode)


@dataclass(frozen=True)
class QuizRecord:
    """One graded quiz as stored."""

    id: int
    track: str
    seed: int
    size: int
    threshold: int
    correct: int
    passed: bool
    items: list[dict[str, Any]]
    taken_at: float
    mode: str

    def to_json(self) -> dict[str, Any]:
        return {"result_id": self.id, "track": self.track, "seed": self.seed, "size": self.size,
                "threshold": self.threshold, "correct": self.correct, "passed": self.passed, "mode": self.mode,
                "taken_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.taken_at)), "items": self.items}


def record_result(store: Store, result: QuizResult, mode: str, taken_at: float | None = None) -> int:
    """Insert one graded quiz and return its row id."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    return store.quiz_record(result.track, result.seed, result.size, result.threshold, result.correct,
                             result.passed, [i.to_json() for i in result.items], mode, taken_at)


def quiz_results(store: Store, track: str | None = None, limit: int | None = None) -> list[QuizRecord]:
    """Stored quiz results, newest first."""
    return [QuizRecord(id=r["id"], track=r["track"], seed=r["seed"], size=r["size"], threshold=r["threshold"],
                       correct=r["correct"], passed=r["passed"], items=r["items"], taken_at=r["taken_at"],
                       mode=r["mode"])
            for r in store.quiz_rows(track=track, limit=limit)]
