"""Strict pydantic models of a question file (`questions/qNN-<slug>.toml`), and its errors as one-line defects.

The models hold everything that can be checked on one item alone: field types and ranges, the shape of each
format, the id and provenance patterns, options, steps, tolerance, generator and parameters. What needs the
whole bank (the id prefix of the file's topic, duplicates, draws, guessing cues, wrong answers) is checked by
`grader.quiz.bank` and `grader.quiz.lint`.
"""
from __future__ import annotations

import inspect
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic import Strict as _Strict

from grader.quiz.generators import GENERATORS
from grader.quiz.text import placeholders
from grader.vocab import Difficulty, Track

FORMATS = ("single", "multi", "numeric", "ordering")
N_OPTIONS = 5
LETTERS = "ABCDE"
STEPS_RANGE = (4, 5)
ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$"
PROVENANCE_PATTERN = r"^\s*(original; topic from |adapted from )\S"
BANNED_OPTIONS = ("all of the above", "none of the above", "both a and b")

# What a field must hold, said once: used for pattern and type errors, where pydantic's own words are vague.
FIELD_HELP = {
    "id": "must be lowercase words joined by '-', like 'prob-bayes-screening'",
    "provenance": "must start with 'original; topic from ' or 'adapted from ' (name the source)",
    "tracks": "must be { ds = W, mle = W } with weights from 0 to 1",
    "difficulty": "must be one of " + ", ".join(Difficulty),
    "format": "must be one of " + ", ".join(FORMATS) + " (true/false items are not allowed)",
    "answer": "must be the key: a letter A-E (single), a list of letters (multi), or a number (numeric)",
    "tolerance": "must be { abs = X } (X >= 0) or { rel = X } (0 < X < 0.5, a fraction: 0.01 is 1%)",
    "params": "must map each parameter name to a non-empty list of choices (numbers, strings or lists)",
    "wrong": "must list the classic wrong answers: [{ value = <number>, why = \"the mistake\" }]",
    "excludes": "must list the ids of items never drawn in the same quiz, like [\"arch-diffusion-training-order\"]",
}

Text = Annotated[str, StringConstraints(pattern=r"\S")]
Letter = Annotated[str, StringConstraints(pattern=r"^[A-E]$")]
Weight = Annotated[float, Field(ge=0, le=1)]
Scalar = StrictInt | StrictFloat | str
ParamValue = Scalar | list[Scalar | list[Scalar]]  # a number, a string, or lists of them (2 deep)


def normalized(text: str) -> str:
    """Case, spacing and final punctuation do not make two options (or stems) different."""
    return " ".join(text.lower().split()).rstrip(".?!:; ")


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class _Item(_Model):
    """The fields every format shares."""

    id: Annotated[str, StringConstraints(pattern=ID_PATTERN)]
    difficulty: Annotated[Difficulty, _Strict(False)]
    tracks: dict[Annotated[Track, _Strict(False)], Weight]
    stem: Text
    explanation: Text
    provenance: Annotated[str, StringConstraints(pattern=PROVENANCE_PATTERN)]
    version: Annotated[int, Field(ge=1)] = 1
    excludes: list[Annotated[str, StringConstraints(pattern=ID_PATTERN)]] = []

    @field_validator("excludes")
    @classmethod
    def _distinct_excludes(cls, excludes: list[str]) -> list[str]:
        if len(set(excludes)) != len(excludes):
            raise ValueError("names an item twice")
        return excludes

    @field_validator("tracks")
    @classmethod
    def _both_tracks(cls, tracks: dict[Track, float]) -> dict[Track, float]:
        if set(tracks) != set(Track):
            raise ValueError(FIELD_HELP["tracks"])
        if not any(tracks.values()):
            raise ValueError("gives weight 0 to both tracks, so the item can never be drawn")
        return tracks

    @field_validator("stem")
    @classmethod
    def _no_true_false(cls, stem: str) -> str:
        if re.match(r"^\s*(true or false|true/false)\b", stem, re.IGNORECASE):
            raise ValueError("true/false items are not allowed (a blind guess is right half the time)")
        return stem


class _Choice(_Item):
    options: Annotated[list[Text], Field(min_length=N_OPTIONS, max_length=N_OPTIONS)]
    shuffle: bool = True

    @field_validator("options")
    @classmethod
    def _distinct_real_options(cls, options: list[str]) -> list[str]:
        normed = [normalized(o) for o in options]
        if len(set(normed)) != len(normed):
            raise ValueError("has duplicate options")
        if any(n.startswith(b) for n in normed for b in BANNED_OPTIONS):
            raise ValueError("options like 'all/none of the above' are not allowed")
        if set(normed) & {"true", "false"}:
            raise ValueError("true/false items are not allowed (a blind guess is right half the time)")
        return options


class SingleItem(_Choice):
    """One best answer of five."""

    format: Literal["single"]
    answer: Letter


class MultiItem(_Choice):
    """Select all that apply: the key is the exact set."""

    format: Literal["multi"]
    answer: Annotated[list[Letter], Field(min_length=1, max_length=N_OPTIONS)]

    @field_validator("answer")
    @classmethod
    def _distinct(cls, answer: list[str]) -> list[str]:
        if len(set(answer)) != len(answer):
            raise ValueError("repeats a letter")
        return answer


