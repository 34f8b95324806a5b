"""What a grader that died leaves behind, and how the next one clears it.

A grading run keeps its temporary files (an extracted class, the sandboxes' session folders and
templates) in one folder of its own, `grader-run-*`, whose marker names the owner by pid and start
time. Worker processes die with their parent (`die_with_parent`), templates and kernels with their
worker. Whatever survives a `kill -9` anyway is swept at the next start (`sweep`): run folders whose
owner is gone, the cgroups of dead graders (named `grader-<pid>-*`), orphaned fork templates, and
containers labelled with a dead owner's pid.
"""
from __future__ import annotations

import contextlib
import ctypes
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

RUN_PREFIX = "grader-run-"
MARKER = ".grader-owner"
PR_SET_PDEATHSIG = 1
CGROUP_ROOT = Path("/sys/fs/cgroup")
# cgroup folders: v2 under grader/, v1 memory and pids under grader/, v1 cpu at the top of its hierarchy
CGROUP_PARENTS = ("grader", "memory/grader", "pids/grader", "cpu")
_OWNED_CGROUP = re.compile(r"^grader-(\d+)-[0-9a-f]+$")
_LEGACY_CGROUP = re.compile(r"^grader-[0-9a-f]{12}$")
# folders of graders from before run folders: kept a day, then swept (a day-old session is long dead)
_LEGACY_DIR = re.compile(r"^grader-(batch|template|dtemplate)?-?[A-Za-z0-9_]{8}$")
LEGACY_DIR_AGE_S = 24 * 3600
LEGACY_CGROUP_AGE_S = 1800


def process_start(pid: int) -> str | None:
    """The start time of process `pid` (clock ticks since boot), or None when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def owner_alive(pid: int, start: str | None) -> bool:
    """Whether the process that wrote a marker still runs (its pid, not reused by another process)."""
    now = process_start(pid)
    return now is not None and (start is None or now == start)


def die_with_parent(parent: int, sig: int = signal.SIGTERM) -> None:
    """Ask the kernel to send `sig` to this process when its parent dies; exit now if it already has."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, ctypes.c_ulong(sig), ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0))
    if os.getppid() != parent:
        os._exit(1)


def new_run_dir(base: str | None = None) -> Path:
    """A fresh run folder (traversable, not listable, by others) with this process's owner marker."""
    path = Path(tempfile.mkdtemp(prefix=RUN_PREFIX, dir=base))
    (path / MARKER).write_text(json.dumps({"pid": os.getpid(), "start": process_start(os.getpid())}))
    os.chmod(path, 0o711)  # sandboxes reach their session folders inside; nobody else can list it
    return path


@contextlib.contextmanager
def run_dir(base: str | None = None) -> Iterator[Path]:
    """A run folder for the duration of the block, removed afterwards (and swept if this process is killed)."""
    path = new_run_dir(base)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@dataclass
class Swept:
    """What a sweep removed."""

    folders: list[str] = field(default_factory=list)
    cgroups: list[str] = field(default_factory=list)
    templates: list[int] = field(default_factory=list)
    containers: int = 0

    def __bool__(self) -> bool:
        return bool(self.folders or self.cgroups or self.templates or self.containers)

    def summary(self) -> str:
        parts = [f"{len(self.folders)} temporary folder(s)" if self.folders else "",
                 f"{len(self.templates)} sandbox template(s)" if self.templates else "",
                 f"{len(self.cgroups)} cgroup(s)" if self.cgroups else "",
                 f"{self.containers} container(s)" if self.containers else ""]
        return ", ".join(p for p in parts if p)


def sweep(docker: bool = False, tmp: str | None = None) -> Swept:
    """Remove what dead graders left: run folders, orphaned templates, cgroups, and (with `docker`) containers.
    Only where /proc tells which processes run (Linux): elsewhere nothing can be known dead."""
    swept = Swept()
    if not Path("/proc/self/stat").exists():
        return swept
    swept.templates = _sweep_templates()
    swept.folders = _sweep_folders(Path(tmp or tempfile.gettempdir()))
    swept.cgroups = _sweep_cgroups()
    if docker:
        swept.containers = _sweep_containers()
    return swept


def _dead_run_dir(path: Path) -> bool:
    try:
        marker = json.loads((path / MARKER).read_text())
        return not owner_alive(int(marker["pid"]), marker.get("start"))
    except (OSError, ValueError, KeyError, TypeError):  # a marker cut short: the folder's age decides
        try:
            return time.time() - path.stat().st_mtime > 3600
        except OSError:
            return False


def _sweep_folders(base: Path) -> list[str]:
    removed: list[str] = []
    try:
        entries = list(base.iterdir())
    except OSError:
        return removed
    for path in entries:
        try:
            st = path.lstat()
        except OSError:
            continue
        if not path.is_dir() or path.is_symlink() or st.st_uid != os.geteuid():
            continue
        if path.name.startswith(RUN_PREFIX):
            dead = _dead_run_dir(path)
        else:
            dead = bool(_LEGACY_DIR.match(path.name)) and time.time() - st.st_mtime > LEGACY_DIR_AGE_S
        if dead:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    return removed


def _sweep_templates() -> list[int]:
    """Fork templates whose grader died (reparented to init or a subreaper, which is not Python): killing
    one takes its kernels along."""
    zygote = str(Path(__file__).with_name("sandbox") / "zygote.py")
    killed = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
            ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if zygote.encode() in argv and not _python(ppid):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(int(proc.name), signal.SIGKILL)
                killed.append(int(proc.name))
    return killed


def _python(pid: int) -> bool:
    """Whether `pid` runs a Python interpreter (a template's parent always does: its grader)."""
    if pid <= 1:
        return False
    try:
        return os.path.basename(os.readlink(f"/proc/{pid}/exe")).startswith("python")
    except OSError:
        return False


def _cgroup_empty(path: Path, kill: bool) -> bool:
    for _ in range(50):
        try:
            pids = [int(p) for p in (path / "cgroup.procs").read_text().split()]
        except (OSError, ValueError):
            return False
        if not pids:
            return True
        if not kill:
            return False
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.02)
    return False


def _sweep_cgroups() -> list[str]:
    removed = []
    for parent in CGROUP_PARENTS:
        try:
            children = [c for c in (CGROUP_ROOT / parent).iterdir() if c.is_dir()]
        except OSError:
            continue
        for group in children:
            owned = _OWNED_CGROUP.match(group.name)
            if owned:
                if process_start(int(owned.group(1))) is not None or not _cgroup_empty(group, kill=True):
                    continue
            elif _LEGACY_CGROUP.match(group.name):
                try:
                    old = time.time() - group.stat().st_ctime > LEGACY_CGROUP_AGE_S
                except OSError:
                    continue
                if not old or not _cgroup_empty(group, kill=False):
                    continue
            else:
                continue
            with contextlib.suppress(OSError):
                group.rmdir()
                removed.append(f"{parent}/{group.name}")
    return removed


def _sweep_containers() -> int:
    """Containers labelled with a grader pid that no longer runs (only when a Docker daemon answers here)."""
    if not any(Path(p).exists() for p in ("/var/run/docker.sock", "/run/docker.sock")) and \
            not os.environ.get("DOCKER_HOST"):
        return 0
    try:
        import docker

        from grader.sandbox.docker import sweep_stale_containers

        client = docker.from_env(timeout=10)
        try:
            return sweep_stale_containers(client)
        finally:
            client.close()
    except Exception:  # noqa: BLE001 - no docker package or daemon: nothing of ours can run there
        return 0
