"""The batch progress bar: rich on a terminal, nothing under --json or when stderr is not a terminal."""
from __future__ import annotations

import sys
from typing import Any

from grader.batch_run import NoProgress, Progress
from grader.cli.base import TERMINAL_UNSAFE, App


class RichProgress:
    """A transient rich bar on stderr, its description the last notebook graded."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None

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

            self._bar.update(self._task, advance=1, description=escape(TERMINAL_UNSAFE.sub("?", line[:60])))

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def progress_for(app: App) -> Progress:
    """Rich progress on an interactive terminal, silence otherwise (--json, CI logs, tests)."""
    return RichProgress() if not app.json and sys.stderr.isatty() else NoProgress()
