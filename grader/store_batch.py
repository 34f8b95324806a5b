"""The store's batch part: one row per (student, problem) of a class, its runs, and imported journals.

A mixin of `Store` (store.py), which owns the connection and the write retries; together they are the
only modules that run SQL.
"""
from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from grader.grading import GradeResult

T = TypeVar("T")


class BatchStore:
    """Batch rows, batch runs and the import of journaled results (see journal.py)."""

    _conn: sqlite3.Connection

    def _write(self, work: Callable[[], T], what: str) -> T:
        raise NotImplementedError

    def _insert_attempt(self, result: GradeResult, started_at: float, kind: str, exam_id: str | None,
                        finished_at: float) -> int:
        raise NotImplementedError

    def batch_record(self, student: str, result: GradeResult, sha256: str | None = None,
                     problem_version: str | None = None) -> None:
        """Insert or replace the one row of (student, problem); `sha256` and `problem_version` are what the
        coordinator read and graded against (a rerun compares them). StoreError when it cannot be written."""
        self._write(lambda: self._upsert_batch(student, result, sha256, problem_version, time.time(), newer=False),
                    f"the result of {student}")

    def _upsert_batch(self, student: str, result: GradeResult, sha256: str | None, problem_version: str | None,
                      graded_at: float, newer: bool) -> None:
        update = "" if not newer else " WHERE excluded.graded_at > batch_results.graded_at"
        self._conn.execute(
            "INSERT INTO batch_results (student, problem, notebook, notebook_sha256, status, checks_passed,"
            " checks_total, checks_json, error_json, duration_s, sandbox, isolated, sandbox_detail, graded_at,"
            " problem_version, missing_since) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL)"
            " ON CONFLICT (student, problem) DO UPDATE SET notebook=excluded.notebook,"
            " notebook_sha256=excluded.notebook_sha256, status=excluded.status,"
            " checks_passed=excluded.checks_passed, checks_total=excluded.checks_total,"
            " checks_json=excluded.checks_json, error_json=excluded.error_json, duration_s=excluded.duration_s,"
            " sandbox=excluded.sandbox, isolated=excluded.isolated, sandbox_detail=excluded.sandbox_detail,"
            " graded_at=excluded.graded_at, problem_version=excluded.problem_version, missing_since=NULL" + update,
            (student, result.problem, result.notebook,
             result.notebook_sha256 if sha256 is None else sha256, result.status, result.checks_passed,
             result.checks_total, json.dumps([c.to_json() for c in result.checks]),
             json.dumps(result.error) if result.error is not None else None, result.duration_s, result.sandbox,
             int(result.isolated), result.sandbox_detail, graded_at,
             result.problem_version if problem_version is None else problem_version))

    def batch_graded(self) -> dict[tuple[str, str], str]:
        """(student, problem) -> notebook hash of every graded submission."""
        return {(r[0], r[1]): r[2] for r in
                self._conn.execute("SELECT student, problem, notebook_sha256 FROM batch_results")}

    def batch_index(self) -> dict[tuple[str, str], tuple[str, str]]:
        """(student, problem) -> (notebook hash, problem version) of every row: what a rerun compares."""
        return {(r[0], r[1]): (r[2], r[3]) for r in self._conn.execute(
            "SELECT student, problem, notebook_sha256, problem_version FROM batch_results")}

    def batch_mark(self, missing: Iterable[tuple[str, str]], present: Iterable[tuple[str, str]]) -> None:
        """Flag rows whose notebook disappeared (status kept), and clear the flag of those found again."""
        gone, here, now = list(missing), list(present), time.time()

        def work() -> None:
            self._conn.executemany("UPDATE batch_results SET missing_since = ? WHERE student = ? AND problem = ?"
                                   " AND missing_since IS NULL", [(now, s, p) for s, p in gone])
            self._conn.executemany("UPDATE batch_results SET missing_since = NULL WHERE student = ? AND problem = ?"
                                   " AND missing_since IS NOT NULL", here)
        self._write(work, "which notebooks are missing")

    def batch_rows(self) -> list[dict[str, Any]]:
        """Every batch row, ordered by student then problem, with checks and error decoded."""
        rows = []
        for r in self._conn.execute("SELECT * FROM batch_results ORDER BY student, problem"):
            row = dict(r)
            row["checks"] = json.loads(row.pop("checks_json"))
            raw_error = row.pop("error_json")
            row["error"] = json.loads(raw_error) if raw_error else None
            row["isolated"] = bool(row["isolated"])
            row["missing"] = row.pop("missing_since") is not None
            rows.append(row)
        return rows

    def batch_run_record(self, started_at: float, summary: dict[str, Any]) -> None:
        """Keep what one `grader batch` run did (counts, skipped files, warm-up) for the report."""
        self._write(lambda: self._conn.execute(
            "INSERT INTO batch_runs (started_at, finished_at, summary_json) VALUES (?,?,?)",
            (started_at, time.time(), json.dumps(summary))), "the run's summary")

    def batch_last_run(self) -> dict[str, Any] | None:
        row = self._conn.execute("SELECT * FROM batch_runs ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        return {**json.loads(row["summary_json"]), "started_at": row["started_at"], "finished_at": row["finished_at"]}

    # ------------------------------------------------------------------ the journal of unstored results

    def import_pending(self, entries: Iterable[dict[str, Any]]) -> int:
        """Store journal entries (journal.py) in one transaction, each once however often it is offered;
        a batch row only replaces an older one. Returns how many were new."""
        items = list(entries)

        def work() -> int:
            count = 0
            for e in items:
                if self._conn.execute("SELECT 1 FROM journal_imports WHERE id = ?", (e["id"],)).fetchone():
                    continue
                result = GradeResult.from_json(e["result"])
                if e["kind"] == "attempt":
                    self._insert_attempt(result, e["started_at"], e["attempt_kind"], e.get("exam_id"),
                                         e["written_at"])
                else:
                    self._upsert_batch(e["student"], result, e.get("sha256"), e.get("problem_version"),
                                       e["written_at"], newer=True)
                self._conn.execute("INSERT INTO journal_imports (id, imported_at) VALUES (?,?)", (e["id"], time.time()))
                count += 1
            return count
        return self._write(work, "results kept in the journal") if items else 0
