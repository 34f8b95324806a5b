"""The authoring commands and the learner's view of hints: show, show --hints, start and exam new during an exam."""
from __future__ import annotations

import json
import os
import shutil

import pytest

from grader.authoring import build_starter, notebook_bytes, starter_problems
from grader.grading import invalid_result
from grader.problems import bank_root, get_problem, load_bank, load_problem
from grader.sandbox import get_sandbox
from grader.statement import read
from grader.store import Store
from grader.validate import cases_for, description_problems
from tests.authoring.conftest import run, task_only

PID = "ds-ab-cuped"


def _db() -> Store:
    return Store(os.environ["GRADER_DB"])


def _counted(store: Store, exam_id: str, pid: str) -> None:
    """Record the counted exam attempt of one problem (an invalid notebook: the status does not matter)."""
    store.record(invalid_result(pid, f"{pid}.ipynb", "test", get_sandbox("process")), 0.0, kind="exam", exam_id=exam_id)


def test_show_prints_the_task_and_only_with_hints_the_hints(hinted_bank):
    task = read(get_problem(PID).statement_path).task
    code, out, _ = run("show", PID)
    assert code == 0 and task in out
    assert f"HINT-{PID}" not in out and "## Hints" not in out
    code, out, _ = run("show", PID, "--hints")
    assert code == 0 and out.index(task) + len(task) < out.index("## Hints") < out.index(f"HINT-{PID}")
    assert f"PITFALL-{PID}" in out


def test_show_hints_of_a_problem_without_hints_says_so(tmp_path, monkeypatch):
    target = tmp_path / "mle" / "mle-act-softmax"
    shutil.copytree(bank_root() / "mle" / "mle-act-softmax", target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "problem.md").write_text(task_only((target / "problem.md").read_text()))
    monkeypatch.setenv("GRADER_PROBLEMS", str(tmp_path))
    code, out, _ = run("show", "mle-act-softmax", "--hints")
    assert code == 0 and "(this problem has no hints)" in out


def test_hints_are_refused_while_an_open_exam_drew_the_problem(hinted_bank, tmp_path):
    code, _, _ = run("exam", "new", "--track", "ds", "--size", "2", "--pass", "1", "--seed", "4",
                     "--dir", str(tmp_path / "e"))
    assert code == 0
    exam = json.loads((tmp_path / "e" / "exam.json").read_text())
    first, second = exam["problems"]
    code, out, err = run("show", first, "--hints")
    assert code == 2 and out == "" and f"no hints for {first} while exam {exam['exam_id']} is open" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, out, _ = run("show", first)
    assert code == 0 and f"HINT-{first}" not in out
    other = next(pid for pid in load_bank() if pid not in exam["problems"])
    assert run("show", other, "--hints")[0] == 0
    # start during the exam gives the exam starter; the hints stay hidden until the exam is over
    code, _, err = run("start", first, "--dir", str(tmp_path / "w"))
    written = (tmp_path / "w" / f"{first}.ipynb").read_text()
    assert code == 0 and "no hints" in err and f"HINT-{first}" not in written and "<details>" not in written
    store = _db()
    _counted(store, exam["exam_id"], first)
    _counted(store, exam["exam_id"], second)
    code, _, err = run("show", first, "--hints")  # every problem graded, but the exam is still open
    assert code == 2 and f"grader exam close {tmp_path / 'e'}" in err
    assert run("exam", "close", str(tmp_path / "e"))[0] in (0, 1)
    code, out, _ = run("show", first, "--hints")
    assert code == 0 and f"HINT-{first}" in out


def test_open_exams_in_the_store(tmp_path):
    """Open means drawn, not closed and not past its deadline: graded attempts do not end an exam."""
    store = Store(tmp_path / "s.db")
    store.exam_create("e1", "ds", 1, 2, 1, ["ds-a", "ds-b"], created=100.0)
    store.exam_create("e2", "ds", 2, 1, 1, ["ds-c"], created=200.0, deadline=300.0)
    assert [e["id"] for e in store.open_exams(now=250.0)] == ["e1", "e2"]
    assert [e["id"] for e in store.open_exams("ds-b", now=250.0)] == ["e1"] and store.open_exams("ds-z") == []
    _counted(store, "e1", "ds-a")
    _counted(store, "e1", "ds-b")
    assert [e["id"] for e in store.open_exams("ds-a", now=250.0)] == ["e1"]  # every problem graded: still open
    assert [e["id"] for e in store.open_exams(now=300.0)] == ["e1"]  # e2's deadline has passed
    store.exam_close("e1", at=260.0)
    assert store.open_exams("ds-a", now=250.0) == [] and store.open_exams(now=250.0)[0]["id"] == "e2"


def test_exam_new_writes_starters_without_any_hint_text(hinted_bank, tmp_path):
    code, _, _ = run("exam", "new", "--track", "ds", "--seed", "11", "--dir", str(tmp_path / "e"))
    problems = json.loads((tmp_path / "e" / "exam.json").read_text())["problems"]
    assert code == 0 and len(problems) == 20
    for pid in problems:
        text = (tmp_path / "e" / f"{pid}.ipynb").read_text()
        assert f"HINT-{pid}" not in text and f"PITFALL-{pid}" not in text and "<details>" not in text
        assert text.encode() == notebook_bytes(build_starter(get_problem(pid), "exam"))
    practice = (hinted_bank / "ds" / problems[0] / "starter.ipynb").read_text()
    assert f"PITFALL-{problems[0]}" in practice  # the same problem's practice starter has them


