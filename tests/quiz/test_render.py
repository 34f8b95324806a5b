"""What the learner reads: quiz.md and answers.toml (the folder's record part is tested in test_record.py)."""
from __future__ import annotations

import re
import tomllib

import pytest

from grader.quiz.bank import FORMAT_LABELS, LETTERS, load_bank
from grader.quiz.draw import draw, pose_quiz
from grader.quiz.render import how_to_answer, question_text, render_answers, render_markdown


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
    md = render_markdown(quiz, posed, note="This quiz counts toward readiness.")
    assert md.startswith(f"# Quiz: MLE track, {quiz.size} questions, {quiz.threshold} to pass\n")
    assert f"Written {quiz.created}." in md and "This quiz counts toward readiness." in md
    assert "seed" not in md.split("\n### ")[0].lower()  # the seed and the bank give the key
    keys = re.findall(r"^### (q\d+) ", md, flags=re.M)
    assert keys == [p.key for p in posed] and len(keys) == quiz.size


def test_answers_toml_is_a_valid_empty_template_with_one_hint_per_question(drawn):
    _, quiz, posed = drawn
    text = render_answers(quiz, posed)
    assert tomllib.loads(text) == {p.key: "" for p in posed} and "seed" not in text.lower()
    hints = [line for line in text.splitlines() if re.match(r"^# q\d+ ", line)]
    assert len(hints) == len(posed)
    for p, hint in zip(posed, hints, strict=True):
        assert hint.startswith(f"# {p.key} {FORMAT_LABELS[p.format]}: {how_to_answer(p)}; e.g. {p.key} = ")
