"""The one interface every sandbox backend implements, and the values it returns."""
from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass

from grader.sandbox.limits import Limits

TEXT_CAP = 300
NAME_CAP = 100
# Control characters, bidi overrides, zero-width and line/paragraph separators, BOMs and lone surrogates:
# nothing a kernel says may rewrite a terminal, reorder a report line or break a UTF-8 writer.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")


def kernel_text(value: object, cap: int = TEXT_CAP) -> str:
    """Something the kernel said, as one printable line of at most `cap` characters."""
    text = value if isinstance(value, str) else "" if value is None else str(value)
    text = _UNPRINTABLE.sub(" ", text[: cap * 4 + 16])
    text = " ".join(text.split())
    return text if len(text) <= cap else text[: cap - 1] + "…"


def exception_name(value: object) -> str | None:
    """A kernel-reported exception type name when it is a dotted identifier (ASCII, at most NAME_CAP
    characters), else None: such a name may be shown and compared, never anything else."""
    if isinstance(value, str) and len(value) <= NAME_CAP and _NAME.fullmatch(value):
        return value
    return None


class CallTimeout(Exception):
    """A call into the sandbox did not answer within its time limit."""


class SessionDead(Exception):
    """The sandbox is gone (killed, crashed, or out of time); no further calls can be answered."""


@dataclass(frozen=True)
class CellFailure:
    """Where and how the notebook stopped: cell index (0-based, among all cells) and exception."""

    cell: int
    ename: str
    evalue: str

    @classmethod
    def from_kernel(cls, cell: int, ename: object, evalue: object) -> CellFailure:
        """A failure as the kernel reported it: the name checked, the message's first line, cleaned and capped."""
        name = exception_name(ename)
        lines = (evalue if isinstance(evalue, str) else "")[: TEXT_CAP * 4].strip().splitlines()
        message = kernel_text(lines[0] if lines else "")
        if name is None:
            name = "LearnerError"
            message = kernel_text(f"[an exception type named {kernel_text(ename, 60)!r}] {message}")
        return cls(cell, name, message)


@dataclass(frozen=True)
class RunOutcome:
    """Result of running the notebook's code cells: `state` is ok, error, timeout, memory or output."""

    state: str
    failure: CellFailure | None = None


class Session(ABC):
    """One sandbox serving exactly one submission: run its cells, answer calls, then go away."""

    def connect(self) -> None:  # noqa: B027 - optional hook: most sessions are ready once opened
        """Wait until the sandbox is ready (raises SessionDead); opening only starts it."""

    @abstractmethod
    def run_cells(self, cells: list[tuple[int, str]], deadline: float) -> RunOutcome:
        """Run (index, source) code cells in order until one fails or time runs out."""

    @abstractmethod
    def install_agent(self, source: str) -> None:
        """Load the call agent (Python source) into the learner's interpreter."""

    @abstractmethod
    def request(self, text: str, timeout: float) -> str:
        """Send one JSON request to the agent and return its JSON reply (raises CallTimeout, SessionDead)."""

    @abstractmethod
    def close(self) -> None:
        """Stop everything the session started; idempotent."""

    def oom_killed(self) -> bool:
        """Whether the memory limit was hit."""
        return False

    def peak_memory_mb(self) -> float | None:
        return None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Sandbox(ABC):
    """A backend: knows whether it can run here and opens sessions."""

    name: str = ""
    isolated: bool = True

    @property
    def label(self) -> str:
        return self.name if self.isolated else f"{self.name} (NOT ISOLATED)"

    @abstractmethod
    def unavailable_reason(self) -> str | None:
        """None when the backend works on this machine, else why not and what to do."""

    @abstractmethod
    def open(self, limits: Limits) -> Session:
        """Start a fresh sandbox for one submission."""

    def describe(self) -> str:
        """Extra identity for the attempt row (e.g. an image digest); empty by default."""
        return ""
