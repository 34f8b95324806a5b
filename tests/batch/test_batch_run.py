"""`grader batch` orchestration without the CLI: what is graded, progress and notices injected, outputs."""
from __future__ import annotations

import csv
from dataclasses import replace

import pytest

from grader.batch_run import BatchOptions, BatchReport, NoProgress, run_batch
from grader.errors import UsageError
from grader.notebook import code_notebook
from tests.conftest import SOFTMAX_OK, SOFTMAX_WRONG


class Recorder:
    """Progress that remembers what it was told."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def phase(self, text: str) -> None:
        self.events.append(("phase", text))

    def start(self, total: int) -> None:
        self.events.append(("start", total))

    def advance(self, line: str) -> None:
        self.events.append(("advance", line))

    def stop(self) -> None:
        self.events.append(("stop", None))


@pytest.fixture
def small_class(tmp_path):
    for student, source in (("alice", SOFTMAX_OK), ("bob", SOFTMAX_WRONG)):
        (tmp_path / "class" / student).mkdir(parents=True)
        (tmp_path / "class" / student / "mle-act-softmax.ipynb").write_bytes(code_notebook([source]))
    (tmp_path / "class" / "notes.txt").write_text("")
    return tmp_path / "class"


@pytest.mark.slow  # worker processes are spawned: seconds, although the sandbox is the fake one
def test_a_batch_grades_what_is_left_and_reports_progress(small_class, tmp_path):
    out = tmp_path / "out"
    opts = BatchOptions(small_class, out, jobs=1, sandbox="fake", allow_unisolated=True, pass_mark=1, size=1)
    progress, notices = Recorder(), list[str]()
    report = run_batch(opts, progress, notices.append)
    assert progress.events[:2] == [("phase", "checking sandboxes..."), ("phase", "starting sandboxes...")]
    assert progress.events[2] == ("start", 2) and progress.events[-1] == ("stop", None)
    lines = sorted(str(line) for kind, line in progress.events if kind == "advance")
    assert lines[0].startswith("alice mle-act-softmax passed") and lines[1].startswith("bob mle-act-softmax failed")
    assert any(n.startswith("not graded: notes.txt: not a notebook") for n in notices)
    assert "2 notebooks: 2 new, 0 changed, 0 unchanged, 0 missing; grading 2" in notices[-1]
    assert report.outcome.graded == 2 and report.rows == 2
    assert len(report.outcome.warmups) == 1 and report.to_json()["warmup_s"] >= 0  # one worker, warmed up once
    assert {s["student"]: s["ready"] for s in report.students} == {"alice": True, "bob": False}  # an exam of 1
    assert report.exit_code() == 2  # notes.txt was not graded
    assert BatchReport.exit_code(replace(report, allow_skipped=True)) == 1
    with open(out / "gradebook.csv", newline="") as f:
        assert {(r["student"], r["status"]) for r in csv.DictReader(f)} == {("alice", "passed"), ("bob", "failed")}
    again = Recorder()
    report = run_batch(opts, again, notices.append)  # nothing left: nothing graded, outputs still written
    assert report.outcome.graded == 0 and again.events == [("phase", "checking sandboxes..."), ("start", 0),
                                                           ("stop", None)]
    assert notices[-1].endswith("0 new, 0 changed, 2 unchanged, 0 missing; nothing to grade")
    report = run_batch(BatchOptions(**{**opts.__dict__, "regrade": True, "students": ("bob",)}), NoProgress())
    assert report.outcome.graded == 1 and report.rows == 2
    assert set(report.to_json()) >= {"out", "graded_now", "not_graded", "rows", "students", "coordinator_peak_mb",
                                     "workers_peak_mb", "sandbox_peak_mb"}


def test_refusals_come_before_any_grading(small_class, tmp_path):
    with pytest.raises(UsageError, match="--allow-unisolated"):
        run_batch(BatchOptions(small_class, tmp_path / "o1", sandbox="process"))
    with pytest.raises(UsageError, match="no submissions for carol"):
        run_batch(BatchOptions(small_class, tmp_path / "o2", sandbox="fake", allow_unisolated=True,
                               students=("carol",)))
    with pytest.raises(UsageError, match="--jobs does not apply with --cluster"):
        run_batch(BatchOptions(small_class, tmp_path / "o3", jobs=2, cluster="local:1"))


def test_the_cli_shows_a_bar_only_on_a_terminal_and_never_under_json(monkeypatch):
    import io

    from grader.cli.base import App
    from grader.cli.progress import LineProgress, RichProgress, progress_for

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    app = App()
    assert isinstance(progress_for(app), LineProgress)  # pytest's stderr is not a terminal: plain lines
    monkeypatch.setattr("sys.stderr", Terminal())
    assert isinstance(progress_for(app), RichProgress)
    app.json = True
    assert isinstance(progress_for(app), NoProgress)
    bar = RichProgress()
    bar.phase("[red]starting[/] sandboxes...")
    bar.start(2)
    bar.advance("[bold]mallory[/] \x1b[31m ds-x passed 3/3")  # markup and escapes from file names stay text
    bar.advance("bob ds-x failed 1/3")
    bar.stop()
    bar.stop()
