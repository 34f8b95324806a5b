"""The question bank: topics and blueprint, the item model, and loading `questions/*.toml` into items.

Each file is checked against the strict models of `grader.quiz.schema`; `grader.quiz.lint` checks the bank as
a whole (`grader quiz validate`).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import string
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grader.errors import GraderError
from grader.quiz.generators import GENERATORS, Key
from grader.quiz.schema import FORMATS, N_OPTIONS, STEPS_RANGE, NumericItem, check_file, check_item
from grader.resources import questions_dir
from grader.vocab import QUIZ_SIZE, Difficulty, Track

if TYPE_CHECKING:
    from grader.quiz.lint import BankReport

__all__ = ["BLUEPRINT_SIZE", "DIFFICULTIES", "FORMATS", "FORMAT_LABELS", "LETTERS", "N_OPTIONS", "STEPS_RANGE",
           "TOPICS", "TOPIC_BY_CODE", "TRACKS", "Defect", "Item", "QuestionFormatError", "Tolerance", "Topic",
           "load_bank", "parse_file", "questions_root", "read_bank", "topic_name", "validate_bank"]

TRACKS = tuple(Track)
DIFFICULTIES = tuple(Difficulty)
FORMAT_LABELS = {"single": "single answer", "multi": "select all that apply", "numeric": "numeric",
                 "ordering": "ordering"}
LETTERS = string.ascii_uppercase
_FILE = re.compile(r"^(q\d\d)-[a-z0-9]+(-[a-z0-9]+)*$")


class QuestionFormatError(GraderError):
    """The question bank is malformed (names the file and item); an author must fix it."""

    exit_code = 3


@dataclass(frozen=True)
class Topic:
    """One taxonomy topic with its spec target and per-track draw for a 50-question quiz."""

    code: str
    prefix: str
    title: str
    target: int
    ds: int
    mle: int

    def quota(self, track: str) -> int:
        return self.ds if track == Track.DS else self.mle


# problem-bank.md section 3.1 as revised (320+ items, Q18, Q17 drawn for MLE): code, item-id prefix, title,
# target items, DS draw, MLE draw. Each track's draws sum to 50; every target is at least 3x the larger draw.
TOPICS: tuple[Topic, ...] = (
    Topic("Q01", "prob", "Probability", 20, 4, 2),
    Topic("Q02", "inf", "Statistical inference", 26, 5, 2),
    Topic("Q03", "exp", "Experimentation", 18, 5, 1),
    Topic("Q04", "data", "Data quality, leakage, sampling, features", 20, 4, 2),
    Topic("Q05", "metric", "Evaluation metrics", 24, 5, 4),
    Topic("Q06", "valid", "Validation and generalization", 24, 5, 3),
    Topic("Q07", "lin", "Linear models, SVMs, kNN, naive Bayes, forecasting", 22, 4, 2),
    Topic("Q08", "tree", "Trees and ensembles", 18, 3, 2),
    Topic("Q09", "unsup", "Unsupervised learning", 16, 3, 2),
    Topic("Q10", "opt", "Optimization", 14, 1, 3),
    Topic("Q11", "nn", "Neural-network training", 22, 1, 5),
    Topic("Q12", "arch", "Architectures", 22, 1, 5),
    Topic("Q13", "nlp", "NLP and LLMs", 20, 1, 3),
    Topic("Q14", "rec", "Recommendation, ranking, bandits and RL", 16, 1, 2),
    Topic("Q15", "prod", "ML in production", 14, 2, 3),
    Topic("Q16", "math", "Math foundations", 16, 2, 2),
    Topic("Q17", "resp", "Responsible ML", 10, 1, 1),
    Topic("Q18", "sysd", "ML system design", 30, 2, 6),
)
TOPIC_BY_CODE = {t.code: t for t in TOPICS}
BLUEPRINT_SIZE = QUIZ_SIZE


def topic_name(code: str) -> str:
    """The topic's name for any output a person reads (codes are for files and JSON extras)."""
    topic = TOPIC_BY_CODE.get(code)
    return topic.title if topic else code


def questions_root() -> Path:
    """The question bank folder: $GRADER_QUESTIONS, else the bank shipped with the package."""
    env = os.environ.get("GRADER_QUESTIONS")
    return Path(env) if env else questions_dir()


