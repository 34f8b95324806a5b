"""Starting a kernel in a sandbox: the session's directories, the launcher each backend implements,
and the handle on what it started (signalled through a pidfd, never a bare pid that may be reused)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from grader.sandbox.limits import CGroup, Limits, apply_rlimits


@dataclass(frozen=True)
class SessionDirs:
    """Host directories of one session and where the sandbox sees them.

    `root` is the grader's own (0700); the sandbox writes only in `ipc` (its sockets, before the
    grader connects) and reads `req` (call requests) and `ipc/kernel.json` (0400, its own)."""

    root: Path
    ipc: Path        # kernel sockets and connection file
    req: Path        # call requests written by the host (read-only in the sandbox)
    work: Path       # the learner's working directory on the host (process backend)
    ipc_in: str
    req_in: str
    work_in: str


class Running(ABC):
    """A started sandbox: the kernel and everything it spawned."""

    @abstractmethod
    def alive(self) -> bool:
        """Whether the kernel process is still running."""

    @abstractmethod
    def kill(self) -> None:
        """Stop every process of the sandbox and release it; idempotent."""

    def release(self) -> None:
        """Kill and free everything held for the sandbox (cgroups, containers)."""
        self.kill()

    def oom_killed(self) -> bool:
        return False

    def peak_memory_mb(self) -> float | None:
        return None


class CGroupAccounting:
    """Memory verdicts read from the sandbox's cgroup, when it has one."""

    cgroup: CGroup | None

    def oom_killed(self) -> bool:
        return self.cgroup is not None and self.cgroup.oom_killed()

    def peak_memory_mb(self) -> float | None:
        return self.cgroup.peak_mb() if self.cgroup is not None else None


class RunningProcess(CGroupAccounting, Running):
    """A kernel started as a host subprocess (bwrap, process), in its own process group and, where
    one can be made, its own cgroup."""

    def __init__(self, proc: subprocess.Popen, cgroup: CGroup | None):
        self.proc = proc
        self.cgroup = cgroup
        self._pidfd: int | None = os.pidfd_open(proc.pid)  # our unreaped child: the pid is still its own

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self._pidfd is not None:
            try:
                signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)
            except ProcessLookupError:
                pass
            if self.proc.poll() is None:
                try:  # the group outlives its leader only while a member runs, so its id is not reused
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
        if self.cgroup is not None:
            self.cgroup.kill_all()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        if self._pidfd is not None and self.proc.returncode is not None:
            os.close(self._pidfd)
            self._pidfd = None

    def release(self) -> None:
        self.kill()
        if self.cgroup is not None:
            self.cgroup.destroy()


class KernelLauncher(ABC):
    """Starts `python -m ipykernel_launcher` inside one kind of sandbox."""

    python = sys.executable

    @abstractmethod
    def sandbox_paths(self, dirs_root: Path) -> tuple[str, str, str]:
        """(ipc, req, work) paths as seen inside the sandbox."""

    @abstractmethod
    def launch(self, dirs: SessionDirs, limits: Limits, env: dict[str, str]) -> Running:
        """Start the kernel with connection file `dirs.ipc_in/kernel.json`."""

    def session_parent(self) -> str | None:
        """Where to create the session's host directory (None: the system's temporary directory)."""
        return None

    def close(self) -> None:  # noqa: B027 - optional hook: most launchers hold nothing
        """Release what the launcher holds for its session (called once the session is closed)."""

    def root_mode(self) -> int:
        """Mode of the session's host directory: the grader's alone, unless the launcher itself runs
        as the sandbox's user and must walk into it (then 0711: entered, never listed)."""
        return 0o700

    def sandbox_ids(self) -> tuple[int, int]:
        """(uid, gid) the kernel runs as, as the host sees them: it owns kernel.json and may create its
        sockets in the ipc directory until the grader connects. Default: the grader's own."""
        return os.getuid(), os.getgid()

    def kernel_argv(self, dirs: SessionDirs) -> list[str]:
        return [self.python, "-I", "-m", "ipykernel_launcher", "-f", f"{dirs.ipc_in}/kernel.json",
                "--HistoryManager.enabled=False", "--IPKernelApp.quiet=True", "--Application.log_level=CRITICAL"]


def open_log(dirs: SessionDirs) -> int:
    """The session's kernel log, created by the grader (the sandbox only inherits it as its output)."""
    return os.open(dirs.root / "kernel.log", os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | os.O_NOFOLLOW
                   | os.O_CLOEXEC, 0o600)


def popen_in_cgroup(argv: list[str], dirs: SessionDirs, limits: Limits, env: dict[str, str], cwd: str,
                    then: Callable[[], None] | None = None, pass_fds: tuple[int, ...] = ()) -> RunningProcess:
    """Start `argv` in its own session and cgroup (rlimits as the fallback), logging to the session root;
    `then` runs in the child last before exec (e.g. dropping to the sandbox's user)."""
    cgroup = CGroup.create(limits)

    def setup() -> None:
        if cgroup is not None:
            cgroup.enter()
        apply_rlimits(limits, address_space=cgroup is None)
        if then is not None:
            then()

    log = open_log(dirs)
    try:
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                start_new_session=True, preexec_fn=setup, close_fds=True, pass_fds=pass_fds)
    except BaseException:
        if cgroup is not None:
            cgroup.destroy()
        raise
    finally:
        os.close(log)
    return RunningProcess(proc, cgroup)
