"""Authoring test helpers: a copy of a track's problems whose statements have hints, and the CLI."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from grader.authoring import write_starter
from grader.problems import bank_root, load_bank
from tests.cli import invoke

HINTS = """## Hints

HINT-{pid}: the formula is the knowledge being tested here, so it lives in the hints.

- PITFALL-{pid}: an edge case that candidates often get wrong
- call `np.something` for {pid}
"""


run = invoke  # the authoring tests drive the CLI in-process


def add_hints(problem_dir: Path) -> None:
    """Append a hints section naming the problem to its problem.md."""
    md = problem_dir / "problem.md"
    md.write_text(md.read_text(encoding="utf-8").rstrip() + "\n\n" + HINTS.format(pid=problem_dir.name),
                  encoding="utf-8")


@pytest.fixture(scope="session")
def _hinted_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hinted") / "bank"
    shutil.copytree(bank_root() / "ds", root / "ds", ignore=shutil.ignore_patterns("__pycache__"))
    for pdir in (root / "ds").iterdir():
        add_hints(pdir)
    for problem in load_bank(root).values():
        write_starter(problem)
    return root


@pytest.fixture
def hinted_bank(_hinted_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real ds track copied to a fresh bank, every statement given hints, every starter rebuilt."""
    root = tmp_path / "bank"
    shutil.copytree(_hinted_template, root)
    monkeypatch.setenv("GRADER_PROBLEMS", str(root))
    return root
