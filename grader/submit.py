"""Grading notebook files and recording each attempt: the one loop behind `submit` and `exam submit`.

`grade_parsed` is the step every grading path shares (batch workers too): a parsed notebook is
graded, an unreadable one becomes its `invalid` row. `EarlySession` lets a single `submit` boot its
sandbox while the grader imports the checks machinery.
"""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from grader.errors import GraderError, StoreError, UsageError
from grader.notebook import MAX_NOTEBOOK_BYTES, InvalidNotebook, Notebook, problem_hint, read_notebook
from grader.vocab import AttemptKind, SandboxName

if TYPE_CHECKING:  # the heavy modules are imported where they are used, after an early sandbox start
    from grader.grading import GradeResult
    from grader.problems import Problem
    from grader.sandbox.base import Sandbox, Session
    from grader.store import Store


def problem_for(path: Path, hint: str | None, explicit: str | None) -> Problem:
    """The problem a notebook is for: `explicit` (--problem), else its metadata's hint, else its file name."""
    from grader.problems import get_problem

    if explicit:
        return get_problem(explicit)
    for pid in (hint, path.stem):
        if pid:
            try:
                return get_problem(pid)
            except UsageError:
                continue
    raise UsageError(f"{path}: cannot tell which problem this notebook is for; pass --problem ID "
                     "or name the file <problem-id>.ipynb")


def read_parsed(path: Path) -> Notebook | InvalidNotebook:
    """The parsed notebook at `path`, or why it is not gradable (UsageError when there is no such file)."""
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    try:
        return read_notebook(path)
    except InvalidNotebook as exc:
        return exc


def grade_parsed(parsed: Notebook | InvalidNotebook, problem: Problem, sandbox: Sandbox, name: str,
                 session: Session | None = None) -> GradeResult:
    """Grade a parsed notebook, or record why it is not gradable as its `invalid` row (closing `session`)."""
    from grader.checks import list_checks
    from grader.grading import grade, invalid_result

    if isinstance(parsed, InvalidNotebook):
        if session is not None:
            session.close()
        return invalid_result(problem.id, name, str(parsed), sandbox, total=len(list_checks(problem)))
    return grade(parsed, problem, sandbox, name, session=session)


@dataclass(frozen=True)
class Entry:
    """One notebook file to grade and how its attempt is recorded."""

    path: Path
    problem: str | None = None  # an exam's problem, or --problem; else the metadata or the file name says
    kind: str = AttemptKind.PRACTICE
    exam_id: str | None = None


def grade_files(entries: Iterable[Entry], sandbox: Sandbox, store: Store,
                early: EarlySession | None = None) -> Iterator[GradeResult]:
    """Grade each entry in turn and record it at once; yields each result with its attempt id."""
    for entry in entries:
        started = time.time()
        parsed = read_parsed(entry.path)
        hint = parsed.problem_hint if isinstance(parsed, Notebook) else None
        problem = problem_for(entry.path, hint, entry.problem)
        session = early.take(problem.id) if early is not None else None
        result = grade_parsed(parsed, problem, sandbox, str(entry.path), session)
        try:
            attempt_id = store.record(result, started, kind=entry.kind, exam_id=entry.exam_id)
        except StoreError as exc:  # a graded result is never lost: kept in the journal until the next run
            from grader import journal

            kept = journal.keep(store, journal.attempt_entry(result, started, entry.kind, entry.exam_id))
            yield replace(result, extra={**result.extra, "unsaved": str(exc), "journal": str(kept) if kept else None})
            continue
        yield replace(result, attempt_id=attempt_id)


def peek_problem(path: Path, explicit: str | None) -> Problem | None:
    """The problem a notebook file is for, from a quick read (None when that is not clear yet: grading says why)."""
    try:
        if path.stat().st_size > MAX_NOTEBOOK_BYTES:
            return None
        raw = json.loads(path.read_bytes())
        return problem_for(path, problem_hint(raw.get("metadata") if isinstance(raw, dict) else None), explicit)
    except (OSError, ValueError, RecursionError, GraderError):
        return None


class EarlySession:
    """One notebook's sandbox, started before the grader's heavy imports so that it boots meanwhile.
    A container is started from a thread (the docker API mostly waits on dockerd); a process-based
    sandbox starts at once (forking while another thread imports would not be safe)."""

    def __init__(self, path: Path, explicit: str | None, sandbox: Sandbox):
        self.problem_id: str | None = None
        self.session: Session | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        problem = peek_problem(path, explicit)
        if problem is None:
            return  # not clear yet: the normal path reports it
        self.problem_id = problem.id
        if sandbox.name == SandboxName.DOCKER:
            self._thread = threading.Thread(target=self._open, args=(sandbox, problem), daemon=True)
            self._thread.start()
        else:
            self._open(sandbox, problem)

    def _open(self, sandbox: Sandbox, problem: Problem) -> None:
        try:
            self.session = sandbox.open(problem.limits)
        except BaseException as exc:  # noqa: BLE001 - raised again, in the grading thread, by take()
            self._error = exc

    def take(self, problem_id: str) -> Session | None:
        """The session when it was opened for `problem_id`, else None."""
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self.session if problem_id == self.problem_id else None

    def close(self) -> None:
        if self._thread is not None:
            self._thread.join()
        if self.session is not None:
            self.session.close()  # idempotent: normally grading closed it already
