"""`grader quiz new|grade|validate|history`: files written, JSON shapes, exit codes, one-line errors, storage."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from grader.quiz.bank import TOPICS, load_bank
from grader.quiz.record import read_folder
from grader.quiz.results import quiz_results
from grader.store import Store, default_db_path
from tests.quiz.conftest import run, single, synthetic_bank, write_topic


def _posed(directory: Path):
    """The questions of a quiz folder with their keys, from the store (the folder holds no key)."""
    return read_folder(Store(default_db_path()), load_bank(), directory).posed


def _draw(directory: Path) -> dict:
    """The draw the store recorded for a quiz folder."""
    quiz_id = json.loads((directory / "quiz.json").read_text())["quiz_id"]
    row = Store(default_db_path()).quiz(quiz_id)
    assert row is not None
    return row["draw"]


def _toml(value) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    return f'"{value}"' if isinstance(value, str) else repr(value)


def _wrong(p):
    """A well-formed answer that is not the key."""
    if p.format == "numeric":
        return -1.0
    if p.format == "ordering":
        return tuple(reversed(p.expected))
    if p.format == "multi":
        return ("A", "B") if p.expected != ("A", "B") else ("C",)
    return "E" if p.expected != "E" else "A"


def _fill(directory: Path, right: int, wrong: int = 0) -> None:
    """Answer the first `right` questions correctly, the next `wrong` wrongly, leave the rest."""
    lines = []
    for n, p in enumerate(_posed(directory)):
        if n < right + wrong:
            lines.append(f"{p.key} = {_toml(p.expected if n < right else _wrong(p))}")
    (directory / "answers.toml").write_text("\n".join(lines) + "\n")


@pytest.fixture
def quiz_dir(tmp_path):
    directory = tmp_path / "quiz1"
    code, _, err = run("quiz", "new", "--track", "mle", "--seed", "7", "--out", str(directory))
    assert code == 0, err
    return directory


def test_new_writes_the_quiz_the_template_and_the_record(quiz_dir):
    md = (quiz_dir / "quiz.md").read_text()
    assert md.startswith("# Quiz: MLE track, 50 questions, 35 to pass") and "Seed 7" not in md
    assert "This quiz does not count toward readiness: drawn with --seed" in md
    assert md.count("\n### q") == 50 and "### q50 " in md
    template = (quiz_dir / "answers.toml").read_text()
    assert tomllib.loads(template) == {f"q{n:02d}": "" for n in range(1, 51)}  # valid TOML, every answer empty
    assert "# q01 " in template and "e.g. q01 = " in template
    ref = json.loads((quiz_dir / "quiz.json").read_text())
    assert set(ref) == {"format", "quiz_id", "track", "size", "threshold", "created", "counts"}  # no seed, no items
    assert ref["track"] == "mle" and ref["size"] == 50 and ref["threshold"] == 35 and ref["created"].endswith("Z")
    assert ref["counts"] is False  # drawn with --seed: practice
    record = _draw(quiz_dir)  # the draw is in the store
    assert record["seed"] == 7 and len(record["items"]) == 50
    assert all(set(i) >= {"key", "id", "order", "params"} for i in record["items"])


def test_new_with_the_same_seed_writes_the_same_quiz(tmp_path, quiz_dir):
    again = tmp_path / "again"
    run("quiz", "new", "--track", "mle", "--seed", "7", "--out", str(again))
    strip = lambda p: [line for line in p.read_text().splitlines() if not line.startswith("Written ")]
    assert strip(again / "quiz.md") == strip(quiz_dir / "quiz.md")
    assert _draw(again)["items"] == _draw(quiz_dir)["items"]


def test_new_refuses_to_overwrite_a_quiz(quiz_dir):
    code, _, err = run("quiz", "new", "--track", "ds", "--out", str(quiz_dir))
    assert code == 2 and "already holds a quiz" in err and "--force" in err
    assert run("quiz", "new", "--track", "ds", "--out", str(quiz_dir), "--force")[0] == 0


def test_new_json_and_a_random_seed_that_is_recorded_but_not_shown(tmp_path):
    code, out, err = run("quiz", "new", "--track", "ds", "--size", "10", "--out", str(tmp_path / "q"), "--json")
    data = json.loads(out)
    assert code == 0 and data["size"] == 10 and data["threshold"] == 7 and data["seed"] is None
    assert len(data["items"]) == 10 and data["items"][0] == {"id": "q01", "format": data["items"][0]["format"]}
    assert "wrote" in err and data["counts"] is False and "10 questions, 7 to pass" in data["why"]
    assert isinstance(_draw(tmp_path / "q")["seed"], int)


def test_grade_scores_passes_and_records(quiz_dir):
    _fill(quiz_dir, right=36, wrong=4)
    code, out, err = run("quiz", "grade", str(quiz_dir), "--json")
    data = json.loads(out)  # exactly one JSON document on stdout
    assert code == 0 and data["correct"] == 36 and data["passed"] and data["size"] == 50 and data["threshold"] == 35
    assert set(data) >= {"correct", "size", "threshold", "passed", "items", "unanswered", "result_id"}
    assert all(set(i) >= {"id", "correct", "expected", "given", "explanation"} for i in data["items"])
    assert data["unanswered"] == [f"q{n}" for n in range(41, 51)]
    assert [i["correct"] for i in data["items"]].count(True) == 36
    assert "score 36/50: PASSED" in err and "unanswered (counted wrong): q41" in err
    rows = quiz_results(Store(default_db_path()))
    assert [(r.id, r.correct, r.passed, r.mode, r.track, r.seed) for r in rows] == [
        (data["result_id"], 36, True, "file", "mle", 7)]
    assert len(rows[0].items) == 50


def test_grade_below_the_bar_exits_1_and_lists_every_item(quiz_dir):
    _fill(quiz_dir, right=34, wrong=16)
    code, out, _ = run("quiz", "grade", str(quiz_dir))
    assert code == 1 and "score 34/50: NOT PASSED (35 needed)" in out
    lines = [line for line in out.splitlines() if line[:1] == "q"]
    assert len(lines) == 50 and all("given" in line and "expected" in line for line in lines)
    assert sum("WRONG" in line for line in lines) == 16


def test_an_untouched_template_scores_zero_with_every_item_unanswered(quiz_dir):
    code, out, _ = run("quiz", "grade", str(quiz_dir), "--json")
    data = json.loads(out)
    assert code == 1 and data["correct"] == 0 and len(data["unanswered"]) == 50


def test_malformed_answers_exit_2_with_the_line(quiz_dir):
    (quiz_dir / "answers.toml").write_text('q01 = ""\nq02 = ""\nq03 = [A]\n')
    code, out, err = run("quiz", "grade", str(quiz_dir), "--json")
    assert code == 2 and out == "" and "answers.toml line 3: not valid TOML" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert quiz_results(Store(default_db_path())) == []  # nothing recorded


def test_an_edited_quiz_json_exits_2(quiz_dir):
    data = json.loads((quiz_dir / "quiz.json").read_text())
    (quiz_dir / "quiz.json").write_text(json.dumps({**data, "quiz_id": "made-up-quiz"}))
    code, _, err = run("quiz", "grade", str(quiz_dir))
    assert code == 2 and "quiz 'made-up-quiz' is not in the results database" in err
    (quiz_dir / "quiz.json").write_text("{broken")
    code, _, err = run("quiz", "grade", str(quiz_dir))
    assert code == 2 and "quiz.json: not valid JSON (line 1" in err


@pytest.mark.parametrize("argv, fragment", [
    (["quiz", "grade", "/nonexistent/quiz"], "no such folder"),
    (["quiz", "new", "--track", "xx", "--out", "q"], "'xx' is not one of 'ds', 'mle'"),
    (["quiz", "new", "--track", "ds"], "--out"),
    (["quiz", "new", "--track", "ds", "--size", "0", "--out", "q"], "0 is not in the range x>=1"),
    (["quiz", "new", "--track", "ds", "--size", "999", "--out", "q"], "ask for --size"),
    (["quiz", "new", "--track", "ds", "--pass", "51", "--out", "q"], "--pass must be between"),
    (["quiz"], "choose one of grade, history, new, take, validate"),
])
def test_bad_usage_exits_2_with_one_line(argv, fragment):
    code, _, err = run(*argv)
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1


def test_grade_of_a_folder_without_a_quiz(tmp_path):
    code, _, err = run("quiz", "grade", str(tmp_path))
    assert code == 2 and "has no quiz.json" in err


def test_a_short_bank_warns_on_stderr_and_records_the_fill(tmp_path, bank_dir):
    synthetic_bank(bank_dir, counts={"Q11": 2})
    code, out, err = run("quiz", "new", "--track", "mle", "--seed", "1", "--out", str(tmp_path / "q"), "--json")
    data = json.loads(out)
    assert code == 0 and data["filled"] == 3
    assert data["shortfalls"] == [{"topic": "Neural-network training", "code": "Q11", "quota": 5, "drawn": 2}]
    warning = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warning) == 1 and "Neural-network training (2 of 5)" in warning[0] and "Q11" not in warning[0]
    assert _draw(tmp_path / "q")["filled"] == 3


def test_a_malformed_bank_is_a_grader_error(tmp_path, bank_dir):
    write_topic(bank_dir, "Q01", [single("Q01", 1, answer="Q")])
    code, _, err = run("quiz", "new", "--track", "ds", "--out", str(tmp_path / "q"))
    assert code == 3 and "prob-item-1" in err and "grader quiz validate" in err


def test_validate_json_and_exit_codes(bank_dir):
    synthetic_bank(bank_dir)
    code, out, err = run("quiz", "validate", "--json")
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["root"] == str(bank_dir) and len(data["topics"]) == len(TOPICS)
    assert "Probability" in err and "Q01" not in err and "no defects" in err
    assert {"single", "ranks", "multi"} <= set(data["cues"]) and len(data["exposure"]) == 2
    write_topic(bank_dir, "Q03", [single("Q03", 1, options=["a", "a", "b", "c", "d"])])
    code, out, err = run("quiz", "validate")
    assert code == 1 and "BAD  questions/q03-test.toml: exp-item-1: field 'options' has duplicate options" in out


def test_validate_the_shipped_bank():
    code, out, _ = run("quiz", "validate")
    assert code == 0 and "no defects" in out


def test_history_lists_stored_results(quiz_dir):
    _fill(quiz_dir, right=35)
    run("quiz", "grade", str(quiz_dir))
    code, out, _ = run("quiz", "history", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1 and rows[0]["correct"] == 35 and rows[0]["passed"] and rows[0]["mode"] == "file"
    code, out, _ = run("quiz", "history", "--track", "ds")
    assert "no quiz results" in out


def test_grading_after_the_bank_changed_warns(tmp_path, bank_dir):
    synthetic_bank(bank_dir)
    directory = tmp_path / "q"
    assert run("quiz", "new", "--track", "ds", "--size", "3", "--seed", "4", "--out", str(directory))[0] == 0
    first = _draw(directory)["items"][0]["id"]
    path = next(p for p in bank_dir.glob("*.toml") if f'"{first}"' in p.read_text())
    n = first.rsplit("-", 1)[1]
    path.write_text(path.read_text().replace(f' number {n}?"', f' number {n}, reworded?"'))
    code, _, err = run("quiz", "grade", str(directory))
    assert code == 1 and "changed in the bank since this quiz was written" in err
