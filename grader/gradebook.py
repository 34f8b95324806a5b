"""Batch outputs, rebuilt from the store every time so they always agree with it.

gradebook.csv, students.csv, report.html (self-contained, sortable), feedback/<student>/<problem>.html
and gradescope/<student>/<problem>/results.json. Every string that came from a notebook is
escaped, and each page's Content-Security-Policy allows only the page's own script.
"""
from __future__ import annotations

import base64
import csv
import hashlib
import html
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from grader.checks import clean_text
from grader.vocab import Status

STATUSES = tuple(Status)
_SORT_JS = """
function sortTable(table, col, asc) {
  var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
  rows.sort(function (a, b) {
    var x = a.cells[col].getAttribute("data-v") || a.cells[col].textContent;
    var y = b.cells[col].getAttribute("data-v") || b.cells[col].textContent;
    var nx = parseFloat(x), ny = parseFloat(y);
    var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
    return asc ? c : -c;
  });
  rows.forEach(function (r) { body.appendChild(r); });
  table.tHead.rows[0].cells[col].setAttribute("data-dir", asc ? "asc" : "desc");
}
document.querySelectorAll("table.sortable th").forEach(function (th) {
  th.addEventListener("click", function () {
    sortTable(th.closest("table"), th.cellIndex, th.getAttribute("data-dir") !== "asc");
  });
});
var m = /^#sort=([A-Za-z0-9_-]+):([0-9]+)(:desc)?$/.exec(location.hash);
if (m && document.getElementById(m[1])) { sortTable(document.getElementById(m[1]), +m[2], !m[3]); }
"""
_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}
th{background:#f3f3f3;cursor:pointer}.passed{color:#17702a}.failed,.error,.timeout,.memory,.invalid{color:#a31515}
.bar{display:inline-block;height:.8em;background:#4a8}code{white-space:pre-wrap}
"""


def safe_name(text: str) -> str:
    """A file-name-safe form of a student or problem id (no separators, no leading dots)."""
    name = re.sub(r"[^A-Za-z0-9_.@+-]", "_", text).lstrip(".") or "_"
    return name[:128]


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(_SORT_JS.encode()).digest()).decode()
    return f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:"


def html_page(title: str, body: str) -> str:
    e = html.escape
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_csp()}\">"
            f"<title>{e(title)}</title><style>{_CSS}</style></head><body>\n{body}\n"
            f"<script>{_SORT_JS}</script></body></html>\n")


def csv_cell(value: object) -> object:
    """A spreadsheet-safe cell: text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def students_summary(rows: list[dict[str, Any]], threshold: int) -> list[dict[str, Any]]:
    """Per student: problems solved, graded, and ready (solved >= threshold)."""
    by_student: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_student[r["student"]].append(r)
    out = []
    for student in sorted(by_student):
        solved = sum(r["status"] == "passed" for r in by_student[student])
        out.append({"student": student, "solved": solved, "graded": len(by_student[student]),
                    "ready": solved >= threshold})
    return out


def write_all(rows: list[dict[str, Any]], out: Path, threshold: int, size: int, extra_html: str = "") -> None:
    """(Re)write every output of a batch from its store rows; `extra_html` is a trusted, already escaped
    section appended to report.html (the similarity report's)."""
    out.mkdir(parents=True, exist_ok=True)
    _write_gradebook(rows, out / "gradebook.csv")
    summary = students_summary(rows, threshold)
    with open(out / "students.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student", "solved", "graded", "ready"])
        for s in summary:
            w.writerow([csv_cell(s["student"]), s["solved"], s["graded"], "yes" if s["ready"] else "no"])
    (out / "report.html").write_text(report_html(rows, summary, threshold, size, extra_html), encoding="utf-8")
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


def report_html(rows: list[dict[str, Any]], summary: list[dict[str, Any]], threshold: int, size: int,
                extra_html: str = "") -> str:
    """The class report: status mix, per-problem pass rates, per-student table, slowest notebooks."""
    e = html.escape
    mix = Counter(r["status"] for r in rows)
    parts = [f"<h1>Class report</h1><p>{len(summary)} students, {len(rows)} graded notebooks. "
             f"Ready means at least {threshold} problems solved (of an exam of {size}).</p>",
             "<h2>Status mix</h2><table id=\"status-mix\"><thead><tr><th>status</th><th>notebooks</th></tr></thead><tbody>"]
    parts += [f"<tr><td class=\"{s}\">{s}</td><td data-v=\"{mix.get(s, 0)}\">{mix.get(s, 0)}</td></tr>" for s in STATUSES]
    parts.append("</tbody></table>")
    by_problem: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_problem[r["problem"]].append(r)
    parts.append("<h2>Problems</h2><table class=\"sortable\" id=\"problems\"><thead><tr><th>problem</th>"
                 "<th>graded</th><th>passed</th><th>pass rate</th></tr></thead><tbody>")
    for pid in sorted(by_problem):
        graded = len(by_problem[pid])
        passed = sum(r["status"] == "passed" for r in by_problem[pid])
        rate = passed / graded if graded else 0.0
        parts.append(f"<tr><td>{e(pid)}</td><td>{graded}</td><td>{passed}</td><td data-v=\"{rate:.4f}\">"
                     f"<span class=\"bar\" style=\"width:{rate * 6:.2f}em\"></span> {rate:.0%}</td></tr>")
    parts.append("</tbody></table>")
    parts.append("<h2>Students</h2><table class=\"sortable\" id=\"students\"><thead><tr><th>student</th>"
                 "<th>solved</th><th>graded</th><th>ready</th></tr></thead><tbody>")
    for s in summary:
        parts.append(f"<tr><td>{e(s['student'])}</td><td>{s['solved']}</td><td>{s['graded']}</td>"
                     f"<td>{'yes' if s['ready'] else 'no'}</td></tr>")
    parts.append("</tbody></table>")
    slow = sorted(rows, key=lambda r: -r["duration_s"])[:10]
    parts.append("<h2>Slowest notebooks</h2><table class=\"sortable\" id=\"slowest\"><thead><tr><th>student</th>"
                 "<th>problem</th><th>status</th><th>seconds</th></tr></thead><tbody>")
    for r in slow:
        parts.append(f"<tr><td>{e(r['student'])}</td><td>{e(r['problem'])}</td><td class=\"{r['status']}\">"
                     f"{r['status']}</td><td>{r['duration_s']:.2f}</td></tr>")
    parts.append("</tbody></table>")
    if extra_html:
        parts.append(str(extra_html))
    return html_page("Class report", "\n".join(parts))


def feedback_html(row: dict[str, Any]) -> str:
    """One student's feedback on one problem: check names, descriptions, capped messages only."""
    e = html.escape
    parts = [f"<h1>{e(row['problem'])}: {row['status']}</h1>",
             f"<p>{e(row['student'])} &middot; {row['checks_passed']}/{row['checks_total']} checks passed"
             f" &middot; {row['duration_s']:.1f} s &middot; sandbox {e(row['sandbox'])}</p>"]
    err = row.get("error")
    if err:
        cell = err.get("cell")
        where = f"cell {cell}: " if isinstance(cell, int) and cell >= 0 else ""
        parts.append(f"<p class=\"error\">{e(where)}{e(clean_text(str(err.get('ename')), 80))}: "
                     f"<code>{e(clean_text(str(err.get('evalue'))))}</code></p>")
    if row["checks"]:
        parts.append("<table class=\"sortable\"><thead><tr><th>check</th><th>outcome</th><th>what it checks</th>"
                     "<th>message</th></tr></thead><tbody>")
        for c in row["checks"]:
            parts.append(f"<tr><td>{e(str(c['name']))}</td><td class=\"{e(str(c['outcome']))}\">{e(str(c['outcome']))}</td>"
                         f"<td>{e(str(c['description']))}</td><td><code>{e(clean_text(str(c['message'])))}</code></td></tr>")
        parts.append("</tbody></table>")
    return html_page(f"{row['problem']}: {row['status']}", "\n".join(parts))


def gradescope_results(row: dict[str, Any]) -> dict[str, Any]:
    """Gradescope's autograder results.json for one submission."""
    tests = [{"name": str(c["name"]), "score": 1.0 if c["outcome"] == "passed" else 0.0, "max_score": 1.0,
              "status": "passed" if c["outcome"] == "passed" else "failed",
              "output": clean_text(f"{c['description']} {c['message']}".strip()), "visibility": "visible"}
             for c in row["checks"]]
    result: dict[str, Any] = {"score": float(row["checks_passed"]), "max_score": float(row["checks_total"]),
                              "tests": tests, "visibility": "visible", "stdout_visibility": "hidden"}
    if row.get("error"):
        err = row["error"]
        result["output"] = clean_text(f"{row['status']}: {err.get('ename')}: {err.get('evalue')}")
    return result
