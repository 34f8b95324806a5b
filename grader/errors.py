"""Grader failures as exceptions that carry their CLI exit code (learner failures are statuses)."""
from __future__ import annotations


class GraderError(Exception):
    """Base class: `exit_code` is what the CLI exits with; the message is one or two lines."""

    exit_code = 3


class UsageError(GraderError):
    """Bad usage or bad input: unknown problem, unreadable file, bad flag value."""

    exit_code = 2


class ProblemFormatError(GraderError):
    """A problem folder is malformed (names the file and field)."""

    exit_code = 3


class SandboxUnavailable(GraderError):
    """The requested sandbox cannot run on this machine (says why and what to do)."""

    exit_code = 3


class StoreError(GraderError):
    """The results database cannot be opened or migrated."""

    exit_code = 3
