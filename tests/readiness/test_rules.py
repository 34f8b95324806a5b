"""Readiness says "ready" only after a counted exam with at least 17 of 20 solved at their first graded attempt
and a counted quiz with at least 35 of 50 at its first grading, per track; every other record says why not."""
from __future__ import annotations

from typing import Any

import pytest

from grader import readiness
from grader.checks import CheckOutcome
from grader.counting import LEGACY, Counting, attempt_counting, exam_counting, quiz_counting
from grader.grading import GradeResult
from grader.problems import load_bank
from grader.store import Store
from grader.vocab import RULES_VERSION, AttemptKind, QuizMode, SeedSource

NO_GUESS: dict[str, Any] = {"tracks": {}, "error": None}


def _result(pid: str, passed: bool) -> GradeResult:
    status = "passed" if passed else "failed"
    return GradeResult(problem=pid, notebook=f"{pid}.ipynb", status=status, checks_passed=int(passed),
                       checks_total=1, checks=(CheckOutcome("test_a", "A.", status, ""),), sandbox="fake")


def _exam(store: Store, exam_id: str, solved: int, *, size: int = 20, threshold: int = 17,
          source: str = SeedSource.TOOL, rules: int = RULES_VERSION, practice_solves: bool = False) -> None:
    problems = sorted(pid for pid, p in load_bank().items() if p.track == "ds")[:size]
    store.exam_create(exam_id, "ds", 1, size, threshold, problems, rules=rules, seed_source=source, seen=[])
    for i, pid in enumerate(problems):
        store.record(_result(pid, i < solved and not practice_solves), 0.0, kind=AttemptKind.EXAM, exam_id=exam_id)
        if practice_solves and i < solved:  # solved later, as practice: never the exam's attempt
            store.record(_result(pid, True), 0.0, kind=AttemptKind.PRACTICE)


def _quiz(store: Store, quiz_id: str, scores: list[int], *, size: int = 50, threshold: int = 35,
          source: str = SeedSource.TOOL, rules: int = RULES_VERSION) -> None:
    store.quiz_create(quiz_id, "ds", 1, source, size, threshold, {}, QuizMode.FILE, rules)
    for correct in scores:
        store.quiz_record("ds", 1, size, threshold, correct, correct >= threshold, [], QuizMode.FILE, quiz_id=quiz_id)


def _ds(store: Store) -> dict[str, Any]:
    return readiness.report(store, load_bank(), NO_GUESS)["tracks"]["ds"]


def test_a_counted_exam_of_17_and_a_counted_quiz_of_35_make_the_track_ready(tmp_path):
    store = Store(tmp_path / "g.db")
    _exam(store, "e", 17)
    _quiz(store, "q", [35])
    ds = _ds(store)
    assert ds["ready"] and ds["coding_ready"] and ds["quiz_ready"]
    assert not readiness.report(store, load_bank(), NO_GUESS)["tracks"]["mle"]["ready"]  # per track


@pytest.mark.parametrize("make_exam, why", [
    (lambda s: _exam(s, "e", 16), None),
    (lambda s: _exam(s, "e", 20, source=SeedSource.LEARNER), "drawn with --seed"),
    (lambda s: _exam(s, "e", 2, size=2, threshold=1), "2 problems, 1 to pass"),
    (lambda s: _exam(s, "e", 20, threshold=10), "20 problems, 10 to pass"),
    (lambda s: _exam(s, "e", 20, rules=0), LEGACY),
    (lambda s: _exam(s, "e", 20, practice_solves=True), None),  # solves after the first attempt do not count
])
def test_no_other_exam_makes_the_coding_test_pass(tmp_path, make_exam, why):
    store = Store(tmp_path / "g.db")
    make_exam(store)
    _quiz(store, "q", [40])
    ds = _ds(store)
    assert not ds["coding_ready"] and not ds["ready"]
    (exam,) = ds["exams"]
    if why is not None:
        assert exam["counts"] is False and why in exam["why"] and ds["best_exam"] is None


@pytest.mark.parametrize("make_quiz, why", [
    (lambda s: _quiz(s, "q", [34]), None),
    (lambda s: _quiz(s, "q", [10, 50]), "a regrade of quiz q"),
    (lambda s: _quiz(s, "q", [50], source=SeedSource.LEARNER), "drawn with --seed"),
    (lambda s: _quiz(s, "q", [1], size=1, threshold=0), "1 question, 0 to pass"),
    (lambda s: _quiz(s, "q", [50], threshold=10), "50 questions, 10 to pass"),
    (lambda s: _quiz(s, "q", [50], rules=0), LEGACY),
    (lambda s: s.quiz_record("ds", 1, 50, 35, 50, True, [], QuizMode.FILE), LEGACY),  # no draw in the store
])
def test_no_other_quiz_makes_the_quiz_test_pass(tmp_path, make_quiz, why):
    store = Store(tmp_path / "g.db")
    _exam(store, "e", 20)
    make_quiz(store)
    ds = _ds(store)
    assert ds["coding_ready"] and not ds["quiz_ready"] and not ds["ready"]
    if why is not None:
        assert not ds["quiz"][-1]["counts"] and why in ds["quiz"][-1]["why"]


def test_the_counting_rules():
    standard = {"rules": RULES_VERSION, "seed_source": "tool", "size": 20, "threshold": 17}
    assert exam_counting(standard) == Counting(True)
    assert exam_counting({**standard, "seed_source": "unknown"}).why.startswith("drawn with --seed")
    both = exam_counting({**standard, "seed_source": "learner", "size": 3})
    assert not both.counts and "--seed" in both.why and "3 problems, 17 to pass" in both.why
    assert exam_counting({**standard, "rules": 0}) == Counting(False, LEGACY)
    assert quiz_counting(None) == Counting(False, LEGACY)
    assert quiz_counting({**standard, "size": 50, "threshold": 35}).counts
    assert attempt_counting(Counting(True), first=False, later_why="again") == Counting(False, "again")
    assert attempt_counting(Counting(False, "x"), first=True, later_why="again") == Counting(False, "x")
    assert Counting(False, "x").label == "practice: x" and Counting(False, LEGACY).label == LEGACY
