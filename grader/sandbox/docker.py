"""The `docker` backend: one container per submission (see the Docker sandbox issue).

Until it is built, it reports itself unavailable with the reason, so `auto` skips it.
"""
from __future__ import annotations

from grader.errors import SandboxUnavailable
from grader.sandbox.base import Sandbox, Session
from grader.sandbox.limits import Limits


class DockerSandbox(Sandbox):
    name = "docker"
    isolated = True

    def unavailable_reason(self) -> str | None:
        return "the docker backend is not built yet in this version of grader; use --sandbox bwrap"

    def open(self, limits: Limits) -> Session:
        raise SandboxUnavailable(self.unavailable_reason() or "docker unavailable")
