"""Readiness exams: a stratified random draw of a track's problems, recorded in the store and written as
starter notebooks.

The draw follows the topic-group quotas of the problem-bank spec (section 2.4), aims at about
30% easy / 50% medium / 20% hard, prefers problems the learner has never seen (never attempted, never
drawn in an earlier exam), and is reproducible from its seed. The store is the record: exam.json in the
learner's folder only names it (every decision is taken from the store, and an edited exam.json is refused).
grader/exam_sitting.py grades, closes and scores an exam.
"""
from __future__ import annotations

import json
import random
import secrets
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints

from grader.counting import exam_counting
from grader.errors import UsageError
from grader.problems import Problem
from grader.reffile import read_json, validate
from grader.vocab import RULES_VERSION, Difficulty, SeedSource, StarterMode, Track

if TYPE_CHECKING:
    from grader.store import Store

# (topics in the group, problems per 20-problem exam), from spec section 2.4
QUOTAS: dict[str, list[tuple[tuple[str, ...], int]]] = {
    Track.DS: [(("pandas wrangling", "SQL-like pandas"), 6), (("statistics", "hypothesis testing"), 5),
           (("A/B testing", "bootstrapping"), 4), (("metrics",), 3), (("sklearn pipelines", "feature engineering"), 2)],
    Track.MLE: [(("linear models", "activations and losses"), 5), (("optimizers",), 2),
            (("layers and backprop", "sequence models"), 5), (("attention",), 2), (("clustering and PCA",), 2),
            (("trees and ensembles",), 2), (("sampling", "metrics", "numerics", "other models"), 2)],
}
DIFFICULTY_SHARE: dict[str, float] = {Difficulty.EASY: 0.3, Difficulty.MEDIUM: 0.5, Difficulty.HARD: 0.2}
EXAM_JSON = "exam.json"
MAX_TIME_LIMIT_S = 7 * 24 * 3600


@dataclass(frozen=True)
class Draw:
    """The problems of one exam, and anything the learner should be told about the draw."""

    problems: tuple[str, ...]
    notes: tuple[str, ...]


def _scaled_quotas(track: str, size: int) -> list[tuple[tuple[str, ...], int]]:
    groups = QUOTAS[track]
    total = sum(q for _, q in groups)
    raw = [(topics, q * size / total) for topics, q in groups]
    quotas = [(topics, int(x)) for topics, x in raw]
    short = size - sum(q for _, q in quotas)
    by_remainder = sorted(range(len(raw)), key=lambda i: -(raw[i][1] - int(raw[i][1])))
    for i in by_remainder[:short]:
        quotas[i] = (quotas[i][0], quotas[i][1] + 1)
    return quotas


def draw(bank: dict[str, Problem], track: str, size: int, seed: int, seen: set[str]) -> Draw:
    """Draw `size` problems of `track`; problems in `seen` are taken only when fresh ones run out (within a
    topic group first, then for the fill)."""
    if track not in QUOTAS:
        raise UsageError(f"unknown track {track!r}: choose ds or mle")
    pool = sorted((p for p in bank.values() if p.track == track), key=lambda p: p.id)
    notes: list[str] = []
    if len(pool) < size:
        notes.append(f"the {track} track has only {len(pool)} problems; this exam has {len(pool)} instead of {size}")
        size = len(pool)
    rng = random.Random(seed)
    rng.shuffle(pool)
    targets = {d: round(share * size) for d, share in DIFFICULTY_SHARE.items()}
    targets[Difficulty.MEDIUM] = size - targets[Difficulty.EASY] - targets[Difficulty.HARD]
    taken: list[Problem] = []
    count = {d: 0 for d in DIFFICULTY_SHARE}

    def pick(candidates: list[Problem]) -> Problem:
        fresh = [p for p in candidates if p.id not in seen] or candidates
        best = max(targets[p.difficulty] - count[p.difficulty] for p in fresh)
        return next(p for p in fresh if targets[p.difficulty] - count[p.difficulty] == best)

    leftover = 0
    for topics, quota in _scaled_quotas(track, size):
        group = [p for p in pool if p.topic in topics]
        if len(group) < quota:
            notes.append(f"only {len(group)} problems in {' + '.join(topics)} (quota {quota}); "
                         "the rest come from other topics")
            leftover += quota - len(group)
        for _ in range(min(quota, len(group))):
            chosen = pick([p for p in group if p not in taken])
            taken.append(chosen)
            count[chosen.difficulty] += 1
    for _ in range(leftover):
        chosen = pick([p for p in pool if p not in taken])
        taken.append(chosen)
        count[chosen.difficulty] += 1
    if seen and any(p.id in seen for p in taken):
        notes.append(f"{sum(p.id in seen for p in taken)} of the {len(taken)} problems were seen before (attempted, "
                     "or drawn in an earlier exam): the track has too few fresh ones in some topics")
    return Draw(tuple(sorted(p.id for p in taken)), tuple(notes))


