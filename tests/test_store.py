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
