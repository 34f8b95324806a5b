"""The schema of a problem's `meta.yaml`: strict pydantic models, errors that name file and field.

Strict means no silent conversion: `memory_mb: 2.9`, `pids: true` and `cell_s: "10"` are refused,
unknown keys are refused, and `topic` must be one of the exam blueprint's topics for the track
(`grader.exam.QUOTAS`), so a mistyped topic cannot drop a problem out of its exam group.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, field_validator, model_validator

from grader.errors import ProblemFormatError
from grader.sandbox.limits import Limits
from grader.vocab import Difficulty, RuleKind, Track

DEFAULT_ALLOWED = ("numpy", "pandas", "sklearn")
RULE_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PROBLEM_ID = r"^(ds|mle)-[a-z0-9]+(-[a-z0-9]+)*$"
PY_NAME = r"^[A-Za-z_][A-Za-z0-9_]*$"
_STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)


def _limits_model() -> type[BaseModel]:
    """One optional, positive field per numeric `Limits` field, with its type (int stays int: 2.9 is refused)."""
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(Limits):
        if f.type not in (int, float, "int", "float"):
            continue  # not an author's setting: the forbidden libraries follow from allowed_imports
        kind = int if f.type in (int, "int") else float
        fields[f.name] = (kind | None, Field(default=None, gt=0))
    return create_model("LimitsOverrides", __config__=_STRICT, **fields)


LimitsOverrides = _limits_model()


class Rule(BaseModel):
    """One rule the statement states: a short id, its kind, and one line quoting or paraphrasing it."""

    model_config = _STRICT

    id: Annotated[str, Field(pattern=RULE_ID, max_length=40)]
    kind: Annotated[RuleKind, Field(strict=False)]  # YAML gives the enum's value as a string
    text: Annotated[str, Field(min_length=3, max_length=240, pattern=r"^[^\n]*$")]


class ProblemMeta(BaseModel):
    """Everything `meta.yaml` may hold."""

    model_config = _STRICT

    id: Annotated[str, Field(pattern=PROBLEM_ID)]
    title: Annotated[str, Field(min_length=1, max_length=120)]
    track: Annotated[Track, Field(strict=False)]
    topic: str
    difficulty: Annotated[Difficulty, Field(strict=False)]
    defines: Annotated[list[Annotated[str, Field(pattern=PY_NAME)]], Field(min_length=1)]
    allowed_imports: list[Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_.]*$")]] = list(DEFAULT_ALLOWED)
    limits: LimitsOverrides = Field(default_factory=LimitsOverrides)  # type: ignore[valid-type]
    provenance: Annotated[str, Field(min_length=1)]
    rules: list[Rule] = []

    @field_validator("rules")
    @classmethod
    def _unique_rule_ids(cls, rules: list[Rule]) -> list[Rule]:
        seen: set[str] = set()
        for r in rules:
            if r.id in seen:
                raise ValueError(f"rule id {r.id!r} is listed twice")
            seen.add(r.id)
        return rules

    @model_validator(mode="after")
    def _track_and_topic(self) -> ProblemMeta:
        from grader.exam import QUOTAS  # the exam blueprint (imported late: exam imports problems)

        if not self.id.startswith(f"{self.track}-"):
            raise ValueError(f"id {self.id!r} must start with its track '{self.track}-'")
        topics = sorted(t for group, _ in QUOTAS[str(self.track)] for t in group)
        if self.topic not in topics:
            raise ValueError(f"topic {self.topic!r} is not a {self.track} topic of the exam blueprint: "
                             f"one of {', '.join(topics)}")
        return self

    def limits_value(self) -> Limits:
        """The problem's limits: the defaults with this file's overrides."""
        overrides = self.limits.model_dump()  # type: ignore[attr-defined]
        return Limits().merged({k: v for k, v in overrides.items() if v is not None})


def _where(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc)


def _one_line(err: dict[str, Any]) -> str:
    loc = _where(err.get("loc", ()))
    kind = err.get("type", "")
    if kind == "missing":
        return f"missing field '{loc}'"
    if kind == "extra_forbidden":
        return f"unknown field '{loc}'"
    message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
    given = err.get("input")
    shown = "" if isinstance(given, (dict, list)) or kind.startswith("value_error") else f" (got {given!r:.40})"
    return f"field '{loc}': {message}{shown}" if loc else f"{message}{shown}"


def parse_meta(data: Any, where: Path) -> ProblemMeta:
    """Validate loaded YAML; raise ProblemFormatError naming the file and every bad field (first five)."""
    if not isinstance(data, dict):
        raise ProblemFormatError(f"{where}: must be a mapping of fields")
    try:
        return ProblemMeta.model_validate(data)
    except ValidationError as exc:
        lines = [_one_line(e) for e in exc.errors()]  # type: ignore[arg-type]
        more = f"; and {len(lines) - 5} more" if len(lines) > 5 else ""
        raise ProblemFormatError(f"{where}: " + "; ".join(lines[:5]) + more) from None
