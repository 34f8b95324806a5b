"""`grader validate`: prove each problem through the real pipeline.

For every problem:
- its files are well formed (`meta.yaml` schema), every check has a description, the starter is the
  one its statement, skeleton and example build;
- every rule of `meta.yaml` is covered by a check (`@covers`) and broken by a known-wrong mutant
  (`# breaks: <rule>` on the mutant's first line), and every check covers a listed rule;
- the reference and every alternative pass every check; the starter does not pass;
- every mutant that breaks rule R fails a check that covers R (not only a check about something else);
- its mutation record is current and meets the target (`grader validate --mutate` writes it; with
  `--sample N` a few problems are mutated again, so the gate can fail for real).
"""
from __future__ import annotations

import multiprocessing
import os
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grader.checks import CheckInfo, check_infos
from grader.grading import GradeResult, grade
from grader.notebook import code_notebook, parse_notebook, read_notebook
from grader.problems import Problem, get_problem
from grader.sandbox import get_sandbox

_BREAKS = re.compile(r"^#\s*breaks:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*(?:\s.*)?$")
REFERENCE, ALTERNATIVE, STARTER, MUTANT, GENERATED = "reference", "alternative", "starter", "mutant", "generated"


@dataclass(frozen=True)
class Case:
    """One notebook that validation grades, with what it must give."""

    problem: str
    kind: str  # reference | alternative | starter | mutant | generated
    path: str
    must_pass: bool
    breaks: str = ""  # the rule a known-wrong mutant breaks
    select: tuple[str, ...] | None = None  # only these checks (those that cover `breaks`)
    fail_fast: bool = False  # stop at the first check that fails: a wrong solution needs only one
    source: str = ""  # the code, when it is not the file at `path` (a generated mutant)
    mutant_id: str = ""

    @property
    def label(self) -> str:
        return self.mutant_id or Path(self.path).name


@dataclass(frozen=True)
class CaseResult:
    case: Case
    status: str
    checks_passed: int
    checks_total: int
    duration_s: float
    detail: str
    failed_checks: tuple[str, ...] = ()
    stillborn: bool = False  # a generated mutant that does not define the graded names: not counted

    @property
    def ok(self) -> bool:
        if self.case.kind == GENERATED:
            return self.stillborn or self.status != "passed"
        return (self.status == "passed") == self.case.must_pass

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"problem": self.case.problem, "kind": self.case.kind, "file": self.case.label,
               "expected": "pass" if self.case.must_pass else "fail", "status": self.status,
               "checks_passed": self.checks_passed, "checks_total": self.checks_total,
               "duration_s": round(self.duration_s, 3), "ok": self.ok, "detail": self.detail}
        if self.case.breaks:
            out.update(breaks=self.case.breaks, killed_by=list(self.failed_checks))
        return out


def mutant_rule(path: Path) -> str | None:
    """The rule id a known-wrong mutant declares on its first line (`# breaks: <rule-id>`), if any."""
    with path.open(encoding="utf-8") as f:
        first = f.readline().strip()
    found = _BREAKS.match(first)
    return found.group(1) if found else None


def covering(checks: Sequence[CheckInfo], rule: str) -> tuple[str, ...]:
    return tuple(c.name for c in checks if rule in c.covers)


def cases_for(problem: Problem) -> list[Case]:
    """Reference and alternatives (every check), starter, and each known-wrong mutant: a mutant that breaks
    a listed rule is graded with only the checks that cover that rule."""
    out = [Case(problem.id, REFERENCE, str(problem.solution_path), True)]
    out += [Case(problem.id, ALTERNATIVE, str(p), True) for p in problem.alternatives()]
    out.append(Case(problem.id, STARTER, str(problem.starter_path), False, fail_fast=True))
    checks = check_infos(problem) if problem.rules else []
    rule_ids = {r.id for r in problem.rules}
    for p in problem.mutants():
        rule = mutant_rule(p) if problem.rules else None
        if rule is not None and rule in rule_ids and covering(checks, rule):
            out.append(Case(problem.id, MUTANT, str(p), False, breaks=rule, select=covering(checks, rule),
                            fail_fast=True))
        else:
            out.append(Case(problem.id, MUTANT, str(p), False, fail_fast=True))
    return out


