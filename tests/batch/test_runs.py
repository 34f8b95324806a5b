"""Whole batch runs: a unicode class in both layouts and as a zip, reruns of changed and deleted notebooks,
files not graded, exit codes, progress at once, a locked database."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from grader.batch import BatchOutcome
from grader.batch_inputs import Skipped
from grader.batch_run import BatchOptions, BatchReport, run_batch
from grader.notebook import code_notebook
from grader.problems import get_problem
from tests.batch.test_orphans import SANDBOX, needs_sandbox
from tests.batch.test_saving import write_lock
from tests.classes import DENSE, SOFTMAX, gradebook_rows, unicode_class, zip_folder
from tests.conftest import SOFTMAX_OK, SOFTMAX_WRONG


def grader(*argv: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "grader", *argv], capture_output=True, timeout=timeout)


def report_of(statuses: list[str], skipped: Sequence[Skipped] = (), allow: bool = False,
              failed: int = 0) -> BatchReport:
    return BatchReport(Path("out"), BatchOutcome(failed_to_grade=failed), len(statuses), [], [], {}, list(skipped),
                       [], statuses, allow_skipped=allow)


def test_exit_codes_follow_the_contract_as_for_submit():
    stray = Skipped("notes.txt", "not a notebook")
    system = Skipped(".DS_Store", "a system file", counts=False)
    assert report_of(["passed", "passed"]).exit_code() == 0
    assert report_of(["passed", "failed"]).exit_code() == 1
    assert report_of(["passed", "timeout"]).exit_code() == 1
    assert report_of(["passed", "invalid"]).exit_code() == 2
    assert report_of(["passed"], [stray]).exit_code() == 2
    assert report_of(["passed"], [stray], allow=True).exit_code() == 0
    assert report_of(["passed"], [system]).exit_code() == 0  # system files are listed, never fatal
    assert report_of(["passed"], [stray], failed=1).exit_code() == 3
    assert report_of([]).exit_code() == 1  # nothing graded is not "every notebook passed"


@pytest.mark.slow
@needs_sandbox
def test_a_unicode_class_graded_changed_and_deleted_then_as_a_zip(tmp_path):
    root, out = tmp_path / "class", tmp_path / "out"
    expected = unicode_class(root)
    (root / "notes.txt").write_text("not a notebook")
    first = grader("batch", str(root), "--out", str(out), "--jobs", "2", "--sandbox", str(SANDBOX))
    text = first.stdout.decode()
    assert first.returncode == 2 and "not graded: notes.txt: not a notebook" in text, first.stderr.decode()[-600:]
    assert "--allow-skipped" in first.stderr.decode()
    got = {(r["student"].removeprefix("'"), r["problem"]): r["status"] for r in gradebook_rows(out)}
    assert got == expected  # every student, by their exact name (a formula-looking one quoted in the CSV)
    # a changed notebook and a deleted one
    fixed = code_notebook([get_problem(DENSE).solution_path.read_text()], DENSE)
    (root / "carol smith" / f"{DENSE}.ipynb").write_bytes(fixed)
    (root / "李雷" / f"{SOFTMAX}.ipynb").unlink()
    second = grader("batch", str(root), "--out", str(out), "--jobs", "2", "--sandbox", str(SANDBOX), "--json",
                    "--allow-skipped")
    doc = json.loads(second.stdout)
    assert second.returncode == 1, second.stderr.decode()[-600:]
    assert doc["counts"] == {"new": 0, "changed": 1, "unchanged": len(expected) - 2, "missing": 1}
    assert doc["graded_now"] == 1 and doc["missing"] == [{"student": "李雷", "problem": SOFTMAX}]
    assert [s["path"] for s in doc["skipped"]] == ["notes.txt"]
    rows = {(r["student"].removeprefix("'"), r["problem"]): r for r in gradebook_rows(out)}
    assert rows[("carol smith", DENSE)]["status"] == "passed"
    assert rows[("李雷", SOFTMAX)]["missing"] == "yes" and rows[("李雷", SOFTMAX)]["status"] == "passed"
    assert "checking sandboxes" not in second.stderr.decode()  # --json: no progress
    # the same class as a zip (names stored as UTF-8) grades the same
    (root / "notes.txt").unlink()
    archive = zip_folder(root, tmp_path / "class.zip", top="Homework 1")
    third = grader("batch", str(archive), "--out", str(tmp_path / "zip-out"), "--jobs", "2", "--sandbox", str(SANDBOX))
    assert third.returncode == 1, third.stderr.decode()[-600:]
    assert gradebook_rows(tmp_path / "zip-out", drop=("duration_s",)) == [
        r for r in gradebook_rows(out, drop=("duration_s",)) if r["missing"] == "no"]
    assert not list(Path("/tmp").glob("grader-run-*/class/Homework 1"))  # the extraction is gone


@pytest.mark.slow
@needs_sandbox
def test_progress_shows_at_once_before_any_notebook_is_done(tmp_path):
    root = tmp_path / "class"
    for s in ("a", "b"):
        (root / s).mkdir(parents=True)
        (root / s / f"{SOFTMAX}.ipynb").write_bytes(code_notebook([SOFTMAX_OK], SOFTMAX))
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "grader", "batch", str(root), "--out", str(tmp_path / "out"),
                             "--jobs", "2", "--sandbox", str(SANDBOX)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    first = proc.stderr.readline().decode()
    waited = time.monotonic() - started
    rest = proc.stderr.read().decode()
    proc.wait(timeout=300)
    assert first.strip() == "checking sandboxes..." and waited < 15
    lines = rest.splitlines()
    assert lines.index("starting sandboxes...") < min(i for i, line in enumerate(lines) if line.startswith("[1/2]"))
    assert proc.returncode == 0


@pytest.mark.slow  # worker processes are spawned: seconds, although the sandbox is the fake one
def test_a_batch_with_its_database_locked_keeps_every_result_and_the_next_run_imports_them(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADER_DB_RETRY_S", "1")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    root, out = tmp_path / "class", tmp_path / "out"
    for student, source in (("ann", SOFTMAX_OK), ("bob", SOFTMAX_WRONG)):
        (root / student).mkdir(parents=True)
        (root / student / f"{SOFTMAX}.ipynb").write_bytes(code_notebook([source], SOFTMAX))
    opts = BatchOptions(root, out, jobs=1, sandbox="fake", allow_unisolated=True)
    out.mkdir()
    from grader.store import Store

    Store(out / "grader.db").close()
    notices: list[str] = []
    with write_lock(out / "grader.db"):
        report = run_batch(opts, notify=notices.append)
    assert report.saving.kept == 2 and report.exit_code() == 1 and report.rows == 2
    assert any("results are kept in" in n and ".pending.jsonl" in n for n in notices)
    assert {r["student"]: r["status"] for r in gradebook_rows(out)} == {"ann": "passed", "bob": "failed"}
    assert "2 results are not in the database yet" in (out / "report.html").read_text()
    notices.clear()
    again = run_batch(opts, notify=notices.append)
    assert any(n.startswith("imported 2 results graded earlier") for n in notices)
    assert again.outcome.graded == 0 and again.counts["unchanged"] == 2 and again.saving.kept == 0
    assert not list(out.glob("*.pending.jsonl"))
    shutil.rmtree(tmp_path / "state", ignore_errors=True)
