"""Exams a learner can sit: only the standard tool-seeded draw counts, untouched notebooks are skipped (never
locked), PROBLEM arguments, close and deadline, elapsed times, fresh problems, and no practice on an open exam."""
from __future__ import annotations

import json

import pytest

from grader.checks import CheckOutcome
from grader.exam import draw
from grader.exam_sitting import ExamGraded, state, status, submit_exam
from grader.grading import GradeResult
from grader.problems import load_bank
from grader.sandbox.fake import FakeSandbox
from grader.vocab import AttemptKind, ExamState
from tests.readiness.conftest import db, new_exam, run, solve, spoil


def test_only_the_standard_draw_with_the_tools_seed_counts(tmp_path):
    counted = new_exam(tmp_path / "a")
    assert counted["counts"] is True and counted["why"] is None and counted["size"] == 20
    assert counted["threshold"] == 17 and counted["seen_before"] == 0
    small = new_exam(tmp_path / "b", "--size", "2", "--pass", "1")
    assert small["counts"] is False and "2 problems, 1 to pass (only the standard 20/17 exam counts)" in small["why"]
    seeded = new_exam(tmp_path / "c", "--seed", "5")
    assert seeded["counts"] is False and "drawn with --seed" in seeded["why"] and seeded["seed"] == 5
    low = new_exam(tmp_path / "d", "--pass", "3")
    assert low["counts"] is False and "20 problems, 3 to pass" in low["why"]
    stored = db().exam(counted["exam_id"])
    assert stored is not None and stored["seed"] == counted["seed"] and stored["seed_source"] == "tool"
    assert counted["seed"] not in (small["seed"], low["seed"])  # a fresh seed each time, from `secrets`
    code, out, _err = run("exam", "new", "--track", "mle", "--size", "2", "--pass", "1", "--dir", str(tmp_path / "e"))
    assert code == 0 and "does not count toward readiness: 2 problems, 1 to pass" in out


def test_untouched_starters_are_skipped_and_nothing_is_locked(tmp_path, fake_sandbox):
    d = tmp_path / "e"
    exam = new_exam(d)
    first, second = exam["problems"][:2]
    code, out, _ = run("exam", "submit", str(d), "--json")
    doc = json.loads(out)
    assert code == 1 and doc["graded"] == 0 and doc["submitted"] == [] and len(doc["skipped"]) == 20
    assert all("unchanged from its starter" in s["why"] for s in doc["skipped"])
    assert list(db().attempts()) == []  # nothing recorded, nothing locked
    solve(d, first)
    nb = json.loads((d / f"{second}.ipynb").read_text())  # a note in a text cell is not a change
    nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "my notes", "id": "note"})
    (d / f"{second}.ipynb").write_text(json.dumps(nb))
    code, out, _err = run("exam", "submit", str(d))
    assert f"{d / second}.ipynb: unchanged from its starter: skipped (not graded, nothing locked)" in out
    assert f"{first}" in out and "(counted toward readiness)" in out
    code, out, _ = run("exam", "status", str(d), "--json")
    st = json.loads(out)
    by_id = {p["id"]: p for p in st["problems"]}
    assert st["solved"] == st["graded"] == 1 and by_id[first]["status"] == "passed"
    assert by_id[second]["status"] == "not graded" and st["state"] == "open" and st["counts"] and not st["ready"]
    assert isinstance(by_id[first]["elapsed_s"], int) and by_id[second]["elapsed_s"] is None


def test_submit_grades_only_the_problems_named(tmp_path, fake_sandbox):
    d = tmp_path / "e"
    problems = new_exam(d)["problems"]
    solve(d, problems[0])
    solve(d, problems[1])
    code, out, _ = run("exam", "submit", str(d), problems[1], "--json")
    doc = json.loads(out)
    assert [s["problem"] for s in doc["submitted"]] == [problems[1]] and doc["skipped"] == []
    assert doc["graded"] == 1 and doc["submitted"][0]["counts"] is True
    code, _, err = run("exam", "submit", str(d), "mle-not-in-this-exam")
    assert code == 2 and "mle-not-in-this-exam is not in exam" in err and len(err.strip().splitlines()) == 1


