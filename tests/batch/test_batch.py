"""Instructor batch grading: the unisolated refusal and a mixed class end to end, interrupted and resumed.

Inputs, outputs, reruns, orphans and saving have their own tests in tests/batch/.
"""
from __future__ import annotations

import csv
import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from grader.sandbox.bwrap import BwrapSandbox
from tests.classes import gradebook_statuses, mixed_class
from tests.cli import invoke

BWRAP = BwrapSandbox().unavailable_reason()


def test_process_sandbox_is_refused_without_opt_in(tmp_path):
    (tmp_path / "class" / "alice").mkdir(parents=True)
    code, _, err = invoke("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--sandbox", "process")
    assert code == 2 and "--allow-unisolated" in err


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
    assert second.returncode == 2, second.stderr.decode()[-500:]  # graded, and some notebooks are invalid
    report = json.loads(second.stdout)
    assert report["rows"] == len(expected) and report["exit_code"] == 2
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
