"""Grader failures as exceptions that carry their CLI exit code (learner failures are statuses)."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The command-line contract's exit codes (CLI.md)."""

    OK = 0  # success; for grading: every graded notebook passed
    NOT_PASSED = 1  # graded, but not passed
    USAGE = 2  # bad usage or bad input
    INTERNAL = 3  # the grader itself could not run
    INTERRUPTED = 130  # Ctrl-C or SIGTERM


class GraderError(Exception):
    """Base class: `exit_code` is what the CLI exits with; the message is one or two lines."""

    exit_code: int = ExitCode.INTERNAL


class UsageError(GraderError):
    """Bad usage or bad input: unknown problem, unreadable file, bad flag value."""

    exit_code = ExitCode.USAGE


class ProblemFormatError(GraderError):
    """A problem folder is malformed (names the file and field)."""

    exit_code = ExitCode.INTERNAL


class SandboxUnavailable(GraderError):
    """The requested sandbox cannot run on this machine (says why and what to do)."""

    exit_code = ExitCode.INTERNAL


class StoreError(GraderError):
    """The results database cannot be opened or migrated."""

    exit_code = ExitCode.INTERNAL


class MissingExtra(GraderError):
    """An optional feature's packages are not installed (names the pip extra that brings them)."""

    exit_code = ExitCode.INTERNAL
