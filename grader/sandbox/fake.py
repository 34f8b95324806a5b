"""An in-process stand-in for a sandbox, for fast tests of everything above the sandbox layer.

It runs cells with `exec` in a private namespace and answers calls through the same agent code
the real kernel uses. As in a kernel, that namespace is the `__main__` module and IPython's
`get_ipython().user_ns` while a call runs (checks may look the learner's objects up either way).
It isolates nothing and enforces no limit: tests only.
"""
from __future__ import annotations

import contextlib
import sys
import traceback
import types
from collections.abc import Iterator
from unittest import mock

from grader import codec
from grader.sandbox.base import CellFailure, RunOutcome, Sandbox, Session, SessionDead
from grader.sandbox.limits import Limits


class FakeSession(Session):
    def __init__(self) -> None:
        self.main = types.ModuleType("__main__")
        self.ns: dict = self.main.__dict__
        self.agent: types.ModuleType | None = None
        self.closed = False

    def run_cells(self, cells: list[tuple[int, str]], deadline: float) -> RunOutcome:
        for index, source in cells:
            try:
                exec(compile(source, f"<cell {index}>", "exec"), self.ns)  # a test double: runs the notebook in-process
            except MemoryError:
                return RunOutcome("memory", CellFailure(index, "MemoryError", ""))
            except Exception as exc:  # noqa: BLE001
                traceback.clear_frames(exc.__traceback__)
                first = str(exc).splitlines()[0][:300] if str(exc) else ""
                return RunOutcome("error", CellFailure(index, type(exc).__name__, first))
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
        with self._as_kernel():
            return self.agent.handle(text, self.ns)

    @contextlib.contextmanager
    def _as_kernel(self) -> Iterator[None]:
        """The notebook's namespace where a kernel has it: `__main__` and the shell's `user_ns`."""
        import IPython

        shell = types.SimpleNamespace(user_ns=self.ns)
        with mock.patch.dict(sys.modules, {"__main__": self.main}), \
                mock.patch.object(IPython, "get_ipython", lambda: shell):
            yield

    def close(self) -> None:
        self.closed = True


class FakeSandbox(Sandbox):
    name = "fake"
    isolated = False

    def unavailable_reason(self) -> str | None:
        return None

    def open(self, limits: Limits) -> Session:
        return FakeSession()