class OrderingItem(_Item):
    """Steps listed in the right order; the quiz shuffles them."""

    format: Literal["ordering"]
    steps: Annotated[list[Text], Field(min_length=STEPS_RANGE[0], max_length=STEPS_RANGE[1])]

    @field_validator("steps")
    @classmethod
    def _distinct(cls, steps: list[str]) -> list[str]:
        if len({normalized(s) for s in steps}) != len(steps):
            raise ValueError("has duplicate steps")
        return steps


class Tolerance(_Model):
    """`abs` units either side of the key, or `rel` as a fraction of it; exactly one of the two."""

    abs: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    rel: Annotated[float, Field(gt=0, lt=0.5, allow_inf_nan=False)] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Tolerance:
        if (self.abs is None) == (self.rel is None):
            raise ValueError(FIELD_HELP["tolerance"])
        return self


class WrongAnswer(_Model):
    """A classic wrong answer to a fixed numeric item, and the mistake that gives it."""

    value: Annotated[float, Field(allow_inf_nan=False)]
    why: Text


class NumericItem(_Item):
    """A number within a tolerance: a fixed `answer` with its `wrong` answers, or a generator with `params`."""

    format: Literal["numeric"]
    tolerance: Tolerance
    answer: Annotated[float, Field(allow_inf_nan=False)] | None = None
    wrong: list[WrongAnswer] = []
    generator: str | None = None
    params: dict[str, Annotated[list[ParamValue], Field(min_length=1)]] | None = None
    unit: str = ""

    @model_validator(mode="after")
    def _key_source(self) -> NumericItem:
        if self.generator is None:
            if self.params is not None:
                raise ValueError("field 'params' needs a 'generator'")
            if self.answer is None:
                raise ValueError("a numeric item needs answer = <number>, or generator = \"name\" with params")
            if not self.wrong:
                raise ValueError("a fixed numeric item lists its classic wrong answers: "
                                 "wrong = [{ value = <number>, why = \"the mistake\" }]")
            return self
        if self.answer is not None:
            raise ValueError("a generated item must not state 'answer': its generator computes the key")
        if self.wrong:
            raise ValueError("a generated item's wrong answers come from its generator (the Key it returns), "
                             "not from 'wrong'")
        if self.generator not in GENERATORS:
            raise ValueError(f"unknown generator {self.generator!r} (known: see grader/quiz/generators/)")
        if not self.params:
            raise ValueError(FIELD_HELP["params"])
        wanted = set(inspect.signature(GENERATORS[self.generator]).parameters)
        if set(self.params) != wanted:
            raise ValueError(f"generator '{self.generator}' takes parameters {', '.join(sorted(wanted))}; "
                             f"'params' gives {', '.join(sorted(self.params))}")
        used = placeholders(self.stem)
        if used is None:
            raise ValueError("field 'stem' is not a valid template (write a literal brace as {{ or }})")
        if used != set(self.params):
            missing, unknown = sorted(set(self.params) - used), sorted(used - set(self.params))
            raise ValueError("the stem must show every parameter and only parameters"
                             + (f"; not shown: {', '.join(missing)}" if missing else "")
                             + (f"; unknown: {', '.join(unknown)}" if unknown else ""))
        used = placeholders(self.explanation)
        if used is None or not used <= set(self.params) | {"answer"}:
            raise ValueError("field 'explanation' may use only the parameters and {answer} as placeholders")
        return self


ItemModel = Annotated[SingleItem | MultiItem | NumericItem | OrderingItem, Field(discriminator="format")]
_ITEM = TypeAdapter(ItemModel)


class TopicFile(_Model):
    """The top of a topic file; its items are validated one by one so that each error names its item."""

    topic: Annotated[str, StringConstraints(pattern=r"^Q\d\d$")]
    title: str = ""
    items: Annotated[list[Any], Field(min_length=1)]


def _message(error: dict[str, Any], fmt: str | None) -> tuple[str, str]:
    """(field, one-line message) for one pydantic error, with the format tag and union branches left out."""
    loc = [str(part) for part in error["loc"] if part != fmt]
    field = loc[0] if loc else ""
    where = ".".join(p for p in loc if not p.startswith(("int", "float", "str", "list[", "[key]", "union[")))
    kind, text = error["type"], str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return "format", f"field 'format' {FIELD_HELP['format']}"
    if kind == "extra_forbidden":
        return field, f"unknown field {where}" + (f" for format '{fmt}'" if fmt else "")
    if kind == "missing":
        return field, f"missing field '{where}'"
    if not field:
        return "", text
    if field in FIELD_HELP and (kind.endswith("_type") or "pattern" in kind or kind in ("enum", "dict_type")):
        return field, f"field '{field}' {FIELD_HELP[field]}"
    return field, f"field '{where}' {text}" if kind == "value_error" else f"field '{where}': {text}"


def check_item(raw: Any) -> tuple[SingleItem | MultiItem | NumericItem | OrderingItem | None, list[str]]:
    """The validated item, or None and one message per wrong field (the first error of each field)."""
    if not isinstance(raw, dict):
        return None, ["each [[items]] entry must be a table"]
    try:
        return _ITEM.validate_python(raw), []
    except ValidationError as exc:
        fmt = raw.get("format") if raw.get("format") in FORMATS else None
        seen: dict[str, str] = {}
        for error in exc.errors():
            field, text = _message(dict(error), fmt)
            seen.setdefault(field, text)
        return None, list(seen.values())


def check_file(data: Any) -> tuple[TopicFile | None, list[str]]:
    """The validated top of a topic file, or None and its messages."""
    try:
        return TopicFile.model_validate(data), []
    except ValidationError as exc:
        return None, [_message(dict(e), None)[1] for e in exc.errors()]