def description_problems(problem: Problem) -> list[str]:
    """Checks without a one-line description (the learner would see only a function name)."""
    return [f"{problem.tests_path}: check '{c.name}' has no docstring (its one-line description)"
            for c in check_infos(problem) if not c.description]


def rule_problems(problem: Problem, require_rules: bool = False) -> list[str]:
    """Static gaps in the proof of a problem's rules: a rule no check covers or no mutant breaks, a check
    that covers no listed rule, a mutant that names no listed rule."""
    if not problem.rules:
        if not require_rules:
            return []
        return [f"{problem.path / 'meta.yaml'}: no rules listed (issue 16: list the statement's rules)"]
    checks = check_infos(problem)
    ids = [r.id for r in problem.rules]
    out = []
    for c in checks:
        unknown = [r for r in c.covers if r not in ids]
        if not c.covers:
            out.append(f"{problem.tests_path}: check '{c.name}' covers no rule "
                       "(add @covers(...) with ids from meta.yaml)")
        elif unknown:
            out.append(f"{problem.tests_path}: check '{c.name}' covers {', '.join(unknown)}, not a rule of meta.yaml")
    broken: set[str] = set()
    for p in problem.mutants():
        rule = mutant_rule(p)
        if rule is None:
            out.append(f"{p}: the first line must say which rule it breaks: '# breaks: <rule-id>'")
        elif rule not in ids:
            out.append(f"{p}: breaks '{rule}', which is not a rule of meta.yaml")
        else:
            broken.add(rule)
    for rule in ids:
        if not covering(checks, rule):
            out.append(f"{problem.id}: rule '{rule}' has no check that covers it")
        if rule not in broken:
            out.append(f"{problem.id}: rule '{rule}' has no mutant that breaks it (mutants/*.py, '# breaks: {rule}')")
    return out


def _detail(result: GradeResult) -> str:
    if result.error:
        return f"{result.error.get('ename')}: {result.error.get('evalue')}"[:200]
    bad = [c for c in result.checks if c.outcome != "passed"]
    return "; ".join(f"{c.name}: {c.message}" for c in bad[:2])[:300]


def _stillborn(result: GradeResult) -> bool:
    err = result.error or {}
    return result.status == "invalid" or (
        result.status == "error" and err.get("ename") == "NameError" and "did not define" in str(err.get("evalue")))


def run_case(case: Case, sandbox_name: str) -> CaseResult:
    """Grade one case. A notebook that fails only on a wall-time limit is graded once more (a correct
    solution must not fail, and a mutant must not be killed, by a busy machine alone); the retry is
    reported in the detail."""
    problem = get_problem(case.problem)
    path = Path(case.path)
    if case.source:
        nb = parse_notebook(code_notebook([case.source], problem.id))
    else:
        nb = read_notebook(path) if path.suffix == ".ipynb" else parse_notebook(
            code_notebook([path.read_text(encoding="utf-8")], problem.id))
    options: dict[str, Any] = {"select": case.select, "fail_fast": case.fail_fast}
    result = grade(nb, problem, get_sandbox(sandbox_name), path.name, **options)
    note = ""
    timed_out = [c for c in result.checks if c.outcome != "passed" and c.message.startswith("timed out")]
    if result.status == "failed" and timed_out and len(timed_out) == len(result.checks) - result.checks_passed:
        first = _detail(result)
        result = grade(nb, problem, get_sandbox(sandbox_name), path.name, **options)
        note = f" (graded twice: the first run timed out: {first[:120]})"
    failed = tuple(c.name for c in result.checks if c.outcome != "passed")
    return CaseResult(case, result.status, result.checks_passed, result.checks_total, result.duration_s,
                      _detail(result) + note, failed, case.kind == GENERATED and _stillborn(result))


