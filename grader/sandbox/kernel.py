"""One sandboxed Jupyter kernel for one submission: its directories, connection file, launch,
connection, limits and clean-up.

Backends differ only in how the kernel is started (`launch.KernelLauncher`). The rest lives in
modules of their own: the environment (`environment.py`), the bounded channels to the kernel
(`wire.py`, `channels.py`), running cells (`execution.py`) and calls (`calls.py`).

The session's host directory is the grader's (0700). The kernel may create entries in `ipc` (its
sockets) only until the grader has connected; `kernel.json`, with the signing key, is 0400 and
belongs to the kernel's user alone.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import tempfile
import threading
import time
from pathlib import Path
from queue import Empty

from jupyter_core.utils import run_sync

from grader.sandbox import calls, execution
from grader.sandbox.base import CellFailure, RunOutcome, Session, SessionDead, kernel_text
from grader.sandbox.channels import BoundedKernelClient
from grader.sandbox.environment import sandbox_env
from grader.sandbox.launch import (
    CGroupAccounting,
    KernelLauncher,
    Running,
    RunningProcess,
    SessionDirs,
    popen_in_cgroup,
)
from grader.sandbox.limits import Limits, MiB
from grader.sandbox.wire import Budget, ChannelClosed, OutputLimit, WireError

__all__ = ["CGroupAccounting", "KernelLauncher", "KernelSession", "Running", "RunningProcess", "SessionDirs",
           "popen_in_cgroup"]


def _prepare(dirs: SessionDirs, uid: int, gid: int, connection: str) -> int:
    """Make the session's ipc, req and work directories and the connection file; return the mode ipc
    gets once the grader has connected (no new entries).

    The kernel enters ipc and req through its group, never as their owner, so it cannot chmod them;
    kernel.json is its own, 0400. A grader that is not root cannot give anything away: then they are
    open to all, and only the 0700 session directory above them keeps other users out."""
    shared = gid != os.getgid()
    give = shared and os.geteuid() == 0
    closed = give or not shared
    for d, mode in ((dirs.ipc, 0o770 if closed else 0o777), (dirs.req, 0o750 if closed else 0o755), (dirs.work, 0o700)):
        d.mkdir(mode=0o700)
        if give and d != dirs.work:
            os.chown(d, -1, gid)
        os.chmod(d, mode)
    fd = os.open(dirs.ipc / "kernel.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW,
                 0o400 if closed else 0o444)
    with os.fdopen(fd, "w") as f:
        f.write(connection)
    if give:
        os.chown(dirs.ipc / "kernel.json", uid, gid)
    return 0o750 if closed else 0o755


class KernelSession(Session):
    """One sandboxed kernel for one submission."""

    def __init__(self, launcher: KernelLauncher, limits: Limits):
        self.limits = limits
        self.output_exceeded = False
        self.expired = False
        self.broken: str | None = None  # why a channel could not go on (protocol or byte budget)
        self._closed = False
        self._connected = False
        self._run: Running | None = None
        self._kc: BoundedKernelClient | None = None
        self.budget = Budget(total_cap=limits.channel_mb * MiB)
        self._launcher = launcher
        try:
            root = Path(tempfile.mkdtemp(prefix="grader-", dir=launcher.session_parent()))  # 0700, the grader's
        except BaseException:
            launcher.close()
            raise
        ipc_in, req_in, work_in = launcher.sandbox_paths(root)
        self.dirs = SessionDirs(root, root / "ipc", root / "req", root / "work", ipc_in, req_in, work_in)
        self._watchdog = threading.Timer(limits.total_s, self._expire)
        self._watchdog.daemon = True
        try:
            os.chmod(root, launcher.root_mode())
            self._info = {"transport": "ipc", "ip": f"{self.dirs.ipc_in}/k", "key": secrets.token_hex(32),
                          "signature_scheme": "hmac-sha256", "shell_port": 1, "iopub_port": 2, "stdin_port": 3,
                          "control_port": 4, "hb_port": 5, "kernel_name": "python3"}
            self._ipc_locked = _prepare(self.dirs, *launcher.sandbox_ids(), json.dumps(self._info))
            self._run = launcher.launch(self.dirs, limits, sandbox_env(self.dirs))
            self._watchdog.start()
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------ connection

    @property
    def client(self) -> BoundedKernelClient:
        assert self._kc is not None, "connect() first"
        return self._kc

    def connect(self) -> None:
        """Wait for the kernel to answer (the process boots while the trusted side prepares)."""
        if self._connected:
            return
        if self._kc is not None or self._closed:  # an earlier attempt failed and closed the session
            raise SessionDead(self.why_dead(-1)[1].evalue)
        try:
            run_sync(self._connect)()
        except SessionDead:
            self.close()
            raise
        except (WireError, TimeoutError, OSError) as exc:
            self.close()
            raise SessionDead(self._death_reason(f"the sandboxed kernel could not be reached ({kernel_text(exc)})")) from None
        except BaseException:
            self.close()
            raise
        self._connected = True
        # The kernel has bound its sockets: from now on it may not create anything in the host directory.
        os.chmod(self.dirs.ipc, self._ipc_locked)

    async def _connect(self) -> None:
        deadline = time.monotonic() + self.limits.startup_s
        kc = self._kc = BoundedKernelClient(self._info, self.budget, self.alive, self._channel_failed)
        await kc.connect(str(self.dirs.ipc / "k"), deadline)
        while True:
            if not self.alive():
                raise SessionDead(self._death_reason("the sandboxed kernel exited while starting"))
            if time.monotonic() > deadline:
                raise SessionDead("the sandboxed kernel did not start in time")
            # Ready means both channels work: a subscription made too late would silently lose
            # the first cell's messages, so wait for this request's own output traffic too.
            if await self._answered(kc, kc.kernel_info()):
                break
        while True:  # drain the rest of the start-up chatter
            try:
                await kc.iopub_channel.get_msg(timeout=0.02)
            except Empty:
                break

    @staticmethod
    async def _answered(kc: BoundedKernelClient, msg_id: str) -> bool:
        shell = iopub = False
        end = time.monotonic() + 0.2
        while not (shell and iopub) and time.monotonic() < end:
            if not shell:
                try:
                    reply = await kc.shell_channel.get_msg(timeout=0.05)
                    shell = reply["parent_header"].get("msg_id") == msg_id
                except Empty:
                    pass
            if not iopub:
                try:
                    msg = await kc.iopub_channel.get_msg(timeout=0.05)
                    iopub = msg["parent_header"].get("msg_id") == msg_id
                except Empty:
                    pass
        return shell and iopub

    def _channel_failed(self, exc: WireError) -> None:
        """A channel broke a cap or the protocol: the kernel goes, and the reason is kept. (A channel the
        kernel closed usually means it is dying: its memory verdict is read before anything is killed.)"""
        if isinstance(exc, ChannelClosed):
            return
        if isinstance(exc, OutputLimit):
            self.output_exceeded = True
        elif self.broken is None:
            self.broken = kernel_text(str(exc))
        self.kill()

    def meter_output(self, on: bool) -> None:
        """Count every byte on the output channel against the output cap (while cells run)."""
        self.budget.output_cap = self.limits.output_kb * 1024 if on else None

    # ------------------------------------------------------------ lifecycle

    def _death_reason(self, default: str) -> str:
        try:
            fd = os.open(self.dirs.root / "kernel.log", os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            with os.fdopen(fd, "rb") as f:
                f.seek(max(0, os.fstat(f.fileno()).st_size - 4000))
                tail = f.read(4000).decode("utf-8", "replace").strip().splitlines()[-1:]
        except OSError:
            tail = []
        return kernel_text(f"{default}: {tail[0]}") if tail else default

    def alive(self) -> bool:
        return self._run is not None and not self._closed and self._run.alive()

    def _expire(self) -> None:
        self.expired = True
        self.kill()

    def settle(self, index: int, wait_s: float = 3.0) -> tuple[str, CellFailure]:
        """After a channel closed or broke: give the sandbox a moment to be seen dead (so that its memory
        verdict is known), take the verdict, then make sure it is dead."""
        deadline = time.monotonic() + wait_s
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        verdict = self.why_dead(index)
        self.kill()
        return verdict

    def kill(self) -> None:
        """Kill every process of the sandbox (not the client side)."""
        if self._run is not None:
            self._run.kill()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._watchdog.cancel()
        self.kill()
        if self._kc is not None:
            self._kc.stop_channels()
        if self._run is not None:
            self._run.release()
        shutil.rmtree(self.dirs.root, ignore_errors=True)
        self._launcher.close()

    def oom_killed(self) -> bool:
        return self._run is not None and self._run.oom_killed()

    def peak_memory_mb(self) -> float | None:
        return self._run.peak_memory_mb() if self._run is not None else None

    def why_dead(self, index: int) -> tuple[str, CellFailure]:
        """(status, failure) for a kernel that stopped or was stopped."""
        if self.expired:
            return "timeout", CellFailure(index, "TimeoutError", f"the submission ran longer than {self.limits.total_s:g} s")
        if self.output_exceeded:
            return "output", CellFailure(index, "OutputLimitExceeded", f"the notebook printed more than {self.limits.output_kb} KiB")
        if self.oom_killed():
            return "memory", CellFailure(index, "MemoryError", f"the notebook used more than {self.limits.memory_mb} MiB")
        if self.broken is not None:
            return "error", CellFailure(index, "KernelProtocolError", self.broken)
        return "error", CellFailure(index, "KernelDied", "the kernel stopped (crashed or was killed)")

    # ------------------------------------------------------------ cells and calls

    def run_cells(self, cells: list[tuple[int, str]], deadline: float) -> RunOutcome:
        return execution.run_cells(self, cells, deadline)

    def install_agent(self, source: str) -> None:
        calls.request(self, None, self.limits.startup_s, code=source)

    def request(self, text: str | None, timeout: float, code: str | None = None) -> str | None:
        return calls.request(self, text, timeout, code)
