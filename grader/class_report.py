"""What a graded class looks like, for `report.html`, `students.csv` and `grader batch --json`.

The report fits what was graded. An assignment (the usual case) gets scores and per-problem pass rates;
readiness ("ready" at `pass_mark` of `size`) appears only when the class sat an exam of that size, every
student with exactly `size` notebooks (by default the standard 20, ready at 17: grader.vocab). A student's
score is partial credit: the share of checks passed on each problem of the assignment (a problem not
handed in counts 0), averaged over the problems. Rows whose notebook disappeared are kept and listed,
but no longer count. Timings are the notebooks' own: each worker's sandbox warm-up is measured apart.
"""
from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from grader.report import learner_text
from grader.vocab import EXAM_PASS, EXAM_SIZE, Outcome, Status

RAN_CHECKS = (Status.PASSED, Status.FAILED)
HIST_BINS = 10
_W, _H, _PAD, _AXIS = 560, 160, 24, 18  # the histogram's geometry (SVG user units)


def check_score(row: dict[str, Any]) -> float:
    """The share of a notebook's checks that passed (0 when none ran)."""
    total = row.get("checks_total") or 0
    return row["checks_passed"] / total if total else 0.0


@dataclass(frozen=True)
class ClassView:
    """A class's rows summarized: per student, per problem, per check, scores and timings."""

    current: list[dict[str, Any]]
    missing: list[dict[str, Any]]
    problems: list[str]
    students: list[dict[str, Any]]
    exam: bool
    pass_mark: int
    size: int

    @property
    def ready_count(self) -> int:
        return sum(bool(s["ready"]) for s in self.students)


def view(rows: list[dict[str, Any]], pass_mark: int = EXAM_PASS, size: int = EXAM_SIZE) -> ClassView:
    """Summarize store rows (missing ones apart) for the outputs."""
    current = [r for r in rows if not r.get("missing")]
    missing = [r for r in rows if r.get("missing")]
    by_student: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in current:
        by_student[r["student"]][r["problem"]] = r
    problems = sorted({r["problem"] for r in current})
    exam = bool(by_student) and all(len(cells) == size for cells in by_student.values())
    students = []
    for name in sorted(by_student):
        cells = by_student[name]
        solved = sum(r["status"] == Status.PASSED for r in cells.values())
        expected = size if exam else len(problems)
        score = sum(check_score(r) for r in cells.values()) / expected if expected else 0.0
        students.append({"student": name, "solved": solved, "graded": len(cells), "problems": expected,
                         "score": round(score, 4), "ready": (solved >= pass_mark) if exam else None,
                         "cells": cells})
    return ClassView(current, missing, problems, students, exam, pass_mark, size)


def students_summary(rows: list[dict[str, Any]], threshold: int, size: int = EXAM_SIZE) -> list[dict[str, Any]]:
    """Per student: problems solved, graded, score and ready (None unless the class sat an exam of `size`)."""
    return [{k: v for k, v in s.items() if k != "cells"} for s in view(rows, threshold, size).students]


def problem_table(v: ClassView) -> list[dict[str, Any]]:
    """Per problem: notebooks, passed, pass rate, mean score, how many never reached the checks."""
    out = []
    for pid in v.problems:
        rows = [r for r in v.current if r["problem"] == pid]
        passed = sum(r["status"] == Status.PASSED for r in rows)
        out.append({"id": pid, "graded": len(rows), "passed": passed, "rate": passed / len(rows),
                    "score": statistics.fmean(check_score(r) for r in rows),
                    "no_checks": sum(r["status"] not in RAN_CHECKS for r in rows)})
    return out


def check_failures(v: ClassView, limit: int = 25) -> list[dict[str, Any]]:
    """The checks most students failed: per (problem, check), failures among the notebooks that ran it."""
    ran: Counter[tuple[str, str]] = Counter()
    failed: Counter[tuple[str, str]] = Counter()
    described: dict[tuple[str, str], str] = {}
    for r in v.current:
        if r["status"] not in RAN_CHECKS:
            continue
        for c in r["checks"]:
            key = (r["problem"], str(c["name"]))
            ran[key] += 1
            described.setdefault(key, learner_text(c.get("description", ""), 160))
            if c["outcome"] != Outcome.PASSED:
                failed[key] += 1
    top = sorted(failed, key=lambda k: (-failed[k], -failed[k] / ran[k], k))[:limit]
    return [{"problem": p, "check": name, "description": described[(p, name)], "failed": failed[(p, name)],
             "ran": ran[(p, name)], "rate": failed[(p, name)] / ran[(p, name)]} for p, name in top]


def histogram(v: ClassView) -> dict[str, Any]:
    """Students per score band (0-9%, ..., 90-100%) as SVG geometry: no script is needed to read it."""
    counts = [0] * HIST_BINS
    for s in v.students:
        counts[min(int(s["score"] * HIST_BINS), HIST_BINS - 1)] += 1
    top = max(counts, default=0) or 1
    width = (_W - 2 * _PAD) / HIST_BINS
    bars = []
    for i, n in enumerate(counts):
        h = (_H - _PAD - _AXIS) * n / top
        bars.append({"x": round(_PAD + i * width + 2, 1), "y": round(_H - _AXIS - h, 1), "w": round(width - 4, 1),
                     "h": round(h, 1), "n": n, "label": f"{i * 10}–{i * 10 + 9 if i < HIST_BINS - 1 else 100}%",
                     "cx": round(_PAD + (i + 0.5) * width, 1)})
    return {"width": _W, "height": _H, "bars": bars, "axis_y": _H - _AXIS, "label_y": _H - 4, "total": len(v.students)}


def timings(v: ClassView) -> dict[str, Any]:
    """Notebook times (warm-up excluded at the source): per problem median and slowest, and the slowest ten."""
    per_problem = []
    for pid in v.problems:
        times = sorted(r["duration_s"] for r in v.current if r["problem"] == pid)
        per_problem.append({"id": pid, "median": statistics.median(times), "max": times[-1], "n": len(times)})
    slowest = sorted(v.current, key=lambda r: -r["duration_s"])[:10]
    return {"problems": per_problem, "slowest": slowest}
