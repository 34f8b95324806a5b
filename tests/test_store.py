import sqlite3

import pytest

from grader.checks import CheckOutcome
from grader.errors import StoreError
from grader.grading import GradeResult
from grader.store import MIGRATIONS, Store, default_db_path


def _result(status="passed", passed=2):
    return GradeResult(problem="mle-act-softmax", notebook="n.ipynb", status=status, checks_passed=passed,
                       checks_total=2, checks=(CheckOutcome("test_a", "A.", "passed", ""),),
                       error=None if status != "error" else {"cell": 1, "ename": "ValueError", "evalue": "x"},
                       duration_s=1.5, sandbox="bwrap", isolated=True, notebook_sha256="ab")


def test_record_and_read_back(tmp_path):
    store = Store(tmp_path / "g.db")
    first = store.record(_result(), started_at=1.0)
    second = store.record(_result("error", 0), started_at=2.0)
    rows = list(store.attempts())
    assert [r.id for r in rows] == [second, first]
    assert rows[0].error == {"cell": 1, "ename": "ValueError", "evalue": "x"}
    assert rows[1].checks[0]["name"] == "test_a" and rows[1].isolated
    assert [r.id for r in store.attempts(problem="other")] == []


def test_schema_is_versioned_and_in_wal_mode(tmp_path):
    Store(tmp_path / "g.db").close()
    conn = sqlite3.connect(tmp_path / "g.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    Store(tmp_path / "g.db")  # reopening migrates nothing and keeps data


def test_newer_schema_is_refused(tmp_path):
    conn = sqlite3.connect(tmp_path / "g.db")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="newer grader"):
        Store(tmp_path / "g.db")


def test_status_outside_the_contract_is_rejected(tmp_path):
    store = Store(tmp_path / "g.db")
    with pytest.raises(sqlite3.IntegrityError):
        store.record(_result(status="great"), started_at=0)


def test_default_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("GRADER_DB", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"
    monkeypatch.delenv("GRADER_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path() == tmp_path / "grader" / "grader.db"


def test_unwritable_location_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(StoreError, match="cannot open"):
        Store(blocker / "sub" / "g.db")


def test_no_module_but_the_store_runs_sql():
    """The store owns sqlite3: nothing else in grader/ imports it or calls execute on a connection."""
    import ast
    from pathlib import Path

    import grader

    root = Path(grader.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        if path.name in ("store.py", "store_batch.py") and path.parent == root:  # the store and its batch part
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            imported = ([a.name for a in node.names] if isinstance(node, ast.Import)
                        else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(name.split(".")[0] == "sqlite3" for name in imported):
                offenders.append(f"{path.relative_to(root)}:{getattr(node, 'lineno', 0)} imports sqlite3")
            if isinstance(node, ast.Attribute) and node.attr in ("conn", "_conn"):
                offenders.append(f"{path.relative_to(root)}:{node.lineno} reaches the store's connection")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("execute", "executemany", "executescript")
                    and ast.unparse(node.func.value) != "kc"):  # kc.execute: a Jupyter kernel client runs code
                offenders.append(f"{path.relative_to(root)}:{node.lineno} calls {ast.unparse(node.func)}")
    assert offenders == []


def test_the_schema_checks_the_same_vocabularies_as_the_code(tmp_path):
    """Migrations are frozen history, so their CHECK lists are literals: they must equal the enums."""
    import re

    from grader.vocab import QuizMode, SeedSource, Status, StudyKind, Track

    def allowed(column: str, table: str) -> set[str]:
        sql = next(m for m in MIGRATIONS if f"CREATE TABLE {table}" in m)
        body = sql[sql.index(f"CREATE TABLE {table}"):]
        found = re.search(rf"{column} TEXT NOT NULL CHECK \({column} IN \(([^)]*)\)\)", body)
        assert found is not None, (table, column)
        return set(re.findall(r"'([^']*)'", found.group(1)))

    assert allowed("status", "attempts") == allowed("status", "batch_results") == set(Status)
    assert allowed("kind", "study_log") == set(StudyKind)
    assert allowed("track", "quiz_results") == set(Track) and allowed("mode", "quiz_results") == set(QuizMode)
    assert allowed("track", "quizzes") == set(Track) and allowed("mode", "quizzes") == set(QuizMode)
    assert allowed("seed_source", "quizzes") == set(SeedSource)


def test_quiz_results_are_stored_and_read_back_newest_first(tmp_path):
    store = Store(tmp_path / "g.db")
    first = store.quiz_record("ds", seed=1, size=50, threshold=35, correct=30, passed=False,
                              items=[{"id": "q01", "correct": True}], mode="file", taken_at=10.0)
    second = store.quiz_record("mle", seed=2, size=50, threshold=35, correct=40, passed=True, items=[],
                               mode="interactive", taken_at=20.0)
    assert [r["id"] for r in store.quiz_rows()] == [second, first]
    assert [r["id"] for r in store.quiz_rows(newest_first=False)] == [first, second]
    (only,) = store.quiz_rows(track="ds")
    assert only["items"] == [{"id": "q01", "correct": True}] and only["passed"] is False
    assert len(store.quiz_rows(limit=1)) == 1
    with pytest.raises(sqlite3.IntegrityError):
        store.quiz_record("xx", seed=1, size=1, threshold=1, correct=1, passed=True, items=[], mode="file")
