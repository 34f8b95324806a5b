"""The `fork` backend: each submission's kernel is forked from a template process that already
imported ipykernel and the scientific stack, into fresh namespaces of its own.

The template (`zygote.py`) never runs learner code. Per submission it forks a process that joins
the submission's cgroup (memory and process caps), unshares the mount, PID, network, IPC, UTS
and cgroup namespaces, builds a root holding only the read-only system and Python directories,
private size-capped `/tmp` and home, and the session's socket directories; then it drops every
capability, runs as a user id of its own (never given twice, see uids.py) and installs the sandboxes'
seccomp filter. The isolation matches `bwrap`; the start costs a `fork` instead of an interpreter
start plus imports. It needs root and cgroups, and pays off when grading many notebooks (batch,
validation, exams): a single `submit` pays the template's own start.

A template serves one set of forbidden libraries (Limits.forbidden, from the problem's allowed_imports):
it preloads only what the set allows, with the forbidden ones unimportable meanwhile, and reports the
top-level modules it holds, so a kernel never starts with a forbidden library loaded; the kernel's root
covers those libraries' folders (and the site folders its Python does not use) with empty tmpfs, a
package folder holding only a stand-in `__init__.py` that raises ModuleNotFoundError. So there is one
template per import set in use, each started on first use.

The template talks JSON lines over a Unix socket. `docker-fork` (docker.py) runs the same
template inside one long-lived container per grader process.
"""
from __future__ import annotations

import atexit
import itertools
import json
import multiprocessing.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from grader.errors import SandboxUnavailable
from grader.libraries import STAND_IN, restricted_arg, stand_in_for
from grader.resources import outermost, sandbox_masks
from grader.sandbox.base import Sandbox, Session
from grader.sandbox.kernel import CGroupAccounting, KernelLauncher, KernelSession, Running, SessionDirs
from grader.sandbox.limits import CGroup, Limits, MiB
from grader.sandbox.uids import sandbox_uid

ZYGOTE = Path(__file__).with_name("zygote.py")
SECCOMP = Path(__file__).with_name("seccomp.py")  # loaded by the template from beside it
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger",
           "IPython.core.completer", "numpy", "pandas", "scipy.stats", "scipy.optimize", "scipy.sparse",
           "scipy.special", "sklearn.base", "sklearn.linear_model", "sklearn.model_selection",
           "sklearn.preprocessing", "sklearn.pipeline", "sklearn.metrics", "sklearn.tree", "sklearn.ensemble",
           "sklearn.cluster", "sklearn.decomposition", "sklearn.impute", "sklearn.compose", "sklearn.neighbors",
           "sklearn.feature_extraction", "sklearn.naive_bayes", "sklearn.svm")
TEMPLATE_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                "MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                "NUMEXPR_NUM_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1"}
_DEVICES = ("null", "zero", "full", "random", "urandom")


def preload_for(forbidden: frozenset[str]) -> list[str]:
    """The template's preload for kernels that must not see `forbidden` libraries: PRELOAD without them."""
    return [m for m in PRELOAD if m.split(".", 1)[0] not in forbidden]


def zygote_args(forbidden: frozenset[str]) -> list[str]:
    """The zygote's arguments after `--socket PATH`: the restricted libraries to locate, those to keep out of
    the preload, then the preload."""
    return ["--libraries", restricted_arg(), "--forbid", ",".join(sorted(forbidden)), *preload_for(forbidden)]


