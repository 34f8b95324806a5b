"""A results database from before honest records keeps working: its exams and quizzes are shown, marked as
recorded before honest records, and never counted (their seed's origin and first attempts cannot be proven)."""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from grader.counting import LEGACY
from grader.problems import load_bank
from grader.store import MIGRATIONS, Store
from tests.readiness.conftest import run


def _old_database(path: Path, problems: list[str]) -> None:
    """A schema-4 database (before this change) holding a 20/17 exam solved 18/20 and a 45/50 quiz."""
    conn = sqlite3.connect(path)
    for sql in MIGRATIONS[:4]:
        for stmt in sql.split(";"):
            if stmt.strip():
                conn.execute(stmt)
    conn.execute("PRAGMA user_version = 4")
    conn.execute("INSERT INTO exams (id, track, seed, size, threshold, problems_json, created_at)"
                 " VALUES ('old-exam', 'mle', 42, 20, 17, ?, 1000.0)", (json.dumps(problems),))
    for i, pid in enumerate(problems):
        conn.execute("INSERT INTO attempts (problem, notebook, status, checks_passed, checks_total, duration_s,"
                     " sandbox, isolated, kind, started_at, finished_at, exam_id)"
                     " VALUES (?, 'n.ipynb', ?, 1, 1, 1.0, 'bwrap', 1, 'exam', 1100.0, 1101.0, 'old-exam')",
                     (pid, "passed" if i < 18 else "failed"))
    conn.execute("INSERT INTO quiz_results (track, seed, size, threshold, correct, passed, items_json, taken_at, mode)"
                 " VALUES ('mle', 7, 50, 35, 45, 1, '[]', 2000.0, 'file')")
    conn.commit()
    conn.close()


def test_an_old_database_is_migrated_and_its_records_are_shown_but_not_counted(tmp_path):
    problems = sorted(pid for pid, p in load_bank().items() if p.track == "mle")[:20]
    path = Path(os.environ["GRADER_DB"])
    _old_database(path, problems)
    store = Store(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == 6
    old = store.exam("old-exam")
    assert old is not None and old["rules"] == 0 and old["seen"] is None and old["closed_at"] is None
    code, out, _ = run("readiness", "--json")
    mle = json.loads(out)["tracks"]["mle"]
    (exam,) = mle["exams"]
    (quiz,) = mle["quiz"]
    assert code == 0 and not mle["ready"] and not mle["coding_ready"] and not mle["quiz_ready"]
    assert exam["solved"] == 18 and exam["counts"] is False and exam["why"] == LEGACY and exam["seen_before"] is None
    assert quiz["correct"] == 45 and quiz["counts"] is False and quiz["why"] == LEGACY
    assert mle["best_exam"] is None and mle["best_quiz"] is None
    code, out, _ = run("readiness")
    assert "exam old-exam" in out and LEGACY in out and "quiz result #1" in out
    code, out, _ = run("quiz", "history", "--json")
    assert json.loads(out)[0]["why"] == LEGACY
    code, out, _ = run("history", "--json")
    assert len(json.loads(out)) == 20


def test_an_old_exam_folder_still_works_and_can_be_closed(tmp_path):
    problems = sorted(pid for pid, p in load_bank().items() if p.track == "mle")[:20]
    _old_database(Path(os.environ["GRADER_DB"]), problems)
    folder = tmp_path / "exam1"
    folder.mkdir()
    (folder / "exam.json").write_text(json.dumps({  # as the old grader wrote it
        "exam_id": "old-exam", "track": "mle", "seed": 42, "size": 20, "threshold": 17, "problems": problems,
        "created": "1970-01-01T00:16:40Z"}))
    code, out, _ = run("exam", "status", str(folder), "--json")
    st = json.loads(out)
    assert code == 0 and st["solved"] == 18 and st["passed"] and not st["ready"] and st["why"] == LEGACY
    assert st["state"] == "open"  # an old exam stays open (no hints, no practice on its problems) until closed
    code, out, err = run("show", problems[0], "--hints")
    assert code == 2 and "while exam old-exam is open" in err
    code, out, _ = run("exam", "close", "old-exam", "--json")
    assert json.loads(out)["state"] == "closed" and run("show", problems[0], "--hints")[0] == 0
