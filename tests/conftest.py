"""Shared fixtures: notebooks built in code, a fresh results database per test."""
from __future__ import annotations

import signal
from pathlib import Path

import pytest

from grader.notebook import Notebook, code_notebook, parse_notebook
from grader.problems import Problem, get_problem

# A job started in the background (`cmd &` without job control, as CI runners and nohup do) inherits SIGINT
# ignored, and so would every grader these tests start, which then cannot be interrupted. The tests send
# Ctrl-C on purpose, so they restore the terminal's default for themselves and their children.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

SOFTMAX_OK = '''
import numpy as np

def softmax(z, axis=-1):
    shifted = z - np.max(z, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)
'''

SOFTMAX_WRONG = '''
import numpy as np

def softmax(z, axis=-1):
    e = np.exp(z - np.max(z))
    return e / np.sum(e)
'''


@pytest.fixture(autouse=True)
def _isolated_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRADER_DB", str(tmp_path / "grader.db"))


@pytest.fixture
def softmax_problem() -> Problem:
    return get_problem("mle-act-softmax")


def notebook(*sources: str, problem: str | None = "mle-act-softmax") -> Notebook:
    """A parsed notebook with one code cell per source."""
    return parse_notebook(code_notebook(list(sources), problem))


def write_notebook(path: Path, *sources: str, problem: str | None = "mle-act-softmax") -> Path:
    path.write_bytes(code_notebook(list(sources), problem))
    return path
