"""`grader exam new|submit|status|close`: readiness exams drawn, graded and scored from the store."""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import click

from grader.cli.base import App, db_option, json_option, pass_app, sandbox_option, track_option
from grader.errors import ExitCode
from grader.vocab import EXAM_PASS, EXAM_SIZE


class Duration(click.ParamType):
    """A time limit: '3h', '90m' or '1h30m', as seconds."""

    name = "DURATION"
    _FORM = re.compile(r"^\s*(?:(\d{1,4})\s*h)?\s*(?:(\d{1,6})\s*m(?:in)?)?\s*$", re.IGNORECASE)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        if isinstance(value, (int, float)):
            return float(value)
        m = self._FORM.match(str(value))
        if not m or not (m.group(1) or m.group(2)):
            self.fail(f"{value!r} is not a duration like 3h, 90m or 1h30m", param, ctx)
        return 3600.0 * int(m.group(1) or 0) + 60.0 * int(m.group(2) or 0)


@click.group()
def exam() -> None:
    """Readiness exams: draw one, submit what you solved, close it, see where it stands."""


@exam.command("new")
@track_option(required=True)
@click.option("--size", type=click.IntRange(min=1), default=EXAM_SIZE, show_default=True,
              help=f"Problems in the exam; only the standard {EXAM_SIZE} counts toward readiness.")
@click.option("--pass", "pass_mark", type=click.IntRange(min=1), default=EXAM_PASS, show_default=True,
              help=f"Problems to solve to pass; only the standard {EXAM_PASS} counts toward readiness.")
@click.option("--seed", type=int, help="Draw this exam again: a practice exam (counted exams use a seed the tool "
                                       "picks and records).")
@click.option("--time-limit", type=Duration(), default=None, metavar="DURATION",
              help="End the exam this long after now (e.g. 3h, 90m): later submissions are practice.")
@click.option("--dir", "directory", default="exam", show_default=True, type=click.Path(path_type=Path),
              help="Folder for the starter notebooks and exam.json.")
@json_option
@db_option
@pass_app
def exam_new(app: App, track: str, size: int, pass_mark: int, seed: int | None, time_limit: float | None,
             directory: Path) -> int:
    """Draw an exam: starter notebooks stratified by topic and difficulty, and exam.json."""
    from grader.counting import exam_counting
    from grader.exam import new_exam
    from grader.problems import load_bank

    made = new_exam(app.store(), load_bank(), track, size, pass_mark, seed, directory, time_limit)
    e = made.exam
    for note in made.notes:
        app.note(f"note: {note}")
    counting = exam_counting(e)
    app.say(f"wrote {e['size']} starter notebooks and exam.json to {directory}; pass mark {e['threshold']}/{e['size']}"
            + (f", seed {e['seed']}" if seed is not None else ""))
    app.say("this exam counts toward readiness" if counting.counts else
            f"this exam does not count toward readiness: {counting.why}")
    app.say(f"{len(e['seen'])} of the {e['size']} problems were seen before (attempted, or drawn in an earlier exam)")
    if e["deadline"] is not None:
        app.say(f"time limit: the exam ends at {time.strftime('%Y-%m-%d %H:%M', time.localtime(e['deadline']))}; "
                "later submissions are practice")
    app.say(f"Solve them, then run 'grader exam submit {directory}' (or name the problems to submit); "
            f"'grader exam close {directory}' ends the exam")
    app.emit(made.to_json())
    return ExitCode.OK


@exam.command("submit")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.argument("problems", metavar="[PROBLEM]...", nargs=-1)
@sandbox_option
@json_option
@db_option
@pass_app
def exam_submit(app: App, directory: Path, problems: tuple[str, ...], sandbox: str) -> int:
    """Grade the exam notebooks you changed (all, or the PROBLEMs named); the first graded attempt at each counts."""
    from grader.exam import load_exam
    from grader.exam_sitting import Skipped, chosen_problems, submit_exam
    from grader.report import format_result, storage_note
    from grader.sandbox import get_sandbox

    store = app.store()
    stored = load_exam(store, directory)
    chosen_problems(stored, problems)  # an unknown PROBLEM is refused before any sandbox starts
    chosen = get_sandbox(sandbox, bulk=True)
    submitted: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    for event in submit_exam(store, stored, directory, chosen, problems):
        if isinstance(event, Skipped):
            app.say(f"{event.path}: {event.why}")
            skipped.append(event.to_json())
            continue
        label = ("counted toward readiness" if event.counts else
                 f"the exam's attempt; practice exam: {event.why}" if event.exam_attempt else f"practice: {event.why}")
        app.say(format_result(event.result, chosen.label) + f"\n  ({label})")
        if (note := storage_note(event.result)) is not None:
            app.note(note)
        submitted.append(event.to_json())
    if not submitted:
        app.say("nothing graded: change a notebook (or name it) and submit again")
    return _status(app, stored["id"], {"submitted": submitted, "skipped": skipped})


@exam.command("status")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@json_option
@db_option
@pass_app
def exam_status(app: App, directory: Path) -> int:
    """Problems solved of the exam's size, elapsed times, and whether it passed and counts."""
    from grader.exam import load_exam

    return _status(app, load_exam(app.store(), directory)["id"])


@exam.command("close")
@click.argument("target", metavar="DIR|EXAM_ID")
@json_option
@db_option
@pass_app
def exam_close(app: App, target: str) -> int:
    """End an exam: later submissions are practice, and problems never submitted count as not solved."""
    from grader.exam import EXAM_JSON, load_exam
    from grader.exam_sitting import close_exam, over_why

    store = app.store()
    by_id = None if (Path(target) / EXAM_JSON).exists() else store.exam(target)
    stored = by_id if by_id is not None else load_exam(store, Path(target))
    already = over_why(stored, time.time())
    if already:
        app.note(f"note: {already}; nothing to close")
    else:
        close_exam(store, stored)
        app.say(f"closed exam {stored['id']}")
    return _status(app, stored["id"])


def _status(app: App, exam_id: str, extra: dict[str, Any] | None = None) -> int:
    from grader.exam_sitting import exam_status
    from grader.readiness_text import exam_lines

    store = app.store()
    stored = store.exam(exam_id)
    assert stored is not None
    st = exam_status(store, stored)
    if app.json:
        app.emit({**st, **(extra or {})})
    else:
        for line in exam_lines(st):
            app.say(line)
    return ExitCode.OK if st["passed"] else ExitCode.NOT_PASSED
