"""A problem's mutation record (`mutation.json`) and its equivalent mutants (`mutation.yaml`).

`mutation.json` is written by `grader validate --mutate`: the counts of one run, keyed by the
problem's version hash (which leaves these two files out) and the engine version, and every
mutant that no check killed. `mutation.yaml` is written by the author: the survivors that cannot be
killed because they behave exactly like the solution, each with a one-line reason. The score is
computed from both, so recording an equivalent mutant needs no new run.
"""
from __future__ import annotations

import json
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from grader.errors import ProblemFormatError
from grader.mutation.engine import ENGINE_VERSION
from grader.problems import Problem
from grader.vocab import MUTATION_TARGET

_STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)


class Survivor(BaseModel):
    """A generated mutant that every check passed."""

    model_config = _STRICT

    id: str
    change: str


class MutationRecord(BaseModel):
    """One mutation run of one problem version."""

    model_config = _STRICT

    problem: str
    version: str
    engine: str
    generated: int
    stillborn: int
    killed: int
    survivors: list[Survivor]
    sandbox: str
    duration_s: float

    def counts(self, equivalent_ids: set[str]) -> dict[str, float | int]:
        """generated, stillborn, killed, equivalent, survived and score, with today's equivalents."""
        equivalent = sum(s.id in equivalent_ids for s in self.survivors)
        survived = len(self.survivors) - equivalent
        judged = self.killed + survived
        score = self.killed / judged if judged else 1.0
        return {"generated": self.generated, "stillborn": self.stillborn, "killed": self.killed,
                "equivalent": equivalent, "survived": survived, "score": round(score, 4)}


class Equivalent(BaseModel):
    model_config = _STRICT

    id: str
    reason: Annotated[str, Field(min_length=8, max_length=240, pattern=r"^[^\n]*$")]


class Equivalents(BaseModel):
    """`mutation.yaml`: the survivors that behave exactly like the solution."""

    model_config = _STRICT

    equivalent: list[Equivalent] = []


def read_record(problem: Problem) -> MutationRecord | None:
    path = problem.mutation_record_path
    if not path.is_file():
        return None
    try:
        return MutationRecord.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, ValidationError) as exc:
        raise ProblemFormatError(f"{path}: not a mutation record ({str(exc).splitlines()[0]}); "
                                 f"run 'grader validate --mutate {problem.id}'") from None


def write_record(problem: Problem, record: MutationRecord) -> None:
    text = json.dumps(record.model_dump(), indent=1, sort_keys=False) + "\n"
    problem.mutation_record_path.write_text(text, encoding="utf-8")


def read_equivalents(problem: Problem) -> dict[str, str]:
    """Equivalent mutant id -> reason, from `mutation.yaml` (empty when the file does not exist)."""
    path = problem.equivalents_path
    if not path.is_file():
        return {}
    try:
        data = Equivalents.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    except yaml.YAMLError as exc:
        raise ProblemFormatError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise ProblemFormatError(f"{path}: field '{where}': {first.get('msg')}") from None
    return {e.id: e.reason for e in data.equivalent}


def record_problems(problem: Problem) -> list[str]:
    """Why the problem's recorded mutation result does not hold for it now (missing, stale, below target)."""
    record = read_record(problem)
    again = f"run 'grader validate --mutate {problem.id}'"
    if record is None:
        return [f"{problem.id}: no mutation record ({problem.mutation_record_path.name}); {again}"]
    if record.version != problem.version or record.engine != ENGINE_VERSION:
        what = "the problem changed" if record.version != problem.version else "the mutation operators changed"
        return [f"{problem.id}: the mutation record is stale ({what} since it was recorded); {again}"]
    counts = record.counts(set(read_equivalents(problem)))
    if counts["score"] < MUTATION_TARGET:
        return [f"{problem.id}: {counts['killed']} of {counts['killed'] + counts['survived']} non-equivalent mutants "
                f"killed ({counts['score']:.1%}, target {MUTATION_TARGET:.0%}); kill the survivors with a check or "
                f"record them in {problem.equivalents_path.name} with a reason"]
    return []


def stale_equivalents(problem: Problem, generated_ids: set[str], killed_ids: set[str]) -> list[str]:
    """Entries of `mutation.yaml` that name no generated mutant, or a mutant a check kills."""
    out = []
    for mid in read_equivalents(problem):
        if mid not in generated_ids:
            out.append(f"{problem.equivalents_path}: '{mid}' is not a mutant of the current solution.py; remove it")
        elif mid in killed_ids:
            out.append(f"{problem.equivalents_path}: '{mid}' is killed by a check, so it is not equivalent; remove it")
    return out
