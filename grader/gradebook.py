"""Batch outputs, rebuilt from the store every time so they always agree with it.

gradebook.csv, students.csv, report.html (self-contained, sortable), feedback/<student>/<problem>.html
and gradescope/<student>/<problem>/results.json. Student names are kept exactly in every file's content
(CSV cells a spreadsheet would run as a formula excepted: they get a leading quote). Folder names are made
safe without ever merging two students: a name that is not already a plain, portable file name keeps its
readable part and gains a short hash of the exact name (`carol smith` -> `carol_smith~1a2b3c4d`). Every
string that came from a notebook is escaped (jinja2 autoescape, grader/templates/), and each page's
Content-Security-Policy allows only the page's own script.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from grader import class_report
from grader.checks import clean_text
from grader.class_report import ClassView, students_summary
from grader.html import SORT_SCRIPT, render
from grader.report import cell_label, learner_text
from grader.vocab import EXAM_PASS, EXAM_SIZE, Outcome, Status

__all__ = ["csv_cell", "feedback_html", "gradescope_results", "report_html", "safe_name", "student_folders",
           "students_summary", "write_all"]

STATUSES = tuple(Status)
_SORT_JS = SORT_SCRIPT  # the pages' one script (tests/attacks/harness.py checks that no other runs)
_UNSAFE = re.compile(r"[^\w.@+-]")
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
VERDICT = {Status.PASSED: "Every check passed.",
           Status.FAILED: "Your notebook ran, and some checks did not pass: see which below.",
           Status.ERROR: "Your notebook stopped with an error, so the checks could not run.",
           Status.TIMEOUT: "Your notebook ran out of time, so the checks could not all run.",
           Status.MEMORY: "Your notebook used more memory than allowed, so the checks could not run.",
           Status.INVALID: "This file could not be graded as a notebook for this problem."}


def safe_name(text: str) -> str:
    """A portable file name for a student or problem: the name itself when it already is one, else its
    readable part plus `~` and a hash of the exact name (never the same for two names)."""
    name = _UNSAFE.sub("_", unicodedata.normalize("NFC", text)).lstrip(".-")[:80] or "_"
    if name.split(".")[0].upper() in _RESERVED:
        name = "_" + name
    if name == text:
        return name
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{name}~{digest}"  # `~` is never kept from a name, so this cannot be another name's plain form


def student_folders(students: list[str]) -> dict[str, str]:
    """Each student's folder name; names that differ only in case both get the hash form, so the outputs
    stay apart on a case-insensitive file system (macOS, Windows) too."""
    plain = {s: safe_name(s) for s in students}
    folded: dict[str, list[str]] = defaultdict(list)
    for s, name in plain.items():
        folded[name.casefold()].append(s)
    for group in folded.values():
        if len(group) > 1:
            for s in group:
                if "~" not in plain[s]:
                    plain[s] += "~" + hashlib.sha256(s.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return plain


def csv_cell(value: object) -> object:
    """A spreadsheet-safe cell: text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows([[csv_cell(c) for c in row] for row in rows])
    tmp.replace(path)


def write_all(rows: list[dict[str, Any]], out: Path, threshold: int = EXAM_PASS, size: int = EXAM_SIZE,
              similarity: str = "", run: dict[str, Any] | None = None) -> ClassView:
    """(Re)write every output of a batch from its store rows; `run` is the last run's summary (counts, files
    not graded, warm-up) and `similarity` the similarity section, already rendered and escaped
    (grader.similarity.for_batch)."""
    out.mkdir(parents=True, exist_ok=True)
    v = class_report.view(rows, threshold, size)
    _write_csv(out / "gradebook.csv",
               ["student", "problem", "status", "checks_passed", "checks_total", "duration_s", "missing"],
               [[r["student"], r["problem"], r["status"], r["checks_passed"], r["checks_total"],
                 f"{r['duration_s']:.2f}", "yes" if r.get("missing") else "no"]
                for r in sorted(rows, key=lambda r: (r["student"], r["problem"]))])
    _write_csv(out / "students.csv", ["student", "solved", "graded", "ready", "score", "problems"],
               [[s["student"], s["solved"], s["graded"], "n/a" if s["ready"] is None else "yes" if s["ready"] else "no",
                 f"{s['score'] * 100:.1f}", s["problems"]] for s in v.students])
    folders = student_folders(sorted({r["student"] for r in rows}))
    (out / "report.html").write_text(report_html(v, folders, run, similarity), encoding="utf-8")
    _write_tree(out, "feedback", rows, folders, lambda r: ("html", feedback_html(r)))
    _write_tree(out, "gradescope", rows, folders,
                lambda r: ("json", json.dumps(gradescope_results(r), indent=1, ensure_ascii=False)))
    return v


