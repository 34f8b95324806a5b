"""The quiz folder: quiz.md (the questions), answers.toml (the template) and quiz.json (the record),
written by `grader quiz new` and read back by `grader quiz grade`."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from grader.errors import UsageError
from grader.quiz.bank import FORMAT_LABELS, LETTERS, TOPIC_BY_CODE, Item
from grader.quiz.draw import Posed, Quiz, QuizFileError, pose_quiz, quiz_from_json

QUIZ_MD, ANSWERS, QUIZ_JSON = "quiz.md", "answers.toml", "quiz.json"


def how_to_answer(p: Posed) -> str:
    """One line telling the learner what form the answer takes (shared by quiz.md, answers.toml and `take`)."""
    last = LETTERS[len(p.choices) - 1] if p.choices else ""
    if p.format == "single":
        return f"one letter, A to {last}"
    if p.format == "multi":
        return "a list of every correct letter and no other (all or nothing)"
    if p.format == "ordering":
        return f"all {len(p.choices)} letters in order, first step first"
    tol = p.item.tolerance
    unit = f" in {p.item.unit}" if p.item.unit else ""
    if tol is None or (tol.kind == "abs" and tol.value == 0):
        return f"a number{unit} (must match exactly)"
    return f"a number{unit} (accepted within {tol.describe()})"


def question_text(p: Posed, progress: str = "") -> str:
    """The question as shown to the learner: heading, stem, labelled choices, how to answer."""
    topic = TOPIC_BY_CODE[p.item.topic]
    head = f"### {p.key}" + (f" ({progress})" if progress else "") + f" · {topic.title} · {FORMAT_LABELS[p.format]}"
    lines = [head, "", p.stem.strip(), ""]
    lines += [f"- **{LETTERS[i]}** {choice}" for i, choice in enumerate(p.choices)]
    if p.choices:
        lines.append("")
    lines.append(f"*Answer:* {how_to_answer(p)}.")
    return "\n".join(lines)


def render_markdown(quiz: Quiz, posed: list[Posed]) -> str:
    """quiz.md: instructions, then every question in quiz order."""
    lines = [
        f"# Quiz: {quiz.track.upper()} track, {quiz.size} questions, {quiz.threshold} to pass",
        "",
        (f"Seed {quiz.seed}, written {quiz.created}. Put your answers in `answers.toml` beside this file "
         "(one line per question), then run `grader quiz grade <this folder>`."),
        "",
        ("Formats: *single answer* takes one letter; *select all that apply* takes a list of every correct "
         "letter and is right only when the set is exact; *numeric* takes a number within the stated tolerance; "
         "*ordering* takes all the letters in the right order. Unanswered questions count as wrong."),
        "",
    ]
    for p in posed:
        lines += [question_text(p), ""]
    return "\n".join(lines)


def _example(p: Posed) -> str:
    if p.format == "single":
        return '"C"'
    if p.format == "multi":
        return '["A", "D"]'
    if p.format == "ordering":
        return '["C", "A", "D", "B"]' if len(p.choices) == 4 else '["C", "A", "E", "B", "D"]'
    return "0.25"


def render_answers(quiz: Quiz, posed: list[Posed]) -> str:
    """answers.toml: one empty answer per question, each with a comment on its format."""
    lines = [
        (f"# Answers to the {quiz.track.upper()} quiz (seed {quiz.seed}): "
         f"{quiz.size} questions, {quiz.threshold} to pass."),
        "# Replace each \"\" with your answer, save, then run: grader quiz grade <this folder>",
        "# A question left as \"\" counts as wrong. Letters refer to quiz.md.",
        "",
    ]
    for p in posed:
        lines.append(f"# {p.key} {FORMAT_LABELS[p.format]}: {how_to_answer(p)}; e.g. {p.key} = {_example(p)}")
        lines.append(f'{p.key} = ""')
    return "\n".join(lines) + "\n"


def _quiz_json(quiz: Quiz) -> str:
    """quiz.json with one line per question, so a reader can scan it and a diff shows which item changed."""
    data = quiz.to_json()
    items = data.pop("items")
    head = json.dumps(data, indent=1, ensure_ascii=False)[:-2]
    body = ",\n".join("  " + json.dumps(i, ensure_ascii=False) for i in items)
    return f'{head},\n "items": [\n{body}\n ]\n}}\n'


def write_quiz(directory: Path, quiz: Quiz, posed: list[Posed], force: bool = False) -> list[Path]:
    """Write quiz.md, answers.toml and quiz.json into `directory` (refusing to overwrite a quiz unless forced)."""
    target = directory / QUIZ_JSON
    if target.exists() and not force:
        raise UsageError(f"{directory} already holds a quiz; grade it with 'grader quiz grade {directory}', "
                         "or pass --force to replace it")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        files = [directory / QUIZ_MD, directory / ANSWERS, target]
        files[0].write_text(render_markdown(quiz, posed), encoding="utf-8")
        files[1].write_text(render_answers(quiz, posed), encoding="utf-8")
        target.write_text(_quiz_json(quiz), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{directory}: cannot write the quiz ({exc.strerror})") from None
    return files


@dataclass(frozen=True)
class QuizFolder:
    """A quiz read back from its folder, posed against the current bank."""

    quiz: Quiz
    posed: list[Posed]
    changed: tuple[str, ...]  # quiz keys whose bank item changed since the quiz was written


def read_quiz(directory: Path, bank: dict[str, Item]) -> QuizFolder:
    """The quiz that `directory/quiz.json` records (UsageError, one line, for a missing or edited record)."""
    if not directory.is_dir():
        raise UsageError(f"{directory}: no such folder; write a quiz with "
                         f"'grader quiz new --track ds --out {directory}'")
    path = directory / QUIZ_JSON
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{directory} has no {QUIZ_JSON}: it is not a quiz folder "
                         f"(write one with 'grader quiz new --track ds --out {directory}')") from None
    except json.JSONDecodeError as exc:
        raise QuizFileError(f"{path} line {exc.lineno}: not valid JSON ({exc.msg}); the file was edited "
                            "(write a new quiz with 'grader quiz new')") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read ({exc})") from None
    quiz = quiz_from_json(data, bank, str(path))
    changed = tuple(d.key for d in quiz.items if d.digest and d.digest != bank[d.id].digest)
    return QuizFolder(quiz, pose_quiz(quiz, bank), changed)
