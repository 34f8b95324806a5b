"""Resource limits: the values, and how they are applied to a sandboxed process tree.

Memory, process counts and CPU go into a cgroup when this machine lets us create one (cgroup v2, or
the v1 memory, pids and cpu controllers, as root); otherwise rlimits are the weaker substitute.
rlimits for file size, core dumps and open files are always applied.
"""
from __future__ import annotations

import os
import resource
import signal
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

MiB = 1024 * 1024
_PERIOD_US = 100_000


def _quota(limits: Limits) -> int:
    return max(1000, int(limits.cpus * _PERIOD_US))


@dataclass(frozen=True)
class Limits:
    """Per-submission limits; defaults follow the attack catalogue's proposed starting values."""

    cell_s: float = 60.0          # wall time of one notebook cell
    total_s: float = 600.0        # wall time of the whole submission (cells and checks)
    check_s: float = 2.0          # wall time of one call made by a hidden check
    startup_s: float = 60.0       # kernel start
    memory_mb: int = 2048         # memory of the whole sandbox, swap included
    pids: int = 256               # processes and threads in the sandbox
    output_kb: int = 1024         # notebook output kept; more kills the kernel (output limit)
    file_mb: int = 64             # largest file the sandbox may write
    disk_mb: int = 512            # scratch tmpfs size (bwrap, docker)
    nofile: int = 1024            # open files
    cpus: float = 1.0             # CPU time per wall second (cgroup CPU controller; docker: nano_cpus)
    channel_mb: int = 512         # bytes the kernel may send to the grader over the whole session
    forbidden: frozenset[str] = frozenset()  # libraries the sandbox hides: not set by authors but derived
    #                                          from allowed_imports (grader/libraries.py)

    def merged(self, overrides: dict[str, Any] | None) -> Limits:
        """A copy with `overrides` (from a problem's metadata) applied; unknown keys raise KeyError."""
        if not overrides:
            return self
        unknown = set(overrides) - set(self.__dataclass_fields__)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        return replace(self, **{k: type(getattr(self, k))(v) for k, v in overrides.items()})


