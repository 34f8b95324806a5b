"""The quiz record: every quiz is drawn into the store, and the learner's folder only refers to it.

The store holds the draw (items, option order, generated numbers, seed, who chose the seed, size, pass mark,
track, time). The folder holds quiz.md and answers.toml (what is needed to answer) and quiz.json, which names
the record and nothing more: no seed, no item ids, no option order. Grading reads only the answers from the
folder; the attempt is recorded before the key is shown, and only a counted draw's first grading counts.
Folders written before honest records (quiz.json of format 1, the draw in the file) are graded as practice.
"""
from __future__ import annotations

import json
import secrets
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

from grader.counting import LEGACY, Counting, attempt_counting, quiz_counting
from grader.errors import UsageError
from grader.quiz.bank import Item
from grader.quiz.draw import QUIZ_FORMAT, Posed, Quiz, QuizFileError, draw, pose_quiz, quiz_from_json
from grader.quiz.render import ANSWERS, QUIZ_JSON, QUIZ_MD, render_answers, render_markdown
from grader.quiz.score import Answer, QuizResult, score
from grader.reffile import read_json, validate
from grader.store import Store
from grader.vocab import RULES_VERSION, SeedSource

REF_FORMAT = 2  # quiz.json names the record; format 1 (QUIZ_FORMAT) held the draw itself
FIX = "quiz files cannot be edited (write a new quiz with 'grader quiz new')"


@dataclass(frozen=True)
class StoredQuiz:
    """A quiz as the store records it (`id` None: a folder written before honest records)."""

    id: str | None
    quiz: Quiz
    seed_source: str
    mode: str
    counting: Counting

    def note(self) -> str:
        """One line for quiz.md and the terminal: whether this quiz counts toward readiness."""
        if self.counting.counts:
            return "This quiz counts toward readiness."
        return f"This quiz does not count toward readiness: {self.counting.why}."


def new_quiz_id() -> str:
    return time.strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]


def draw_quiz(store: Store, bank: dict[str, Item], track: str, size: int, threshold: int | None, seed: int | None,
              mode: str) -> StoredQuiz:
    """Draw a quiz and record it; without `seed` the tool picks one (never shown before grading), with it the
    quiz is practice."""
    source = SeedSource.TOOL if seed is None else SeedSource.LEARNER
    seed = secrets.randbits(62) if seed is None else seed
    created = time.time()
    quiz = draw(bank, track, size=size, threshold=threshold, seed=seed,
                created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(created)))
    quiz_id = new_quiz_id()
    store.quiz_create(quiz_id, quiz.track, quiz.seed, source, quiz.size, quiz.threshold, quiz.to_json(), mode,
                      RULES_VERSION, created)
    return load(store, bank, quiz_id, "quiz")


def load(store: Store, bank: dict[str, Item], quiz_id: str, where: str) -> StoredQuiz:
    """The stored quiz `quiz_id`, posed against the current bank."""
    row = store.quiz(quiz_id)
    if row is None:
        raise UsageError(f"{where}: quiz {quiz_id!r} is not in the results database "
                         "(written with another --db, or not written by grader)")
    try:
        quiz = quiz_from_json(row["draw"], bank, f"quiz {quiz_id}")
    except QuizFileError:
        raise UsageError(f"{where}: quiz {quiz_id} names questions that are no longer in the question bank; "
                         "write a new quiz with 'grader quiz new'") from None
    return StoredQuiz(quiz_id, quiz, row["seed_source"], row["mode"], quiz_counting(row))


# ------------------------------------------------------------------ the folder


def ref_doc(sq: StoredQuiz) -> dict[str, Any]:
    """quiz.json: the record's id and what the learner may read about it."""
    q = sq.quiz
    return {"format": REF_FORMAT, "quiz_id": sq.id, "track": q.track, "size": q.size, "threshold": q.threshold,
            "created": q.created, "counts": sq.counting.counts}


