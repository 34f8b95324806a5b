"""Processes as the tests of a killed grader see them: a process tree, alive or not (pid reuse aside)."""
from __future__ import annotations

import os
import time
from pathlib import Path

from grader.orphans import process_start


def children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def tree(root: int) -> dict[int, str | None]:
    """`root` and every descendant, with their start times (to tell them from a later process of that pid)."""
    kids, out, todo = children(), {}, [root]
    while todo:
        pid = todo.pop()
        out[pid] = process_start(pid)
        todo += kids.get(pid, [])
    return out


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def alive(procs: dict[int, str | None]) -> dict[int, str]:
    """Those of `procs` still running (the same processes, not a reused pid)."""
    return {p: cmdline(p) for p, start in procs.items() if start is not None and process_start(p) == start}


def in_group(pgid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == pgid:
                    found.append(int(entry.name))
            except (ProcessLookupError, PermissionError):
                continue
    return found


def wait_until_gone(procs: dict[int, str | None], timeout: float = 30.0) -> dict[int, str]:
    deadline = time.monotonic() + timeout
    while (left := alive(procs)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left
