"""One problem's mutation run: generated mutants as validation cases, then the result and its record."""
from __future__ import annotations

from typing import Any

from grader.mutation.engine import ENGINE_VERSION, Mutant, generate
from grader.mutation.record import MutationRecord, Survivor, read_equivalents, stale_equivalents, write_record
from grader.problems import Problem
from grader.validate import GENERATED, Case, CaseResult
from grader.vocab import MUTATION_TARGET


class MutationRun:
    """Generates the mutants of `problem`'s solution; `cases` are graded by the caller (in parallel with
    everything else), and `finish` turns their results into the problem's mutation result."""

    def __init__(self, problem: Problem):
        self.problem = problem
        self.mutants: list[Mutant] = generate(problem.solution_path.read_text(encoding="utf-8"))
        self.not_compiling = [m for m in self.mutants if not m.compiles()]
        bad = {m.id for m in self.not_compiling}
        self.cases = [Case(problem.id, GENERATED, str(problem.solution_path), False, fail_fast=True,
                           source=m.source, mutant_id=m.id) for m in self.mutants if m.id not in bad]

    def finish(self, results: list[CaseResult], sandbox: str, write: bool) -> tuple[dict[str, Any], list[str]]:
        """The run's summary (the table row, with its survivors) and any problems found; writes
        `mutation.json` when `write`."""
        by_id = {m.id: m for m in self.mutants}
        graded = {r.case.mutant_id: r for r in results}
        missing = [c.mutant_id for c in self.cases if c.mutant_id not in graded]
        stillborn = len(self.not_compiling) + sum(r.stillborn for r in results)
        killed = [r.case.mutant_id for r in results if not r.stillborn and r.status != "passed"]
        survivors = [Survivor(id=r.case.mutant_id, change=by_id[r.case.mutant_id].change)
                     for r in results if not r.stillborn and r.status == "passed"]
        record = MutationRecord(problem=self.problem.id, version=self.problem.version, engine=ENGINE_VERSION,
                                generated=len(self.mutants), stillborn=stillborn, killed=len(killed),
                                survivors=survivors, sandbox=sandbox,
                                duration_s=round(sum(r.duration_s for r in results), 1))
        equivalents = read_equivalents(self.problem)
        counts = record.counts(set(equivalents))
        notes = stale_equivalents(self.problem, set(by_id), set(killed))
        if missing:
            notes.append(f"{self.problem.id}: {len(missing)} mutants were not graded")
        if counts["score"] < MUTATION_TARGET:
            notes.append(f"{self.problem.id}: {counts['killed']} of {counts['killed'] + counts['survived']} "
                         f"non-equivalent mutants killed ({counts['score']:.1%}, target {MUTATION_TARGET:.0%})")
        if write and not missing:
            write_record(self.problem, record)
        summary = {"problem": self.problem.id, **counts, "ok": not notes,
                   "survivors": [{"id": s.id, "change": s.change, "equivalent": equivalents.get(s.id)}
                                 for s in survivors],
                   "duration_s": record.duration_s}
        return summary, notes
