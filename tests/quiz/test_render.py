"""The quiz folder written by `quiz new` (quiz.md, answers.toml, quiz.json) and read back for grading."""
from __future__ import annotations

import json
import re
import tomllib

import pytest

from grader.errors import UsageError
from grader.quiz.bank import FORMAT_LABELS, LETTERS, load_bank
from grader.quiz.draw import QuizFileError, draw, pose_quiz
from grader.quiz.render import (
    ANSWERS,
    QUIZ_JSON,
    QUIZ_MD,
    how_to_answer,
    question_text,
    read_quiz,
    render_answers,
    render_markdown,
    write_quiz,
)


@pytest.fixture(scope="module")
def drawn():
    bank = load_bank()
    quiz = draw(bank, "mle", size=50, seed=11, created="2026-01-02T03:04:05Z")
    return bank, quiz, pose_quiz(quiz, bank)


def test_every_format_says_how_to_answer_it(drawn):
    _, _, posed = drawn
    by_format = {p.format: p for p in posed}
    assert set(by_format) == set(FORMAT_LABELS), "a 50-question draw should hold every format"
    single, multi, ordering = by_format["single"], by_format["multi"], by_format["ordering"]
    assert how_to_answer(single) == f"one letter, A to {LETTERS[len(single.choices) - 1]}"
    assert how_to_answer(multi).startswith("a list of every correct letter")
    assert how_to_answer(ordering) == f"all {len(ordering.choices)} letters in order, first step first"
    numeric = by_format["numeric"]
    tol = numeric.item.tolerance
    exact = tol is None or (tol.kind == "abs" and tol.value == 0)
    assert how_to_answer(numeric).startswith("a number") and ("exactly" in how_to_answer(numeric)) == exact


def test_a_question_shows_its_stem_labelled_choices_and_the_answer_form(drawn):
    _, _, posed = drawn
    p = next(p for p in posed if p.format == "single")
    text = question_text(p, progress="3/50")
    lines = text.splitlines()
    assert lines[0].startswith(f"### {p.key} (3/50) · ") and lines[0].endswith(FORMAT_LABELS["single"])
    assert p.stem.strip() in text
    assert [line for line in lines if line.startswith("- **")] == [
        f"- **{LETTERS[i]}** {c}" for i, c in enumerate(p.choices)]
    assert lines[-1] == f"*Answer:* {how_to_answer(p)}."


def test_quiz_md_holds_every_question_once_in_quiz_order(drawn):
    _, quiz, posed = drawn
    md = render_markdown(quiz, posed)
    assert md.startswith(f"# Quiz: MLE track, {quiz.size} questions, {quiz.threshold} to pass\n")
    assert f"Seed {quiz.seed}, written {quiz.created}." in md
    keys = re.findall(r"^### (q\d+) ", md, flags=re.M)
    assert keys == [p.key for p in posed] and len(keys) == quiz.size


def test_answers_toml_is_a_valid_empty_template_with_one_hint_per_question(drawn):
    _, quiz, posed = drawn
    text = render_answers(quiz, posed)
    assert tomllib.loads(text) == {p.key: "" for p in posed}
    hints = [line for line in text.splitlines() if re.match(r"^# q\d+ ", line)]
    assert len(hints) == len(posed)
    for p, hint in zip(posed, hints, strict=True):
        assert hint.startswith(f"# {p.key} {FORMAT_LABELS[p.format]}: {how_to_answer(p)}; e.g. {p.key} = ")


def test_the_folder_round_trips_and_is_not_overwritten(tmp_path, drawn):
    bank, quiz, posed = drawn
    files = write_quiz(tmp_path / "q", quiz, posed)
    assert [f.name for f in files] == [QUIZ_MD, ANSWERS, QUIZ_JSON]
    lines = (tmp_path / "q" / QUIZ_JSON).read_text().splitlines()
    item_lines = [json.loads(line.strip().rstrip(",")) for line in lines if line.startswith('  {"key"')]
    assert item_lines == [d.to_json() for d in quiz.items]  # one line per question, so a diff names the item
    back = read_quiz(tmp_path / "q", bank)
    assert back.quiz == quiz and back.posed == posed and back.changed == ()
    with pytest.raises(UsageError, match="already holds a quiz"):
        write_quiz(tmp_path / "q", quiz, posed)
    write_quiz(tmp_path / "q", quiz, posed, force=True)


def test_a_missing_or_edited_record_is_a_usage_error(tmp_path, drawn):
    bank, quiz, posed = drawn
    with pytest.raises(UsageError, match="no such folder"):
        read_quiz(tmp_path / "absent", bank)
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="has no quiz.json"):
        read_quiz(tmp_path / "empty", bank)
    write_quiz(tmp_path / "q", quiz, posed)
    path = tmp_path / "q" / QUIZ_JSON
    path.write_text(path.read_text().replace('"seed"', '"seed" 1', 1))
    with pytest.raises(QuizFileError, match=r"quiz.json line \d+: not valid JSON"):
        read_quiz(tmp_path / "q", bank)


def test_a_question_changed_in_the_bank_is_reported(tmp_path, drawn):
    bank, quiz, posed = drawn
    write_quiz(tmp_path / "q", quiz, posed)
    data = json.loads((tmp_path / "q" / QUIZ_JSON).read_text())
    data["items"][0]["digest"] = "0" * len(data["items"][0]["digest"])
    (tmp_path / "q" / QUIZ_JSON).write_text(json.dumps(data))
    assert read_quiz(tmp_path / "q", bank).changed == (data["items"][0]["key"],)