def _worker_init() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")


def run_cases(cases: list[Case], sandbox_name: str, jobs: int) -> Iterator[CaseResult]:
    """Grade every case, `jobs` at a time (each worker process grades one notebook at a time)."""
    if jobs <= 1:
        for case in cases:
            yield run_case(case, sandbox_name)
        return
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init) as pool:
        futures = [pool.submit(run_case, c, sandbox_name) for c in cases]
        for fut in futures:
            yield fut.result()


# ---------------------------------------------------------------- one validation run


@dataclass(frozen=True)
class Options:
    """What `grader validate` does beyond the always-on proof."""

    sandbox: str = "auto"
    jobs: int = 1
    mutate: bool = False  # generate and grade mutants of each solution; write mutation.json
    sample: int = 0  # with mutate: only this many problems (with rules), picked at random; nothing written
    seed: int | None = None
    require_rules: bool = False  # every problem must list rules and have a current mutation record


@dataclass
class Report:
    """Everything one validation run found."""

    problems: list[str]
    errors: list[str] = field(default_factory=list)  # static: descriptions, rules, records
    cases: list[CaseResult] = field(default_factory=list)
    mutation: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sandbox: str = ""
    seed: int | None = None
    duration_s: float = 0.0

    @property
    def bad_cases(self) -> list[CaseResult]:
        return [r for r in self.cases if not r.ok and r.case.kind != GENERATED]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.bad_cases and all(m["ok"] for m in self.mutation)

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "duration_s": round(self.duration_s, 2), "problems": len(self.problems),
                "sandbox": self.sandbox, "cases": [r.to_json() for r in self.cases if r.case.kind != GENERATED],
                "errors": self.errors, "description_errors": [e for e in self.errors if "docstring" in e],
                "mutation": self.mutation, "notes": self.notes, "sample_seed": self.seed}


def validate(problems: Sequence[Problem], options: Options,
             on_result: Callable[[CaseResult], None] | None = None) -> Report:
    """Prove `problems` (see the module docstring); `on_result` sees every graded case as it finishes."""
    started = time.monotonic()
    sandbox = get_sandbox(options.sandbox, bulk=True)
    report = Report([p.id for p in problems], sandbox=sandbox.name)
    from grader.authoring import starter_problems  # the starter and the statement agree

    for p in problems:
        report.errors += description_problems(p) + starter_problems(p) + rule_problems(p, options.require_rules)
    cases = [c for p in problems for c in cases_for(p)]
    to_mutate: list[Problem] = []
    if options.mutate:
        to_mutate = list(problems)
        if options.sample:
            report.seed = options.seed if options.seed is not None else random.SystemRandom().randrange(10**6)
            ruled = [p for p in problems if p.rules]
            to_mutate = random.Random(report.seed).sample(ruled, min(options.sample, len(ruled)))
    from grader.mutation.runner import MutationRun

    runs = [MutationRun(p) for p in to_mutate]
    cases += [c for run in runs for c in run.cases]
    by_problem: dict[str, list[CaseResult]] = {}
    for res in run_cases(cases, sandbox.name, options.jobs):
        report.cases.append(res)
        if res.case.kind == GENERATED:
            by_problem.setdefault(res.case.problem, []).append(res)
        if on_result is not None:
            on_result(res)
    for run in runs:
        summary, notes = run.finish(by_problem.get(run.problem.id, []), sandbox.name, write=not options.sample)
        report.mutation.append(summary)
        report.errors += notes
    mutated_now = {run.problem.id for run in runs if not options.sample}
    from grader.mutation.record import record_problems

    for p in problems:
        if p.id not in mutated_now and (p.rules or options.require_rules):
            report.errors += record_problems(p)
    report.notes += [f"{p.id}: no rules listed yet (issue 16)" for p in problems if not p.rules]
    report.duration_s = time.monotonic() - started
    return report
