from __future__ import annotations

from pathlib import Path

import pytest

from grader.similarity import ClassResult, compare_class
from tests.similarity.classroom import make_bank, make_class


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A problem bank holding mle-sim-rows and mle-act-softmax, in force for the test."""
    root = make_bank(tmp_path / "bank")
    monkeypatch.setenv("GRADER_PROBLEMS", str(root))
    return root


@pytest.fixture
def class_dir(tmp_path: Path, bank: Path) -> Path:
    return make_class(tmp_path / "class")


@pytest.fixture
def result(class_dir: Path) -> ClassResult:
    return compare_class(class_dir)
