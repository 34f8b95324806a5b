"""A graded result is never lost: a locked database is retried with backoff, and what still cannot be
stored (a lock held too long, a full disk) is kept in a journal that the next run imports, once."""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from grader import journal
from grader.checks import CheckOutcome
from grader.errors import StoreError
from grader.grading import GradeResult
from grader.sandbox.bwrap import BwrapSandbox
from grader.sandbox.fake import FakeSandbox
from grader.store import Store
from grader.submit import Entry, grade_files
from tests.cli import invoke
from tests.conftest import SOFTMAX_OK, write_notebook


def result(student: str = "ann", checks: int = 3, message: str = "") -> GradeResult:
    outcomes = tuple(CheckOutcome(f"test_{i}", "d", "passed", message) for i in range(checks))
    return GradeResult(problem="mle-act-softmax", notebook=f"{student}/mle-act-softmax.ipynb", status="passed",
                       checks_passed=checks, checks_total=checks, checks=outcomes, sandbox="fork",
                       notebook_sha256="h" * 64, problem_version="v1")


@contextlib.contextmanager
def write_lock(db: Path, seconds: float | None = None):
    """Another connection holding the database's write lock (for `seconds`, or for the block)."""
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(seconds, lambda: other.execute("COMMIT")) if seconds is not None else None
    if timer:
        timer.start()
    try:
        yield
    finally:
        if timer:
            timer.join()
        elif other.in_transaction:
            other.execute("COMMIT")
        other.close()


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state"


def test_a_short_lock_is_ridden_out(tmp_path):
    store = Store(tmp_path / "g.db", retry_s=20)
    with write_lock(tmp_path / "g.db", seconds=1.5):
        started = time.monotonic()
        store.batch_record("ann", result())
        waited = time.monotonic() - started
    assert waited >= 1.0 and [r["student"] for r in store.batch_rows()] == ["ann"]


def test_a_lock_held_past_the_retry_goes_to_the_journal_and_is_imported_once(tmp_path, state):
    db = tmp_path / "g.db"
    store = Store(db, retry_s=1)
    with write_lock(db):
        started = time.monotonic()
        with pytest.raises(StoreError, match="database is locked"):
            store.batch_record("ann", result())
        assert 0.9 < time.monotonic() - started < 10
        kept = journal.keep(store, journal.batch_entry("ann", result(), "h" * 64, "v1"))
        assert kept == db.with_name("g.db.pending.jsonl")
        started = time.monotonic()  # later writes of the same run do not wait the whole budget again
        with pytest.raises(StoreError):
            store.record(result("bob"), started_at=time.time())
        assert time.monotonic() - started < 4
        journal.keep(store, journal.attempt_entry(result("bob"), time.time(), "practice", None))
        rows = journal.pending_batch_rows(store)
        assert [(r["student"], r["unsaved"]) for r in rows] == [("ann", True)]
    entries = [e for _, es in journal.pending(store) for e in es]
    done = journal.import_pending(Store(db))
    assert done.count == 2 and kept is not None and not kept.exists()
    again = Store(db)
    assert again.import_pending(entries) == 0  # offered again (a journal that could not be removed): once only
    assert [r["student"] for r in again.batch_rows()] == ["ann"]
    assert [a.notebook for a in again.attempts()] == ["bob/mle-act-softmax.ipynb"]


def test_a_journal_line_cut_short_does_not_lose_the_next(tmp_path, state):
    store = Store(tmp_path / "g.db")
    path = journal.locations(tmp_path / "g.db")[0]
    path.write_bytes(b'{"id": "x", "kind": "ba')  # the disk filled up mid-line
    journal.keep(store, journal.batch_entry("ann", result(), "h", "v"))
    assert [e["student"] for _, es in journal.pending(store) for e in es] == ["ann"]


def test_submit_keeps_an_attempt_it_cannot_store_and_the_next_run_imports_it(tmp_path, state):
    db = tmp_path / "g.db"
    nb = write_notebook(tmp_path / "mle-act-softmax.ipynb", SOFTMAX_OK)
    store = Store(db, retry_s=0.5)
    with write_lock(db):
        [graded] = list(grade_files([Entry(nb)], FakeSandbox(), store))
    assert graded.status == "passed" and graded.attempt_id is None
    assert "database is locked" in graded.extra["unsaved"] and graded.extra["journal"].endswith(".pending.jsonl")
    code, out, err = invoke("history", "--db", str(db))
    assert code == 0 and "imported 1 results graded earlier while the database could not be written" in err
    assert "mle-act-softmax" in out and "passed" in out
    code, _, err = invoke("history", "--db", str(db))
    assert "imported" not in err  # once


@pytest.fixture
def tiny_disk(tmp_path):
    """A 512 KiB tmpfs (root only), unmounted afterwards."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mnt)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_keeps_the_result_in_a_journal_elsewhere(tiny_disk, state):
    db = tiny_disk / "g.db"
    store = Store(db, retry_s=2)
    filler = fill(tiny_disk)
    big = result(checks=400, message="m" * 280)  # larger than any free page the database still has
    with pytest.raises(StoreError, match="full|disk"):
        store.batch_record("ann", big)
    kept = journal.keep(store, journal.batch_entry("ann", big, "h", "v"))
    assert kept is not None and kept.parent == state / "grader"  # not next to the database: that disk is full
    filler.unlink()
    done = journal.import_pending(Store(db))
    assert done.count == 1 and [r["checks_total"] for r in Store(db).batch_rows()] == [400]


@pytest.mark.slow
@pytest.mark.skipif(BwrapSandbox().unavailable_reason() is not None, reason="bwrap unavailable")
def test_grader_submit_with_its_database_locked_prints_and_keeps_the_result(tmp_path, state):
    db = tmp_path / "g.db"
    Store(db).close()
    nb = write_notebook(tmp_path / "mle-act-softmax.ipynb", SOFTMAX_OK)
    env = {**os.environ, "GRADER_DB": str(db), "GRADER_DB_RETRY_S": "1", "XDG_STATE_HOME": str(state)}
    with write_lock(db):
        proc = subprocess.run([sys.executable, "-m", "grader", "submit", str(nb), "--sandbox", "bwrap", "--json"],
                              capture_output=True, env=env, timeout=300)
    [shown] = json.loads(proc.stdout)
    assert proc.returncode == 0 and shown["status"] == "passed" and shown["attempt_id"] is None
    assert "database is locked" in proc.stderr.decode() and "g.db.pending.jsonl" in proc.stderr.decode()
    again = subprocess.run([sys.executable, "-m", "grader", "history", "--json"], capture_output=True, env=env,
                           timeout=120)
    assert "imported 1 results graded earlier" in again.stderr.decode()
    assert [a["status"] for a in json.loads(again.stdout)] == ["passed"]
