"""Results that were graded but could not be stored, kept as JSON lines until a later run stores them.

When the results database stays locked past its retry budget, or the disk is full, the grade is not
lost: it is appended to a journal (one JSON object per line, fsynced) next to the database, or where
that cannot be written, under $XDG_STATE_HOME/grader/, or in /tmp. The next `grader batch` or
`grader submit` on the same database imports every journal of that database first and says so; each
entry carries an id the store remembers, so an entry is never stored twice.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.grading import GradeResult
from grader.store import Store

SUFFIX = ".pending.jsonl"


def _key(db: Path) -> str:
    return hashlib.sha256(str(db.resolve()).encode()).hexdigest()[:16]


def locations(db: Path) -> list[Path]:
    """Where the journal of `db` may be, in the order it is written: next to it, the state folder, /tmp."""
    state = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "grader"
    return [db.with_name(db.name + SUFFIX), state / f"pending-{_key(db)}.jsonl",
            Path("/tmp") / f"grader-pending-{os.geteuid()}-{_key(db)}.jsonl"]


def _append(path: Path, line: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
    try:
        st = os.fstat(fd)
        if st.st_uid != os.geteuid():  # someone else's file at a shared path: not ours to write grades into
            raise PermissionError(f"{path} belongs to another user")
        size = st.st_size
        if size:  # a line cut short by an earlier failure must not swallow this one
            with open(path, "rb") as f:
                f.seek(size - 1)
                if f.read(1) != b"\n":
                    line = b"\n" + line
        try:
            os.write(fd, line)
            os.fsync(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
            raise
    finally:
        os.close(fd)


def keep(store: Store, entry: dict[str, Any]) -> Path | None:
    """Append one entry to the first journal location of `store` that can be written; None when none can."""
    if not isinstance(store.path, Path):
        return None
    record = {"id": uuid.uuid4().hex, "db": str(store.path.resolve()), "written_at": time.time(), **entry}
    line = (json.dumps(record) + "\n").encode()
    for path in locations(store.path):
        try:
            _append(path, line)
            return path
        except OSError:
            continue
    return None


def attempt_entry(result: GradeResult, started_at: float, kind: str, exam_id: str | None) -> dict[str, Any]:
    """A journal entry for one `grader submit` attempt."""
    return {"kind": "attempt", "result": result.to_record(), "started_at": started_at, "attempt_kind": kind,
            "exam_id": exam_id}


def batch_entry(student: str, result: GradeResult, sha256: str, problem_version: str) -> dict[str, Any]:
    """A journal entry for one notebook of a class."""
    return {"kind": "batch", "student": student, "result": result.to_record(), "sha256": sha256,
            "problem_version": problem_version}


def pending(store: Store) -> list[tuple[Path, list[dict[str, Any]]]]:
    """Every journal of `store` that exists, with its readable entries for this database."""
    if not isinstance(store.path, Path):
        return []
    db = str(store.path.resolve())
    found = []
    for path in locations(store.path):
        try:
            lines = path.read_bytes().splitlines()
        except OSError:
            continue
        entries = []
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # a line cut short when the disk filled up
            if isinstance(entry, dict) and entry.get("db") == db and {"id", "kind", "result"} <= set(entry):
                entries.append(entry)
        found.append((path, entries))
    return found


@dataclass(frozen=True)
class Imported:
    """What `import_pending` did: results stored now, and the journals they came from."""

    count: int
    paths: tuple[Path, ...]


def import_pending(store: Store) -> Imported:
    """Store every journaled result of `store` once and remove the journals (StoreError when the store still
    cannot be written: the journals then stay for the next run). A locked database is tried briefly here:
    the journal can wait, and the run's own results keep their whole retry budget."""
    journals = pending(store)
    if not journals:
        return Imported(0, ())
    degraded, store.degraded = store.degraded, True
    try:
        count = store.import_pending(e for _, entries in journals for e in entries)
    finally:
        store.degraded = degraded
    for path, _ in journals:
        with contextlib.suppress(OSError):
            path.unlink()
    return Imported(count, tuple(p for p, _ in journals))


def pending_batch_rows(store: Store) -> list[dict[str, Any]]:
    """Journaled class results in the shape of `Store.batch_rows()`, newest per (student, problem)."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for _, entries in pending(store):
        for e in sorted((e for e in entries if e["kind"] == "batch"), key=lambda e: e["written_at"]):
            r = e["result"]
            rows[(e["student"], r["problem"])] = {
                "student": e["student"], "problem": r["problem"], "notebook": r["notebook"],
                "notebook_sha256": e.get("sha256", ""), "status": r["status"], "checks_passed": r["checks_passed"],
                "checks_total": r["checks_total"], "checks": r["checks"], "error": r["error"],
                "duration_s": r["duration_s"], "sandbox": r["sandbox"], "isolated": r["isolated"],
                "sandbox_detail": r["sandbox_detail"], "graded_at": e["written_at"],
                "problem_version": e.get("problem_version", ""), "missing": False, "unsaved": True}
    return list(rows.values())
