"""Reading the small JSON files a learner's folder holds (exam.json, quiz.json) without trusting them.

The file is size-capped, must be UTF-8 JSON of bounded depth, and is validated by a strict pydantic model;
anything else is a UsageError of one line (exit 2) naming the file and what is wrong.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from grader.errors import UsageError

MAX_BYTES = 64 * 1024
MAX_DEPTH = 8  # the reference files are flat; deeper nesting is junk
M = TypeVar("M", bound=BaseModel)


def _depth(value: Any, limit: int) -> bool:
    """True when `value` nests no deeper than `limit` (iterative: safe for any input)."""
    stack = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if level > limit:
            return False
        if isinstance(item, dict):
            stack += [(v, level + 1) for v in item.values()]
        elif isinstance(item, list):
            stack += [(v, level + 1) for v in item]
    return True


def read_json(path: Path, fix: str) -> Any:
    """The JSON document in `path`; UsageError (one line, ending with `fix`) when it is missing or not sane JSON."""
    def bad(why: str) -> UsageError:
        return UsageError(f"{path}: {why}; {fix}")

    try:
        if path.stat().st_size > MAX_BYTES:
            raise bad(f"larger than {MAX_BYTES // 1024} KiB, not a file grader wrote")
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise bad("no such file") from None
    except UnicodeDecodeError:
        raise bad("not UTF-8 text") from None
    except OSError as exc:
        raise bad(f"cannot read ({exc.strerror})") from None
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:
        raise bad("nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise bad(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except ValueError as exc:  # a number too long to convert, NaN or Infinity
        raise bad(f"not valid JSON ({str(exc)[:60]})") from None
    if not _depth(data, MAX_DEPTH):
        raise bad("nested too deeply")
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{text[:20]} is out of range")
    return value


def validate(model: type[M], data: Any, path: Path, fix: str) -> M:
    """`data` as `model`; UsageError naming the first wrong field when it does not fit."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(p) for p in error["loc"]) or "the document"
        kind = error["type"]
        if kind == "missing":
            why = f"missing field '{field}'"
        elif kind == "extra_forbidden":
            why = f"unknown field '{field}'"
        elif kind in ("model_type", "dict_type") and not error["loc"]:
            why = "not a JSON object"
        else:
            why = f"field '{field}': {str(error['msg'])[:80]}"
        raise UsageError(f"{path}: {why}; {fix}") from None
