"""Plain-text rendering of grading results for the terminal, and the wording shared with the pages.

What a learner reads speaks to the learner: a cell is named as Jupyter numbers it (`code cell 3`, the
third code cell that runs, as `In [3]` after Run All) with its first line quoted, and the problem bank's
internal rule labels ("(rule G1)") are left out of check descriptions.
"""
from __future__ import annotations

from typing import Any

from grader.checks import clean_text, drop_rule_labels
from grader.grading import GradeResult
from grader.vocab import Outcome

_MARK: dict[str, str] = {Outcome.PASSED: "PASS", Outcome.FAILED: "FAIL", Outcome.ERROR: "ERR "}


def learner_text(text: object, cap: int = 300) -> str:
    """Text for the learner: internal rule labels removed, one line, capped."""
    return clean_text(drop_rule_labels(str(text or "")), cap)


def cell_label(error: dict[str, Any] | None) -> str:
    """Where the notebook stopped, as the learner finds it: 'code cell 3 (`df = load()`)'; '' when unknown."""
    if not error or not isinstance(error.get("code_cell"), int):
        return ""
    first = clean_text(str(error.get("first_line") or ""), 60)
    return f"code cell {error['code_cell']}" + (f" (`{first}`)" if first else "")


def storage_note(result: GradeResult) -> str | None:
    """Why a graded result is not in the database, and where it is kept instead (None when it is stored)."""
    if "unsaved" not in result.extra:
        return None
    kept = result.extra.get("journal")
    return f"warning: {result.extra['unsaved']}; " + (
        f"this attempt is kept in {kept}, which the next run imports" if kept else
        "and no journal could be written: the result above is its only record")


def format_result(result: GradeResult, sandbox_label: str) -> str:
    """A block for one graded notebook: verdict line, failing checks with descriptions, error if any."""
    head = (f"{result.notebook}  [{result.problem}]  {result.status.upper()}  "
            f"{result.checks_passed}/{result.checks_total} checks  {result.duration_s:.1f}s  sandbox: {sandbox_label}")
    lines = [head]
    if result.error:
        where = cell_label(result.error)
        ename, evalue = clean_text(str(result.error.get("ename")), 80), clean_text(str(result.error.get("evalue")))
        lines.append(f"  {where + ': ' if where else ''}{ename}: {evalue}")
    for c in result.checks:
        mark = _MARK.get(c.outcome, c.outcome)
        line = f"  {mark} {c.name}"
        if c.outcome != Outcome.PASSED:
            if c.description:
                line += f" — {learner_text(c.description)}"
            if c.message:
                line += f"\n         {c.message}"
        lines.append(line)
    return "\n".join(lines)


def results_table(results: list[GradeResult]) -> str:
    """One line per notebook: the summary `make grade` prints at the end."""
    if not results:
        return "no notebooks graded"
    w = max(len(r.notebook) for r in results)
    p = max(len(r.problem) for r in results)
    rows = [f"{'notebook':<{w}}  {'problem':<{p}}  {'status':<8} {'checks':>7}  {'time':>6}"]
    rows.append("-" * len(rows[0]))
    for r in results:
        rows.append(f"{r.notebook:<{w}}  {r.problem:<{p}}  {r.status:<8} "
                    f"{r.checks_passed:>3}/{r.checks_total:<3}  {r.duration_s:5.1f}s")
    return "\n".join(rows)
