"""`grader quiz take`: one answer per line on stdin, re-asked on bad input, scored and stored like a file quiz."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from grader.quiz.bank import load_bank
from grader.quiz.draw import draw, pose_quiz
from grader.quiz.results import quiz_results
from grader.quiz.take import PROMPT, ask
from grader.store import Store, default_db_path
from tests.quiz.conftest import run

ROOT = Path(__file__).resolve().parents[2]


def _typed(value) -> str:
    return " ".join(value) if isinstance(value, tuple) else str(value)


def _expected_lines(track: str, size: int, seed: int) -> list[str]:
    bank = load_bank()
    return [_typed(p.expected) for p in pose_quiz(draw(bank, track, size=size, seed=seed), bank)]


def test_ask_reads_one_line_per_question_and_re_asks_on_bad_input():
    bank = load_bank()
    posed = pose_quiz(draw(bank, "ds", size=3, seed=4), bank)
    lines = iter(["not an answer at all\n", _typed(posed[0].expected) + "\n", "\n", _typed(posed[2].expected) + "\n"])
    said: list[str] = []
    prompts: list[str] = []
    answers = ask(posed, lambda: next(lines, ""), said.append, prompts.append)
    assert answers[posed[1].key] is None  # the empty line skipped it
    assert answers[posed[0].key] is not None and answers[posed[2].key] is not None
    assert prompts == [PROMPT] * 4
    assert any("try again, or press Enter to skip" in s for s in said)
    assert any(posed[0].stem in s for s in said)


def test_end_of_input_leaves_the_rest_unanswered():
    bank = load_bank()
    posed = pose_quiz(draw(bank, "mle", size=4, seed=2), bank)
    said: list[str] = []
    answers = ask(posed, lambda: "", said.append, lambda _: None)
    assert list(answers.values()) == [None] * 4 and "4 questions left unanswered" in said[-1]


def test_take_driven_through_stdin():
    answers = _expected_lines("ds", 5, 21)
    answers[1] = ""  # skip one
    code, out, err = run("quiz", "take", "--track", "ds", "--size", "5", "--seed", "21", "--json",
                         input="\n".join(answers) + "\n")
    data = json.loads(out)
    assert code == 0 and data["correct"] == 4 and data["passed"] and data["threshold"] == 4
    assert data["unanswered"] == ["q02"] and data["mode"] == "interactive"
    assert "q01 (1/5)" in err and PROMPT in err and "score 4/5: PASSED" in err
    rows = quiz_results(Store(default_db_path()))
    assert len(rows) == 1 and rows[0].mode == "interactive" and rows[0].seed == 21


def test_take_in_a_subprocess_with_piped_answers(tmp_path):
    answers = _expected_lines("mle", 6, 8)
    answers[0] = "Z, not valid\n" + answers[0]  # a bad line first: re-asked, then answered
    env = {**os.environ, "GRADER_DB": str(tmp_path / "g.db")}
    proc = subprocess.run([sys.executable, "-m", "grader", "quiz", "take", "--track", "mle", "--size", "6",
                           "--seed", "8"], input="\n".join(answers) + "\n", capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "score 6/6: PASSED" in proc.stdout and "try again" in proc.stdout and proc.stdout.count(PROMPT) == 7
    assert "answer> Z, not valid" in proc.stdout  # piped answers are echoed after the prompt
    assert quiz_results(Store(tmp_path / "g.db"))[0].correct == 6


def test_take_with_closed_stdin_scores_zero():
    code, out, _ = run("quiz", "take", "--track", "mle", "--size", "3", "--seed", "1", input="")
    assert code == 1 and "score 0/3: NOT PASSED" in out and "unanswered (counted wrong): q01, q02, q03" in out
