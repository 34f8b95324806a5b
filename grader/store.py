"""The results store: one SQLite file (WAL), schema versioned by `PRAGMA user_version`.

Every graded submission becomes exactly one `attempts` row, written as soon as it is graded. This
module owns `sqlite3`: every other module reads and writes through `Store` methods (its batch part is
store_batch.py).

Writes retry a busy (locked) database with backoff for up to `retry_s` seconds ($GRADER_DB_RETRY_S,
default 60), and a full disk or an I/O error briefly; a write that still fails raises StoreError, and
the caller keeps the result in the journal (journal.py), which `import_pending` later brings in once.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from grader.errors import StoreError
from grader.grading import GradeResult
from grader.migrations import MIGRATIONS
from grader.store_batch import BatchStore
from grader.vocab import AttemptKind

__all__ = ["MIGRATIONS", "Attempt", "Store", "default_db_path"]

T = TypeVar("T")
DEFAULT_RETRY_S = 60.0
DEGRADED_RETRY_S = 2.0  # once a write has failed for the whole budget, later ones try briefly
_BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")
_FLAKY = ("SQLITE_FULL", "SQLITE_IOERR")  # a full disk may free up; retried a few times only


def default_db_path() -> Path:
    """$GRADER_DB, else $XDG_DATA_HOME/grader/grader.db (~/.local/share/grader/grader.db)."""
    env = os.environ.get("GRADER_DB")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "grader" / "grader.db"


@dataclass(frozen=True)
class Attempt:
    """A stored attempt row."""

    id: int
    problem: str
    notebook: str
    status: str
    checks_passed: int
    checks_total: int
    checks: list[dict[str, Any]]
    error: dict[str, Any] | None
    duration_s: float
    sandbox: str
    isolated: bool
    sandbox_detail: str
    kind: str
    finished_at: float
    exam_id: str | None = None
    started_at: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"attempt_id": self.id, "problem": self.problem, "notebook": self.notebook, "status": self.status,
                "checks_passed": self.checks_passed, "checks_total": self.checks_total, "checks": self.checks,
                "error": self.error, "duration_s": round(self.duration_s, 3), "sandbox": self.sandbox,
                "isolated": self.isolated, "sandbox_detail": self.sandbox_detail, "kind": self.kind,
                "exam_id": self.exam_id,
                "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.finished_at))}


def retry_budget() -> float:
    """Seconds a write waits for a locked database: $GRADER_DB_RETRY_S, else 60."""
    try:
        return max(0.0, float(os.environ.get("GRADER_DB_RETRY_S", DEFAULT_RETRY_S)))
    except ValueError:
        return DEFAULT_RETRY_S


class Store(BatchStore):
    """Owns the sqlite3 connection (no other module runs SQL but its batch part, store_batch.py); every write
    commits at once."""

    def __init__(self, path: Path | str, retry_s: float | None = None):
        self.path = Path(path) if str(path) != ":memory:" else path
        self.retry_s = retry_budget() if retry_s is None else retry_s
        self.degraded = False  # a write failed for the whole budget: the next ones retry briefly
        try:
            if isinstance(self.path, Path):
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA busy_timeout=30000")
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._migrate()
            self._conn.execute("PRAGMA busy_timeout=500")  # writes retry on top of this (`_write`)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open the results database {path}: {exc} "
                             "(set --db or GRADER_DB to a writable path)") from None

    @property
    def journaled(self) -> bool:
        """Whether results that cannot be stored can be kept in a journal (not for an in-memory store)."""
        return isinstance(self.path, Path)

    def _write(self, work: Callable[[], T], what: str) -> T:
        """Run `work` in one write transaction, retrying a busy database with backoff (StoreError at the end)."""
        budget = DEGRADED_RETRY_S if self.degraded else self.retry_s
        deadline = time.monotonic() + budget
        delay, flaky_left = 0.05, 3
        while True:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    value = work()
                    self._conn.execute("COMMIT")
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
                self.degraded = False
                return value
            except sqlite3.IntegrityError:
                raise  # a value outside the schema is the caller's bug, not a database that cannot be written
            except sqlite3.Error as exc:
                name = getattr(exc, "sqlite_errorname", "") or ""
                busy = name.startswith(_BUSY) or "locked" in str(exc)
                flaky = name.startswith(_FLAKY) and flaky_left > 0
                if not (busy or flaky) or time.monotonic() + delay > deadline:
                    if busy or name.startswith(_FLAKY):
                        self.degraded = True
                    raise StoreError(f"cannot write {what} to the results database {self.path}: {exc}") from None
                flaky_left -= 0 if busy else 1
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(f"the results database {self.path} was written by a newer grader (schema {version})")
        for number in range(version, len(MIGRATIONS)):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                if self._conn.execute("PRAGMA user_version").fetchone()[0] == number:
                    for stmt in MIGRATIONS[number].split(";"):
                        if stmt.strip():
                            self._conn.execute(stmt)
                    self._conn.execute(f"PRAGMA user_version = {number + 1}")
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self._conn.close()

    def record(self, result: GradeResult, started_at: float, kind: str = AttemptKind.PRACTICE,
               exam_id: str | None = None) -> int:
        """Insert one attempt row and return its id (StoreError when it cannot be written)."""
        return self._write(lambda: self._insert_attempt(result, started_at, kind, exam_id, time.time()), "the attempt")

    def _insert_attempt(self, result: GradeResult, started_at: float, kind: str, exam_id: str | None,
                        finished_at: float) -> int:
        cur = self._conn.execute(
            "INSERT INTO attempts (problem, problem_version, notebook, notebook_sha256, status, checks_passed,"
            " checks_total, checks_json, error_json, duration_s, sandbox, isolated, sandbox_detail, kind,"
            " started_at, finished_at, exam_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (result.problem, result.problem_version, result.notebook, result.notebook_sha256, result.status,
             result.checks_passed, result.checks_total, json.dumps([c.to_json() for c in result.checks]),
             json.dumps(result.error) if result.error is not None else None, result.duration_s, result.sandbox,
             int(result.isolated), result.sandbox_detail, kind, started_at, finished_at, exam_id))
        return _rowid(cur)

    def attempts(self, problem: str | None = None, limit: int | None = None) -> Iterator[Attempt]:
        """Attempts, newest first."""
        where, args = ("WHERE problem = ?", [problem]) if problem else ("", [])
        return self._attempts(f"{where} ORDER BY id DESC" + (f" LIMIT {int(limit)}" if limit else ""), args)

    def _attempts(self, clause: str, args: list[Any]) -> Iterator[Attempt]:
        for row in self._conn.execute(f"SELECT * FROM attempts {clause}", args):
            yield Attempt(id=row["id"], problem=row["problem"], notebook=row["notebook"], status=row["status"],
                          checks_passed=row["checks_passed"], checks_total=row["checks_total"],
                          checks=json.loads(row["checks_json"]),
                          error=json.loads(row["error_json"]) if row["error_json"] else None,
                          duration_s=row["duration_s"], sandbox=row["sandbox"], isolated=bool(row["isolated"]),
                          sandbox_detail=row["sandbox_detail"], kind=row["kind"], finished_at=row["finished_at"],
                          exam_id=row["exam_id"], started_at=row["started_at"])

    def attempted_problems(self) -> set[str]:
        """Every problem with at least one recorded attempt (practice or exam)."""
        return {pid for (pid,) in self._conn.execute("SELECT DISTINCT problem FROM attempts")}

    # ------------------------------------------------------------------ exams and study log

    def exam_create(self, exam_id: str, track: str, seed: int, size: int, threshold: int, problems: list[str],
                    *, rules: int = 0, seed_source: str = "unknown", deadline: float | None = None,
                    directory: str = "", seen: list[str] | None = None, created: float | None = None) -> float:
        """Record a drawn exam; returns its creation time (the exam's start)."""
        created = time.time() if created is None else created
        self._write(lambda: self._conn.execute(
            "INSERT INTO exams (id, track, seed, size, threshold, problems_json, created_at, rules, seed_source,"
            " deadline, dir, seen_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (exam_id, track, seed, size, threshold, json.dumps(problems), created, rules, seed_source, deadline,
             directory, None if seen is None else json.dumps(seen))), "the exam")
        return created

    def exam_close(self, exam_id: str, at: float) -> float:
        """Close an exam (once: a later close keeps the first time); returns the close time."""
        self._write(lambda: self._conn.execute("UPDATE exams SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                                               (at, exam_id)), "the exam's close")
        row = self._conn.execute("SELECT closed_at FROM exams WHERE id = ?", (exam_id,)).fetchone()
        return float(row[0]) if row and row[0] is not None else at

    def exam(self, exam_id: str) -> dict[str, Any] | None:
        row = self._conn.execute("SELECT * FROM exams WHERE id = ?", (exam_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["problems"] = json.loads(out.pop("problems_json"))
        seen = out.pop("seen_json")
        out["seen"] = None if seen is None else json.loads(seen)
        return out

    def exams(self, track: str | None = None) -> list[dict[str, Any]]:
        """Every exam, oldest first."""
        sql, args = "SELECT id FROM exams", []
        if track:
            sql += " WHERE track = ?"
            args.append(track)
        return [e for (eid,) in self._conn.execute(sql + " ORDER BY created_at, id", args) if (e := self.exam(eid))]

    def exam_attempts(self, exam_id: str) -> dict[str, Attempt]:
        """The attempt that counts for each problem of an exam (the first graded one)."""
        counted: dict[str, Attempt] = {}
        for a in sorted(self._attempts("WHERE exam_id = ?", [exam_id]), key=lambda a: a.id):
            counted.setdefault(a.problem, a)
        return counted

    def open_exams(self, problem: str | None = None, now: float | None = None) -> list[dict[str, Any]]:
        """Exams not over: not closed and not past their deadline (optionally: only those that drew `problem`).
        Oldest first."""
        now = time.time() if now is None else now
        return [e for e in self.exams() if e["closed_at"] is None and (e["deadline"] is None or now < e["deadline"])
                and (problem is None or problem in e["problems"])]

    def log_study(self, kind: str, minutes: float, note: str = "") -> int:
        return self._write(lambda: _rowid(self._conn.execute(
            "INSERT INTO study_log (kind, minutes, note, logged_at) VALUES (?,?,?,?)",
            (kind, minutes, note, time.time()))), "the study log entry")

    def study_minutes(self) -> dict[str, float]:
        return {k: m for k, m in self._conn.execute("SELECT kind, SUM(minutes) FROM study_log GROUP BY kind")}

    # ------------------------------------------------------------------ quizzes: draws and results

    def quiz_create(self, quiz_id: str, track: str, seed: int, seed_source: str, size: int, threshold: int,
                    draw: dict[str, Any], mode: str, rules: int, created: float | None = None) -> float:
        """Record a drawn quiz (its items, option order and numbers: the key's source); returns its time."""
        created = time.time() if created is None else created
        self._write(lambda: self._conn.execute(
            "INSERT INTO quizzes (id, track, seed, seed_source, size, threshold, draw_json, mode, rules, created_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (quiz_id, track, seed, seed_source, size, threshold, json.dumps(draw), mode, rules, created)), "the quiz")
        return created

    def quiz(self, quiz_id: str) -> dict[str, Any] | None:
        """One drawn quiz, its draw decoded, or None."""
        row = self._conn.execute("SELECT * FROM quizzes WHERE id = ?", (quiz_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["draw"] = json.loads(out.pop("draw_json"))
        return out

    def quizzes(self, track: str | None = None) -> list[dict[str, Any]]:
        """Every drawn quiz (draws left out), oldest first."""
        sql, args = "SELECT id, track, seed, seed_source, size, threshold, mode, rules, created_at FROM quizzes", []
        if track:
            sql += " WHERE track = ?"
            args.append(track)
        return [dict(r) for r in self._conn.execute(sql + " ORDER BY created_at, id", args)]

    def quiz_record(self, track: str, seed: int, size: int, threshold: int, correct: int, passed: bool,
                    items: list[dict[str, Any]], mode: str, taken_at: float | None = None,
                    quiz_id: str | None = None) -> int:
        """Insert one graded quiz and return its row id."""
        return self._write(lambda: _rowid(self._conn.execute(
            "INSERT INTO quiz_results (track, seed, size, threshold, correct, passed, items_json, taken_at, mode,"
            " quiz_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (track, seed, size, threshold, correct, int(passed), json.dumps(items),
             time.time() if taken_at is None else taken_at, mode, quiz_id))), "the quiz result")

    def quiz_first_result(self, quiz_id: str) -> int | None:
        """The id of the first graded attempt at a drawn quiz (the one that may count), or None."""
        row = self._conn.execute("SELECT MIN(id) FROM quiz_results WHERE quiz_id = ?", (quiz_id,)).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def quiz_rows(self, track: str | None = None, limit: int | None = None,
                  newest_first: bool = True) -> list[dict[str, Any]]:
        """Stored quiz results (items decoded, `passed` a bool), newest or oldest first."""
        sql, args = "SELECT * FROM quiz_results", []
        if track:
            sql += " WHERE track = ?"
            args.append(track)
        sql += f" ORDER BY id {'DESC' if newest_first else 'ASC'}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = []
        for r in self._conn.execute(sql, args):
            row = dict(r)
            row["items"] = json.loads(row.pop("items_json"))
            row["passed"] = bool(row["passed"])
            rows.append(row)
        return rows


def _rowid(cur: sqlite3.Cursor) -> int:
    assert cur.lastrowid is not None  # set by every INSERT
    return int(cur.lastrowid)
