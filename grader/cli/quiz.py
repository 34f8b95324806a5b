"""`grader quiz new|grade|take|validate|history`: the non-coding quiz."""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from grader.cli.base import App, db_option, json_option, pass_app, track_option
from grader.errors import ExitCode, UsageError
from grader.vocab import QUIZ_PASS, QUIZ_SIZE, QuizMode

if TYPE_CHECKING:
    from grader.quiz.draw import Posed
    from grader.quiz.record import StoredQuiz
    from grader.quiz.score import Answer


@click.group(help=f"The non-coding quiz: {QUIZ_SIZE} questions, {QUIZ_PASS} to pass.")
def quiz() -> None:
    pass


def _draw_options(f: click.decorators.FC) -> click.decorators.FC:
    for option in reversed([
        track_option(required=True),
        click.option("--size", type=click.IntRange(min=1), default=QUIZ_SIZE, show_default=True, metavar="N",
                     help=f"Questions in the quiz; only the standard {QUIZ_SIZE} counts toward readiness."),
        click.option("--pass", "threshold", type=click.IntRange(min=0), default=None, metavar="N",
                     help=f"Correct answers needed (default: {QUIZ_PASS} of {QUIZ_SIZE}, 70% for other sizes); "
                          f"only {QUIZ_PASS} of {QUIZ_SIZE} counts toward readiness."),
        click.option("--seed", type=int, default=None, metavar="N",
                     help="Draw this quiz again: a practice quiz (counted quizzes use a seed the tool picks, "
                          "kept in the results database)."),
    ]):
        f = option(f)
    return f


def _draw(app: App, track: str, size: int, threshold: int | None, seed: int | None,
          mode: str) -> tuple[StoredQuiz, list[Posed]]:
    from grader.quiz.bank import load_bank
    from grader.quiz.draw import pose_quiz
    from grader.quiz.record import draw_quiz

    bank = load_bank()
    stored = draw_quiz(app.store(), bank, track, size, threshold, seed, mode)
    if stored.quiz.shortfalls:
        app.note(stored.quiz.shortfall_note())
    return stored, pose_quiz(stored.quiz, bank)


def _finish(app: App, stored: StoredQuiz, posed: list[Posed], answers: dict[str, Answer | None], mode: str) -> int:
    from grader.quiz.record import grade
    from grader.quiz.score import format_result

    graded = grade(app.store(), stored, posed, answers, mode)  # recorded first: the key is shown only after
    app.say(format_result(graded.result, posed))
    app.say(f"recorded as result #{graded.result_id}: "
            + ("counted toward readiness" if graded.counting.counts else graded.counting.label))
    app.emit(graded.to_json())
    return ExitCode.OK if graded.result.passed else ExitCode.NOT_PASSED


@quiz.command("new")
@_draw_options
@click.option("--out", required=True, metavar="DIR", type=click.Path(path_type=Path),
              help="Folder for quiz.md, answers.toml and quiz.json.")
@click.option("--force", is_flag=True, help="Replace a quiz already in DIR.")
@json_option
@db_option
@pass_app
def quiz_new(app: App, track: str, size: int, threshold: int | None, seed: int | None, out: Path, force: bool) -> int:
    """Write a quiz: quiz.md (the questions) and answers.toml (a template to fill in)."""
    from grader.quiz.record import write_folder
    from grader.quiz.render import ANSWERS, QUIZ_JSON, QUIZ_MD

    if (out / QUIZ_JSON).exists() and not force:  # refused before a draw is recorded
        raise UsageError(f"{out} already holds a quiz; grade it with 'grader quiz grade {out}', "
                         "or pass --force to replace it")
    stored, posed = _draw(app, track, size, threshold, seed, QuizMode.FILE)
    write_folder(out, stored, posed, force=True)
    q = stored.quiz
    app.say(f"wrote {out / QUIZ_MD} and {out / ANSWERS}: {q.size} {q.track} questions, {q.threshold} to pass")
    app.say(stored.note())
    app.say(f"fill in {out / ANSWERS}, then run 'grader quiz grade {out}'")
    app.emit({"dir": str(out), "quiz_id": stored.id, "track": q.track,
              "seed": q.seed if seed is not None else None, "size": q.size, "threshold": q.threshold,
              "filled": q.filled, "shortfalls": [s.to_json() for s in q.shortfalls], **stored.counting.to_json(),
              "items": [{"id": d.key, "format": p.format} for d, p in zip(q.items, posed, strict=True)]})
    return ExitCode.OK


