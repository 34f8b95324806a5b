"""Driving the command line in-process, as click's CliRunner does: exit code, stdout and stderr apart."""
from __future__ import annotations

from click.testing import CliRunner

from grader.cli import cli


def invoke(*argv: str, input: str | None = None) -> tuple[int, str, str]:
    """Run `grader ARGV...` in this process; returns (exit code, stdout, stderr)."""
    result = CliRunner().invoke(cli, list(argv), input=input, prog_name="grader", catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr
