"""Stored quiz results: the `quiz_results` table (migration 4 in grader/store.py), read by the readiness report."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from grader.quiz.score import QuizResult
from grader.store import Store

MODES = ("file", "interactive")


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
    cur = store.conn.execute(
        "INSERT INTO quiz_results (track, seed, size, threshold, correct, passed, items_json, taken_at, mode)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        (result.track, result.seed, result.size, result.threshold, result.correct, int(result.passed),
         json.dumps([i.to_json() for i in result.items]), time.time() if taken_at is None else taken_at, mode))
    return int(cur.lastrowid)


def quiz_results(store: Store, track: str | None = None, limit: int | None = None) -> list[QuizRecord]:
    """Stored quiz results, newest first."""
    sql, args = "SELECT * FROM quiz_results", []
    if track:
        sql += " WHERE track = ?"
        args.append(track)
    sql += " ORDER BY id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [QuizRecord(id=r["id"], track=r["track"], seed=r["seed"], size=r["size"], threshold=r["threshold"],
                       correct=r["correct"], passed=bool(r["passed"]), items=json.loads(r["items_json"]),
                       taken_at=r["taken_at"], mode=r["mode"])
            for r in store.conn.execute(sql, args)]
