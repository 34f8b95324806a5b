"""Batch outputs, rebuilt from the store every time so they always agree with it.

gradebook.csv, students.csv, report.html (self-contained, sortable), feedback/<student>/<problem>.html
and gradescope/<student>/<problem>/results.json. Every string that came from a notebook is
escaped (jinja2 autoescape, grader/templates/), and each page's Content-Security-Policy allows only the
page's own script.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from grader.checks import clean_text
from grader.html import SORT_SCRIPT, render
from grader.vocab import Outcome, Status

STATUSES = tuple(Status)
_SORT_JS = SORT_SCRIPT  # the pages' one script (tests/attacks/harness.py checks that no other runs)


def safe_name(text: str) -> str:
    """A file-name-safe form of a student or problem id (no separators, no leading dots)."""
    name = re.sub(r"[^A-Za-z0-9_.@+-]", "_", text).lstrip(".") or "_"
    return name[:128]


def csv_cell(value: object) -> object:
    """A spreadsheet-safe cell: text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def students_summary(rows: list[dict[str, Any]], threshold: int) -> list[dict[str, Any]]:
    """Per student: problems solved, graded, and ready (solved >= threshold)."""
    by_student: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_student[r["student"]].append(r)
    out = []
    for student in sorted(by_student):
        solved = sum(r["status"] == Status.PASSED for r in by_student[student])
        out.append({"student": student, "solved": solved, "graded": len(by_student[student]),
                    "ready": solved >= threshold})
    return out


def write_all(rows: list[dict[str, Any]], out: Path, threshold: int, size: int) -> None:
    """(Re)write every output of a batch from its store rows."""
    out.mkdir(parents=True, exist_ok=True)
    _write_gradebook(rows, out / "gradebook.csv")
    summary = students_summary(rows, threshold)
    with open(out / "students.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student", "solved", "graded", "ready"])
        for s in summary:
            w.writerow([csv_cell(s["student"]), s["solved"], s["graded"], "yes" if s["ready"] else "no"])
    (out / "report.html").write_text(report_html(rows, summary, threshold, size), encoding="utf-8")
    for r in rows:
        fb = out / "feedback" / safe_name(r["student"])
        fb.mkdir(parents=True, exist_ok=True)
        (fb / f"{safe_name(r['problem'])}.html").write_text(feedback_html(r), encoding="utf-8")
        gs = out / "gradescope" / safe_name(r["student"]) / safe_name(r["problem"])
        gs.mkdir(parents=True, exist_ok=True)
        (gs / "results.json").write_text(json.dumps(gradescope_results(r), indent=1), encoding="utf-8")


def _write_gradebook(rows: list[dict[str, Any]], path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student", "problem", "status", "checks_passed", "checks_total", "duration_s"])
        for r in rows:
            w.writerow([csv_cell(r["student"]), csv_cell(r["problem"]), r["status"], r["checks_passed"],
                        r["checks_total"], f"{r['duration_s']:.2f}"])


def report_html(rows: list[dict[str, Any]], summary: list[dict[str, Any]], threshold: int, size: int) -> str:
    """The class report: status mix, per-problem pass rates, per-student table, slowest notebooks."""
    mix = Counter(r["status"] for r in rows)
    by_problem: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_problem[r["problem"]].append(r)
    problems = []
    for pid in sorted(by_problem):
        graded = len(by_problem[pid])
        passed = sum(r["status"] == Status.PASSED for r in by_problem[pid])
        problems.append({"id": pid, "graded": graded, "passed": passed, "rate": passed / graded if graded else 0.0})
    slowest = sorted(rows, key=lambda r: -r["duration_s"])[:10]
    return render("report.html", "Class report", rows=rows, summary=summary, threshold=threshold, size=size,
                  mix=[(s, mix.get(s, 0)) for s in STATUSES], problems=problems, slowest=slowest)


def feedback_html(row: dict[str, Any]) -> str:
    """One student's feedback on one problem: check names, descriptions, capped messages only."""
    err = row.get("error")
    cell = err.get("cell") if err else None
    where = f"cell {cell}: " if isinstance(cell, int) and cell >= 0 else ""
    return render("feedback.html", f"{row['problem']}: {row['status']}", row=row, error=err, where=where)


def gradescope_results(row: dict[str, Any]) -> dict[str, Any]:
    """Gradescope's autograder results.json for one submission."""
    tests = [{"name": str(c["name"]), "score": 1.0 if c["outcome"] == Outcome.PASSED else 0.0, "max_score": 1.0,
              "status": "passed" if c["outcome"] == Outcome.PASSED else "failed",  # Gradescope's own words
              "output": clean_text(f"{c['description']} {c['message']}".strip()), "visibility": "visible"}
             for c in row["checks"]]
    result: dict[str, Any] = {"score": float(row["checks_passed"]), "max_score": float(row["checks_total"]),
                              "tests": tests, "visibility": "visible", "stdout_visibility": "hidden"}
    if row.get("error"):
        err = row["error"]
        result["output"] = clean_text(f"{row['status']}: {err.get('ename')}: {err.get('evalue')}")
    return result
