"""Sandbox backends behind one interface (`Sandbox.open(limits) -> Session`)."""
from __future__ import annotations

from grader.errors import SandboxUnavailable, UsageError
from grader.sandbox.base import CallTimeout, CellFailure, RunOutcome, Sandbox, Session, SessionDead
from grader.sandbox.limits import Limits
from grader.vocab import AUTO_ORDER, BULK_ORDER, SandboxName

__all__ = [
    "BACKENDS",
    "CallTimeout",
    "CellFailure",
    "Limits",
    "RunOutcome",
    "Sandbox",
    "Session",
    "SessionDead",
    "all_sandboxes",
    "get_sandbox",
]

BACKENDS = tuple(SandboxName)
_AUTO_ORDER = AUTO_ORDER
# Grading many notebooks: kernels forked from a warm template start ten times faster, and their
# isolation matches bwrap's; docker stays one flag away.
_BULK_ORDER = BULK_ORDER


def _make(name: str) -> Sandbox:
    if name == "bwrap":
        from grader.sandbox.bwrap import BwrapSandbox

        return BwrapSandbox()
    if name == "fork":
        from grader.sandbox.fork import ForkSandbox

        return ForkSandbox()
    if name == "process":
        from grader.sandbox.process import ProcessSandbox

        return ProcessSandbox()
    if name == "fake":
        from grader.sandbox.fake import FakeSandbox

        return FakeSandbox()
    if name == "docker":
        from grader.sandbox.docker import DockerSandbox

        return DockerSandbox()
    if name == "docker-fork":
        from grader.sandbox.docker import DockerForkSandbox

        return DockerForkSandbox()
    raise UsageError(f"unknown sandbox {name!r}: choose one of auto, {', '.join(BACKENDS)}")


def all_sandboxes(bulk: bool = False) -> list[Sandbox]:
    """Every real backend in the order `auto` tries them (for one notebook, or for many)."""
    return [_make(n) for n in (_BULK_ORDER if bulk else _AUTO_ORDER)]


def get_sandbox(name: str = "auto", bulk: bool = False) -> Sandbox:
    """The named backend, or for `auto` the first that works here (`bulk`: for grading many
    notebooks); raises SandboxUnavailable."""
    if name == "auto":
        for sb in all_sandboxes(bulk):
            if sb.unavailable_reason() is None:
                return sb
        raise SandboxUnavailable("no sandbox backend works on this machine")
    sb = _make(name)
    reason = sb.unavailable_reason()
    if reason is not None:
        raise SandboxUnavailable(f"the {name} sandbox is not available: {reason}")
    return sb