@dataclass(frozen=True)
class Tolerance:
    """How far a numeric answer may be from the key: `abs` units, or `rel` as a fraction of the key."""

    kind: str
    value: float

    def accepts(self, given: float, key: float) -> bool:
        bound = self.value if self.kind == "abs" else self.value * abs(key)
        return abs(given - key) <= bound * (1 + 1e-9) + 1e-12  # an answer exactly on the bound is right

    def describe(self) -> str:
        if self.kind == "abs":
            return "exact" if self.value == 0 else f"±{self.value:g}"
        return f"±{self.value * 100:g}%"


@dataclass(frozen=True)
class Item:
    """One question as written in the bank (options and steps in file order; the key refers to that order)."""

    id: str
    topic: str
    tracks: dict[str, float]
    difficulty: str
    format: str
    stem: str
    explanation: str
    provenance: str
    source: str
    options: tuple[str, ...] = ()
    key: tuple[int, ...] = ()
    shuffle: bool = True
    steps: tuple[str, ...] = ()
    value: float | None = None
    wrong: tuple[tuple[str, float], ...] = ()
    tolerance: Tolerance | None = None
    generator: str | None = None
    params: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    unit: str = ""
    version: int = 1
    digest: str = ""
    excludes: tuple[str, ...] = ()  # items that give this one's answer away (or the reverse): never in one quiz

    def weight(self, track: str) -> float:
        return self.tracks.get(track, 0.0)

    @property
    def topic_name(self) -> str:
        return topic_name(self.topic)

    @property
    def choices(self) -> tuple[str, ...]:
        """What the quiz shuffles and labels A, B, ...: options, or ordering steps."""
        return self.steps if self.format == "ordering" else self.options

    def answer_key(self, params: dict[str, Any]) -> Key:
        """The key of a numeric item with its classic wrong answers: from the generator, else as written."""
        if self.generator:
            key = GENERATORS[self.generator](**params)
            return key if isinstance(key, Key) else Key(float(key))
        assert self.value is not None
        return Key(self.value, dict(self.wrong))

    def numeric_key(self, params: dict[str, Any]) -> float:
        """The key of a numeric item: computed by its generator from the drawn parameters, else the stored value."""
        return float(self.answer_key(params).value)


@dataclass(frozen=True)
class Defect:
    """One problem the validator found: file, item id (or position) and a one-line message."""

    file: str
    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.item + ': ' if self.item else ''}{self.message}"

    def to_json(self) -> dict[str, str]:
        return {"file": self.file, "item": self.item, "message": self.message}


# ------------------------------------------------------------------ parsing one file

def _unwrap(text: str) -> str:
    """As in Markdown: a single line break is a space, a blank line starts a paragraph, indented blocks stay."""
    paragraphs = []
    for para in re.split(r"\n[ \t]*\n", text.strip()):
        lines = para.splitlines()
        verbatim = all(line.startswith("    ") for line in lines)
        paragraphs.append(para if verbatim else " ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def _freeze(value: Any) -> Any:
    return tuple(_freeze(v) for v in value) if isinstance(value, list) else value


def _item(raw: dict[str, Any], topic: str, rel: str, position: int) -> tuple[Item | None, list[Defect]]:
    """One `[[items]]` table as an Item, or None and a defect per wrong field (named by item id and field)."""
    iid = raw.get("id") if isinstance(raw, dict) else None
    where = iid if isinstance(iid, str) and iid else f"item #{position}"
    model, messages = check_item(raw)
    prefix = TOPIC_BY_CODE[topic].prefix
    if isinstance(iid, str) and re.match(r"^[a-z]", iid) and not iid.startswith(prefix + "-"):
        messages.append(f"field 'id' must start with '{prefix}-' (the prefix of {topic_name(topic)}, {topic})")
    if model is None or messages:
        return None, [Defect(rel, where, m) for m in messages]
    extra: dict[str, Any] = {}
    if model.format in ("single", "multi"):
        answer = [model.answer] if isinstance(model.answer, str) else model.answer
        extra = {"options": tuple(model.options), "key": tuple(sorted(LETTERS.index(a) for a in answer)),
                 "shuffle": model.shuffle}
    elif model.format == "ordering":
        extra = {"steps": tuple(model.steps)}
    elif isinstance(model, NumericItem):
        tol = model.tolerance
        kind, width = ("abs", tol.abs) if tol.abs is not None else ("rel", tol.rel)
        extra = {"tolerance": Tolerance(kind, float(width or 0)),
                 "unit": model.unit, "value": model.answer, "wrong": tuple((w.why, w.value) for w in model.wrong),
                 "generator": model.generator,
                 "params": {k: tuple(_freeze(x) for x in v) for k, v in (model.params or {}).items()}}
    digest = hashlib.sha256(json.dumps(raw, sort_keys=True, default=str).encode()).hexdigest()[:12]
    item = Item(id=model.id, topic=topic, tracks={str(t): float(w) for t, w in model.tracks.items()},
                difficulty=str(model.difficulty), format=model.format, stem=_unwrap(model.stem),
                explanation=_unwrap(model.explanation), provenance=model.provenance.strip(), source=rel,
                version=model.version, digest=digest, excludes=tuple(model.excludes), **extra)
    return item, []


def parse_file(path: Path, root: Path) -> tuple[list[Item], list[Defect]]:
    """Parse one topic file: every well-formed item, and a defect for each problem."""
    rel = str(path.relative_to(root.parent)) if path.is_relative_to(root.parent) else str(path)
    m = _FILE.match(path.stem)
    if not m or m.group(1).upper() not in TOPIC_BY_CODE:
        return [], [Defect(rel, "", f"file name must be qNN-<topic>.toml with NN from 01 to {len(TOPICS):02d}")]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        return [], [Defect(rel, "", f"not valid TOML: {exc}")]
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Defect(rel, "", f"cannot read: {exc}")]
    code = m.group(1).upper()
    if data.get("topic") != code:
        return [], [Defect(rel, "", f"top-level 'topic' must be \"{code}\" (the file name's topic)")]
    top, messages = check_file(data)
    if top is None:
        return [], [Defect(rel, "", m) for m in messages]
    items, defects = [], []
    for n, raw in enumerate(top.items, 1):
        item, bad = _item(raw, code, rel, n)
        defects += bad
        if item:
            items.append(item)
    return items, defects