def test_problem_new_creates_a_folder_that_passes_the_structural_checks(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADER_PROBLEMS", str(tmp_path / "bank"))
    code, out, _ = run("problem", "new", "ds-boot-trimmed-mean", "--track", "ds", "--topic", "bootstrapping",
                       "--title", "Trimmed mean", "--difficulty", "E")
    folder = tmp_path / "bank" / "ds" / "ds-boot-trimmed-mean"
    assert code == 0 and str(folder) in out
    problem = load_problem(folder)
    assert (problem.title, problem.topic, problem.difficulty, problem.defines) == \
        ("Trimmed mean", "bootstrapping", "E", ("boot_trimmed_mean",))
    assert description_problems(problem) == [] and starter_problems(problem) == []
    assert [c.kind for c in cases_for(problem)] == ["reference", "starter", "mutant"]
    assert "## Hints" in (folder / "problem.md").read_text()
    code, out, _ = run("list", "--json")
    assert [r["id"] for r in json.loads(out)] == ["ds-boot-trimmed-mean"]


@pytest.mark.parametrize("argv, fragment", [
    (["mle-x", "--track", "ds", "--topic", "bootstrapping"], "must start with its track, 'ds-'"),
    (["ds-x", "--track", "ds", "--topic", "optimizers"], "not a ds topic of the exam blueprint"),
    (["ds-x", "--track", "ds"], "Missing option '--topic'"),
    (["ds-2x", "--track", "ds", "--topic", "metrics"], "pass --function NAME"),
    (["ds-Bad", "--track", "ds", "--topic", "metrics", "--function", "f"], "should match pattern"),
    (["ds-x", "--track", "ds", "--topic", "metrics", "--title", "  "], "the title is empty"),
])
def test_problem_new_refuses_bad_input_in_one_line(tmp_path, monkeypatch, argv, fragment):
    monkeypatch.setenv("GRADER_PROBLEMS", str(tmp_path / "bank"))
    code, _, err = run("problem", "new", *argv)
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "bank" / "ds" / argv[0]).exists()


def test_problem_new_refuses_an_existing_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADER_PROBLEMS", str(tmp_path / "bank"))
    args = ["problem", "new", "ds-x", "--track", "ds", "--topic", "metrics"]
    assert run(*args)[0] == 0
    (tmp_path / "bank" / "ds" / "ds-x" / "problem.md").write_text("# Mine\n\nKeep me.\n")
    code, _, err = run(*args)
    assert code == 2 and "already exists" in err
    assert (tmp_path / "bank" / "ds" / "ds-x" / "problem.md").read_text() == "# Mine\n\nKeep me.\n"


def test_problem_starter_rebuilds_stale_starters(hinted_bank):
    folder = hinted_bank / "ds" / PID
    (folder / "problem.md").write_text((folder / "problem.md").read_text() + "\nOne more pitfall.\n")
    assert starter_problems(load_problem(folder))
    code, out, _ = run("problem", "starter", PID)
    assert code == 0 and out.startswith("wrote") and starter_problems(load_problem(folder)) == []
    code, out, _ = run("problem", "starter", "--all", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 60 and not any(r["changed"] or r["error"] for r in rows)


def test_problem_starter_reports_a_malformed_statement_and_goes_on(hinted_bank):
    (hinted_bank / "ds" / PID / "problem.md").write_text("No title here.\n")
    code, out, err = run("problem", "starter", "--all", "--json")
    rows = {r["id"]: r for r in json.loads(out)}
    assert code == 1 and "first line must be the title" in rows[PID]["error"] and len(rows) == 60
    assert "BAD" in err and sum(r["error"] is not None for r in rows.values()) == 1


def test_problem_starter_needs_ids_or_all():
    code, _, err = run("problem", "starter")
    assert code == 2 and "--all" in err


@pytest.mark.slow
def test_validate_reports_a_stale_starter_and_passes_a_new_problem(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADER_PROBLEMS", str(tmp_path / "bank"))
    assert run("problem", "new", "mle-num-my-mean", "--track", "mle", "--topic", "numerics")[0] == 0
    code, out, _ = run("validate", "mle-num-my-mean", "--jobs", "1", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["description_errors"] == []
    assert {c["kind"]: c["ok"] for c in report["cases"]} == {"reference": True, "starter": True, "mutant": True}
    statement = tmp_path / "bank" / "mle" / "mle-num-my-mean" / "problem.md"
    statement.write_text(statement.read_text() + "\nA pitfall added after the starter was built.\n")
    code, out, _ = run("validate", "mle-num-my-mean", "--jobs", "1", "--json")
    report = json.loads(out)
    assert code == 1 and not report["ok"] and "starter.ipynb: out of date" in report["description_errors"][0]

