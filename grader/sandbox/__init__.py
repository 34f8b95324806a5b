"""Sandbox backends behind one interface (`Sandbox.open(limits) -> Session`)."""
from __future__ import annotations

from grader.errors import SandboxUnavailable, UsageError
from grader.sandbox.base import CallTimeout, CellFailure, RunOutcome, Sandbox, Session, SessionDead
from grader.sandbox.limits import Limits

__all__ = ["CallTimeout", "CellFailure", "Limits", "RunOutcome", "Sandbox", "Session", "SessionDead",
           "BACKENDS", "get_sandbox", "all_sandboxes"]

BACKENDS = ("docker", "bwrap", "process")
_AUTO_ORDER = ("docker", "bwrap", "process")


def _make(name: str) -> Sandbox:
    if name == "bwrap":
        from grader.sandbox.bwrap import BwrapSandbox

        return BwrapSandbox()
    if name == "process":
        from grader.sandbox.process import ProcessSandbox

        return ProcessSandbox()
    if name == "fake":
        from grader.sandbox.fake import FakeSandbox

        return FakeSandbox()
    if name == "docker":
        from grader.sandbox.docker import DockerSandbox

        return DockerSandbox()
    raise UsageError(f"unknown sandbox {name!r}: choose one of auto, {', '.join(BACKENDS)}")


def all_sandboxes() -> list[Sandbox]:
    """Every real backend, strongest first."""
    return [_make(n) for n in _AUTO_ORDER]


def get_sandbox(name: str = "auto") -> Sandbox:
    """The named backend, or for `auto` the strongest that works here; raises SandboxUnavailable."""
    if name == "auto":
        for sb in all_sandboxes():
            if sb.unavailable_reason() is None:
                return sb
        raise SandboxUnavailable("no sandbox backend works on this machine")
    sb = _make(name)
    reason = sb.unavailable_reason()
    if reason is not None:
        raise SandboxUnavailable(f"the {name} sandbox is not available: {reason}")
    return sb
