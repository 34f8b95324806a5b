"""A Jupyter kernel in a sandbox, driven from the host by nbclient over `ipc` sockets.

Backends differ only in how the kernel process is started (`KernelLauncher`); everything
else (connection files, nbclient, the call channel, limits, clean-up) lives here.
"""
from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from queue import Empty
from typing import Any

import nbformat
import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_core.utils import run_sync
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from grader.sandbox.base import CallTimeout, CellFailure, RunOutcome, Session, SessionDead
from grader.sandbox.limits import CGroup, Limits, MiB, apply_rlimits

REPLY_MIME = "application/x-grader-reply+json"
_PASS_THROUGH_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")  # correctness settings on some CPUs


@dataclass(frozen=True)
class SessionDirs:
    """Host directories of one session and where the sandbox sees them."""

    root: Path
    ipc: Path        # kernel sockets and connection file (read-write in the sandbox)
    req: Path        # call requests written by the host (read-only in the sandbox where possible)
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
    """A kernel started as a host subprocess (bwrap, process), optionally inside a cgroup."""

    def __init__(self, proc: subprocess.Popen, cgroup: CGroup | None):
        self.proc = proc
        self.cgroup = cgroup

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        if self.cgroup is not None:
            self.cgroup.kill_all()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()

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

    def kernel_argv(self, dirs: SessionDirs) -> list[str]:
        return [self.python, "-I", "-m", "ipykernel_launcher", "-f", f"{dirs.ipc_in}/kernel.json",
                "--HistoryManager.enabled=False", "--IPKernelApp.quiet=True", "--Application.log_level=CRITICAL"]


def popen_in_cgroup(argv: list[str], dirs: SessionDirs, limits: Limits, env: dict[str, str], cwd: str) -> RunningProcess:
    """Start `argv` in its own session and cgroup (rlimits as the fallback), logging to the session root."""
    cgroup = CGroup.create(limits)

    def setup() -> None:
        if cgroup is not None:
            cgroup.enter()
        apply_rlimits(limits, address_space=cgroup is None)

    log = open(dirs.root / "kernel.log", "wb")
    try:
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                start_new_session=True, preexec_fn=setup, close_fds=True)
    except BaseException:
        if cgroup is not None:
            cgroup.destroy()
        raise
    finally:
        log.close()
    return RunningProcess(proc, cgroup)


def sandbox_env(dirs: SessionDirs) -> dict[str, str]:
    """The whole environment the learner's kernel sees: an allow-list, no host secrets."""
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": dirs.work_in,
        "TMPDIR": dirs.work_in,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "IPYTHONDIR": f"{dirs.work_in}/.ipython",
        "MPLBACKEND": "Agg",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "NUMEXPR_NUM_THREADS": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }
    env.update({k: os.environ[k] for k in _PASS_THROUGH_ENV if k in os.environ})
    return env


class _Executor(NotebookClient):
    """nbclient with an output cap and a liveness check that asks the session, not the heartbeat."""

    def __init__(self, session: "KernelSession", **kw: Any):
        super().__init__(nbformat.v4.new_notebook(), **kw)
        self._session = session
        self._output_bytes = 0

    async def _async_check_alive(self) -> None:
        if not self._session.alive():
            raise DeadKernelError("Kernel died")

    def output(self, outs: list, msg: dict, display_id: str | None, cell_index: int) -> Any:
        self._output_bytes += len(json.dumps(msg.get("content", {})))
        if self._output_bytes > self._session.limits.output_kb * 1024:
            if not self._session.output_exceeded:
                self._session.output_exceeded = True
                self._session.kill()
            return None
        return super().output(outs, msg, display_id, cell_index)