def _write_tree(out: Path, kind: str, rows: list[dict[str, Any]], folders: dict[str, str], page: Any) -> None:
    """feedback/ or gradescope/ written afresh beside the old one, then swapped in (no stale pages stay)."""
    fresh, old = out / f".{kind}.new", out / f".{kind}.old"
    for stale in (fresh, old):
        shutil.rmtree(stale, ignore_errors=True)
    for r in rows:
        ext, text = page(r)
        target = (fresh / folders[r["student"]] / f"{safe_name(r['problem'])}.{ext}" if kind == "feedback"
                  else fresh / folders[r["student"]] / safe_name(r["problem"]) / "results.json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    fresh.mkdir(exist_ok=True)
    if (out / kind).exists():
        (out / kind).rename(old)
    fresh.rename(out / kind)
    shutil.rmtree(old, ignore_errors=True)


def feedback_href(folders: dict[str, str], student: str, problem: str) -> str:
    return quote(f"feedback/{folders[student]}/{safe_name(problem)}.html")


def report_html(v: ClassView, folders: dict[str, str], run: dict[str, Any] | None = None,
                similarity: str = "") -> str:
    """The class report: what was (not) graded, scores, pass rates, failed checks, timings."""
    mix = _status_mix(v)
    links = {(r["student"], r["problem"]): feedback_href(folders, r["student"], r["problem"])
             for r in v.current + v.missing}
    return render("report.html", "Class report", v=v, run=run or {}, mix=mix, links=links,
                  problems=class_report.problem_table(v), checks=class_report.check_failures(v),
                  hist=class_report.histogram(v), times=class_report.timings(v),
                  when=_when((run or {}).get("finished_at")), similarity=Markup(similarity))


def _status_mix(v: ClassView) -> list[tuple[str, int]]:
    counts = {s: 0 for s in STATUSES}
    for r in v.current:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    return list(counts.items())


def _when(t: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(t)) if t else ""


def feedback_html(row: dict[str, Any]) -> str:
    """One student's feedback on one problem, in the learner's words: what each check looks for, what went
    wrong, where the notebook stopped (as Jupyter numbers its cells); never test source."""
    err = row.get("error")
    checks = [{"name": c["name"], "outcome": c["outcome"], "description": learner_text(c.get("description", "")),
               "message": c.get("message", "")} for c in row["checks"]]
    checks.sort(key=lambda c: c["outcome"] == Outcome.PASSED)  # what to fix first
    return render("feedback.html", f"{row['problem']}: {row['status']}", row=row, error=err, where=cell_label(err),
                  verdict=VERDICT.get(row["status"], ""), checks=checks, when=_when(row.get("graded_at")))


def gradescope_results(row: dict[str, Any]) -> dict[str, Any]:
    """Gradescope's autograder results.json for one submission."""
    tests = [{"name": str(c["name"]), "score": 1.0 if c["outcome"] == Outcome.PASSED else 0.0, "max_score": 1.0,
              "status": "passed" if c["outcome"] == Outcome.PASSED else "failed",  # Gradescope's own words
              "output": clean_text(f"{learner_text(c.get('description', ''))} {c['message']}".strip()),
              "visibility": "visible"}
             for c in row["checks"]]
    result: dict[str, Any] = {"score": float(row["checks_passed"]), "max_score": float(row["checks_total"]),
                              "tests": tests, "visibility": "visible", "stdout_visibility": "hidden"}
    if row.get("error"):
        err = row["error"]
        where = cell_label(err)
        result["output"] = clean_text(f"{row['status']}: {where + ': ' if where else ''}{err.get('ename')}: "
                                      f"{err.get('evalue')}")
    return result