class Template:
    """A running template process and the socket to it; subclasses say how it is started."""

    what = "the fork sandbox's template"

    def __init__(self, sessions: Path, alive: Callable[[], bool], tail: Callable[[], str]):
        self.sessions = sessions          # where session directories go, so the template can see them
        self._alive, self._tail = alive, tail
        self.owner = os.getpid()
        self.lock = threading.Lock()
        self.ready: dict[str, Any] = {}
        self._stream: Any = None

    def connect(self, sock_path: Path, timeout: float = 120.0) -> None:
        """Connect to the template's socket once it is listening, and read its readiness line."""
        deadline = time.monotonic() + timeout
        while True:
            if not self._alive():
                raise SandboxUnavailable(f"{self.what} exited while starting: {self._tail()}")
            if sock_path.exists():
                sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                try:
                    sock.connect(str(sock_path))
                    break
                except OSError:
                    sock.close()
            if time.monotonic() > deadline:
                raise SandboxUnavailable(f"{self.what} did not start within {timeout:g} s")
            time.sleep(0.02)
        sock.settimeout(timeout)
        self._stream = sock.makefile("rw", encoding="utf-8")
        self.ready = self._read()
        sock.settimeout(60.0)
        if self.ready.get("threads") != 1:
            raise SandboxUnavailable(f"{self.what} started threads, so forking it would not be safe")

    def _read(self) -> dict:
        try:
            line = self._stream.readline()
        except OSError as exc:
            raise SandboxUnavailable(f"{self.what} stopped answering ({exc})") from None
        if not line:
            raise SandboxUnavailable(f"{self.what} exited: {self._tail()}")
        return json.loads(line)

    def ask(self, request: dict) -> dict:
        """One request, one reply; raises SandboxUnavailable when the template is gone or refuses."""
        with self.lock:
            try:
                self._stream.write(json.dumps(request) + "\n")
                self._stream.flush()
            except OSError as exc:
                raise SandboxUnavailable(f"{self.what} is gone ({exc})") from None
            reply = self._read()
        if "error" in reply:
            raise SandboxUnavailable(f"{self.what} could not start a kernel: {reply['error']}")
        return reply

    def alive(self) -> bool:
        return self.owner == os.getpid() and self._alive()

    def path(self, host_path: Path) -> str:
        """Where the template sees a host path under `sessions`."""
        return str(host_path)

    def hidden(self) -> list[str]:
        """Folders under the template's Python roots that its kernels must not see: an installed grader's
        package and data on the host (a template in a container has none of them)."""
        return []

    def masks(self, forbidden: frozenset[str]) -> list[str]:
        """Folders a kernel of a session that forbids `forbidden` gets empty: the grader's own (hidden()),
        site folders this interpreter does not use, and the forbidden libraries' folders. Raises
        SandboxUnavailable when this template has one of them loaded (it was started for another set)."""
        loaded = forbidden & set(self.ready.get("modules", ()))
        if loaded:
            raise SandboxUnavailable(f"{self.what} has {', '.join(sorted(loaded))} loaded, which this problem forbids")
        libraries = self.ready.get("libraries", {})
        return outermost([*self.hidden(), *self.ready.get("stray", ()),
                          *(p for name in forbidden for p in libraries.get(name, ()))])

    def close(self) -> None:
        if self._stream is not None:
            try:
                self._stream.close()
            except OSError:
                pass


class HostTemplate(Template):
    """The template as a root process on this machine."""

    def __init__(self, forbidden: frozenset[str] = frozenset()) -> None:
        self.forbidden = forbidden
        self.dir = Path(tempfile.mkdtemp(prefix="grader-template-"))
        self.log = open(self.dir / "template.log", "wb")
        env = {**TEMPLATE_ENV, **{k: v for k, v in os.environ.items() if k.startswith("OPENBLAS_CORE")}}
        sock = self.dir / "zygote.sock"
        self.proc = subprocess.Popen([sys.executable, "-I", str(ZYGOTE), "--socket", str(sock),
                                      *zygote_args(forbidden)],
                                     stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log, env=env, cwd="/",
                                     close_fds=True)
        super().__init__(Path(tempfile.gettempdir()), lambda: self.proc.poll() is None, self._log_tail)
        try:
            self.connect(sock)
        except BaseException:
            self.close()
            raise

    def hidden(self) -> list[str]:
        return sandbox_masks(self.ready["layout"]["python_roots"])

    def _log_tail(self) -> str:
        lines = (self.dir / "template.log").read_text("utf-8", "replace").strip().splitlines()
        return lines[-1][:200] if lines else "no message"

    def close(self) -> None:
        super().close()
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


_templates: dict[str, Template] = {}
_templates_lock = threading.Lock()
_pool_keys = itertools.count()


def close_templates() -> None:
    """Stop this process's templates (at exit, including multiprocessing workers' exits)."""
    for key, current in list(_templates.items()):
        if current.owner == os.getpid():
            current.close()
        _templates.pop(key, None)


atexit.register(close_templates)
multiprocessing.util.Finalize(None, close_templates, exitpriority=10)


def shared_template(key: str, start: Callable[[], Template]) -> Template:
    """This process's template of one kind, started on first use (and again if it died)."""
    with _templates_lock:
        current = _templates.get(key)
        if current is None or not current.alive():
            if current is not None and current.owner == os.getpid():
                current.close()
            _templates[key] = current = start()
        return current


def host_key(forbidden: frozenset[str]) -> str:
    """The shared host template's key for sessions that forbid `forbidden` ("host" when nothing is)."""
    return "host" if not forbidden else "host:" + ",".join(sorted(forbidden))


def host_template(forbidden: frozenset[str]) -> Template:
    """This process's host template for one set of forbidden libraries (one template per set)."""
    return shared_template(host_key(forbidden), lambda: HostTemplate(forbidden))


