"""Quiz test helpers: tiny banks written in code, and the CLI."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from grader.quiz.bank import TOPICS
from tests.cli import invoke

run = invoke  # the quiz tests drive the CLI in-process


def toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(type(v))


def write_topic(root: Path, code: str, items: list[dict], name: str | None = None, topic: str | None = None) -> Path:
    """One topic file with these items (dicts of TOML fields)."""
    root.mkdir(parents=True, exist_ok=True)
    slug = name or f"{code.lower()}-test"
    lines = [f'topic = "{topic or code}"', ""]
    for item in items:
        lines.append("[[items]]")
        lines += [f"{k} = {toml_value(v)}" for k, v in item.items()]
        lines.append("")
    path = root / f"{slug}.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def prefix(code: str) -> str:
    return next(t.prefix for t in TOPICS if t.code == code)


def single(code: str, n: int, **over: Any) -> dict:
    """A valid single-answer item of topic `code`, number n (unique stem, options and id)."""
    item = {"id": f"{prefix(code)}-item-{n}", "format": "single", "difficulty": "M",
            "tracks": {"ds": 1.0, "mle": 1.0}, "stem": f"Synthetic question {code} number {n}?",
            "options": [f"option {c} of {code}-{n}" for c in "abcde"], "answer": "B",
            "explanation": "Because.", "provenance": "original; topic from the test suite"}
    item.update(over)
    return item


def multi(code: str, n: int, **over: Any) -> dict:
    return single(code, n, **{"format": "multi", "answer": ["A", "C"], **over})


def numeric(code: str, n: int, **over: Any) -> dict:
    item = {"id": f"{prefix(code)}-num-{n}", "format": "numeric", "difficulty": "E",
            "tracks": {"ds": 1.0, "mle": 1.0},
            "stem": "Each of {n} servers fails with probability {p}. P(at least one fails)? " + str(n),
            "generator": "at_least_one", "params": {"p": [0.05, 0.1], "n": [10, 20]},
            "tolerance": {"rel": 0.02}, "explanation": "1 − (1 − p)^n = {answer:.3f}.",
            "provenance": "original; topic from the test suite"}
    item.update(over)
    return item


def ordering(code: str, n: int, **over: Any) -> dict:
    item = {"id": f"{prefix(code)}-ord-{n}", "format": "ordering", "difficulty": "M",
            "tracks": {"ds": 1.0, "mle": 1.0}, "stem": f"Order these steps ({code} {n}).",
            "steps": [f"step {k} of {code}-{n}" for k in range(1, 5)],
            "explanation": "First things first.", "provenance": "original; topic from the test suite"}
    item.update(over)
    return item


def synthetic_bank(root: Path, counts: dict[str, int] | None = None) -> Path:
    """A valid bank: enough single-answer items per topic for both blueprints unless `counts` says otherwise."""
    counts = counts or {}
    for t in TOPICS:
        n = counts.get(t.code, max(t.ds, t.mle) + 1)
        if n:
            write_topic(root, t.code, [single(t.code, k) for k in range(n)])
    return root


@pytest.fixture
def bank_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that GRADER_QUESTIONS points at."""
    root = tmp_path / "questions"
    root.mkdir()
    monkeypatch.setenv("GRADER_QUESTIONS", str(root))
    return root
