"""Batch progress on stderr: a rich bar on a terminal, plain lines elsewhere, nothing under --json.

A phase line ("starting sandboxes...") shows at once, before the first notebook is done.
"""
from __future__ import annotations

import sys
from typing import Any

import click

from grader.batch_run import NoProgress, Progress
from grader.cli.base import TERMINAL_UNSAFE, App


def _plain(line: str, cap: int) -> str:
    return TERMINAL_UNSAFE.sub("?", line[:cap])


class RichProgress:
    """A transient rich bar on stderr, its description the last notebook graded."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None

    def phase(self, text: str) -> None:
        from rich.console import Console
        from rich.markup import escape

        Console(stderr=True).print(escape(_plain(text, 200)), style="dim", highlight=False)

    def start(self, total: int) -> None:
        if total <= 0:
            return
        from rich.console import Console
        from rich.progress import Progress as Bar

        self._bar = Bar(transient=True, console=Console(stderr=True))
        self._bar.start()
        self._task = self._bar.add_task("grading", total=total)

    def advance(self, line: str) -> None:
        if self._bar is not None:
            from rich.markup import escape

            self._bar.update(self._task, advance=1, description=escape(_plain(line, 60)))

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


class LineProgress:
    """One line per phase and per notebook on stderr (logs, pipes, CI)."""

    def __init__(self) -> None:
        self._done = self._total = 0

    def phase(self, text: str) -> None:
        click.echo(_plain(text, 200), err=True)

    def start(self, total: int) -> None:
        self._done, self._total = 0, total

    def advance(self, line: str) -> None:
        self._done += 1
        click.echo(f"[{self._done}/{self._total}] {_plain(line, 200)}", err=True)

    def stop(self) -> None:
        pass


def progress_for(app: App) -> Progress:
    """A rich bar on an interactive terminal, plain lines on stderr elsewhere, silence under --json."""
    if app.json:
        return NoProgress()
    return RichProgress() if sys.stderr.isatty() else LineProgress()
