"""What counts toward readiness: the rules, stated once, for exams, quizzes and single attempts.

A draw counts only when it is the standard one (EXAM_SIZE/EXAM_PASS, QUIZ_SIZE/QUIZ_PASS), drawn with a seed
the tool picked, and recorded under the current rules (honest records: the draw lives in the store). Within
a counted draw only first attempts count (a problem's first graded attempt while its exam is open; a quiz's
first grading). Everything else is practice, and says why.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from grader.vocab import EXAM_PASS, EXAM_SIZE, QUIZ_PASS, QUIZ_SIZE, RULES_VERSION, SeedSource

LEGACY = "recorded before honest records; not counted"


@dataclass(frozen=True)
class Counting:
    """Whether a draw or an attempt counts toward readiness, and if not why (one line)."""

    counts: bool
    why: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"counts": self.counts, "why": self.why or None}

    @property
    def label(self) -> str:
        """'counted', 'practice: <why>', or the legacy note (the words every output uses)."""
        if self.counts:
            return "counted"
        return self.why if self.why == LEGACY else f"practice: {self.why}"


COUNTS = Counting(True)


def _draw(what: str, rules: int, seed_source: str, size: int, threshold: int, standard: tuple[int, int]) -> Counting:
    if rules < RULES_VERSION:
        return Counting(False, LEGACY)
    why = []
    if seed_source != SeedSource.TOOL:
        why.append(f"drawn with --seed (a counted {what} uses a seed the tool picks)")
    if (size, threshold) != standard:
        noun = ("problem" if what == "exam" else "question") + ("s" if size != 1 else "")
        why.append(f"{size} {noun}, {threshold} to pass (only the standard {standard[0]}/{standard[1]} {what} counts)")
    return Counting(False, "; ".join(why)) if why else COUNTS


def exam_counting(exam: dict[str, Any]) -> Counting:
    """Whether a stored exam can count: standard size and pass mark, the tool's seed, current rules."""
    return _draw("exam", exam.get("rules", 0), exam.get("seed_source", ""), exam["size"], exam["threshold"],
                 (EXAM_SIZE, EXAM_PASS))


def quiz_counting(quiz: dict[str, Any] | None) -> Counting:
    """Whether a stored quiz draw can count (None: a result recorded before quizzes were drawn into the store)."""
    if quiz is None:
        return Counting(False, LEGACY)
    return _draw("quiz", quiz.get("rules", 0), quiz.get("seed_source", ""), quiz["size"], quiz["threshold"],
                 (QUIZ_SIZE, QUIZ_PASS))


def attempt_counting(draw: Counting, first: bool, later_why: str) -> Counting:
    """An attempt within a draw: it counts when the draw does and it is the first; else practice with a reason."""
    if not draw.counts:
        return draw
    return COUNTS if first else Counting(False, later_why)
