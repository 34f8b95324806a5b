"""The `process` backend: a plain subprocess with rlimits, a scrubbed environment and a private
directory. It is NOT isolation: the network is reachable and host files are readable."""
from __future__ import annotations

import subprocess
from pathlib import Path

from grader.sandbox.base import Sandbox, Session
from grader.sandbox.kernel import KernelLauncher, KernelSession, SessionDirs
from grader.sandbox.limits import CGroup, Limits, apply_rlimits


class _ProcessLauncher(KernelLauncher):
    def sandbox_paths(self, root: Path) -> tuple[str, str, str]:
        return str(root / "ipc"), str(root / "req"), str(root / "work")

    def launch(self, dirs: SessionDirs, limits: Limits, env: dict[str, str], cgroup: CGroup | None) -> subprocess.Popen:
        def setup() -> None:
            if cgroup is not None:
                cgroup.enter()
            apply_rlimits(limits, address_space=cgroup is None)

        log = open(dirs.root / "kernel.log", "wb")
        try:
            return subprocess.Popen(self.kernel_argv(dirs), cwd=dirs.work, env=env, stdin=subprocess.DEVNULL,
                                    stdout=log, stderr=log, start_new_session=True, preexec_fn=setup, close_fds=True)
        finally:
            log.close()


class ProcessSandbox(Sandbox):
    """Always available; labelled NOT ISOLATED wherever it appears."""

    name = "process"
    isolated = False

    def unavailable_reason(self) -> str | None:
        return None

    def open(self, limits: Limits) -> Session:
        return KernelSession(_ProcessLauncher(), limits)
