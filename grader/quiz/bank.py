"""The question bank: topics and blueprint, the item model, loading `questions/*.toml`, and the validator."""
from __future__ import annotations

import hashlib
import inspect
import itertools
import json
import math
import os
import random
import re
import string
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grader.errors import GraderError
from grader.quiz.generators import GENERATORS
from grader.resources import questions_dir
from grader.vocab import QUIZ_SIZE, Difficulty, Track

TRACKS = tuple(Track)
DIFFICULTIES = tuple(Difficulty)
FORMATS = ("single", "multi", "numeric", "ordering")
FORMAT_LABELS = {"single": "single answer", "multi": "select all that apply", "numeric": "numeric",
                 "ordering": "ordering"}
LETTERS = string.ascii_uppercase
N_OPTIONS = 5
STEPS_RANGE = (4, 5)
_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$")
_FILE = re.compile(r"^(q\d\d)-[a-z0-9]+(-[a-z0-9]+)*$")
_COMMON = {"id", "tracks", "difficulty", "format", "stem", "explanation", "provenance", "version"}
_FIELDS = {
    "single": _COMMON | {"options", "answer", "shuffle"},
    "multi": _COMMON | {"options", "answer", "shuffle"},
    "numeric": _COMMON | {"answer", "tolerance", "generator", "params", "unit"},
    "ordering": _COMMON | {"steps"},
}
_BANNED_OPTIONS = ("all of the above", "none of the above", "both a and b")
_MAX_COMBOS = 400  # generated items: parameter combinations checked exhaustively up to this many, sampled beyond


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
        return self.ds if track == "ds" else self.mle


# problem-bank.md section 3.1: code, item-id prefix, title, target items, DS draw, MLE draw (each sums to 50).
TOPICS: tuple[Topic, ...] = (
    Topic("Q01", "prob", "Probability", 20, 5, 2),
    Topic("Q02", "inf", "Statistical inference", 24, 6, 2),
    Topic("Q03", "exp", "Experimentation", 18, 5, 1),
    Topic("Q04", "data", "Data quality, leakage, sampling, features", 20, 4, 3),
    Topic("Q05", "metric", "Evaluation metrics", 24, 5, 4),
    Topic("Q06", "valid", "Validation and generalization", 22, 5, 4),
    Topic("Q07", "lin", "Linear and logistic models", 16, 4, 2),
    Topic("Q08", "tree", "Trees and ensembles", 16, 3, 3),
    Topic("Q09", "unsup", "Unsupervised learning", 16, 3, 2),
    Topic("Q10", "opt", "Optimization", 14, 1, 4),
    Topic("Q11", "nn", "Neural-network training", 20, 1, 6),
    Topic("Q12", "arch", "Architectures", 18, 1, 6),
    Topic("Q13", "nlp", "NLP and LLM basics", 12, 1, 3),
    Topic("Q14", "rec", "Recommendation, ranking, bandits and RL", 10, 1, 2),
    Topic("Q15", "prod", "ML in production", 14, 2, 4),
    Topic("Q16", "math", "Math foundations", 14, 2, 2),
    Topic("Q17", "resp", "Responsible ML", 8, 1, 0),
)
TOPIC_BY_CODE = {t.code: t for t in TOPICS}
BLUEPRINT_SIZE = QUIZ_SIZE


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
    tolerance: Tolerance | None = None
    generator: str | None = None
    params: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    unit: str = ""
    version: int = 1
    digest: str = ""

    def weight(self, track: str) -> float:
        return self.tracks.get(track, 0.0)

    @property
    def choices(self) -> tuple[str, ...]:
        """What the quiz shuffles and labels A, B, ...: options, or ordering steps."""
        return self.steps if self.format == "ordering" else self.options

    def numeric_key(self, params: dict[str, Any]) -> float:
        """The key of a numeric item: computed by its generator from the drawn parameters, else the stored value."""
        if self.generator:
            return float(GENERATORS[self.generator](**params))
        assert self.value is not None
        return self.value


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

def _letters_to_indices(answer: Any, n: int) -> tuple[int, ...] | None:
    raw = [answer] if isinstance(answer, str) else answer
    if not isinstance(raw, list) or not all(isinstance(a, str) and len(a) == 1 for a in raw):
        return None
    idx = tuple(LETTERS.find(a.upper()) for a in raw)
    return idx if all(0 <= i < n for i in idx) else None