def template_pids() -> set[int]:
    """The pids of this process's host templates that run (shared, never a submission's)."""
    return {t.proc.pid for key, t in list(_templates.items())
            if (key == "host" or key.startswith("host:")) and isinstance(t, HostTemplate) and t.alive()}


def template_containers() -> set[str]:
    """Ids of this process's docker-fork template containers that run (shared, never a submission's)."""
    return {t.container.id for key, t in list(_templates.items())  # type: ignore[attr-defined]
            if key.startswith("docker") and t.alive()}


# Free templates that do not fit the session at hand are kept up to this many per kind (one per import set of
# the bank, say), so a class that alternates between problems does not restart a template at every switch.
POOL_KEEP = 4


def pooled_template(kind: str, fits: Callable[[Template], bool], start: Callable[[], Template]) -> Template:
    """One of this process's templates of `kind` that no session holds and that `fits`, taken for one
    session (`release_template` gives it back); a new one when none is free. Dead ones are removed; free
    ones that do not fit are kept, the oldest closed once the kind holds POOL_KEEP."""
    with _templates_lock:
        unfit = []
        for key, current in list(_templates.items()):
            if not key.startswith(kind + ":") or getattr(current, "in_use", False):
                continue
            if current.alive() and fits(current):
                current.in_use = True  # type: ignore[attr-defined]
                return current
            if current.alive():
                unfit.append(key)
                continue
            if current.owner == os.getpid():
                current.close()
            _templates.pop(key, None)
        held = sum(1 for key in _templates if key.startswith(kind + ":"))
        for key in unfit[:max(0, held + 1 - POOL_KEEP)]:  # dict order: the oldest first
            old = _templates.pop(key)
            if old.owner == os.getpid():
                old.close()
        key = f"{kind}:{next(_pool_keys)}"
    made = start()  # outside the lock: a start takes seconds, and other sessions may take free templates
    made.in_use = True  # type: ignore[attr-defined]
    with _templates_lock:
        _templates[key] = made
    return made


def release_template(template: Template) -> None:
    template.in_use = False  # type: ignore[attr-defined]


class ForkedKernel(CGroupAccounting, Running):
    """A kernel forked by a template: the keeper's pid (as the template sees it) and, on the host,
    the submission's cgroup."""

    def __init__(self, owner: Template, pid: int, cgroup: CGroup | None):
        self.owner, self.pid, self.cgroup = owner, pid, cgroup
        self._exited = False
        self._released = False

    def alive(self) -> bool:
        if self._exited or not self.owner.alive():
            return False
        try:
            self._exited = not self.owner.ask({"op": "poll", "pid": self.pid})["alive"]
        except SandboxUnavailable:
            self._exited = True
        return not self._exited

    def _tell(self, op: str) -> None:
        if self.owner.alive():
            try:
                self.owner.ask({"op": op, "pid": self.pid})
            except SandboxUnavailable:
                pass

    def kill(self) -> None:
        """The keeper kills the namespace's init, which takes every process of the namespace along."""
        self._tell("kill")
        if self.cgroup is not None:
            self.cgroup.kill_all()

    def release(self) -> None:
        self.kill()
        if not self._released:
            self._released = True
            self._tell("reap")  # returns once the namespace is empty and its memory free
        if self.cgroup is not None:
            self.cgroup.destroy()


def sandbox_mounts(dirs: SessionDirs, limits: Limits, uid: int, layout: dict, path: Callable[[Path], str],
                   hidden: Sequence[str] = ()) -> list:
    """The new root, in mount order: devices, scratch space, read-only system and Python, sockets.
    `layout` is what the template reported of its filesystem; `path` maps host paths to its view;
    `hidden` folders (Template.masks) are covered by an empty read-only tmpfs."""
    disk = f"size={limits.disk_mb * MiB}"
    mounts: list[list[str]] = [["proc", "", "/proc"], ["tmpfs", "size=65536,mode=0755", "/dev"]]
    mounts += [["dev", f"/dev/{d}", f"/dev/{d}"] for d in _DEVICES]
    mounts += [["symlink", "/proc/self/fd", "/dev/fd"], ["symlink", "/proc/self/fd/0", "/dev/stdin"],
               ["symlink", "/proc/self/fd/1", "/dev/stdout"], ["symlink", "/proc/self/fd/2", "/dev/stderr"],
               ["tmpfs", f"{disk},mode=1777", "/dev/shm"], ["tmpfs", f"{disk},mode=1777", "/tmp"],
               ["tmpfs", f"{disk},mode=0700,uid={uid},gid={uid}", dirs.work_in]]
    for d, kind in layout["system"].items():
        mounts.append(["symlink", kind.split(":", 1)[1], d] if kind.startswith("symlink:") else ["ro", d, d])
    mounts += [["ro", f, f] for f in layout["etc"]]
    mounts += [["ro", r, r] for r in layout["python_roots"]]
    for h in hidden:
        if stand_in_for(h, limits.forbidden):  # written as the tmpfs's owner, then closed (no DAC override in docker)
            mounts += [["tmpfs", "size=16384,mode=0755", h], ["file", STAND_IN.read_text("utf-8"), h + "/__init__.py"],
                       ["dir", "0555", h]]
        else:
            mounts.append(["tmpfs", "size=4096,mode=0555", h])
    mounts += [["rw", path(dirs.ipc), dirs.ipc_in], ["ro", path(dirs.req), dirs.req_in]]
    return mounts


