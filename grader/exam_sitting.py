"""Sitting an exam: grading the notebooks the learner changed, closing it (or reaching its deadline), and
where it stands. Every decision is taken from the store; the folder only supplies the notebooks.

Within an open exam the first graded attempt at each problem is the exam's attempt; later attempts, and any
after the exam is closed or its time is up, are recorded as practice. Until the exam is over, a problem
without an attempt is "not graded"; after, it is "not submitted" and counts as not solved.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grader.counting import exam_counting
from grader.errors import UsageError
from grader.exam import utc_iso
from grader.vocab import AttemptKind, ExamState, Pending, StarterMode, Status

if TYPE_CHECKING:
    from grader.grading import GradeResult
    from grader.problems import Problem
    from grader.sandbox.base import Sandbox
    from grader.store import Attempt, Store


def state(exam: dict[str, Any], now: float) -> ExamState:
    """Open, closed by the learner, or past its deadline (whichever ended it first)."""
    closed, deadline = exam.get("closed_at"), exam.get("deadline")
    if closed is not None and (deadline is None or closed <= deadline):
        return ExamState.CLOSED
    if deadline is not None and now >= deadline:
        return ExamState.TIME_UP
    return ExamState.OPEN


def over_why(exam: dict[str, Any], now: float) -> str:
    """Why attempts no longer count for this exam ('' while it is open)."""
    st = state(exam, now)
    if st is ExamState.CLOSED:
        return f"exam {exam['id']} was closed at {utc_iso(exam['closed_at'])}"
    if st is ExamState.TIME_UP:
        return f"the time of exam {exam['id']} ran out at {utc_iso(exam['deadline'])}"
    return ""


def status(exam: dict[str, Any], counted: dict[str, Attempt], now: float | None = None) -> dict[str, Any]:
    """The exam's standing: each problem's counted status and elapsed time, solved, whether it passed and
    whether that counts toward readiness (`ready`)."""
    now = time.time() if now is None else now
    st = state(exam, now)
    pending = Pending.NOT_GRADED if st is ExamState.OPEN else Pending.NOT_SUBMITTED
    problems = []
    for pid in exam["problems"]:
        a = counted.get(pid)
        problems.append({"id": pid, "status": a.status if a else str(pending), "attempt_id": a.id if a else None,
                         "elapsed_s": round(max(0.0, a.started_at - exam["created_at"])) if a else None})
    solved = sum(p["status"] == Status.PASSED for p in problems)
    counting = exam_counting(exam)
    seen = exam.get("seen")
    return {"exam_id": exam["id"], "track": exam["track"], "state": str(st), "open": st is ExamState.OPEN,
            "created": utc_iso(exam["created_at"]), "deadline": utc_iso(exam.get("deadline")),
            "closed_at": utc_iso(exam.get("closed_at")), **counting.to_json(),
            "seen_before": None if seen is None else len(seen),
            "solved": solved, "graded": sum(p["attempt_id"] is not None for p in problems), "size": exam["size"],
            "threshold": exam["threshold"], "passed": solved >= exam["threshold"],
            "ready": counting.counts and solved >= exam["threshold"], "problems": problems}


def exam_status(store: Store, exam: dict[str, Any], now: float | None = None) -> dict[str, Any]:
    """`exam status --json` for a stored exam."""
    return status(exam, store.exam_attempts(exam["id"]), now)


# ------------------------------------------------------------------ untouched notebooks


def _code(sources: Sequence[str]) -> list[str]:
    return ["\n".join(line.rstrip() for line in s.strip().splitlines()) for s in sources if s.strip()]


def untouched(path: Path, problem: Problem) -> bool:
    """True when the notebook's code cells are the exam starter's (edits to text cells do not count)."""
    from grader.authoring import build_starter, notebook_bytes
    from grader.notebook import InvalidNotebook, parse_notebook, read_notebook

    try:
        mine = read_notebook(path)
    except InvalidNotebook:
        return False  # graded, and recorded as invalid: the learner changed it
    starter = parse_notebook(notebook_bytes(build_starter(problem, StarterMode.EXAM)))
    return _code([s for _, s in mine.cells]) == _code([s for _, s in starter.cells])


# ------------------------------------------------------------------ submitting


@dataclass(frozen=True)
class Skipped:
    """An exam problem not graded: its notebook is missing, or unchanged from its starter."""

    problem: str
    path: Path
    why: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.problem, "notebook": str(self.path), "why": self.why}


@dataclass(frozen=True)
class ExamGraded:
    """One exam notebook graded: whether it is the exam's attempt at the problem, whether that counts toward
    readiness, and if not why."""

    result: GradeResult
    exam_attempt: bool
    counts: bool
    why: str

    def to_json(self) -> dict[str, Any]:
        return {**self.result.to_json(), "exam_attempt": self.exam_attempt, "counts": self.counts,
                "why": self.why or None}


def chosen_problems(exam: dict[str, Any], problems: Sequence[str]) -> list[str]:
    """The exam's problems to submit: all of them, or those named (each must be in the exam)."""
    if not problems:
        return list(exam["problems"])
    unknown = [p for p in problems if p not in exam["problems"]]
    if unknown:
        raise UsageError(f"{', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} not in exam {exam['id']} "
                         f"(its problems: {', '.join(exam['problems'])})")
    return list(dict.fromkeys(problems))