@quiz.command("grade")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@json_option
@db_option
@pass_app
def quiz_grade(app: App, directory: Path) -> int:
    """Score the filled-in answers.toml of a quiz folder, record the result, then show the answers."""
    from grader.quiz.bank import load_bank
    from grader.quiz.record import read_folder
    from grader.quiz.render import ANSWERS
    from grader.quiz.score import read_answers

    folder = read_folder(app.store(), load_bank(), directory)
    if folder.changed:
        n = len(folder.changed)
        app.note(f"warning: {n} question{'s' if n != 1 else ''} changed in the bank since this quiz was written "
                 f"({', '.join(folder.changed)}); graded against the current wording and key")
    answers = read_answers(directory / ANSWERS, folder.posed)
    return _finish(app, folder.stored, folder.posed, answers, QuizMode.FILE)


@quiz.command("take")
@_draw_options
@json_option
@db_option
@pass_app
def quiz_take(app: App, track: str, size: int, threshold: int | None, seed: int | None) -> int:
    """Take a quiz interactively: one answer per line on standard input."""
    from grader.quiz.take import ask

    stored, posed = _draw(app, track, size, threshold, seed, QuizMode.INTERACTIVE)

    def prompt(text: str) -> None:
        click.echo(text, nl=False, err=app.json)

    def read_line() -> str:
        line = sys.stdin.readline()
        if line and not sys.stdin.isatty():  # piped answers: echo them so the transcript reads like a session
            click.echo(line if line.endswith("\n") else line + "\n", nl=False, err=app.json)
        return line

    q = stored.quiz
    app.say(f"{q.track.upper()} quiz {stored.id}: {q.threshold} of {q.size} to pass. {stored.note()}")
    answers = ask(posed, read_line, app.say, prompt)
    app.say("")
    return _finish(app, stored, posed, answers, QuizMode.INTERACTIVE)


@quiz.command("validate")
@click.option("--strict", is_flag=True, help="Also fail when a topic has fewer items than the spec targets.")
@json_option
@pass_app
def quiz_validate(app: App, strict: bool) -> int:
    """Check every question of the bank and the blueprint draws."""
    from grader.quiz.bank import questions_root, validate_bank

    root = questions_root()
    report = validate_bank(root, strict=strict)
    for line in report.lines():
        app.say(line)
    app.say(f"{root}: {report.items} items, " + ("no defects" if report.ok else f"{len(report.defects)} defects"))
    app.emit({**report.to_json(), "root": str(root)})
    return ExitCode.OK if report.ok else ExitCode.NOT_PASSED


@quiz.command("history")
@track_option(required=False, help_text="Only this track: ds or mle.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many results, newest first.")
@json_option
@db_option
@pass_app
def quiz_history(app: App, track: str | None, limit: int | None) -> int:
    """Recorded quiz results, newest first."""
    from grader.quiz.results import quiz_results

    records = quiz_results(app.store(), track=track, limit=limit)
    app.emit([r.to_json() for r in records])
    if app.json:
        return ExitCode.OK
    if not records:
        app.say("no quiz results recorded yet")
    for r in records:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(r.taken_at))
        verdict = "passed" if r.passed else "not passed"
        app.say(f"#{r.id:<5} {when}  {r.track:<3}  {r.correct:>3}/{r.size:<3} {verdict:<10} "
                f"(pass {r.threshold})  {r.mode:<11}  {r.counting.label}")
    return ExitCode.OK
