"""What every command shares: the app object (`ctx.obj`), output, the shared options and error handling.

Only this package prints and exits. A command returns its exit code (0 passed, 1 not passed); a
grader failure is an exception whose type carries the code (grader/errors.py), shown as one line.
"""
from __future__ import annotations

import json
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from grader.errors import ExitCode, GraderError
from grader.vocab import AUTO, SandboxName, Track

if TYPE_CHECKING:
    from grader.store import Store

F = TypeVar("F", bound=Callable[..., Any])
TERMINAL_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SANDBOX_CHOICES = (AUTO, *(s.value for s in SandboxName))  # values: click shows an enum's names
TRACK_CHOICES = tuple(t.value for t in Track)


def terminal_safe(text: str) -> str:
    """Control characters (from file names or notebook text) shown escaped, never sent to the terminal."""
    return TERMINAL_UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class App:
    """`ctx.obj`: the results database (opened on first use) and where output goes (`--json`)."""

    def __init__(self) -> None:
        self.db: str | None = None
        self.json = False
        self._store: Store | None = None

    def store(self) -> Store:
        """The results database; results a run before could not store (journal.py) are stored first."""
        if self._store is None:
            from grader import journal
            from grader.store import Store, default_db_path

            self._store = Store(self.db or default_db_path())
            try:
                done = journal.import_pending(self._store)
            except GraderError as exc:
                self.note(f"warning: results kept in a journal could not be stored yet: {exc}")
            else:
                if done.count:
                    self.note(f"imported {done.count} results graded earlier while the database could not be "
                              f"written (from {', '.join(map(str, done.paths))})")
        return self._store

    def existing_store(self) -> Store | None:
        """The results database when it exists (a read that must not create one), else None."""
        if self._store is None:
            from grader.store import default_db_path

            path = self.db or default_db_path()
            if str(path) != ":memory:" and not Path(path).exists():
                return None
        return self.store()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def say(self, text: str = "") -> None:
        """Human text: to stdout, or to stderr under --json (stdout then holds only the JSON document)."""
        click.echo(terminal_safe(text), err=self.json)

    def note(self, text: str) -> None:
        """Notices and warnings: always to stderr."""
        click.echo(terminal_safe(text), err=True)

    def emit(self, doc: Any) -> None:
        """The one JSON document of a command run with --json (nothing without it)."""
        if self.json:
            click.echo(json.dumps(doc))


pass_app = click.make_pass_decorator(App, ensure=True)


def _set_json(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    ctx.ensure_object(App).json = ctx.ensure_object(App).json or value


def _set_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.ensure_object(App).db = value


def json_option(f: F) -> F:
    return click.option("--json", is_flag=True, expose_value=False, callback=_set_json,
                        help="Print one JSON document on stdout; human text goes to stderr.")(f)


def db_option(f: F) -> F:
    return click.option("--db", metavar="PATH", expose_value=False, callback=_set_db,
                        help="Results database (default: $GRADER_DB, else ~/.local/share/grader/grader.db).")(f)


def sandbox_option(f: F) -> F:
    return click.option("--sandbox", type=click.Choice(SANDBOX_CHOICES), default=AUTO, show_default=True,
                        help="Where notebooks run; auto picks the strongest that works here "
                             "(see 'grader sandbox status').")(f)


def track_option(required: bool,
                 help_text: str = "The track: ds (data scientist) or mle (ML engineer).") -> Callable[[F], F]:
    return click.option("--track", type=click.Choice(TRACK_CHOICES), required=required, help=help_text)


def jobs_option(f: F) -> F:
    return click.option("--jobs", type=click.IntRange(min=0), default=0,
                        help="Notebooks graded at once (default: one per core).")(f)


def allow_unisolated_option(f: F) -> F:
    return click.option("--allow-unisolated", is_flag=True,
                        help="Accept the NOT ISOLATED process sandbox (no network cut, host files readable).")(f)


def _error(text: str) -> None:
    click.echo(TERMINAL_UNSAFE.sub("?", f"grader: error: {text}"), err=True)


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # unwinds through every session's clean-up, as Ctrl-C does


class GraderGroup(click.Group):
    """The root group: maps every failure to its exit code and one line on stderr, never a traceback."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        on_main_thread = threading.current_thread() is threading.main_thread()
        # SIGTERM and SIGHUP (the terminal closed) unwind like Ctrl-C: sandboxes are removed on the way out
        previous = {s: signal.signal(s, _terminate) for s in (signal.SIGTERM, signal.SIGHUP)} if on_main_thread else {}
        if on_main_thread and not standalone_mode:  # called in-process: Ctrl-C works again afterwards
            previous[signal.SIGINT] = signal.getsignal(signal.SIGINT)
        try:
            code = self._run(args, prog_name or "grader", complete_var, **extra)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, args: Sequence[str] | None, prog_name: str, complete_var: str | None, **extra: Any) -> int:
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # a group without its command
            ctx = exc.ctx
            if ctx is None or ctx.parent is None or not isinstance(ctx.command, click.Group):
                click.echo(exc.format_message(), err=True)  # `grader` alone: the whole help
            else:
                names = ", ".join(ctx.command.list_commands(ctx))
                _error(f"missing command: choose one of {names} (see '{ctx.command_path} --help')")
            return ExitCode.USAGE
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else prog_name
            _error(f"{exc.format_message()} (see '{where} --help')")
            return ExitCode.USAGE
        except click.ClickException as exc:
            _error(exc.format_message())
            return exc.exit_code
        except GraderError as exc:
            _error(str(exc))
            return int(exc.exit_code)
        except (click.Abort, KeyboardInterrupt):
            if threading.current_thread() is threading.main_thread():  # a second Ctrl-C: no traceback
                for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                    signal.signal(sig, signal.SIG_IGN)
            click.echo("grader: interrupted", err=True)
            return ExitCode.INTERRUPTED
        except Exception as exc:  # the last line of defence: one line, exit 3
            if os.environ.get("GRADER_DEBUG"):
                raise
            click.echo(f"grader: internal error: {type(exc).__name__}: {str(exc)[:300]} "
                       "(set GRADER_DEBUG=1 for a traceback)", err=True)
            return ExitCode.INTERNAL
        return int(rv) if isinstance(rv, int) else ExitCode.OK