def test_the_first_graded_attempt_counts_and_later_ones_are_practice(tmp_path, fake_sandbox):
    d = tmp_path / "e"
    pid = new_exam(d)["problems"][0]
    spoil(d, pid)
    run("exam", "submit", str(d), pid)
    solve(d, pid)
    _code, out, _ = run("exam", "submit", str(d), pid, "--json")
    doc = json.loads(out)
    (again,) = doc["submitted"]
    assert again["status"] == "passed" and again["exam_attempt"] is False and again["counts"] is False
    assert "already has a graded attempt" in again["why"] and doc["solved"] == 0
    kinds = sorted(a.kind for a in db().attempts())
    assert kinds == [AttemptKind.EXAM, AttemptKind.PRACTICE]


def test_close_ends_the_exam_unsubmitted_problems_are_not_solved_and_later_submits_are_practice(tmp_path,
                                                                                                 fake_sandbox):
    d = tmp_path / "e"
    exam = new_exam(d)
    first, second = exam["problems"][:2]
    solve(d, first)
    run("exam", "submit", str(d))
    code, out, _ = run("exam", "close", str(d), "--json")
    st = json.loads(out)
    by_id = {p["id"]: p for p in st["problems"]}
    assert code == 1 and st["state"] == "closed" and not st["open"] and st["closed_at"]
    assert by_id[first]["status"] == "passed" and by_id[second]["status"] == "not submitted" and st["solved"] == 1
    solve(d, second)
    code, out, _ = run("exam", "submit", str(d), second, "--json")
    (late,) = json.loads(out)["submitted"]
    assert late["status"] == "passed" and not late["exam_attempt"] and "was closed at" in late["why"]
    assert json.loads(out)["solved"] == 1
    closed_at = (db().exam(exam["exam_id"]) or {})["closed_at"]
    code, _, err = run("exam", "close", exam["exam_id"])  # by id too; a second close changes nothing
    assert "nothing to close" in err and (db().exam(exam["exam_id"]) or {})["closed_at"] == closed_at


@pytest.mark.parametrize("text, seconds", [("3h", 10800), ("90m", 5400), ("1h30m", 5400), ("45min", 2700)])
def test_time_limit_sets_a_deadline(tmp_path, text, seconds):
    exam = new_exam(tmp_path / "e", "--time-limit", text)
    stored = db().exam(exam["exam_id"])
    assert stored is not None and stored["deadline"] == pytest.approx(stored["created_at"] + seconds)
    assert exam["deadline"] is not None


@pytest.mark.parametrize("text", ["3x", "h", "", "0m", "200h"])
def test_a_bad_time_limit_exits_2(tmp_path, text):
    code, _, err = run("exam", "new", "--track", "mle", "--dir", str(tmp_path / "e"), "--time-limit", text)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_after_the_deadline_a_submission_is_practice_and_says_so(tmp_path):
    d = tmp_path / "e"
    exam = new_exam(d, "--time-limit", "1h")
    stored = db().exam(exam["exam_id"])
    assert stored is not None
    pid = stored["problems"][0]
    solve(d, pid)
    late = stored["deadline"] + 1
    (graded,) = submit_exam(db(), stored, d, FakeSandbox(), [pid], clock=lambda: late)
    assert isinstance(graded, ExamGraded) and not graded.exam_attempt
    assert "ran out at" in graded.why and "recorded as practice" in graded.why
    assert state(stored, late) is ExamState.TIME_UP and state(stored, late - 2) is ExamState.OPEN
    st = status(stored, db().exam_attempts(exam["exam_id"]), now=late)
    assert st["state"] == "time up" and st["solved"] == 0 and {p["status"] for p in st["problems"]} == {"not submitted"}
    assert db().open_exams(pid, now=late) == [] and db().open_exams(pid, now=late - 2) != []


