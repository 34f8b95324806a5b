"""Sandbox user ids: high, no host account's, never given twice by one process, unique among live graders."""
from __future__ import annotations

import os
import pwd
import subprocess
import sys
from pathlib import Path

import pytest

from grader.sandbox import uids
from grader.sandbox.uids import BASE, BLOCK, UidPool


def test_ids_are_high_unique_and_not_host_accounts(tmp_path: Path) -> None:
    pool = UidPool(tmp_path / "reg")
    taken = [pool.take() for _ in range(BLOCK + 10)]  # past the end of the first block
    assert len(set(taken)) == len(taken) and min(taken) >= BASE and max(taken) < 2**31
    assert len(pool._blocks) == 2 and sorted(os.listdir(tmp_path / "reg")) == sorted(str(b) for b in pool._blocks)
    for uid in taken[:50]:
        with pytest.raises(KeyError):
            pwd.getpwuid(uid)
    pool.release()
    assert os.listdir(tmp_path / "reg") == []


def test_a_live_graders_block_is_never_taken_and_a_dead_ones_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uids, "BLOCKS", 3)
    monkeypatch.setattr(uids, "_taken_ranges", lambda: [])
    reg = tmp_path / "reg"
    reg.mkdir()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (reg / "0").write_text(f"{live.pid} {uids._start_time(live.pid)}")  # another grader, running
        (reg / "1").write_text("999999999 12345")                         # a grader that is gone
        (reg / "2").write_text(f"{live.pid} 1")                            # its pid, reused by a later process
        pool = UidPool(reg)
        first = pool.take()
        pool._next = BLOCK
        second = pool.take()
        assert {(first - BASE) // BLOCK, (second - BASE) // BLOCK} == {1, 2}
        pool._next = BLOCK
        with pytest.raises(OSError, match="no block"):
            pool.take()
        assert (reg / "0").read_text().startswith(str(live.pid))
        pool.release()
    finally:
        live.kill()
        live.wait()


def test_host_ranges_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uids, "BLOCKS", 3)
    monkeypatch.setattr(uids, "_taken_ranges", lambda: [(BASE, BASE + 2 * BLOCK)])  # blocks 0 and 1 are a host's
    pool = UidPool(tmp_path / "reg")
    assert (pool.take() - BASE) // BLOCK == 2
    pool._next = BLOCK
    with pytest.raises(OSError, match="no block"):
        pool.take()
    pool.release()
