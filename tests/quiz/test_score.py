"""Scoring every format (tolerance edges, all-or-nothing sets, exact orders) and reading answers.toml."""
from __future__ import annotations

from pathlib import Path

import pytest

from grader.quiz.bank import Item, Tolerance
from grader.quiz.draw import DrawnItem, Quiz, pose
from grader.quiz.score import (
    AnswersError,
    is_correct,
    parse_answer,
    read_answers,
    score,
    show_answer,
)


def _item(fmt: str, **kw) -> Item:
    base = {"id": f"prob-{fmt}", "topic": "Q01", "tracks": {"ds": 1.0, "mle": 1.0}, "difficulty": "M", "format": fmt,
            "stem": "?", "explanation": "why", "provenance": "original; topic from tests", "source": "t"}
    return Item(**{**base, **kw})


def _posed(item: Item, order=None, key="q01", params=None):
    n = len(item.choices)
    return pose(item, DrawnItem(key=key, id=item.id, order=tuple(order if order is not None else range(n)),
                                params=params or {}))


SINGLE = _item("single", options=tuple("vwxyz"), key=(2,))
MULTI = _item("multi", options=tuple("vwxyz"), key=(0, 3))
ORDERING = _item("ordering", steps=("first", "second", "third", "fourth"))
NUM_ABS = _item("numeric", value=0.154, tolerance=Tolerance("abs", 0.005))
NUM_REL = _item("numeric", value=14749.0, tolerance=Tolerance("rel", 0.01))
NUM_EXACT = _item("numeric", value=1216.0, tolerance=Tolerance("abs", 0))
GENERATED = _item("numeric", generator="f1_from_counts", tolerance=Tolerance("abs", 0.001),
                  params={"tp": (40,), "fp": (10,), "fn": (20,), "tn": (930,)}, stem="TP {tp} FP {fp} FN {fn} TN {tn}",
                  explanation="F1 = {answer:.3f}")


def check(posed, value) -> bool:
    return is_correct(posed, parse_answer(posed, value))


def test_single_answer_is_one_letter_in_the_shown_order():
    shown = _posed(SINGLE, order=[4, 2, 0, 1, 3])  # bank option 2 is shown as B
    assert shown.expected == "B"
    assert check(shown, "B") and check(shown, " b ")
    assert not check(shown, "C") and not is_correct(shown, None)


def test_multi_select_is_all_or_nothing():
    shown = _posed(MULTI, order=[3, 1, 2, 0, 4])  # keys 0 and 3 are shown as D and A
    assert shown.expected == ("A", "D")
    assert check(shown, ["A", "D"]) and check(shown, ["D", "a"]) and check(shown, "A, D") and check(shown, "DA")
    assert not check(shown, ["A"])                 # a subset scores nothing
    assert not check(shown, ["A", "D", "E"])       # a superset scores nothing
    assert not check(shown, ["B", "C", "E"])       # the complement scores nothing


def test_ordering_needs_the_exact_permutation():
    shown = _posed(ORDERING, order=[2, 0, 3, 1])  # A=third, B=first, C=fourth, D=second
    assert shown.expected == ("B", "D", "A", "C")
    assert check(shown, ["B", "D", "A", "C"]) and check(shown, "B D A C") and check(shown, "bdac")
    assert not check(shown, ["B", "D", "C", "A"]) and not check(shown, ["A", "B", "C", "D"])


@pytest.mark.parametrize("given, ok", [
    (0.154, True), (0.159, True), (0.149, True),        # exactly on the bounds counts
    (0.1591, False), (0.1489, False), (0.15, True), ("0.152", True), (1, False),
])
def test_numeric_absolute_tolerance_edges(given, ok):
    assert check(_posed(NUM_ABS), given) is ok


@pytest.mark.parametrize("given, ok", [
    (14749, True), (14749 * 1.01, True), (14749 * 0.99, True), (14749 * 1.0101, False), (14600, False),
])
def test_numeric_relative_tolerance_edges(given, ok):
    assert check(_posed(NUM_REL), given) is ok


def test_numeric_exact_tolerance_for_counts():
    shown = _posed(NUM_EXACT)
    assert check(shown, 1216) and check(shown, 1216.0) and check(shown, "1_216")
    assert not check(shown, 1215) and not check(shown, 1216.5)


def test_generated_numeric_key_is_computed():
    shown = _posed(GENERATED, params={"tp": 40, "fp": 10, "fn": 20, "tn": 930})
    assert shown.stem == "TP 40 FP 10 FN 20 TN 930" and shown.explanation == "F1 = 0.727"
    assert check(shown, 0.727) and not check(shown, 0.97)  # accuracy is the trap