def _topic_files(root: Path) -> list[Path]:
    if not root.is_dir():
        raise QuestionFormatError(f"{root}: the question bank folder does not exist (set GRADER_QUESTIONS)")
    return sorted(p for p in root.glob("*.toml") if not p.name.startswith((".", "_")))


def read_bank(root: Path) -> tuple[dict[str, Item], list[Defect]]:
    """Every well-formed item by id, and every defect of the files (for the validator)."""
    items: dict[str, Item] = {}
    defects: list[Defect] = []
    seen: dict[str, str] = {}
    for path in _topic_files(root):
        code = path.stem[:3].upper()
        if code in seen and code in TOPIC_BY_CODE:
            defects.append(Defect(path.name, "", f"a second file for {code} (one file per topic; see {seen[code]})"))
            continue
        seen[code] = path.name
        found, bad = parse_file(path, root)
        defects += bad
        for item in found:
            if item.id in items:
                defects.append(Defect(item.source, item.id, f"duplicate id (also in {items[item.id].source})"))
            else:
                items[item.id] = item
    return items, defects + _exclusion_defects(items)


def _exclusion_defects(items: dict[str, Item]) -> list[Defect]:
    """`excludes` must name other items of the bank, and both items of a pair must name each other."""
    defects = []
    for item in items.values():
        for other in item.excludes:
            if other == item.id:
                defects.append(Defect(item.source, item.id, "field 'excludes' names the item itself"))
            elif other not in items:
                defects.append(Defect(item.source, item.id,
                                      f"field 'excludes' names {other!r}, which is not in the bank"))
            elif item.id not in items[other].excludes:
                defects.append(Defect(item.source, item.id, f"field 'excludes' names {other!r}, whose 'excludes' does "
                                                            f"not name {item.id!r} (a pair names each other)"))
    return defects


def load_bank(root: Path | None = None) -> dict[str, Item]:
    """Every item of the bank by id; a malformed bank raises QuestionFormatError naming the first defect."""
    items, defects = read_bank(root or questions_root())
    if defects:
        more = f" (and {len(defects) - 1} more)" if len(defects) > 1 else ""
        raise QuestionFormatError(f"question bank: {defects[0]}{more}; 'grader quiz validate' lists every problem")
    return dict(sorted(items.items()))


def validate_bank(root: Path | None = None, strict: bool = False, draws: int = 200) -> BankReport:
    """`grader quiz validate`: every check of `grader.quiz.lint` (kept here for callers of the bank)."""
    from grader.quiz.lint import validate_bank as run

    return run(root, strict=strict, draws=draws)
