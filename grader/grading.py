"""The straight line: notebook -> sandbox -> hidden checks -> one result."""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any

from grader.checks import CheckOutcome, list_checks, run_checks
from grader.errors import SandboxUnavailable
from grader.notebook import InvalidNotebook, Notebook, static_problems
from grader.problems import Problem
from grader.proxy import Channel, Learner, agent_source
from grader.sandbox.base import CallTimeout, Sandbox, Session, SessionDead, kernel_text
from grader.vocab import Status

STATUSES = tuple(Status)


@dataclass(frozen=True)
class GradeResult:
    """Everything recorded about one graded notebook (see CLI.md for the JSON form)."""

    problem: str
    notebook: str
    status: str
    checks_passed: int
    checks_total: int
    checks: tuple[CheckOutcome, ...] = ()
    error: dict[str, Any] | None = None
    duration_s: float = 0.0
    sandbox: str = ""
    isolated: bool = True
    notebook_sha256: str = ""
    problem_version: str = ""
    sandbox_detail: str = ""
    attempt_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    peak_memory_mb: float | None = None  # the sandbox's own peak, where its backend can measure it

    def to_json(self) -> dict[str, Any]:
        return {"problem": self.problem, "notebook": self.notebook, "status": self.status,
                "checks_passed": self.checks_passed, "checks_total": self.checks_total,
                "checks": [c.to_json() for c in self.checks], "error": self.error,
                "duration_s": round(self.duration_s, 3), "sandbox": self.sandbox, "isolated": self.isolated,
                "sandbox_detail": self.sandbox_detail, "attempt_id": self.attempt_id,
                "peak_memory_mb": self.peak_memory_mb}

    def to_record(self) -> dict[str, Any]:
        """`to_json()` plus the identity fields the store keeps: plain data that `from_json` reads back."""
        return {**self.to_json(), "notebook_sha256": self.notebook_sha256, "problem_version": self.problem_version}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GradeResult:
        """The result again from `to_json()` or `to_record()` data (e.g. sent back by a cluster worker)."""
        return cls(problem=data["problem"], notebook=data["notebook"], status=data["status"],
                   checks_passed=data["checks_passed"], checks_total=data["checks_total"],
                   checks=tuple(CheckOutcome(**c) for c in data["checks"]), error=data["error"],
                   duration_s=data["duration_s"], sandbox=data["sandbox"], isolated=data["isolated"],
                   notebook_sha256=data.get("notebook_sha256", ""), problem_version=data.get("problem_version", ""),
                   sandbox_detail=data["sandbox_detail"], attempt_id=data["attempt_id"],
                   peak_memory_mb=data.get("peak_memory_mb"))


def invalid_result(problem_id: str, notebook: str, reason: str, sandbox: Sandbox | None = None,
                   sha256: str = "", total: int = 0) -> GradeResult:
    """The row for a file that is not a gradable notebook."""
    return GradeResult(problem=problem_id, notebook=notebook, status="invalid", checks_passed=0, checks_total=total,
                       error={"cell": None, "ename": "InvalidNotebook", "evalue": reason},
                       sandbox=sandbox.name if sandbox else "", isolated=sandbox.isolated if sandbox else True,
                       notebook_sha256=sha256)


def grade(nb: Notebook, problem: Problem, sandbox: Sandbox, notebook_name: str,
          session: Session | None = None, *, select: tuple[str, ...] | None = None,
          fail_fast: bool = False) -> GradeResult:
    """Grade one parsed notebook for `problem` in a fresh session of `sandbox` (or in `session`, opened
    for this notebook beforehand so that it boots while the caller loads; it is closed here too).
    `select` and `fail_fast` are for validation: only the named checks, stopping at the first failure."""
    started = time.monotonic()
    reason = static_problems(nb, problem.defines, problem.allowed_imports)
    if reason is not None and session is not None:
        session.close()
        session = None
    elif reason is None and session is None:  # the sandbox boots while the trusted side loads the checks
        session = sandbox.open(problem.limits)
    try:
        result = _grade(nb, problem, sandbox, notebook_name, started, reason, session, select, fail_fast)
        peak = session.peak_memory_mb() if session is not None else None
        return result if peak is None else replace(result, peak_memory_mb=round(peak, 1))
    finally:
        if session is not None:
            session.close()