def apply_rlimits(limits: Limits, address_space: bool) -> None:
    """Set rlimits on the calling process (run in the child before exec)."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    fsize = limits.file_mb * MiB
    resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits.nofile, limits.nofile))
    if address_space:
        # Without a cgroup, RLIMIT_AS is the only memory cap; the interpreter and BLAS reserve
        # address space they never touch, hence the grace on top of the budget.
        cap = (limits.memory_mb + 1024) * MiB
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


class CGroup:
    """A memory + pids cgroup for one sandbox (v2 unified, or v1 memory and pids controllers)."""

    ROOT = Path("/sys/fs/cgroup")

    def __init__(self, dirs: list[Path], version: int):
        self.dirs = dirs
        self.version = version
        self.name = dirs[0].name

    @classmethod
    def create(cls, limits: Limits) -> CGroup | None:
        """Create a cgroup with the limits set, or return None when this machine does not allow it."""
        name = f"grader-{os.getpid()}-{uuid.uuid4().hex[:12]}"  # the owner's pid: orphans.py sweeps dead ones
        try:
            if (cls.ROOT / "cgroup.controllers").exists():
                return cls._create_v2(name, limits)
            if (cls.ROOT / "memory").is_dir() and (cls.ROOT / "pids").is_dir():
                return cls._create_v1(name, limits)
        except OSError:
            return None
        return None

    @classmethod
    def _create_v2(cls, name: str, limits: Limits) -> CGroup:
        parent = cls.ROOT / "grader"
        parent.mkdir(exist_ok=True)
        (parent / "cgroup.subtree_control").write_text("+memory +pids")
        try:
            (parent / "cgroup.subtree_control").write_text("+cpu")
        except OSError:  # no CPU controller delegated here: memory and pids still hold
            pass
        d = parent / name
        d.mkdir()
        group = cls([d], 2)
        try:
            (d / "memory.max").write_text(str(limits.memory_mb * MiB))
            (d / "memory.swap.max").write_text("0")
            (d / "pids.max").write_text(str(limits.pids))
            if (d / "cpu.max").exists():
                (d / "cpu.max").write_text(f"{_quota(limits)} {_PERIOD_US}")
        except OSError:
            group.destroy()
            raise
        return group

    @classmethod
    def _create_v1(cls, name: str, limits: Limits) -> CGroup:
        mem = cls.ROOT / "memory" / "grader" / name
        pids = cls.ROOT / "pids" / "grader" / name
        mem.mkdir(parents=True)
        group = cls([mem], 1)
        try:
            pids.mkdir(parents=True)
            group.dirs.append(pids)
            (mem / "memory.limit_in_bytes").write_text(str(limits.memory_mb * MiB))
            swap = mem / "memory.memsw.limit_in_bytes"
            if swap.exists():
                swap.write_text(str(limits.memory_mb * MiB))
            (pids / "pids.max").write_text(str(limits.pids))
            if (cls.ROOT / "cpu").is_dir():
                # At the top of the CPU hierarchy, not under a common parent: every session then weighs
                # as much as one process, instead of all of them sharing one process's share.
                cpu = cls.ROOT / "cpu" / name
                cpu.mkdir(parents=True)
                group.dirs.append(cpu)
                (cpu / "cpu.cfs_period_us").write_text(str(_PERIOD_US))
                (cpu / "cpu.cfs_quota_us").write_text(str(_quota(limits)))
        except OSError:
            group.destroy()
            raise
        return group

    def cpu_quota(self) -> tuple[int, int] | None:
        """(quota, period) in microseconds of CPU time, when the group has a CPU controller."""
        for d in self.dirs:
            try:
                if (d / "cpu.max").exists():
                    quota, period = (d / "cpu.max").read_text().split()
                    return (-1 if quota == "max" else int(quota)), int(period)
                if (d / "cpu.cfs_quota_us").exists():
                    return int((d / "cpu.cfs_quota_us").read_text()), int((d / "cpu.cfs_period_us").read_text())
            except (OSError, ValueError):
                return None
        return None

    def enter(self) -> None:
        """Move the calling process into the group (run in the child before exec)."""
        for d in self.dirs:
            (d / "cgroup.procs").write_text("0")

    def pids(self) -> set[int]:
        found: set[int] = set()
        for d in self.dirs:
            try:
                found.update(int(p) for p in (d / "cgroup.procs").read_text().split())
            except OSError:
                pass
        return found

    def oom_killed(self) -> bool:
        """Whether the memory limit was hit (a process was killed or an allocation refused)."""
        try:
            if self.version == 2:
                events = dict(line.split() for line in (self.dirs[0] / "memory.events").read_text().splitlines())
                return int(events.get("oom_kill", 0)) > 0 or int(events.get("max", 0)) > 0
            control = dict(line.split() for line in (self.dirs[0] / "memory.oom_control").read_text().splitlines())
            return int(control.get("oom_kill", 0)) > 0
        except (OSError, ValueError):
            return False

    def peak_mb(self) -> float | None:
        for name in ("memory.peak", "memory.max_usage_in_bytes"):
            f = self.dirs[0] / name
            if f.exists():
                try:
                    return int(f.read_text()) / MiB
                except (OSError, ValueError):
                    return None
        return None

    def member(self, pid: int) -> bool:
        """Whether process `pid` is in this group now."""
        try:
            return self.name in Path(f"/proc/{pid}/cgroup").read_text()
        except OSError:
            return False

    def kill_all(self, timeout: float = 5.0) -> None:
        """SIGKILL every process in the group until it is empty. Each is signalled through a pidfd
        taken before its membership is checked, so a pid reused by a process elsewhere is never hit."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pids = self.pids()
            if not pids:
                return
            for pid in pids:
                try:
                    fd = os.pidfd_open(pid)
                except (ProcessLookupError, OSError):
                    continue
                try:
                    if self.member(pid):
                        signal.pidfd_send_signal(fd, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                finally:
                    os.close(fd)
            time.sleep(0.02)

    def destroy(self) -> None:
        self.kill_all()
        for d in self.dirs:
            for _ in range(50):
                try:
                    d.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.02)
