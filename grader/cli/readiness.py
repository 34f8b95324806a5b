"""`grader readiness` and `grader log add`: where the learner stands, and the study log behind it."""
from __future__ import annotations

from pathlib import Path

import click

from grader.cli.base import App, db_option, json_option, pass_app
from grader.errors import ExitCode, UsageError
from grader.vocab import StudyKind

MAX_MINUTES = 24 * 60


@click.command()
@click.option("--html", "html_path", metavar="FILE", type=click.Path(path_type=Path),
              help="Also write the report as a self-contained HTML page.")
@json_option
@db_option
@pass_app
def readiness(app: App, html_path: Path | None) -> int:
    """Where you stand on both tests and on the study split."""
    from grader import readiness as compute
    from grader.problems import load_bank
    from grader.readiness_page import render
    from grader.readiness_text import readiness_lines

    rep = compute.report(app.store(), load_bank())
    if html_path is not None:
        html_path.write_text(render(rep), encoding="utf-8")
        app.note(f"wrote {html_path}")
    if app.json:
        app.emit(rep)
    else:
        for line in readiness_lines(rep):
            app.say(line)
    return ExitCode.OK


@click.group()
def log() -> None:
    """The study log: individual study (problems, reading) and group study (oral, group)."""


@log.command("add")
@click.argument("kind", type=click.Choice([k.value for k in StudyKind]))
@click.argument("minutes", type=float)
@click.option("--note", default="", help="What you studied.")
@db_option
@pass_app
def log_add(app: App, kind: str, minutes: float, note: str) -> int:
    """Record MINUTES of study of KIND: problems, reading, oral or group."""
    if not 0 < minutes <= MAX_MINUTES:
        raise UsageError(f"MINUTES must be between 1 and {MAX_MINUTES}")
    app.store().log_study(kind, minutes, note)
    app.say(f"logged {minutes:g} minutes of {kind}")
    return ExitCode.OK