class ForkLauncher(KernelLauncher):
    """Starts kernels by asking a template to fork them."""

    def __init__(self, get_template: Callable[[], Template], cgroups: bool = True):
        self.get_template = get_template
        self.cgroups = cgroups
        self._template: Template | None = None
        self._uid: int | None = None

    def session_parent(self) -> str | None:
        self._template = self.get_template()
        return str(self._template.sessions)

    def sandbox_paths(self, root: Path) -> tuple[str, str, str]:
        return "/grader/ipc", "/grader/req", "/home/learner"

    def sandbox_ids(self) -> tuple[int, int]:
        if self._uid is None:
            self._uid = sandbox_uid()
        return self._uid, self._uid

    def prepare(self, owner: Template, limits: Limits) -> None:
        """Hook run before each spawn (docker-fork reads its container's OOM count here)."""

    def running(self, owner: Template, pid: int, cgroup: CGroup | None) -> Running:
        """The handle on a spawned kernel (docker-fork's reads OOM kills from its container)."""
        return ForkedKernel(owner, pid, cgroup)

    def launch(self, dirs: SessionDirs, limits: Limits, env: dict[str, str]) -> Running:
        owner = self._template or self.get_template()
        cgroup = None
        if self.cgroups:
            cgroup = CGroup.create(limits)
            if cgroup is None:
                raise SandboxUnavailable("the fork sandbox needs a cgroup for its limits and could not create one")
        try:
            self.prepare(owner, limits)
            uid = self.sandbox_ids()[0]
            newroot = dirs.root / "root"
            newroot.mkdir(mode=0o700)
            fsize = limits.file_mb * MiB
            request = {"op": "spawn", "log": owner.path(dirs.root / "kernel.log"),
                       "cgroup_procs": [str(d / "cgroup.procs") for d in cgroup.dirs] if cgroup else [],
                       "root": owner.path(newroot), "uid": uid,
                       "mounts": sandbox_mounts(dirs, limits, uid, owner.ready["layout"], owner.path,
                                                owner.masks(limits.forbidden)),
                       "rlimits": [["RLIMIT_CORE", 0, 0], ["RLIMIT_FSIZE", fsize, fsize],
                                   ["RLIMIT_NOFILE", limits.nofile, limits.nofile]],
                       "env": {**env, "PATH": f"{Path(owner.ready['layout']['python']).parent}:/usr/local/bin:/usr/bin:/bin"},
                       "cwd": dirs.work_in, "kernel_args": self.kernel_argv(dirs)[4:]}
            pid = owner.ask(request)["pid"]
        except BaseException:
            if cgroup is not None:
                cgroup.destroy()
            raise
        return self.running(owner, pid, cgroup)


@lru_cache(maxsize=1)
def _probe() -> str | None:
    if sys.platform != "linux":
        return "the fork sandbox needs Linux namespaces"
    if os.geteuid() != 0:
        return "the fork sandbox needs root (it creates namespaces and cgroups itself); use bwrap instead"
    group = CGroup.create(Limits())
    if group is None:
        return "cannot create cgroups here (the fork sandbox enforces its limits with them)"
    group.destroy()
    code = ("import ctypes,sys;c=ctypes.CDLL(None,use_errno=True);"
            "sys.exit(c.unshare(0x00020000|0x20000000|0x40000000|0x08000000|0x04000000|0x02000000))")
    try:
        proc = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"could not test namespaces: {exc}"
    if proc.returncode != 0:
        return "cannot create namespaces here (unshare was refused)"
    return None


class ForkSandbox(Sandbox):
    """Namespaces and cgroups set up by the grader itself around kernels forked from a warm template."""

    name = "fork"
    isolated = True

    def unavailable_reason(self) -> str | None:
        return _probe()

    def open(self, limits: Limits) -> Session:
        return KernelSession(ForkLauncher(lambda: host_template(limits.forbidden)), limits)

    def warm_up(self, limits: Limits | None = None) -> None:
        """Start this process's template for `limits.forbidden` (default: nothing forbidden) now."""
        host_template((limits or Limits()).forbidden)

