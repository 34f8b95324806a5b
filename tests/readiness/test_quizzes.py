"""Honest quiz records: the draw lives in the store, the folder holds nothing the key can be derived from,
only the standard tool-seeded draw's first grading counts, and the key is shown only once that is recorded."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from grader.counting import LEGACY
from grader.quiz.bank import load_bank
from grader.quiz.draw import draw
from grader.quiz.record import read_folder
from grader.quiz.results import quiz_results
from tests.readiness.conftest import db, run


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def _toml(value) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    return f'"{value}"' if isinstance(value, str) else repr(value)


def _answer(directory: Path, right: int) -> None:
    """Answer the first `right` questions with the key (read from the store, as only a test can)."""
    posed = read_folder(db(), load_bank(), directory).posed
    (directory / "answers.toml").write_text("\n".join(f"{p.key} = {_toml(p.expected)}" for p in posed[:right]) + "\n")


def _new(directory: Path, *args: str) -> dict:
    code, out, err = run("quiz", "new", "--track", "ds", "--out", str(directory), "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_the_folder_holds_nothing_the_key_can_be_derived_from(tmp_path, bank):
    made = _new(tmp_path / "q")
    stored = db().quiz(made["quiz_id"])
    assert stored is not None and stored["seed_source"] == "tool" and made["seed"] is None and made["counts"]
    seed = str(stored["seed"])
    assert len(seed) >= 12  # a 62-bit seed from `secrets`: no search over seeds finds it
    ids = {i["id"] for i in stored["draw"]["items"]}
    for f in (tmp_path / "q").iterdir():
        text = f.read_text()
        assert seed not in text, f.name
        assert not [i for i in bank if re.search(rf"\b{re.escape(i)}\b", text)], f.name  # no bank item id at all
        assert '"order"' not in text and "params" not in text
    assert not ids & {str(v) for i in made["items"] for v in i.values()}  # nor in the JSON `quiz new` prints
    ref = json.loads((tmp_path / "q" / "quiz.json").read_text())
    assert set(ref) == {"format", "quiz_id", "track", "size", "threshold", "created", "counts"}


def test_take_draws_into_the_store_first_and_never_shows_the_seed(tmp_path):
    code, out, err = run("quiz", "take", "--track", "mle", "--json", input="")
    data = json.loads(out)
    assert code == 1 and data["correct"] == 0
    stored = db().quiz(data["quiz_id"])
    assert stored is not None and stored["mode"] == "interactive" and data["counts"] is True
    assert str(stored["seed"]) not in err.split("score ")[0]  # not before the grading is recorded


def test_the_first_grading_counts_and_a_regrade_with_the_key_is_practice(tmp_path):
    q = tmp_path / "q"
    _new(q)
    _answer(q, 10)
    code, out, _ = run("quiz", "grade", str(q), "--json")
    first = json.loads(out)
    assert code == 1 and first["correct"] == 10 and first["counts"] is True
    expected = {i["id"]: i["expected"] for i in first["items"]}  # copy the key shown after grading
    (q / "answers.toml").write_text("\n".join(f"{k} = {json.dumps(v)}" for k, v in expected.items()) + "\n")
    code, out, err = run("quiz", "grade", str(q), "--json")
    again = json.loads(out)
    assert code == 0 and again["correct"] == 50 and again["passed"] and again["counts"] is False
    assert f"already graded (result #{first['result_id']})" in again["why"] and "practice" in err
    code, out, _ = run("readiness", "--json")
    ds = json.loads(out)["tracks"]["ds"]
    assert not ds["quiz_ready"] and ds["best_quiz"]["correct"] == 10
    assert [q["counts"] for q in ds["quiz"]] == [True, False] and "a regrade of quiz" in ds["quiz"][1]["why"]


@pytest.mark.parametrize("args, fragment", [
    (["--size", "1", "--pass", "0"], "1 question, 0 to pass"),
    (["--pass", "20"], "50 questions, 20 to pass"),
    (["--seed", "7"], "drawn with --seed"),
])
def test_only_the_standard_blueprint_draw_counts(tmp_path, args, fragment):
    q = tmp_path / "q"
    made = _new(q, *args)
    assert made["counts"] is False and fragment in made["why"]
    assert "does not count toward readiness" in (q / "quiz.md").read_text()
    _answer(q, 50)
    code, out, _ = run("quiz", "grade", str(q), "--json")
    graded = json.loads(out)
    assert code == 0 and graded["passed"] and graded["counts"] is False and fragment in graded["why"]
    code, out, _ = run("readiness", "--json")
    ds = json.loads(out)["tracks"]["ds"]
    assert not ds["quiz_ready"] and ds["best_quiz"] is None and ds["quiz"][0]["why"] == graded["why"]
    code, out, _ = run("quiz", "history")
    assert "practice: " + fragment.split(" (")[0] in out


def test_the_key_is_shown_only_after_the_attempt_is_recorded(tmp_path, monkeypatch):
    q = tmp_path / "q"
    _new(q)
    from grader.quiz import score

    shown = []
    original = score.format_result

    def check(result, posed):
        shown.append(len(quiz_results(db())))
        return original(result, posed)

    monkeypatch.setattr(score, "format_result", check)
    code, out, _ = run("quiz", "grade", str(q))
    assert code == 1 and shown == [1] and "expected" in out


def test_edited_quiz_json_fields_are_refused_and_another_id_changes_nothing(tmp_path):
    counted, practice = tmp_path / "a", tmp_path / "b"
    _new(counted)
    other = _new(practice, "--size", "5")
    ref = json.loads((counted / "quiz.json").read_text())
    for key, value in [("threshold", 0), ("size", 1), ("track", "mle"), ("counts", False), ("created", "x")]:
        (counted / "quiz.json").write_text(json.dumps({**ref, key: value}))
        code, _, err = run("quiz", "grade", str(counted))
        assert code == 2 and f"field '{key}' differs from the quiz recorded" in err, key
    # pointing the folder at another quiz grades that quiz: its own rules decide (practice here)
    (counted / "quiz.json").write_text(json.dumps({"format": 2, "quiz_id": other["quiz_id"]}))
    (counted / "answers.toml").write_text("")
    code, out, _ = run("quiz", "grade", str(counted), "--json")
    assert json.loads(out)["counts"] is False and json.loads(out)["size"] == 5
    assert quiz_results(db())[0].quiz_id == other["quiz_id"]


def test_a_folder_written_before_honest_records_is_graded_as_practice(tmp_path, bank):
    q = tmp_path / "old"
    q.mkdir()
    quiz = draw(bank, "ds", seed=3, created="2026-01-01T00:00:00Z")
    (q / "quiz.json").write_text(json.dumps(quiz.to_json()))  # format 1: the draw itself, seed and item ids
    (q / "answers.toml").write_text("")
    code, out, _ = run("quiz", "grade", str(q), "--json")
    data = json.loads(out)
    assert code == 1 and data["counts"] is False and data["why"] == LEGACY and data["quiz_id"] is None
    (record,) = quiz_results(db())
    assert record.counting.why == LEGACY and not record.counting.counts


def test_a_draw_that_is_never_graded_is_listed_as_such(tmp_path):
    made = _new(tmp_path / "q")
    code, out, _ = run("readiness", "--json")
    (ungraded,) = json.loads(out)["tracks"]["ds"]["ungraded_quizzes"]
    assert ungraded["quiz_id"] == made["quiz_id"] and ungraded["counts"] is True
    code, out, _ = run("readiness")
    assert code == 0 and f"quiz {made['quiz_id']}" in out and "not graded yet" in out
