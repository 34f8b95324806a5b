"""Plain-text rendering of grading results for the terminal."""
from __future__ import annotations

from grader.checks import clean_text
from grader.grading import GradeResult
from grader.vocab import Outcome

_MARK: dict[str, str] = {Outcome.PASSED: "PASS", Outcome.FAILED: "FAIL", Outcome.ERROR: "ERR "}


def format_result(result: GradeResult, sandbox_label: str) -> str:
    """A block for one graded notebook: verdict line, failing checks with descriptions, error if any."""
    head = (f"{result.notebook}  [{result.problem}]  {result.status.upper()}  "
            f"{result.checks_passed}/{result.checks_total} checks  {result.duration_s:.1f}s  sandbox: {sandbox_label}")
    lines = [head]
    if result.error:
        cell = result.error.get("cell")
        where = f"cell {cell}: " if isinstance(cell, int) and cell >= 0 else ""
        ename, evalue = clean_text(str(result.error.get("ename")), 80), clean_text(str(result.error.get("evalue")))
        lines.append(f"  {where}{ename}: {evalue}")
    for c in result.checks:
        mark = _MARK.get(c.outcome, c.outcome)
        line = f"  {mark} {c.name}"
        if c.outcome != Outcome.PASSED:
            if c.description:
                line += f" — {c.description}"
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
