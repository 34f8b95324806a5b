"""Instructor batch grading: input layouts, safe zips, outputs, and a mixed class end to end."""
from __future__ import annotations

import csv
import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from grader import gradebook
from grader.batch import UnsafeArchive, discover, extract_zip
from grader.sandbox.bwrap import BwrapSandbox
from tests.browser import CHROMIUM, render
from tests.classes import gradebook_statuses, mixed_class, write_zip
from tests.cli import invoke

BWRAP = BwrapSandbox().unavailable_reason()


@pytest.mark.parametrize("entries, links, fragment", [
    ({"../evil.ipynb": b"{}"}, None, "outside the archive"),
    ({"a/../../evil.ipynb": b"{}"}, None, "outside the archive"),
    ({"/etc/evil.ipynb": b"{}"}, None, "outside the archive"),
    ({"C:/evil.ipynb": b"{}"}, None, "outside the archive"),
    ({}, {"alice/mle-act-softmax.ipynb": "/etc/passwd"}, "symbolic link"),
])
def test_unsafe_zip_entries_are_refused(tmp_path, entries, links, fragment):
    archive = write_zip(tmp_path / "class.zip", entries, links)
    dest = tmp_path / "out"
    dest.mkdir()
    with pytest.raises(UnsafeArchive, match=fragment):
        extract_zip(archive, dest)
    assert not list(dest.rglob("*")) and not (tmp_path / "evil.ipynb").exists()


def test_both_layouts_are_discovered_and_junk_is_reported(tmp_path):
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / "mle-act-softmax.ipynb").write_text("{}")
    (tmp_path / "alice" / "notes.txt").write_text("")
    (tmp_path / "bob__ds-sql-dense-rank.ipynb").write_text("{}")
    (tmp_path / "stray.ipynb").write_text("{}")
    (tmp_path / "carol").mkdir()
    (tmp_path / "carol" / "mle-act-softmax.ipynb").symlink_to("/etc/passwd")
    subs, skipped = discover(tmp_path)
    assert [(s.student, s.problem) for s in subs] == [("alice", "mle-act-softmax"), ("bob", "ds-sql-dense-rank")]
    assert any("notes.txt" in w for w in skipped) and any("stray.ipynb" in w for w in skipped)
    assert any("symbolic link" in w for w in skipped)


def test_zip_with_a_top_folder_is_looked_into(tmp_path):
    archive = write_zip(tmp_path / "c.zip", {"class/alice/mle-act-softmax.ipynb": b"{}", "class/bob/x.ipynb": b"{}"})
    dest = tmp_path / "x"
    dest.mkdir()
    extract_zip(archive, dest)
    subs, _ = discover(dest)
    assert {s.student for s in subs} == {"alice", "bob"}


def _row(student, problem, status, passed=0, total=3, message="", error=None):
    checks = [{"name": "test_a", "description": "A <b>check</b>.", "outcome": "failed", "message": message}]
    return {"student": student, "problem": problem, "status": status, "checks_passed": passed, "checks_total": total,
            "checks": checks, "error": error, "duration_s": 1.25, "sandbox": "bwrap", "notebook": "n"}


def test_outputs_escape_everything_that_came_from_a_notebook(tmp_path):
    rows = [_row("alice", "mle-act-softmax", "failed", message="<script>alert(1)</script>"),
            _row("bob", "mle-act-softmax", "error", error={"cell": 2, "ename": "<img src=x onerror=alert(1)>",
                                                            "evalue": "\"><script>x()</script>"})]
    gradebook.write_all(rows, tmp_path, threshold=17, size=20)
    for page in [tmp_path / "report.html", *tmp_path.glob("feedback/*/*.html")]:
        text = page.read_text()
        assert "<script>alert" not in text and "<img" not in text and "<script>x()" not in text
        assert text.count("<script>") == 1 and "Content-Security-Policy" in text
    results = json.loads((tmp_path / "gradescope" / "alice" / "mle-act-softmax" / "results.json").read_text())
    assert results["max_score"] == 3.0
    assert {"name", "score", "max_score", "status", "output", "visibility"} <= set(results["tests"][0])


