"""`grader validate`: prove each problem through the real pipeline.

The reference and every alternative solution must pass every check; the starter and every mutant
must not pass (a mutant that passes means the checks are too weak); every check has a description.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from grader.checks import list_checks
from grader.grading import GradeResult, grade
from grader.notebook import code_notebook, parse_notebook, read_notebook
from grader.problems import Problem, get_problem
from grader.sandbox import get_sandbox


@dataclass(frozen=True)
class Case:
    """One notebook that validation grades, with what it must give."""

    problem: str
    kind: str  # reference | alternative | starter | mutant
    path: str
    must_pass: bool


@dataclass(frozen=True)
class CaseResult:
    case: Case
    status: str
    checks_passed: int
    checks_total: int
    duration_s: float
    detail: str

    @property
    def ok(self) -> bool:
        return (self.status == "passed") == self.case.must_pass

    def to_json(self) -> dict:
        return {"problem": self.case.problem, "kind": self.case.kind, "file": Path(self.case.path).name,
                "expected": "pass" if self.case.must_pass else "fail", "status": self.status,
                "checks_passed": self.checks_passed, "checks_total": self.checks_total,
                "duration_s": round(self.duration_s, 3), "ok": self.ok, "detail": self.detail}


def cases_for(problem: Problem) -> list[Case]:
    out = [Case(problem.id, "reference", str(problem.solution_path), True)]
    out += [Case(problem.id, "alternative", str(p), True) for p in problem.alternatives()]
    out.append(Case(problem.id, "starter", str(problem.starter_path), False))
    out += [Case(problem.id, "mutant", str(p), False) for p in problem.mutants()]
    return out


def description_problems(problem: Problem) -> list[str]:
    """Checks without a one-line description (the learner would see only a function name)."""
    return [f"{problem.tests_path}: check '{name}' has no docstring (its one-line description)"
            for name, desc in list_checks(problem) if not desc]


def _detail(result: GradeResult) -> str:
    if result.error:
        return f"{result.error.get('ename')}: {result.error.get('evalue')}"[:200]
    bad = [c for c in result.checks if c.outcome != "passed"]
    return "; ".join(f"{c.name}: {c.message}" for c in bad[:2])[:300]


def run_case(case: Case, sandbox_name: str) -> CaseResult:
    """Grade one case. A correct solution that fails only on a wall-time limit is graded once more:
    time limits are wall time on a shared machine, and the retry is reported in the detail."""
    problem = get_problem(case.problem)
    path = Path(case.path)
    nb = read_notebook(path) if path.suffix == ".ipynb" else parse_notebook(
        code_notebook([path.read_text(encoding="utf-8")], problem.id))
    result = grade(nb, problem, get_sandbox(sandbox_name), path.name)
    note = ""
    timed_out = [c for c in result.checks if c.outcome != "passed" and c.message.startswith("timed out")]
    if case.must_pass and result.status == "failed" and timed_out and len(timed_out) == result.checks_total - result.checks_passed:
        first = _detail(result)
        result = grade(nb, problem, get_sandbox(sandbox_name), path.name)
        note = f" (graded twice: the first run timed out: {first[:120]})"
    return CaseResult(case, result.status, result.checks_passed, result.checks_total, result.duration_s,
                      _detail(result) + note)


def _worker_init() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")


def run_cases(cases: list[Case], sandbox_name: str, jobs: int) -> Iterator[CaseResult]:
    """Grade every case, `jobs` at a time (each worker process grades one notebook at a time)."""
    if jobs <= 1:
        for case in cases:
            res = run_case(case, sandbox_name)
            yield res
        return
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init) as pool:
        futures = [pool.submit(run_case, c, sandbox_name) for c in cases]
        for fut in futures:
            yield fut.result()