@pytest.mark.parametrize("posed, value, fragment", [
    (_posed(SINGLE), "AB", "one letter from A to E"),
    (_posed(SINGLE), "F", "one letter from A to E"),
    (_posed(SINGLE), ["A"], "one letter"),
    (_posed(MULTI), ["A", "Q"], "letters from A to E"),
    (_posed(MULTI), ["A", "A"], "names a letter twice"),
    (_posed(MULTI), 3, "letters"),
    (_posed(ORDERING), ["A", "B", "C"], "all 4 letters"),
    (_posed(ORDERING), ["A", "B", "C", "E"], "letters from A to D"),
    (_posed(NUM_ABS), "about 0.15", "must be a number"),
    (_posed(NUM_ABS), True, "must be a number"),
    (_posed(NUM_ABS), float("nan"), "finite"),
])
def test_malformed_answers_say_what_is_expected(posed, value, fragment):
    with pytest.raises(ValueError, match=fragment):
        parse_answer(posed, value)


@pytest.mark.parametrize("value", ["", []])
def test_empty_answers_are_unanswered(value):
    for posed in (_posed(SINGLE), _posed(MULTI), _posed(ORDERING), _posed(NUM_ABS)):
        assert parse_answer(posed, value) is None


# ------------------------------------------------------------------ answers.toml

QUIZ_ITEMS = [SINGLE, MULTI, ORDERING, NUM_ABS]


def _quiz():
    posed = [_posed(item, key=f"q{n:02d}") for n, item in enumerate(QUIZ_ITEMS, 1)]
    quiz = Quiz(track="ds", seed=1, size=4, threshold=3,
                items=tuple(DrawnItem(key=p.key, id=p.item.id, order=tuple(range(len(p.choices)))) for p in posed))
    return quiz, posed


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_filled_template_scores_and_lists_unanswered(tmp_path):
    quiz, posed = _quiz()
    path = _write(tmp_path, '# my answers\nq01 = "C"\nq02 = ["A", "D"]\nq03 = ""\n')
    answers = read_answers(path, posed)
    assert answers == {"q01": "C", "q02": ("A", "D"), "q03": None, "q04": None}
    result = score(quiz, posed, answers)
    assert result.correct == 2 and not result.passed and result.unanswered == ["q03", "q04"]
    data = result.to_json()
    assert data["items"][0] == {"id": "q01", "item": "prob-single", "topic": "Probability", "topic_code": "Q01",
                                "format": "single",
                                "correct": True, "expected": "C", "given": "C", "explanation": "why"}
    assert data["items"][1]["expected"] == ["A", "D"] and data["items"][3]["given"] is None


def test_passing_is_correct_at_or_above_the_threshold(tmp_path):
    quiz, posed = _quiz()
    answers = read_answers(_write(tmp_path, 'q01 = "C"\nq02 = ["D", "A"]\nq03 = ["A", "B", "C", "D"]\n'), posed)
    result = score(quiz, posed, answers)
    assert result.correct == 3 and result.passed


@pytest.mark.parametrize("text, fragment", [
    ('q01 = "C"\nq02 = [A, D]\n', "line 2: not valid TOML"),
    ('q01 = C\n', "line 1: not valid TOML"),
    ('q01 = "C"\n\nq01 = "D"\n', "line 3: not valid TOML"),
    ('q01 = "C"\n# note\nq02 = "AX"\n', "line 3: q02 must be a list of letters"),
    ('q01 = "C"\nq04 = "a lot"\n', "line 2: q04 must be a number"),
    ('q01 = "C"\n\n\nq77 = "A"\n', "line 4: there is no question 'q77' in this quiz (it has q01 to q04)"),
    ('q03 = ["A", "B"]\n', "line 1: q03 must put all 4 letters"),
])
def test_a_malformed_answers_file_names_the_line(tmp_path, text, fragment):
    _, posed = _quiz()
    path = _write(tmp_path, text)
    with pytest.raises(AnswersError) as info:
        read_answers(path, posed)
    message = str(info.value)
    assert str(path) in message and fragment in message and "\n" not in message
    assert AnswersError.exit_code == 2


def test_several_bad_lines_are_counted(tmp_path):
    _, posed = _quiz()
    with pytest.raises(AnswersError, match=r"line 1: q01 .* \(and 1 more\)"):
        read_answers(_write(tmp_path, 'q01 = "Z"\nq04 = "x"\n'), posed)


def test_a_missing_answers_file_is_a_usage_error(tmp_path):
    _, posed = _quiz()
    with pytest.raises(AnswersError, match="no answers file"):
        read_answers(tmp_path / "answers.toml", posed)


def test_show_answer():
    assert show_answer(None) == "(unanswered)" and show_answer(("A", "D")) == "A, D" and show_answer("C") == "C"
    assert show_answer(14749.0) == "14749" and show_answer(0.15384615) == "0.153846"
    assert show_answer(0.154, _posed(NUM_ABS)) == "0.154 (±0.005)"
    assert show_answer(14749.0, _posed(NUM_REL)) == "14749 (±1%)"