def _grade(nb: Notebook, problem: Problem, sandbox: Sandbox, notebook_name: str, started: float,
           reason: str | None, session: Any, select: tuple[str, ...] | None = None,
           fail_fast: bool = False) -> GradeResult:
    total = len(list_checks(problem))
    base: dict[str, Any] = dict(problem=problem.id, notebook=notebook_name, checks_total=total, sandbox=sandbox.name,
                isolated=sandbox.isolated, notebook_sha256=nb.sha256, problem_version=problem.version,
                sandbox_detail=sandbox.describe())
    if reason is not None:
        return GradeResult(status="invalid", checks_passed=0,
                           error={"cell": None, "ename": "InvalidNotebook", "evalue": reason}, **base)
    limits = problem.limits
    deadline = started + limits.total_s
    try:
        session.connect()
    except SessionDead as exc:
        raise SandboxUnavailable(f"the {sandbox.name} sandbox could not start a kernel: {exc}") from None
    outcome = session.run_cells(list(nb.cells), deadline)
    if outcome.state != "ok":
        assert outcome.failure is not None
        status = {"output": "error"}.get(outcome.state, outcome.state)
        err = {"cell": outcome.failure.cell, "ename": outcome.failure.ename, "evalue": outcome.failure.evalue,
               **code_cell(nb, outcome.failure.cell)}
        return GradeResult(status=status, checks_passed=0, error=err,
                           duration_s=time.monotonic() - started, **base)
    try:
        session.install_agent(agent_source())
        learner = Learner(Channel(session, limits.check_s))
        defined = learner.defines(*problem.defines)
    except SessionDead as exc:
        return GradeResult(status=_dead_status(session), checks_passed=0, duration_s=time.monotonic() - started,
                           error={"cell": None, "ename": "SandboxStopped", "evalue": kernel_text(exc)}, **base)
    except CallTimeout as exc:  # the notebook wedged the interpreter (e.g. patched exec)
        return GradeResult(status="timeout", checks_passed=0, duration_s=time.monotonic() - started,
                           error={"cell": None, "ename": "TimeoutError",
                                  "evalue": kernel_text(f"the notebook's kernel stopped answering: {exc}")}, **base)
    except Exception as exc:  # noqa: BLE001 - ProtocolError, CodecError, RemoteError or anything else the kernel's
        # answers caused: the notebook tampered with the call channel, and that is its row, not the batch's end
        return GradeResult(status="error", checks_passed=0, duration_s=time.monotonic() - started,
                           error={"cell": None, "ename": "ProtocolError",
                                  "evalue": kernel_text(f"the notebook broke the grader's call channel: {exc}")},
                           **base)
    missing = [n for n, ok in defined.items() if not ok]
    if missing:
        return GradeResult(status="error", checks_passed=0, duration_s=time.monotonic() - started,
                           error={"cell": None, "ename": "NameError",
                                  "evalue": f"the notebook ran but did not define {', '.join(missing)} "
                                            "as a function or class"},
                           **base)
    checks = tuple(run_checks(problem, learner, select=select, fail_fast=fail_fast))
    passed = sum(c.outcome == "passed" for c in checks)
    status = "passed" if passed == len(checks) and checks else "failed"
    if status == "failed" and (session.oom_killed() or getattr(session, "expired", False)):
        status = _dead_status(session)
    return GradeResult(status=status, checks_passed=passed, checks=checks, duration_s=time.monotonic() - started,
                       **{**base, "checks_total": len(checks)})


def code_cell(nb: Notebook, index: int) -> dict[str, Any]:
    """Where cell `index` (among all cells) is as Jupyter shows it: its number among the code cells that run
    (`In [n]` after Run All) and its first line; empty when it is not one of them."""
    for number, (i, source) in enumerate(nb.cells, start=1):
        if i == index:
            first = next((line.strip() for line in source.splitlines() if line.strip()), "")
            return {"code_cell": number, "first_line": first[:80]}
    return {}


def _dead_status(session: Any) -> str:
    if session.oom_killed():
        return "memory"
    if getattr(session, "expired", False):
        return "timeout"
    return "error"


__all__ = ["STATUSES", "GradeResult", "InvalidNotebook", "grade", "invalid_result"]
