"""An in-process stand-in for a sandbox, for fast tests of everything above the sandbox layer.

It runs cells with `exec` in a private namespace and answers calls through the same agent code
the real kernel uses. It isolates nothing and enforces no limit: tests only.
"""
from __future__ import annotations

import sys
import traceback
import types

from grader import codec
from grader.sandbox.base import CellFailure, RunOutcome, Sandbox, Session, SessionDead
from grader.sandbox.limits import Limits


class FakeSession(Session):
    def __init__(self) -> None:
        self.ns: dict = {"__name__": "__main__"}
        self.agent: types.ModuleType | None = None
        self.closed = False

    def run_cells(self, cells: list[tuple[int, str]], deadline: float) -> RunOutcome:
        for index, source in cells:
            try:
                exec(compile(source, f"<cell {index}>", "exec"), self.ns)  # noqa: S102 - test double
            except MemoryError:
                return RunOutcome("memory", CellFailure(index, "MemoryError", ""))
            except Exception as exc:  # noqa: BLE001
                traceback.clear_frames(exc.__traceback__)
                return RunOutcome("error", CellFailure(index, type(exc).__name__, str(exc).splitlines()[0][:300] if str(exc) else ""))
        return RunOutcome("ok")

    def install_agent(self, source: str) -> None:
        from grader import probes

        sys.modules.setdefault("_grader_codec", codec)
        sys.modules.setdefault("_grader_probes", probes)
        from grader import agent

        self.agent = agent

    def request(self, text: str, timeout: float) -> str:
        if self.closed or self.agent is None:
            raise SessionDead("fake session is closed")
        return self.agent.handle(text, self.ns)

    def close(self) -> None:
        self.closed = True


class FakeSandbox(Sandbox):
    name = "fake"
    isolated = False

    def unavailable_reason(self) -> str | None:
        return None

    def open(self, limits: Limits) -> Session:
        return FakeSession()
