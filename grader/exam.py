"""Readiness exams: a stratified random draw of a track's problems, written as starter notebooks.

The draw follows the topic-group quotas of the problem-bank spec (section 2.4), aims at about
30% easy / 50% medium / 20% hard, prefers problems the learner has not been examined on, and is
reproducible from its seed. The store keeps the drawn set, so an edited exam.json is detected.
"""
from __future__ import annotations

import json
import random
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grader.errors import UsageError
from grader.problems import Problem
from grader.vocab import AttemptKind, Difficulty, StarterMode, Status, Track

if TYPE_CHECKING:
    from grader.grading import GradeResult
    from grader.sandbox.base import Sandbox
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
NOT_GRADED = "not graded"  # an exam problem's status before its first graded attempt


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
    """Draw `size` problems of `track`; problems in `seen` are taken only when fresh ones run out."""
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
        notes.append("some problems repeat earlier exams: the track has too few you have not been examined on")
    return Draw(tuple(sorted(p.id for p in taken)), tuple(notes))


def new_exam_id() -> str:
    return time.strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]


def write_exam_json(directory: Path, exam: dict[str, Any]) -> None:
    doc = {"exam_id": exam["id"], "track": exam["track"], "seed": exam["seed"], "size": exam["size"],
           "threshold": exam["threshold"], "problems": exam["problems"],
           "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(exam["created_at"]))}
    (directory / "exam.json").write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")


def read_exam_json(directory: Path) -> dict[str, Any]:
    path = directory / "exam.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{path}: no exam here; draw one with "
                         f"'grader exam new --track ds --dir {directory}'") from None
    except (ValueError, OSError) as exc:
        raise UsageError(f"{path}: not a readable exam file ({str(exc)[:80]})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("exam_id"), str):
        raise UsageError(f"{path}: not an exam file (no exam_id)")
    return doc


def check_untampered(doc: dict[str, Any], stored: dict[str, Any] | None, path: Path) -> None:
    """Refuse an exam.json that differs from what the store recorded when the exam was drawn."""
    if stored is None:
        raise UsageError(f"{path}: exam {doc.get('exam_id')!r} is not in the results database "
                         "(drawn with another --db, or not drawn by grader)")
    for key in ("track", "seed", "size", "threshold", "problems"):
        if doc.get(key) != stored[key]:
            raise UsageError(f"{path}: field '{key}' differs from the exam recorded when it was drawn; "
                             "exam files cannot be edited (draw a new exam instead)")


def status(exam: dict[str, Any], counted: dict[str, Any]) -> dict[str, Any]:
    """The exam's standing: solved, graded, ready, and each problem's counted status."""
    problems = [{"id": pid, "status": counted[pid].status if pid in counted else NOT_GRADED}
                for pid in exam["problems"]]
    solved = sum(p["status"] == Status.PASSED for p in problems)
    graded = sum(p["status"] != NOT_GRADED for p in problems)
    return {"exam_id": exam["id"], "track": exam["track"], "solved": solved, "graded": graded, "size": exam["size"],
            "threshold": exam["threshold"], "ready": solved >= exam["threshold"], "problems": problems}


# ------------------------------------------------------------------ the exam commands' work


@dataclass(frozen=True)
class NewExam:
    """An exam just drawn, stored and written as starter notebooks."""

    exam_id: str
    track: str
    seed: int
    size: int
    threshold: int
    problems: tuple[str, ...]
    notes: tuple[str, ...]
    directory: Path

    def to_json(self) -> dict[str, Any]:
        return {"exam_id": self.exam_id, "dir": str(self.directory), "track": self.track, "seed": self.seed,
                "size": self.size, "threshold": self.threshold, "problems": list(self.problems),
                "notes": list(self.notes)}


def new_exam(store: Store, bank: dict[str, Problem], track: str, size: int, pass_mark: int, seed: int,
             directory: Path) -> NewExam:
    """Draw an exam (fresh problems first), record it in the store and write its starters and exam.json."""
    if size < 1 or not 0 < pass_mark <= size:
        raise UsageError("--size must be at least 1 and --pass between 1 and --size")
    if (directory / "exam.json").exists():
        raise UsageError(f"{directory} already holds an exam; choose another --dir")
    seen = {pid for e in store.exams(track) for pid in e["problems"]}
    drawn = draw(bank, track, size, seed, seen)
    directory.mkdir(parents=True, exist_ok=True)
    exam_id = new_exam_id()
    size = len(drawn.problems)
    threshold = min(pass_mark, size)
    created = store.exam_create(exam_id, track, seed, size, threshold, list(drawn.problems))
    from grader.authoring import build_starter, notebook_bytes

    for pid in drawn.problems:  # exam starters hold the task only, no hints
        (directory / f"{pid}.ipynb").write_bytes(notebook_bytes(build_starter(bank[pid], StarterMode.EXAM)))
    write_exam_json(directory, {"id": exam_id, "track": track, "seed": seed, "size": size, "threshold": threshold,
                                "problems": list(drawn.problems), "created_at": created})
    return NewExam(exam_id, track, seed, size, threshold, drawn.problems, drawn.notes, directory)


def load_exam(store: Store, directory: Path) -> dict[str, Any]:
    """The stored exam that `directory/exam.json` names, refusing an edited exam.json."""
    doc = read_exam_json(directory)
    stored = store.exam(doc["exam_id"])
    check_untampered(doc, stored, directory / "exam.json")
    assert stored is not None
    return stored


@dataclass(frozen=True)
class ExamGraded:
    """One exam notebook graded: whether this attempt is the one that counts."""

    result: GradeResult
    counts: bool


def submit_exam(store: Store, exam: dict[str, Any], directory: Path, sandbox: Sandbox) -> Iterator[ExamGraded | Path]:
    """Grade the exam's notebooks in `directory`, yielding each graded one, or the path of a missing one.
    The first graded attempt of each problem counts for the exam; later ones are recorded as practice."""
    from grader.submit import Entry, grade_files

    counted = store.exam_attempts(exam["id"])
    for pid in exam["problems"]:
        path = directory / f"{pid}.ipynb"
        if not path.exists():
            yield path
            continue
        first = pid not in counted
        entry = Entry(path, pid, AttemptKind.EXAM if first else AttemptKind.PRACTICE, exam["id"] if first else None)
        for result in grade_files([entry], sandbox, store):
            yield ExamGraded(result, first)


def exam_status(store: Store, exam: dict[str, Any]) -> dict[str, Any]:
    """`exam status --json`: solved, graded, size, threshold, ready and each problem's counted status."""
    return status(exam, store.exam_attempts(exam["id"]))


def open_exam(store: Store | None, problem_id: str) -> dict[str, Any] | None:
    """The learner's oldest exam that drew `problem_id` and is not over yet (None without a results database):
    while it is open, the problem's hints are not shown and its starter has none."""
    if store is None:
        return None
    exams = store.open_exams(problem_id)
    return exams[0] if exams else None
