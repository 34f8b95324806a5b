"""Where the shipped data lives: the problem bank, the quiz questions and the sandbox image files.

In the repository they are the top-level folders `problems/`, `questions/` and `sandbox/`. The build
maps them into the package as `grader.data.problems`, `grader.data.questions` and
`grader.data.sandbox` (pyproject.toml), so a wheel carries them, and an editable install reads the
repository's folders directly; `importlib.resources` finds them either way. HTML templates live in
`grader/templates/` (see grader/html.py).
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import grader
from grader.errors import GraderError


def data_dir(name: str) -> Path:
    """The folder of the data package `grader.data.<name>` (problems, questions or sandbox)."""
    root = resources.files(f"grader.data.{name}")
    if not isinstance(root, Path):  # the checks and the Docker build need real files
        raise GraderError(f"grader's {name} are not on the file system ({root}); install grader unzipped")
    return root


def problems_dir() -> Path:
    return data_dir("problems")


def questions_dir() -> Path:
    return data_dir("questions")


def sandbox_dir() -> Path:
    return data_dir("sandbox")


def sandbox_masks(roots: Iterable[str]) -> list[str]:
    """Directories under `roots` (folders a sandbox binds read-only, such as the Python environment)
    that hold the grader's package or its data: an installed wheel puts the hidden checks and the
    reference solutions there, so a sandbox covers each of these with an empty mount."""
    from grader.problems import bank_root
    from grader.quiz.bank import questions_root

    real_roots = [os.path.realpath(r) for r in roots]
    owned = {os.path.realpath(p) for p in (Path(grader.__file__).parent, bank_root(), questions_root())}
    return outermost([p for p in owned if any(p == r or p.startswith(r.rstrip("/") + "/") for r in real_roots)])


def outermost(paths: Iterable[str]) -> list[str]:
    """`paths`, sorted, without those inside another of them (a mount over the outer one hides them)."""
    unique = sorted(set(paths))
    return [p for p in unique if not any(p != o and p.startswith(o.rstrip("/") + "/") for o in unique)]