def submit_exam(store: Store, exam: dict[str, Any], directory: Path, sandbox: Sandbox,
                problems: Sequence[str] = (), clock: Callable[[], float] = time.time) -> Iterator[ExamGraded | Skipped]:
    """Grade the exam's notebooks in `directory` that the learner changed (all problems, or those named),
    yielding each graded one, or why one was skipped. Nothing is locked by a skipped notebook."""
    from grader.problems import get_problem
    from grader.submit import Entry, grade_files

    draw = exam_counting(exam)
    for pid in chosen_problems(exam, problems):
        path = directory / f"{pid}.ipynb"
        if not path.exists():
            yield Skipped(pid, path, "missing: not graded")
            continue
        if untouched(path, get_problem(pid)):
            yield Skipped(pid, path, "unchanged from its starter: skipped (not graded, nothing locked)")
            continue
        counted = store.exam_attempts(exam["id"]).get(pid)
        over = over_why(exam, clock())
        first = counted is None and not over
        if first:
            why = "" if draw.counts else draw.why
        elif over:
            why = f"{over}; recorded as practice"
        else:
            assert counted is not None
            why = f"the exam already has a graded attempt at {pid} (#{counted.id}); recorded as practice"
        entry = Entry(path, pid, AttemptKind.EXAM if first else AttemptKind.PRACTICE, exam["id"] if first else None)
        for result in grade_files([entry], sandbox, store):
            yield ExamGraded(result, first, first and draw.counts, why)


def close_exam(store: Store, exam: dict[str, Any], now: float | None = None) -> dict[str, Any]:
    """End an exam (unsubmitted problems then count as not solved); returns the stored exam."""
    store.exam_close(exam["id"], time.time() if now is None else now)
    closed = store.exam(exam["id"])
    assert closed is not None
    return closed


# ------------------------------------------------------------------ open exams and the rest of the CLI


def open_exam(store: Store | None, problem_id: str) -> dict[str, Any] | None:
    """The learner's oldest open exam (not closed, not past its deadline) that drew `problem_id`; None without a
    results database. While it is open the problem's hints are not shown and its starter has none."""
    if store is None:
        return None
    exams = store.open_exams(problem_id)
    return exams[0] if exams else None


def refuse_practice(store: Store | None, problem_id: str) -> None:
    """Practice grading of a problem in an open exam would show its checks before the exam's attempt: refused."""
    exam = open_exam(store, problem_id)
    if exam is not None:
        where = exam.get("dir") or "DIR"
        raise UsageError(f"{problem_id} is in your open exam {exam['id']}: grade it with "
                         f"'grader exam submit {where} {problem_id}', or end the exam first "
                         f"('grader exam close {where}')")