def _norm(text: str) -> str:
    """Case, spacing and final punctuation do not make two options (or stems) different."""
    return " ".join(text.lower().split()).rstrip(".?!:; ")


def _unwrap(text: str) -> str:
    """As in Markdown: a single line break is a space, a blank line starts a paragraph, indented blocks stay."""
    paragraphs = []
    for para in re.split(r"\n[ \t]*\n", text.strip()):
        lines = para.splitlines()
        verbatim = all(line.startswith("    ") for line in lines)
        paragraphs.append(para if verbatim else " ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def _placeholders(template: str) -> set[str] | None:
    """Field names in a str.format template, or None when the template does not parse."""
    try:
        return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template)
                if name is not None}
    except ValueError:
        return None


def _parse_item(raw: Any, topic: str, rel: str, position: int) -> tuple[Item | None, list[Defect]]:
    """Check one `[[items]]` table against the schema; returns the item (None if unusable) and its defects."""
    where = f"item #{position}"
    if not isinstance(raw, dict):
        return None, [Defect(rel, where, "each [[items]] entry must be a table")]
    iid = raw.get("id")
    if isinstance(iid, str) and iid:
        where = iid
    bad: list[Defect] = []

    def defect(message: str) -> None:
        bad.append(Defect(rel, where, message))

    prefix = TOPIC_BY_CODE[topic].prefix
    if not isinstance(iid, str) or not _ID.match(iid):
        defect("field 'id' must be lowercase words joined by '-', like 'prob-bayes-screening'")
    elif not iid.startswith(prefix + "-"):
        defect(f"field 'id' must start with '{prefix}-' (the prefix of {topic})")
    fmt = raw.get("format")
    if fmt not in FORMATS:
        defect(f"field 'format' must be one of {', '.join(FORMATS)} (true/false items are not allowed)")
        return None, bad
    unknown = sorted(set(raw) - _FIELDS[fmt])
    if unknown:
        defect(f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} for format '{fmt}'")
    for name in ("stem", "explanation", "provenance"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            defect(f"field '{name}' must be a non-empty string")
    provenance = raw.get("provenance", "")
    if isinstance(provenance, str) and provenance.strip() and not re.match(r"^(original; topic from |adapted from )",
                                                                          provenance.strip()):
        defect("field 'provenance' must start with 'original; topic from ' or 'adapted from ' (name the source)")
    tracks = raw.get("tracks")
    weights_ok = isinstance(tracks, dict) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for v in tracks.values())
    if not weights_ok or set(tracks) != set(TRACKS):
        defect("field 'tracks' must be { ds = W, mle = W } with weights from 0 to 1")
        tracks = {t: 0.0 for t in TRACKS}
    elif not any(v > 0 for v in tracks.values()):
        defect("field 'tracks' gives weight 0 to both tracks, so the item can never be drawn")
    if raw.get("difficulty") not in DIFFICULTIES:
        defect(f"field 'difficulty' must be one of {', '.join(DIFFICULTIES)}")
    version = raw.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        defect("field 'version' must be a positive integer")
        version = 1
    stem = raw.get("stem") if isinstance(raw.get("stem"), str) else ""
    if re.match(r"^\s*(true or false|true/false)\b", stem, re.IGNORECASE):
        defect("true/false items are not allowed (a blind guess is right half the time)")

    extra: dict[str, Any] = {}
    if fmt in ("single", "multi"):
        options = raw.get("options")
        if not isinstance(options, list) or len(options) != N_OPTIONS or not all(
                isinstance(o, str) and o.strip() for o in options):
            defect(f"field 'options' must list exactly {N_OPTIONS} non-empty strings")
            options = []
        else:
            normed = [_norm(o) for o in options]
            if len(set(normed)) != len(normed):
                defect("field 'options' has duplicate options")
            if any(n.startswith(b) for n in normed for b in _BANNED_OPTIONS):
                defect("options like 'all/none of the above' are not allowed")
            if set(normed) & {"true", "false"}:
                defect("true/false items are not allowed (a blind guess is right half the time)")
        key = _letters_to_indices(raw.get("answer"), N_OPTIONS)
        if fmt == "single":
            if not isinstance(raw.get("answer"), str) or key is None:
                defect("a single-answer item needs exactly one key: answer = \"C\" (a letter A-E)")
                key = None
        else:
            if not isinstance(raw.get("answer"), list) or key is None or not key:
                defect("a multi-select item needs answer = [\"A\", \"C\", ...] (letters A-E, at least one)")
                key = None
            elif len(set(key)) != len(key):
                defect("field 'answer' repeats a letter")
        shuffle = raw.get("shuffle", True)
        if not isinstance(shuffle, bool):
            defect("field 'shuffle' must be true or false")
            shuffle = True
        extra = {"options": tuple(options), "key": tuple(sorted(key or ())), "shuffle": shuffle}
    elif fmt == "ordering":
        steps = raw.get("steps")
        lo, hi = STEPS_RANGE
        if not isinstance(steps, list) or not lo <= len(steps) <= hi or not all(
                isinstance(s, str) and s.strip() for s in steps):
            defect(f"field 'steps' must list {lo} to {hi} non-empty strings, in the correct order")
            steps = []
        elif len({_norm(s) for s in steps}) != len(steps):
            defect("field 'steps' has duplicate steps")
        extra = {"steps": tuple(steps)}
    else:
        extra = _parse_numeric(raw, stem, defect)
    if bad:
        return None, bad
    digest = hashlib.sha256(json.dumps(raw, sort_keys=True, default=str).encode()).hexdigest()[:12]
    item = Item(id=iid, topic=topic, tracks={t: float(tracks[t]) for t in TRACKS}, difficulty=raw["difficulty"],
                format=fmt, stem=_unwrap(raw["stem"]), explanation=_unwrap(raw["explanation"]),
                provenance=raw["provenance"].strip(), source=rel, version=version, digest=digest, **extra)
    return item, []


