"""The `process` backend: a plain subprocess with rlimits, a scrubbed environment, a private
directory and the sandboxes' seccomp filter. It is NOT isolation: the network is reachable and
host files are readable, and a problem's forbidden libraries (Limits.forbidden) stay reachable: only the
static check of `import` lines holds them back here."""
from __future__ import annotations

from pathlib import Path

from grader.sandbox import seccomp
from grader.sandbox.base import Sandbox, Session
from grader.sandbox.kernel import KernelLauncher, KernelSession, Running, SessionDirs, popen_in_cgroup
from grader.sandbox.limits import Limits


class _ProcessLauncher(KernelLauncher):
    def sandbox_paths(self, root: Path) -> tuple[str, str, str]:
        return str(root / "ipc"), str(root / "req"), str(root / "work")

    def launch(self, dirs: SessionDirs, limits: Limits, env: dict[str, str]) -> Running:
        return popen_in_cgroup(self.kernel_argv(dirs), dirs, limits, env, cwd=str(dirs.work), then=seccomp.install)


class ProcessSandbox(Sandbox):
    """Always available; labelled NOT ISOLATED wherever it appears."""

    name = "process"
    isolated = False

    def unavailable_reason(self) -> str | None:
        return None

    def open(self, limits: Limits) -> Session:
        return KernelSession(_ProcessLauncher(), limits)
