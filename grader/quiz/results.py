"""Stored quiz results and draws, read by `quiz history` and the readiness report, each with whether it counts.

A result counts when its draw counts (the standard blueprint draw, the tool's seed, an honest record) and it is
that draw's first grading; a regrade, a practice draw and a result recorded before honest records do not.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from grader.counting import Counting, attempt_counting, quiz_counting
from grader.store import Store


def _iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


@dataclass(frozen=True)
class QuizRecord:
    """One graded quiz as stored, and whether it counts toward readiness."""

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
    quiz_id: str | None
    counting: Counting

    def to_json(self) -> dict[str, Any]:
        return {"result_id": self.id, "quiz_id": self.quiz_id, "track": self.track, "seed": self.seed,
                "size": self.size, "threshold": self.threshold, "correct": self.correct, "passed": self.passed,
                "mode": self.mode, "taken_at": _iso(self.taken_at), **self.counting.to_json(), "items": self.items}


def quiz_results(store: Store, track: str | None = None, limit: int | None = None,
                 newest_first: bool = True) -> list[QuizRecord]:
    """Stored quiz results (newest first by default), each with its counting."""
    draws: dict[str, Counting] = {}
    firsts: dict[str, int | None] = {}
    out = []
    for r in store.quiz_rows(track=track, limit=limit, newest_first=newest_first):
        qid = r.get("quiz_id")
        if qid is None:
            counting = quiz_counting(None)
        else:
            if qid not in draws:
                draws[qid] = quiz_counting(store.quiz(qid))
                firsts[qid] = store.quiz_first_result(qid)
            counting = attempt_counting(draws[qid], firsts[qid] == r["id"],
                                        f"a regrade of quiz {qid} (first graded as result #{firsts[qid]})")
        out.append(QuizRecord(id=r["id"], track=r["track"], seed=r["seed"], size=r["size"], threshold=r["threshold"],
                              correct=r["correct"], passed=r["passed"], items=r["items"], taken_at=r["taken_at"],
                              mode=r["mode"], quiz_id=qid, counting=counting))
    return out


def ungraded_quizzes(store: Store, track: str | None = None) -> list[dict[str, Any]]:
    """Quizzes drawn but never graded, oldest first, each with whether it would count."""
    graded = {r["quiz_id"] for r in store.quiz_rows(track=track) if r.get("quiz_id")}
    return [{"quiz_id": q["id"], "track": q["track"], "size": q["size"], "threshold": q["threshold"],
             "mode": q["mode"], "created": _iso(q["created_at"]), **quiz_counting(q).to_json()}
            for q in store.quizzes(track) if q["id"] not in graded]