def _parse_numeric(raw: dict, stem: str, defect: Any) -> dict[str, Any]:
    tol = raw.get("tolerance")
    tolerance = None
    if (not isinstance(tol, dict) or len(tol) != 1 or next(iter(tol)) not in ("abs", "rel")
            or not isinstance(next(iter(tol.values())), (int, float)) or isinstance(next(iter(tol.values())), bool)):
        defect("a numeric item needs tolerance = { abs = X } or tolerance = { rel = X }")
    else:
        kind, value = next(iter(tol.items()))
        if not math.isfinite(value) or value < 0 or (kind == "rel" and not 0 < value < 0.5):
            defect("tolerance 'abs' must be >= 0 and 'rel' between 0 and 0.5 (a fraction: 0.01 is 1%)")
        else:
            tolerance = Tolerance(kind, float(value))
    unit = raw.get("unit", "")
    if not isinstance(unit, str):
        defect("field 'unit' must be a string")
        unit = ""
    gen, params, answer = raw.get("generator"), raw.get("params"), raw.get("answer")
    out: dict[str, Any] = {"tolerance": tolerance, "unit": unit}
    if gen is None:
        if params is not None:
            defect("field 'params' needs a 'generator'")
        if not isinstance(answer, (int, float)) or isinstance(answer, bool) or not math.isfinite(answer):
            defect("a numeric item needs answer = <number>, or generator = \"name\" with params")
            return out
        return {**out, "value": float(answer)}
    if answer is not None:
        defect("a generated item must not state 'answer': its generator computes the key")
    if not isinstance(gen, str) or gen not in GENERATORS:
        defect(f"unknown generator {gen!r} (known: see grader/quiz/generators.py)")
        return out
    if not isinstance(params, dict) or not params or not all(
            isinstance(v, list) and v and all(isinstance(x, (int, float, str, list)) and not isinstance(x, bool)
                                              for x in v) for v in params.values()):
        defect("field 'params' must map each parameter name to a non-empty list of choices")
        return out
    wanted = set(inspect.signature(GENERATORS[gen]).parameters)
    if set(params) != wanted:
        defect(f"generator '{gen}' takes parameters {', '.join(sorted(wanted))}; 'params' gives "
               f"{', '.join(sorted(params))}")
        return out
    used = _placeholders(stem)
    if used is None:
        defect("field 'stem' is not a valid template (write a literal brace as {{ or }})")
    elif used != set(params):
        missing, unknown = sorted(set(params) - used), sorted(used - set(params))
        defect("the stem must show every parameter and only parameters"
               + (f"; not shown: {', '.join(missing)}" if missing else "")
               + (f"; unknown: {', '.join(unknown)}" if unknown else ""))
    explanation = raw.get("explanation") if isinstance(raw.get("explanation"), str) else ""
    used_expl = _placeholders(explanation)
    if used_expl is None or not used_expl <= set(params) | {"answer"}:
        defect("field 'explanation' may use only the parameters and {answer} as placeholders")
    return {**out, "generator": gen, "params": {k: tuple(_freeze(x) for x in v) for k, v in params.items()}}


