"""User ids for sandboxed kernels: high, owned by no account on this host, unique among the graders
running here, and never given twice by one grader process.

A grader process claims blocks of ids in a registry directory (one file per block, holding the
claimant's pid and start time, created under an exclusive lock); a block whose claimant is gone
is claimed again. Ids of host accounts and groups, and subordinate ranges (/etc/subuid, /etc/subgid)
are never handed out. Without root there is no id to give: sandboxes then run as the grader's user.
"""
from __future__ import annotations

import atexit
import fcntl
import grp
import os
import pwd
import random
import tempfile
import threading
from pathlib import Path

BASE = 1 << 30             # above every conventional account and subordinate range
BLOCK = 4096
BLOCKS = ((1 << 31) - BASE) // BLOCK - 1   # below 2**31: some tools treat ids as signed 32-bit


def _registry() -> Path:
    if os.geteuid() == 0:
        return Path("/run/grader-uids") if Path("/run").is_dir() else Path(tempfile.gettempdir()) / "grader-uids"
    return Path(tempfile.gettempdir()) / f"grader-uids-{os.getuid()}"


def _start_time(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def _taken_ranges() -> list[tuple[int, int]]:
    """Ids this host already uses at or above BASE: accounts, groups and subordinate ranges."""
    used = [(e.pw_uid, e.pw_uid + 1) for e in pwd.getpwall() if e.pw_uid >= BASE]
    used += [(e.gr_gid, e.gr_gid + 1) for e in grp.getgrall() if e.gr_gid >= BASE]
    for name in ("/etc/subuid", "/etc/subgid"):
        try:
            lines = Path(name).read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            parts = line.split(":")
            if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
                used.append((int(parts[1]), int(parts[1]) + int(parts[2])))
    return used


class UidPool:
    """This process's source of sandbox user ids (thread-safe)."""

    def __init__(self, registry: Path | None = None):
        self.registry = registry or _registry()
        self._lock = threading.Lock()
        self._blocks: list[int] = []
        self._next = BLOCK
        self._pid = os.getpid()
        atexit.register(self.release)

    def take(self) -> int:
        """A fresh id (the same number for the group id)."""
        with self._lock:
            if self._pid != os.getpid():  # a forked child: its parent's blocks are not its own
                self._blocks, self._next, self._pid = [], BLOCK, os.getpid()
            if self._next >= BLOCK:
                self._blocks.append(self._claim())
                self._next = 0
            uid = BASE + self._blocks[-1] * BLOCK + self._next
            self._next += 1
            return uid

    def _claim(self) -> int:
        self.registry.mkdir(mode=0o700, exist_ok=True)
        me = f"{os.getpid()} {_start_time(os.getpid())}"
        taken = _taken_ranges()
        dir_fd = os.open(self.registry, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        try:
            fcntl.flock(dir_fd, fcntl.LOCK_EX)
            start = random.randrange(BLOCKS)
            for i in range(BLOCKS):
                block = (start + i) % BLOCKS
                low, high = BASE + block * BLOCK, BASE + (block + 1) * BLOCK
                if any(a < high and low < b for a, b in taken) or not self._free(dir_fd, str(block)):
                    continue
                fd = os.open(str(block), os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=dir_fd)
                with os.fdopen(fd, "w") as f:
                    f.write(me)
                return block
        finally:
            os.close(dir_fd)  # closing the directory releases the lock
        raise OSError("no block of sandbox user ids is free")

    @staticmethod
    def _free(dir_fd: int, name: str) -> bool:
        """Whether block `name` is unclaimed, or claimed by a process that is gone (then it is cleared)."""
        try:
            fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=dir_fd)
        except FileNotFoundError:
            return True
        with os.fdopen(fd) as f:
            owner = f.read(64).split()
        if len(owner) == 2 and owner[0].isdigit() and _start_time(int(owner[0])) == owner[1]:
            return False
        os.unlink(name, dir_fd=dir_fd)
        return True

    def release(self) -> None:
        """Give this process's blocks back (at exit)."""
        if self._pid != os.getpid():
            return
        for block in self._blocks:
            try:
                (self.registry / str(block)).unlink()
            except OSError:
                pass
        self._blocks = []


_pool: UidPool | None = None
_pool_lock = threading.Lock()


def sandbox_uid() -> int:
    """A user id for one sandbox (root only)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = UidPool()
        return _pool.take()