def test_elapsed_time_runs_from_the_exam_start_to_the_first_submit(tmp_path):
    from grader.store import Attempt

    exam = {"id": "e", "track": "mle", "problems": ["a", "b"], "size": 2, "threshold": 1, "created_at": 1000.0,
            "closed_at": None, "deadline": None, "rules": 1, "seed_source": "tool", "seen": []}
    counted = {"a": Attempt(1, "a", "a.ipynb", "passed", 1, 1, [], None, 1.0, "fake", False, "", "exam", 3600.0,
                            "e", started_at=1000.0 + 42 * 60)}
    st = status(exam, counted, now=5000.0)
    assert [p["elapsed_s"] for p in st["problems"]] == [42 * 60, None]
    from grader.readiness_text import exam_lines

    assert "(submitted 42 min after the start)" in exam_lines(st)[0]


def test_the_draw_prefers_problems_never_attempted_and_says_how_many_were_seen(tmp_path):
    bank = load_bank()
    first = draw(bank, "mle", 20, seed=11, seen=set()).problems  # what seed 11 draws for a new learner
    store = db()
    for pid in first:  # practice attempts only: no exam ever drew these
        store.record(_result(pid), started_at=0.0)
    again = new_exam(tmp_path / "b", "--seed", "11")  # the same seed: without the preference, the same problems
    assert again["seen_before"] == 0 and not set(again["problems"]) & set(first)
    mle = [pid for pid, p in bank.items() if p.track == "mle"]
    for pid in mle:
        store.record(_result(pid), started_at=0.0)
    third = new_exam(tmp_path / "c")
    assert third["seen_before"] == 20 and any("seen before" in n for n in third["notes"])
    _code, out, _ = run("readiness", "--json")
    exams = json.loads(out)["tracks"]["mle"]["exams"]
    assert [e["seen_before"] for e in exams] == [0, 20]


def _result(pid: str) -> GradeResult:
    return GradeResult(problem=pid, notebook=f"{pid}.ipynb", status="failed", checks_passed=0, checks_total=1,
                       checks=(CheckOutcome("test_a", "A.", "failed", ""),), sandbox="fake")


def test_practice_on_a_problem_of_an_open_exam_is_refused_until_it_is_over(tmp_path, fake_sandbox):
    d = tmp_path / "e"
    pid = new_exam(d)["problems"][0]
    solve(d, pid)
    code, out, err = run("submit", str(d / f"{pid}.ipynb"))
    assert code == 2 and f"{pid} is in your open exam" in err and f"grader exam submit {d.resolve()} {pid}" in err
    assert list(db().attempts()) == []  # the learner saw no check result
    run("exam", "close", str(d))
    code, out, _ = run("submit", str(d / f"{pid}.ipynb"))
    assert code == 0 and "PASS" in out and [a.kind for a in db().attempts()] == ["practice"]


def test_exam_json_edits_are_refused_and_only_the_store_decides(tmp_path):
    d = tmp_path / "e"
    exam = new_exam(d, "--size", "2", "--pass", "1")
    doc = json.loads((d / "exam.json").read_text())
    for key, value in [("threshold", 0), ("counts", True), ("size", 20), ("deadline", None), ("seed", 1)]:
        if doc[key] == value:
            continue
        (d / "exam.json").write_text(json.dumps({**doc, key: value}))
        code, _, err = run("exam", "status", str(d))
        assert code == 2 and f"field '{key}' differs from the exam recorded" in err, key
    (d / "exam.json").write_text(json.dumps({"exam_id": exam["exam_id"]}))  # the id alone is enough
    code, out, _ = run("exam", "status", str(d), "--json")
    assert json.loads(out)["threshold"] == 1 and json.loads(out)["counts"] is False


def test_a_missing_exam_folder_says_what_to_do(tmp_path):
    code, _, err = run("exam", "status", str(tmp_path / "nowhere"))
    assert code == 2 and "no exam here" in err and "grader exam new" in err
    code, _, err = run("exam", "close", str(tmp_path / "nowhere"))
    assert code == 2 and "no exam here" in err
