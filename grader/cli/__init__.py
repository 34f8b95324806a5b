"""The command line, on click: the only layer that prints and exits (the contract is CLI.md).

Commands are grouped by who uses them: learner.py (list, show, start, submit, history), exam.py,
quiz.py, readiness.py (readiness, log), author.py (validate, sandbox) and instructor.py (batch,
worker). Each parses its options, calls the module that does the work, and renders the result;
base.py holds the shared options, the app object on `ctx.obj` and the mapping of errors to exit codes.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from grader import __version__
from grader.cli import author, instructor, learner
from grader.cli.base import App, GraderGroup, db_option
from grader.cli.exam import exam
from grader.cli.quiz import quiz
from grader.cli.readiness import log, readiness


@click.group(cls=GraderGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="grader", message="%(prog)s %(version)s")
@db_option
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Sandboxed grader for ML interview coding problems."""
    app = ctx.ensure_object(App)
    ctx.call_on_close(app.close)


for command in (*learner.COMMANDS, exam, quiz, log, readiness, *author.COMMANDS, *instructor.COMMANDS):
    cli.add_command(command)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI in this process and return its exit code (never raises for expected failures)."""
    code: int = cli.main(args=list(argv) if argv is not None else None, prog_name="grader", standalone_mode=False)
    return code


def entry() -> Any:
    """The `grader` console script."""
    cli.main(prog_name="grader")
