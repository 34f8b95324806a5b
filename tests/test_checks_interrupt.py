"""Ctrl-C while the hidden checks run stops the grader; it is never turned into a verdict or a suite error."""
from __future__ import annotations

import pytest

from grader import checks
from grader.problems import get_problem


def test_an_interrupted_check_run_is_an_interrupt_not_a_result(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks.pytest, "main", lambda *a, **k: pytest.ExitCode.INTERRUPTED)
    monkeypatch.setattr(checks, "_collected", {})  # nothing collected earlier in this process is reused
    problem = get_problem("mle-act-softmax")
    with pytest.raises(KeyboardInterrupt):
        checks.run_checks(problem, learner=object())  # type: ignore[arg-type]
    with pytest.raises(KeyboardInterrupt):
        checks.list_checks(problem)