def new_exam_id() -> str:
    return time.strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]


def utc_iso(t: float | None) -> str | None:
    return None if t is None else time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def exam_doc(exam: dict[str, Any]) -> dict[str, Any]:
    """exam.json for a stored exam: what the learner may read; the store alone decides anything."""
    return {"exam_id": exam["id"], "track": exam["track"], "seed": exam["seed"], "size": exam["size"],
            "threshold": exam["threshold"], "problems": exam["problems"], "created": utc_iso(exam["created_at"]),
            "deadline": utc_iso(exam.get("deadline")), "counts": exam_counting(exam).counts}


class ExamFile(BaseModel):
    """exam.json as read back: only `exam_id` is needed; any other field present must match the store."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    exam_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
    track: str | None = None
    seed: int | None = None
    size: int | None = None
    threshold: int | None = None
    problems: list[str] | None = None
    created: str | None = None
    deadline: str | None = None
    counts: bool | None = None


def load_exam(store: Store, directory: Path) -> dict[str, Any]:
    """The stored exam that `directory/exam.json` names; an edited, unknown or malformed exam.json is refused."""
    path = directory / EXAM_JSON
    if not path.exists():
        raise UsageError(f"{path}: no exam here; draw one with 'grader exam new --track ds --dir {directory}'")
    fix = "exam files cannot be edited (draw a new exam with 'grader exam new')"
    ref = validate(ExamFile, read_json(path, fix), path, fix)
    stored = store.exam(ref.exam_id)
    if stored is None:
        raise UsageError(f"{path}: exam {ref.exam_id!r} is not in the results database "
                         "(drawn with another --db, or not drawn by grader)")
    expected = exam_doc(stored)
    for key in sorted(ref.model_fields_set - {"exam_id"}):
        if getattr(ref, key) != expected[key]:
            raise UsageError(f"{path}: field '{key}' differs from the exam recorded when it was drawn; {fix}")
    return stored


@dataclass(frozen=True)
class NewExam:
    """An exam just drawn, stored and written as starter notebooks."""

    exam: dict[str, Any]
    notes: tuple[str, ...]
    directory: Path

    def to_json(self) -> dict[str, Any]:
        e = self.exam
        return {"exam_id": e["id"], "dir": str(self.directory), "track": e["track"], "seed": e["seed"],
                "size": e["size"], "threshold": e["threshold"], "problems": list(e["problems"]),
                "notes": list(self.notes), **exam_counting(e).to_json(), "created": utc_iso(e["created_at"]),
                "deadline": utc_iso(e["deadline"]), "seen_before": len(e["seen"] or [])}


def new_exam(store: Store, bank: dict[str, Problem], track: str, size: int, pass_mark: int, seed: int | None,
             directory: Path, time_limit_s: float | None = None) -> NewExam:
    """Draw an exam (problems never seen first), record it in the store, write its starters and exam.json.

    Without `seed` the tool picks one (a counted draw when size and pass mark are standard); with it the exam
    is practice. `time_limit_s` sets a deadline from now, after which submissions no longer count."""
    if size < 1 or not 0 < pass_mark <= size:
        raise UsageError("--size must be at least 1 and --pass between 1 and --size")
    if time_limit_s is not None and not 0 < time_limit_s <= MAX_TIME_LIMIT_S:
        raise UsageError("--time-limit must be more than 0 and at most 7 days")
    if (directory / EXAM_JSON).exists():
        raise UsageError(f"{directory} already holds an exam; choose another --dir")
    source = SeedSource.TOOL if seed is None else SeedSource.LEARNER
    seed = secrets.randbits(62) if seed is None else seed
    seen = store.attempted_problems() | {pid for e in store.exams(track) for pid in e["problems"]}
    drawn = draw(bank, track, size, seed, seen)
    exam_id = new_exam_id()
    from grader.authoring import build_starter, notebook_bytes

    try:
        directory.mkdir(parents=True, exist_ok=True)
        for pid in drawn.problems:  # exam starters hold the task only, no hints
            (directory / f"{pid}.ipynb").write_bytes(notebook_bytes(build_starter(bank[pid], StarterMode.EXAM)))
    except OSError as exc:
        raise UsageError(f"{directory}: cannot write the exam ({exc.strerror})") from None
    created = time.time()
    store.exam_create(exam_id, track, seed, len(drawn.problems), min(pass_mark, len(drawn.problems)),
                      list(drawn.problems), rules=RULES_VERSION, seed_source=source,
                      deadline=None if time_limit_s is None else created + time_limit_s,
                      directory=str(directory.resolve()), seen=sorted(set(drawn.problems) & seen), created=created)
    exam = store.exam(exam_id)
    assert exam is not None
    (directory / EXAM_JSON).write_text(json.dumps(exam_doc(exam), indent=2) + "\n", encoding="utf-8")
    return NewExam(exam, drawn.notes, directory)
