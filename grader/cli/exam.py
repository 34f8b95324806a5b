"""`grader exam new|submit|status`: readiness exams drawn, graded and scored from the store."""
from __future__ import annotations

import os
from pathlib import Path

import click

from grader.cli.base import App, db_option, json_option, pass_app, sandbox_option, track_option
from grader.errors import ExitCode
from grader.vocab import EXAM_PASS, EXAM_SIZE


@click.group()
def exam() -> None:
    """Readiness exams: draw one, grade it, see where it stands."""


@exam.command("new")
@track_option(required=True)
@click.option("--size", type=click.IntRange(min=1), default=EXAM_SIZE, show_default=True,
              help="Problems in the exam; only the standard size counts toward readiness.")
@click.option("--pass", "pass_mark", type=click.IntRange(min=1), default=EXAM_PASS, show_default=True,
              help="Problems to solve to pass.")
@click.option("--seed", type=int, help="Draw this exam again (default: a random seed, recorded).")
@click.option("--dir", "directory", default="exam", show_default=True, type=click.Path(path_type=Path),
              help="Folder for the starter notebooks and exam.json.")
@json_option
@db_option
@pass_app
def exam_new(app: App, track: str, size: int, pass_mark: int, seed: int | None, directory: Path) -> int:
    """Draw an exam: starter notebooks stratified by topic and difficulty, and exam.json."""
    from grader.exam import new_exam
    from grader.problems import load_bank

    seed = seed if seed is not None else int.from_bytes(os.urandom(4), "big")
    made = new_exam(app.store(), load_bank(), track, size, pass_mark, seed, directory)
    for note in made.notes:
        app.note(f"note: {note}")
    app.say(f"wrote {made.size} starter notebooks and exam.json to {directory} (seed {seed}); "
            f"pass mark {made.threshold}/{made.size}.\nSolve them, then run 'grader exam submit {directory}'")
    app.emit(made.to_json())
    return ExitCode.OK


@exam.command("submit")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@sandbox_option
@json_option
@db_option
@pass_app
def exam_submit(app: App, directory: Path, sandbox: str) -> int:
    """Grade the exam's notebooks; the first graded attempt of each problem counts."""
    from grader.exam import load_exam, submit_exam
    from grader.report import format_result, storage_note
    from grader.sandbox import get_sandbox

    store = app.store()
    stored = load_exam(store, directory)
    chosen = get_sandbox(sandbox, bulk=True)
    for graded in submit_exam(store, stored, directory, chosen):
        if isinstance(graded, Path):
            app.say(f"{graded}: missing, not graded")
            continue
        app.say(format_result(graded.result, chosen.label)
                + ("" if graded.counts else "\n  (practice: this exam already counted a graded attempt)"))
        if (note := storage_note(graded.result)) is not None:
            app.note(note)
    return _status(app, stored)


@exam.command("status")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@json_option
@db_option
@pass_app
def exam_status(app: App, directory: Path) -> int:
    """Problems solved of the exam's size, and whether that meets the pass mark."""
    from grader.exam import load_exam

    return _status(app, load_exam(app.store(), directory))


def _status(app: App, stored: dict) -> int:
    from grader.exam import exam_status
    from grader.readiness_text import exam_lines

    st = exam_status(app.store(), stored)
    if app.json:
        app.emit(st)
    else:
        for line in exam_lines(st):
            app.say(line)
    return ExitCode.OK if st["ready"] else ExitCode.NOT_PASSED
