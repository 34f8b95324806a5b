"""What the learner reads: quiz.md (the questions), answers.toml (the template) and the questions as
`grader quiz take` asks them. Neither file holds anything from which the key can be derived (no item ids,
no seed); quiz.json, the reference to the record in the store, is grader/quiz/record.py's."""
from __future__ import annotations

from grader.quiz.bank import FORMAT_LABELS, LETTERS, TOPIC_BY_CODE
from grader.quiz.draw import Posed, Quiz

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


def render_markdown(quiz: Quiz, posed: list[Posed], note: str = "") -> str:
    """quiz.md: instructions (and `note`, e.g. whether the quiz counts), then every question in quiz order."""
    lines = [
        f"# Quiz: {quiz.track.upper()} track, {quiz.size} questions, {quiz.threshold} to pass",
        "",
        *([note, ""] if note else []),
        (f"Written {quiz.created}. Put your answers in `answers.toml` beside this file "
         "(one line per question), then run `grader quiz grade <this folder>`. The answers are shown once "
         "the grading is recorded; only a quiz's first grading counts."),
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
        f"# Answers to the {quiz.track.upper()} quiz: {quiz.size} questions, {quiz.threshold} to pass.",
        "# Replace each \"\" with your answer, save, then run: grader quiz grade <this folder>",
        "# A question left as \"\" counts as wrong. Letters refer to quiz.md.",
        "",
    ]
    for p in posed:
        lines.append(f"# {p.key} {FORMAT_LABELS[p.format]}: {how_to_answer(p)}; e.g. {p.key} = {_example(p)}")
        lines.append(f'{p.key} = ""')
    return "\n".join(lines) + "\n"
