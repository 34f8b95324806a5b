"""Limits and how they are applied: rlimits in a child, and the cgroup (memory, pids, CPU) with kills
that go through pidfds and only reach the group's own members."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import time

import pytest

from grader.sandbox.limits import CGroup, Limits, MiB, apply_rlimits

_CAN_CGROUP = os.geteuid() == 0 and CGroup.create(Limits()) is not None
needs_cgroup = pytest.mark.skipif(not _CAN_CGROUP, reason="needs root and a writable cgroup hierarchy")


def _has_cpu_controller() -> bool:
    v2 = CGroup.ROOT / "cgroup.controllers"
    return "cpu" in v2.read_text().split() if v2.exists() else (CGroup.ROOT / "cpu").is_dir()


def test_overrides_are_typed_and_unknown_keys_refused() -> None:
    limits = Limits().merged({"memory_mb": "300", "cpus": 2, "cell_s": 5})
    assert (limits.memory_mb, limits.cpus, limits.cell_s) == (300, 2.0, 5.0)
    assert Limits().merged(None) == Limits() and Limits().channel_mb >= 64
    with pytest.raises(KeyError, match="bogus"):
        Limits().merged({"bogus": 1})


@pytest.mark.parametrize("address_space", [False, True])
def test_rlimits_reach_the_child(address_space: bool) -> None:
    limits = Limits(file_mb=3, nofile=77, memory_mb=100)
    code = ("import resource as r; print(*[r.getrlimit(getattr(r, n))[0] for n in "
            "('RLIMIT_CORE', 'RLIMIT_FSIZE', 'RLIMIT_NOFILE', 'RLIMIT_AS')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         preexec_fn=lambda: apply_rlimits(limits, address_space)).stdout.split()
    core, fsize, nofile, as_ = map(int, out)
    assert (core, fsize, nofile) == (0, 3 * MiB, 77)
    assert as_ == ((100 + 1024) * MiB if address_space else resource.RLIM_INFINITY)


@needs_cgroup
def test_the_cgroup_holds_the_limits_and_kills_only_its_members() -> None:
    group = CGroup.create(Limits(memory_mb=123, pids=17, cpus=0.5))
    assert group is not None
    outsider = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    inside = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], preexec_fn=group.enter)
    try:
        deadline = time.monotonic() + 5
        while inside.pid not in group.pids() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert group.pids() == {inside.pid} and group.member(inside.pid) and not group.member(outsider.pid)
        assert group.cpu_quota() == ((50_000, 100_000) if _has_cpu_controller() else None)
        files = {f.name: f.read_text().split() for d in group.dirs for f in d.iterdir()
                 if f.name in ("memory.max", "memory.limit_in_bytes", "pids.max")}
        memory = files.get("memory.max") or files.get("memory.limit_in_bytes")
        assert memory == [str(123 * MiB)] and files["pids.max"] == ["17"]
        assert not group.oom_killed()
        group.kill_all()
        assert inside.wait(timeout=5) == -9 and outsider.poll() is None
    finally:
        outsider.kill()
        outsider.wait()
        inside.kill()
        inside.wait()
        group.destroy()
    assert not any(d.exists() for d in group.dirs)


@needs_cgroup
def test_a_cpu_controller_is_used_where_the_machine_has_one() -> None:
    group = CGroup.create(Limits(cpus=1.5))
    assert group is not None
    try:
        assert group.cpu_quota() == ((150_000, 100_000) if _has_cpu_controller() else None)
    finally:
        group.destroy()