def _freeze(value: Any) -> Any:
    return tuple(_freeze(v) for v in value) if isinstance(value, list) else value


def parse_file(path: Path, root: Path) -> tuple[list[Item], list[Defect]]:
    """Parse one topic file: every well-formed item, and a defect for each problem."""
    rel = str(path.relative_to(root.parent)) if path.is_relative_to(root.parent) else str(path)
    m = _FILE.match(path.stem)
    if not m or m.group(1).upper() not in TOPIC_BY_CODE:
        return [], [Defect(rel, "", "file name must be qNN-<topic>.toml with NN from 01 to 17")]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        return [], [Defect(rel, "", f"not valid TOML: {exc}")]
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Defect(rel, "", f"cannot read: {exc}")]
    code = m.group(1).upper()
    if data.get("topic") != code:
        return [], [Defect(rel, "", f"top-level 'topic' must be \"{code}\" (the file name's topic)")]
    unknown = sorted(set(data) - {"topic", "title", "items"})
    defects = []
    if unknown:
        defects.append(Defect(rel, "", f"unknown top-level field{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}"))
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        return [], defects + [Defect(rel, "", "no [[items]] tables")]
    items = []
    for n, raw in enumerate(raw_items, 1):
        item, bad = _parse_item(raw, code, rel, n)
        defects += bad
        if item:
            items.append(item)
    return items, defects


def _topic_files(root: Path) -> list[Path]:
    if not root.is_dir():
        raise QuestionFormatError(f"{root}: the question bank folder does not exist (set GRADER_QUESTIONS)")
    return sorted(p for p in root.glob("*.toml") if not p.name.startswith((".", "_")))


def _read_bank(root: Path) -> tuple[dict[str, Item], list[Defect]]:
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
    return items, defects


def load_bank(root: Path | None = None) -> dict[str, Item]:
    """Every item of the bank by id; a malformed bank raises QuestionFormatError naming the first defect."""
    items, defects = _read_bank(root or questions_root())
    if defects:
        more = f" (and {len(defects) - 1} more)" if len(defects) > 1 else ""
        raise QuestionFormatError(f"question bank: {defects[0]}{more}; 'grader quiz validate' lists every problem")
    return dict(sorted(items.items()))


# ------------------------------------------------------------------ the validator

@dataclass(frozen=True)
class TopicCount:
    """How one topic stands: items written, the spec target, and per-track eligible items against the quota."""

    topic: Topic
    items: int
    eligible: dict[str, int]
    difficulty: dict[str, int]
    formats: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        t = self.topic
        return {"topic": t.code, "title": t.title, "items": self.items, "target": t.target,
                "ds": {"eligible": self.eligible["ds"], "quota": t.ds},
                "mle": {"eligible": self.eligible["mle"], "quota": t.mle},
                "difficulty": self.difficulty, "formats": self.formats}


@dataclass(frozen=True)
class BankReport:
    """What `grader quiz validate` found: defects fail the run; warnings only inform."""

    items: int
    defects: tuple[Defect, ...]
    warnings: tuple[str, ...]
    topics: tuple[TopicCount, ...]

    @property
    def ok(self) -> bool:
        return not self.defects

    def to_json(self) -> dict[str, Any]:
        formats = {f: sum(t.formats[f] for t in self.topics) for f in FORMATS}
        return {"ok": self.ok, "items": self.items, "target": sum(t.topic.target for t in self.topics),
                "defects": [d.to_json() for d in self.defects], "warnings": list(self.warnings),
                "formats": formats, "topics": [t.to_json() for t in self.topics]}


