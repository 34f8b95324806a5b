"""Readiness test helpers: the CLI with the in-process fake sandbox, solved notebooks, the learner's store."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from grader.notebook import code_notebook
from grader.problems import load_bank
from grader.sandbox.fake import FakeSandbox
from grader.store import Store
from tests.cli import invoke

run = invoke


@pytest.fixture
def fake_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every CLI grading command runs notebooks in the fake sandbox (in-process: fast, isolates nothing)."""
    monkeypatch.setattr("grader.sandbox.get_sandbox", lambda name="auto", bulk=False: FakeSandbox())


def db() -> Store:
    """The learner's results database of this test."""
    return Store(os.environ["GRADER_DB"])


def solve(directory: Path, pid: str) -> None:
    """Replace an exam notebook with the problem's reference solution."""
    (directory / f"{pid}.ipynb").write_bytes(code_notebook([load_bank()[pid].solution_path.read_text()], pid))


def spoil(directory: Path, pid: str) -> None:
    """Replace an exam notebook with code that defines nothing (graded: failed or invalid)."""
    (directory / f"{pid}.ipynb").write_bytes(code_notebook(["x = 1"], pid))


def new_exam(directory: Path, *args: str) -> dict:
    """`grader exam new --json` for the mle track (fewer heavy imports than ds) with `args`; its JSON."""
    code, out, err = run("exam", "new", "--track", "mle", "--dir", str(directory), "--json", *args)
    assert code == 0, err
    return json.loads(out)