class QuizRef(BaseModel):
    """quiz.json as read back: only `format` and `quiz_id` are needed; other fields present must match."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    format: Literal[2]
    quiz_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
    track: str | None = None
    size: int | None = None
    threshold: int | None = None
    created: str | None = None
    counts: bool | None = None


def write_folder(directory: Path, sq: StoredQuiz, posed: list[Posed], force: bool = False) -> list[Path]:
    """Write quiz.md, answers.toml and quiz.json into `directory` (refusing to overwrite a quiz unless forced)."""
    target = directory / QUIZ_JSON
    if target.exists() and not force:
        raise UsageError(f"{directory} already holds a quiz; grade it with 'grader quiz grade {directory}', "
                         "or pass --force to replace it")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        files = [directory / QUIZ_MD, directory / ANSWERS, target]
        files[0].write_text(render_markdown(sq.quiz, posed, sq.note()), encoding="utf-8")
        files[1].write_text(render_answers(sq.quiz, posed), encoding="utf-8")
        target.write_text(json.dumps(ref_doc(sq), indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{directory}: cannot write the quiz ({exc.strerror})") from None
    return files


@dataclass(frozen=True)
class Folder:
    """A quiz folder read back: its record, the questions posed against the current bank, and the questions
    whose bank item changed since the quiz was drawn."""

    stored: StoredQuiz
    posed: list[Posed]
    changed: tuple[str, ...]


def read_folder(store: Store, bank: dict[str, Item], directory: Path) -> Folder:
    """The quiz that `directory/quiz.json` refers to, from the store (UsageError, one line, for a missing, unknown,
    malformed or edited quiz.json)."""
    if not directory.is_dir():
        raise UsageError(f"{directory}: no such folder; write a quiz with "
                         f"'grader quiz new --track ds --out {directory}'")
    path = directory / QUIZ_JSON
    if not path.exists():
        raise UsageError(f"{directory} has no {QUIZ_JSON}: it is not a quiz folder "
                         f"(write one with 'grader quiz new --track ds --out {directory}')")
    data = read_json(path, FIX)
    if isinstance(data, dict) and data.get("format") == QUIZ_FORMAT:
        quiz = quiz_from_json(data, bank, str(path))  # written before honest records: practice
        sq = StoredQuiz(None, quiz, "unknown", "file", Counting(False, LEGACY))
    else:
        ref = validate(QuizRef, data, path, FIX)
        sq = load(store, bank, ref.quiz_id, str(path))
        expected = ref_doc(sq)
        for key in sorted(ref.model_fields_set - {"format", "quiz_id"}):
            if getattr(ref, key) != expected[key]:
                raise UsageError(f"{path}: field '{key}' differs from the quiz recorded when it was drawn; {FIX}")
    changed = tuple(d.key for d in sq.quiz.items if d.digest and d.digest != bank[d.id].digest)
    return Folder(sq, pose_quiz(sq.quiz, bank), changed)


# ------------------------------------------------------------------ grading


@dataclass(frozen=True)
class Graded:
    """A graded quiz, recorded: its result row, and whether it counts toward readiness (and if not why)."""

    result: QuizResult
    result_id: int
    quiz_id: str | None
    counting: Counting
    mode: str

    def to_json(self) -> dict[str, Any]:
        return {**self.result.to_json(), "result_id": self.result_id, "mode": self.mode, "quiz_id": self.quiz_id,
                **self.counting.to_json()}


def grade(store: Store, sq: StoredQuiz, posed: list[Posed], answers: dict[str, Answer | None], mode: str) -> Graded:
    """Score the answers and record the attempt; only then may the caller show the key."""
    result = score(sq.quiz, posed, answers)
    result_id = store.quiz_record(result.track, result.seed, result.size, result.threshold, result.correct,
                                  result.passed, [i.to_json() for i in result.items], mode, quiz_id=sq.id)
    first = store.quiz_first_result(sq.id) if sq.id is not None else None
    counting = attempt_counting(sq.counting, first == result_id,
                                f"quiz {sq.id} was already graded (result #{first}); only its first grading counts")
    return Graded(result, result_id, sq.id, counting, mode)