def _param_combos(item: Item) -> Iterator[dict[str, Any]]:
    names = sorted(item.params)
    total = math.prod(len(item.params[n]) for n in names)
    if total <= _MAX_COMBOS:
        for values in itertools.product(*(item.params[n] for n in names)):
            yield dict(zip(names, values))
        return
    rng = random.Random(f"validate:{item.id}")
    for _ in range(_MAX_COMBOS):
        yield {n: rng.choice(item.params[n]) for n in names}


def _check_generated(item: Item) -> list[Defect]:
    from grader.quiz.draw import instantiate

    def bad(message: str) -> list[Defect]:
        return [Defect(item.source, item.id, message)]

    for params in _param_combos(item):
        try:
            first, second = item.numeric_key(params), item.numeric_key(params)
            item.stem.format(**params)
            item.explanation.format(**params, answer=first)
        except Exception as exc:  # noqa: BLE001 - any failure of author code is a defect to report
            return bad(f"generator '{item.generator}' fails for {params}: {type(exc).__name__}: {exc}")
        if not math.isfinite(first):
            return bad(f"generator '{item.generator}' gives a non-finite key for {params}")
        if first != second:
            return bad(f"generator '{item.generator}' is not reproducible: two calls with {params} differ")
    for seed in range(5):
        if instantiate(item, seed) != instantiate(item, seed):
            return bad("drawing this item twice with the same seed gives different parameters")
    return []


def validate_bank(root: Path | None = None, strict: bool = False) -> BankReport:
    """Check every item and the blueprint draws; with `strict`, topics below their spec target are defects too."""
    from grader.quiz.draw import DrawError, draw

    root = root or questions_root()
    items, defects = _read_bank(root)
    stems: dict[str, Item] = {}
    for item in items.values():
        norm = _norm(item.stem)
        if norm in stems:
            defects.append(Defect(item.source, item.id, f"duplicate stem (same as {stems[norm].id})"))
        else:
            stems[norm] = item
        if item.generator:
            defects += _check_generated(item)
    warnings: list[str] = []
    counts = []
    for topic in TOPICS:
        mine = [i for i in items.values() if i.topic == topic.code]
        eligible = {t: sum(1 for i in mine if i.weight(t) > 0) for t in TRACKS}
        counts.append(TopicCount(topic, len(mine), eligible,
                                 {d: sum(1 for i in mine if i.difficulty == d) for d in DIFFICULTIES},
                                 {f: sum(1 for i in mine if i.format == f) for f in FORMATS}))
        if len(mine) < topic.target:
            message = f"{topic.code} has {len(mine)} of the {topic.target} items the spec targets"
            if strict:
                defects.append(Defect(str(root.name), topic.code, message))
            else:
                warnings.append(message)
    for track in TRACKS:
        short = [f"{c.topic.code} {c.eligible[track]}/{c.topic.quota(track)}" for c in counts
                 if c.eligible[track] < c.topic.quota(track)]
        if short:
            warnings.append(f"{track} blueprint: too few items for one quiz in {', '.join(short)}; "
                            "draws fill from other topics")
        for seed in range(3):
            try:
                first = draw(items, track, seed=seed)
                again = draw(items, track, seed=seed)
            except DrawError as exc:
                defects.append(Defect(str(root.name), "", f"{track} blueprint draw impossible: {exc}"))
                break
            ids = [d.id for d in first.items]
            if len(set(ids)) != len(ids) or len(ids) != BLUEPRINT_SIZE:
                defects.append(Defect(str(root.name), "", f"{track} draw with seed {seed} repeats or misses items"))
            if first.items != again.items:
                defects.append(Defect(str(root.name), "", f"{track} draw with seed {seed} is not reproducible"))
    total = len(items)
    if total:
        single = sum(1 for i in items.values() if i.format == "single") / total
        if single > 0.4:
            warnings.append(f"{single:.0%} of the items are single-answer; the spec wants at most 40% of a quiz")
    return BankReport(items=total, defects=tuple(defects), warnings=tuple(warnings), topics=tuple(counts))
