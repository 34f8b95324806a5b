"""Batch store rows built in code, for tests of the outputs without grading anything."""
from __future__ import annotations

from typing import Any


def row(student: str, problem: str, status: str, passed: int = 0, total: int = 3, message: str = "",
        error: dict[str, Any] | None = None, duration: float = 1.25, missing: bool = False,
        failing: tuple[str, ...] = ("test_a",), names: tuple[str, ...] = ()) -> dict[str, Any]:
    """A row as `Store.batch_rows()` returns it: its checks are `names` (default: `failing`, then passing ones
    up to `total`); `failing` ones failed."""
    if status not in ("passed", "failed"):
        names = ()
    elif not names:
        names = (*failing, *(f"test_ok{i}" for i in range(total - len(failing))))
    checks = [{"name": n, "description": f"What {n} looks at (rule G1).",
               "outcome": "failed" if n in failing and status == "failed" else "passed",
               "message": message if n in failing else ""} for n in names]
    if status == "passed":
        passed = total
    return {"student": student, "problem": problem, "status": status, "checks_passed": passed,
            "checks_total": total, "checks": checks, "error": error, "duration_s": duration, "sandbox": "fork",
            "notebook": f"{student}/{problem}.ipynb", "missing": missing, "graded_at": 1.8e9}