class KernelSession(Session):
    """One sandboxed kernel for one submission."""

    def __init__(self, launcher: KernelLauncher, limits: Limits):
        self.limits = limits
        self.output_exceeded = False
        self.expired = False
        self._closed = False
        self._seq = 0
        self._run: Running | None = None
        self._kc: AsyncKernelClient | None = None
        self._ctx: zmq.asyncio.Context | None = None
        root = Path(tempfile.mkdtemp(prefix="grader-", dir=launcher.session_parent()))
        ipc_in, req_in, work_in = launcher.sandbox_paths(root)
        self.dirs = SessionDirs(root, root / "ipc", root / "req", root / "work", ipc_in, req_in, work_in)
        for d in (self.dirs.ipc, self.dirs.req, self.dirs.work):
            d.mkdir(mode=0o755)
        os.chmod(root, 0o755)
        self._watchdog = threading.Timer(limits.total_s, self._expire)
        self._watchdog.daemon = True
        try:
            key = secrets.token_hex(16)
            info = {"transport": "ipc", "ip": f"{self.dirs.ipc_in}/k", "key": key, "signature_scheme": "hmac-sha256",
                    "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5,
                    "kernel_name": "python3"}
            (self.dirs.ipc / "kernel.json").write_text(json.dumps(info))
            os.chmod(self.dirs.ipc / "kernel.json", 0o444)
            self._run = launcher.launch(self.dirs, limits, sandbox_env(self.dirs))
            self._watchdog.start()
        except BaseException:
            self.close()
            raise
        self._host_info = {**info, "ip": str(self.dirs.ipc / "k")}

    def connect(self) -> None:
        """Wait for the kernel to answer (the process boots while the trusted side prepares)."""
        if self._kc is not None:
            return
        try:
            run_sync(self._connect)(self._host_info)
        except BaseException:
            self.close()
            raise
        # The kernel has bound its sockets: nothing more may be written to the host-backed directory.
        os.chmod(self.dirs.ipc, 0o555)

    # ------------------------------------------------------------ lifecycle

    async def _connect(self, info: dict) -> None:
        self._ctx = zmq.asyncio.Context()
        self._ctx.setsockopt(zmq.RCVHWM, 256)
        self._ctx.setsockopt(zmq.MAXMSGSIZE, 80 * MiB)
        self._ctx.setsockopt(zmq.RECONNECT_IVL, 10)  # the kernel binds its sockets a moment after we connect
        kc = AsyncKernelClient(context=self._ctx)
        kc.load_connection_info(info)
        kc.start_channels(hb=False)
        self._kc = kc
        deadline = time.monotonic() + self.limits.startup_s
        while True:
            if not self.alive():
                raise SessionDead(self._death_reason("the sandboxed kernel exited while starting"))
            if time.monotonic() > deadline:
                raise SessionDead("the sandboxed kernel did not start in time")
            # Ready means both channels work: a subscription made too late would silently lose
            # the first cell's messages, so wait for this request's own iopub traffic too.
            msg_id = kc.kernel_info()
            if await self._answered(kc, msg_id):
                break
        while True:  # drain the rest of the start-up chatter
            try:
                await kc.iopub_channel.get_msg(timeout=0.02)
            except Empty:
                break

    @staticmethod
    async def _answered(kc: AsyncKernelClient, msg_id: str) -> bool:
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

    def _death_reason(self, default: str) -> str:
        try:
            with open(self.dirs.root / "kernel.log", "rb") as f:
                f.seek(max(0, os.fstat(f.fileno()).st_size - 4000))
                tail = f.read().decode("utf-8", "replace").strip().splitlines()[-1:]
        except OSError:
            tail = []
        return f"{default}: {tail[0][:200]}" if tail else default

    def alive(self) -> bool:
        return self._run is not None and not self._closed and self._run.alive()

    def _expire(self) -> None:
        self.expired = True
        self.kill()

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
        if self._ctx is not None:
            self._ctx.destroy(linger=0)
        if self._run is not None:
            self._run.release()
        shutil.rmtree(self.dirs.root, ignore_errors=True)

    def oom_killed(self) -> bool:
        return self._run is not None and self._run.oom_killed()

    def peak_memory_mb(self) -> float | None:
        return self._run.peak_memory_mb() if self._run is not None else None

    # ------------------------------------------------------------ cells

    def run_cells(self, cells: list[tuple[int, str]], deadline: float) -> RunOutcome:
        self.connect()
        client = _Executor(self, timeout=int(self.limits.cell_s), allow_errors=False, record_timing=False,
                           iopub_timeout=5, raise_on_iopub_timeout=False)
        client.kc = self._kc
        client.reset_execution_trackers()
        client.nb.cells = [nbformat.v4.new_code_cell(source) for _, source in cells]
        for position, (index, _) in enumerate(cells):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return RunOutcome("timeout", CellFailure(index, "TimeoutError", "the notebook ran out of time"))
            client.timeout = max(1, int(min(self.limits.cell_s, remaining)))
            try:
                client.execute_cell(client.nb.cells[position], position)
            except CellTimeoutError:
                self.kill()
                return RunOutcome("timeout", CellFailure(index, "TimeoutError", f"cell ran longer than {client.timeout} s"))
            except CellExecutionError as exc:
                state = "memory" if exc.ename == "MemoryError" or self.oom_killed() else "error"
                return RunOutcome(state, CellFailure(index, exc.ename, _first_line(exc.evalue)))
            except (DeadKernelError, SessionDead):
                return RunOutcome(*self._why_dead(index))
            except Exception as exc:  # noqa: BLE001 - e.g. messages the client cannot parse (hostile kernel)
                self.kill()
                return RunOutcome("error", CellFailure(index, "KernelProtocolError",
                                                       f"the kernel sent messages that could not be read ({type(exc).__name__})"))
        return RunOutcome("ok")

    def _why_dead(self, index: int) -> tuple[str, CellFailure]:
        if self.expired:
            return "timeout", CellFailure(index, "TimeoutError", f"the submission ran longer than {self.limits.total_s:g} s")
        if self.output_exceeded:
            return "output", CellFailure(index, "OutputLimitExceeded", f"the notebook printed more than {self.limits.output_kb} KiB")
        if self.oom_killed():
            return "memory", CellFailure(index, "MemoryError", f"the notebook used more than {self.limits.memory_mb} MiB")
        return "error", CellFailure(index, "KernelDied", "the kernel stopped (crashed or was killed)")

    # ------------------------------------------------------------ calls

    def install_agent(self, source: str) -> None:
        self.request(None, self.limits.startup_s, code=source)

    def request(self, text: str | None, timeout: float, code: str | None = None) -> str | None:
        self.connect()
        if not self.alive():
            raise SessionDead(self._why_dead(-1)[1].evalue)
        self._seq += 1
        if code is None:
            name = f"r{self._seq}-{secrets.token_hex(4)}.json"
            fd = os.open(self.dirs.req / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
            with os.fdopen(fd, "w") as f:
                f.write(text or "")
            code = f"import _grader_agent as _ga; _ga.serve_file({self.dirs.req_in + '/' + name!r})"
            try:
                return self._run_request(code, timeout)
            finally:
                (self.dirs.req / name).unlink(missing_ok=True)
        return self._run_request(code, timeout)

    def _run_request(self, code: str, timeout: float) -> str | None:
        try:
            return run_sync(self._arequest)(code, timeout)
        except (CallTimeout, SessionDead):
            raise
        except Exception as exc:  # noqa: BLE001 - unreadable kernel messages end the session
            self.kill()
            raise SessionDead(f"the kernel sent messages that could not be read ({type(exc).__name__})") from None

    async def _arequest(self, code: str, timeout: float) -> str | None:
        kc = self._kc
        assert kc is not None
        msg_id = kc.execute(code, silent=False, store_history=False, allow_stdin=False, stop_on_error=False)
        deadline = time.monotonic() + timeout
        reply: str | None = None
        error: str | None = None
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                await self._interrupt()
                raise CallTimeout(f"no answer within {timeout:g} s")
            try:
                msg = await kc.iopub_channel.get_msg(timeout=min(remaining, 0.5))
            except Empty:
                if not self.alive():
                    raise SessionDead(self._why_dead(-1)[1].evalue) from None
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "display_data" and REPLY_MIME in content.get("data", {}):
                data = content["data"][REPLY_MIME]
                reply = data if isinstance(data, str) else None
            elif kind == "error":
                error = f"{content.get('ename')}: {_first_line(str(content.get('evalue')))}"
            elif kind == "status" and content.get("execution_state") == "idle":
                break
        await self._drain_shell(msg_id)
        if error is not None and reply is None:
            raise SessionDead(f"the call was not answered ({error[:200]})")
        return reply

    async def _drain_shell(self, msg_id: str) -> None:
        assert self._kc is not None
        try:
            while True:
                msg = await self._kc.shell_channel.get_msg(timeout=0.5)
                if msg["parent_header"].get("msg_id") == msg_id:
                    return
        except Empty:
            return

    async def _interrupt(self) -> None:
        """Interrupt a call that ran out of time; a kernel that will not go idle is killed."""
        kc = self._kc
        assert kc is not None
        if self.alive():
            kc.control_channel.send(kc.session.msg("interrupt_request", {}))
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline and self.alive():
            try:
                msg = await kc.iopub_channel.get_msg(timeout=0.2)
            except Empty:
                continue
            if msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle":
                await asyncio.sleep(0)
                return
        self.kill()


def _first_line(text: str) -> str:
    text = (text or "").strip()
    return text.splitlines()[0][:300] if text else ""