def test_students_are_ready_at_the_pass_mark():
    rows = [_row("a", f"p{i}", "passed") for i in range(17)] + [_row("b", f"p{i}", "passed") for i in range(16)]
    summary = {s["student"]: s for s in gradebook.students_summary(rows, 17)}
    assert summary["a"]["ready"] and not summary["b"]["ready"] and summary["b"]["solved"] == 16


def test_process_sandbox_is_refused_without_opt_in(tmp_path):
    (tmp_path / "class" / "alice").mkdir(parents=True)
    code, _, err = invoke("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--sandbox", "process")
    assert code == 2 and "--allow-unisolated" in err


# ------------------------------------------------------------------ a mixed class, end to end

@pytest.mark.slow
@pytest.mark.skipif(BWRAP is not None, reason=f"bwrap unavailable: {BWRAP}")
def test_mixed_class_interrupted_and_resumed(tmp_path):
    expected = mixed_class(tmp_path / "class")
    assert len(expected) >= 30
    out = tmp_path / "out"
    argv = [sys.executable, "-m", "grader", "batch", str(tmp_path / "class"), "--out", str(out), "--jobs", "2",
            "--sandbox", "bwrap"]
    first = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    rows = 0
    while time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.5)
        try:
            rows = sqlite3.connect(out / "grader.db").execute("SELECT COUNT(*) FROM batch_results").fetchone()[0]
        except sqlite3.Error:
            rows = 0
        if rows >= 6:
            break
    first.send_signal(signal.SIGTERM)
    first.wait(timeout=60)
    assert 0 < rows < len(expected), "the interruption should land mid-batch"
    second = subprocess.run([*argv, "--json"], capture_output=True, timeout=600)
    assert second.returncode == 0, second.stderr.decode()[-500:]
    report = json.loads(second.stdout)
    assert report["rows"] == len(expected)
    assert report["graded_now"] <= len(expected) - rows + 2  # nothing recorded was graded again
    got = gradebook_statuses(out)
    assert set(got) == set(expected)
    wrong = {k: v for k, v in got.items() if v not in expected[k]}
    assert not wrong, wrong
    with open(out / "students.csv", newline="") as f:
        students = list(csv.DictReader(f))
    assert {s["student"] for s in students} == {k[0] for k in expected}
    assert (out / "report.html").is_file() and (out / "feedback" / "s01" / "mle-act-softmax.html").is_file()
    # --regrade --student regrades only that student
    third = subprocess.run([*argv, "--regrade", "--student", "s01", "--json"], capture_output=True, timeout=300)
    assert json.loads(third.stdout)["graded_now"] == 2
    assert gradebook_statuses(out) == got


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_report_renders_in_a_browser_without_console_errors(tmp_path):
    rows = [_row("alice", "mle-act-softmax", "passed", passed=3), _row("bob", "mle-act-softmax", "failed", passed=1,
                                                                      message="<script>alert(1)</script>"),
            _row("bob", "ds-sql-dense-rank", "timeout")]
    gradebook.write_all(rows, tmp_path, threshold=17, size=20)
    dom, console = render(tmp_path / "report.html")
    assert console == [], console
    assert 'id="students"' in dom and "alice" in dom and "alert(1)" not in dom
    assert "3 graded notebooks" in dom
    dom, console = render(tmp_path / "feedback" / "bob" / "mle-act-softmax.html")
    assert console == [] and "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    # the page's own sorting runs in the browser: students by solved, descending, then by name
    dom, console = render(tmp_path / "report.html", fragment="#sort=students:1:desc")
    body = dom[dom.index('id="students"'):]
    assert console == [] and body.index("<td>alice</td>") < body.index("<td>bob</td>")
    dom, _ = render(tmp_path / "report.html", fragment="#sort=students:0:desc")
    body = dom[dom.index('id="students"'):]
    assert body.index("<td>bob</td>") < body.index("<td>alice</td>")
