"""Running a problem's hidden pytest checks on the trusted side.

pytest runs in this (trusted) process with the hidden test file; the learner's code is reached
only through the `learner` fixture (a proxy into the sandbox). Assertion rewriting is off and
messages are built from the exception alone, capped, so no test source reaches the learner.
"""
from __future__ import annotations

import importlib.util
import re
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from grader.problems import Problem
from grader.proxy import Learner, ProtocolError, RemoteError
from grader.sandbox.base import CallTimeout, SessionDead

MESSAGE_CAP = 300
_INI = Path(__file__).with_name("pytest_empty.ini")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_lock = threading.Lock()


@dataclass(frozen=True)
class CheckOutcome:
    """One hidden check's verdict as the learner sees it."""

    name: str
    description: str
    outcome: str  # passed | failed | error
    message: str

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "description": self.description, "outcome": self.outcome, "message": self.message}


def clean_text(text: str, cap: int = MESSAGE_CAP) -> str:
    """Printable, single-spaced, capped text (messages can carry learner-controlled strings)."""
    text = _CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " ").replace("\t", " "))
    text = re.sub(r" {2,}", " ", text).strip()
    return text if len(text) <= cap else text[: cap - 1] + "…"


def describe_failure(exc: BaseException) -> tuple[str, str]:
    """(outcome, message) for an exception raised while a check ran."""
    if isinstance(exc, RemoteError):
        return "error", clean_text(f"your code raised {getattr(exc, 'remote_type', type(exc).__name__)}: {exc}")
    if isinstance(exc, CallTimeout):
        return "failed", clean_text(f"timed out: {exc}")
    if isinstance(exc, SessionDead):
        return "error", clean_text(f"the sandbox stopped: {exc}")
    if isinstance(exc, ProtocolError):
        return "error", clean_text(f"unusable answer from the notebook: {exc}")
    if isinstance(exc, AssertionError):
        return "failed", clean_text(str(exc) or "the result is not what the problem asks for")
    if isinstance(exc, pytest.fail.Exception):  # e.g. pytest.raises: "DID NOT RAISE ValueError"
        return "failed", clean_text(str(exc).replace("DID NOT RAISE", "your code did not raise"))
    from grader.codec import CodecError

    if isinstance(exc, CodecError):
        return "failed", clean_text(f"unsupported return value: {exc}")
    return "error", clean_text(f"check could not run: {type(exc).__name__}: {exc}")


_reference_cache: dict[Path, ModuleType] = {}


def load_reference(problem: Problem) -> ModuleType:
    """The reference solution as a trusted-side module (an oracle for the checks)."""
    path = problem.solution_path
    module = _reference_cache.get(path)
    if module is None:
        name = f"_grader_reference_{problem.id.replace('-', '_')}"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _reference_cache[path] = module
    return module


@dataclass(frozen=True)
class CheckInfo:
    """One hidden check as collected (never run): its name, description and the rules it covers."""

    name: str
    description: str
    covers: tuple[str, ...]


def covered_rules(func: Callable[..., Any] | None) -> tuple[str, ...]:
    """The rule ids a check function declares with `checklib.covers` (empty when it declares none)."""
    value = getattr(func, "__grader_covers__", ())
    return tuple(str(v) for v in value) if isinstance(value, tuple) else ()


# "(rule G1)", "(rules G1, G2)", "(G1)" (the bank's global rules), "rule G3: ..."; not "(L2)" or "a rule of thumb":
# labels for authors (problem-bank.md); a learner reads a check's description without them
_RULE_LABEL = re.compile(r"\s*\((?:see )?(?:rules? [A-Z]|G)\d+(?:\s*(?:,|and)\s*[A-Z]?\d+)*\)|\brules? [A-Z]\d+:\s*")


def drop_rule_labels(text: str) -> str:
    """`text` without the problem bank's internal rule labels."""
    return _RULE_LABEL.sub("", text)


class _Plugin:
    """Fixtures for hidden checks, and the collector of their outcomes."""

    def __init__(self, problem: Problem, learner: Learner | None):
        self.problem = problem
        self._learner = learner
        self.outcomes: dict[str, CheckOutcome] = {}
        self.order: list[str] = []
        self.descriptions: dict[str, tuple[str, str]] = {}
        self.covers: dict[str, tuple[str, ...]] = {}
        self.collect_errors: list[str] = []

    @pytest.fixture
    def learner(self) -> Learner:
        assert self._learner is not None
        return self._learner

    @pytest.fixture
    def reference(self) -> ModuleType:
        return load_reference(self.problem)

    def pytest_collection_modifyitems(self, items: list[Any]) -> None:
        for item in items:
            doc = (getattr(getattr(item, "function", None), "__doc__", None) or "").strip()
            line = drop_rule_labels(doc.splitlines()[0]) if doc else ""
            self.descriptions[item.nodeid] = (item.name, line)
            self.covers[item.nodeid] = covered_rules(getattr(item, "function", None))
            self.order.append(item.nodeid)

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed:
            self.collect_errors.append(str(report.longrepr)[-500:])

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: Any, call: Any) -> Any:
        yield
        if call.when == "teardown":
            return
        name, desc = self.descriptions.get(item.nodeid, (item.name, ""))
        if call.excinfo is None:
            if call.when == "call":
                self.outcomes[item.nodeid] = CheckOutcome(name, desc, "passed", "")
            return
        if call.excinfo.errisinstance(pytest.skip.Exception):
            self.outcomes[item.nodeid] = CheckOutcome(name, desc, "error", "check skipped")
            return
        outcome, message = describe_failure(call.excinfo.value)
        self.outcomes.setdefault(item.nodeid, CheckOutcome(name, desc, outcome, message))


class CheckSuiteError(Exception):
    """The hidden checks themselves could not be loaded (a problem-bank bug, not the learner's)."""


def _pytest_args(problem: Problem, collect_only: bool, select: Sequence[str] | None = None,
                 fail_fast: bool = False) -> list[str]:
    targets = [f"{problem.tests_path}::{name}" for name in select] if select is not None else [str(problem.tests_path)]
    args = [*targets, "-c", str(_INI), "--rootdir", str(problem.path.parent.parent),
            "--import-mode=importlib", "--assert=plain", "-p", "no:cacheprovider", "-p", "no:terminal",
            "-p", "no:stepwise", "-p", "no:doctest", "-p", "no:faulthandler", "-p", "no:pastebin",
            "-p", "no:junitxml", "-p", "no:logging", "-p", "no:unraisableexception", "--capture=sys", "-o", "addopts=",
            "--disable-plugin-autoload"]  # no installed pytest plugin runs beside the hidden checks
    return args + (["--collect-only"] if collect_only else []) + (["--exitfirst"] if fail_fast else [])


def _run(problem: Problem, learner: Learner | None, collect_only: bool, select: Sequence[str] | None = None,
         fail_fast: bool = False) -> _Plugin:
    plugin = _Plugin(problem, learner)
    with _lock:  # pytest.main is not re-entrant across threads
        saved_path, saved_modules = list(sys.path), set(sys.modules)
        try:
            code = pytest.main(_pytest_args(problem, collect_only, select, fail_fast), plugins=[plugin])
        finally:
            sys.path[:] = saved_path
            # The check file is imported afresh for every run: no module state is shared between two
            # submissions, and an edited file is never served from an earlier import.
            for name in set(sys.modules) - saved_modules:
                if str(getattr(sys.modules[name], "__file__", "") or "").startswith(str(problem.path)):
                    del sys.modules[name]
    if code == pytest.ExitCode.INTERRUPTED:  # Ctrl-C reached the grader while checks ran: never a verdict
        raise KeyboardInterrupt
    if plugin.collect_errors or (code not in (0, 1) and not plugin.order):
        detail = plugin.collect_errors[0] if plugin.collect_errors else f"pytest exit code {int(code)}"
        raise CheckSuiteError(f"{problem.tests_path}: the hidden checks could not be collected: {detail}")
    return plugin


_collected: dict[tuple[Path, str], list[CheckInfo]] = {}


def check_infos(problem: Problem) -> list[CheckInfo]:
    """Every hidden check with its description and covered rules, without running any (cached per version)."""
    key = (problem.tests_path, problem.version)
    if key not in _collected:
        plugin = _run(problem, None, collect_only=True)
        _collected[key] = [CheckInfo(*plugin.descriptions[n], plugin.covers[n]) for n in plugin.order]
    return list(_collected[key])


def list_checks(problem: Problem) -> list[tuple[str, str]]:
    """(name, description) of every hidden check, without running any (cached per problem version)."""
    return [(c.name, c.description) for c in check_infos(problem)]


def run_checks(problem: Problem, learner: Learner, *, select: Sequence[str] | None = None,
               fail_fast: bool = False) -> list[CheckOutcome]:
    """Run the hidden checks (all, or the named ones in `select`) against the learner's code, in file order.

    One outcome per check; with `fail_fast` the run stops at the first check that does not pass and only
    the checks that ran are returned (proving a mutant wrong needs one failing check, not all of them).
    """
    if select is not None and not select:
        return []
    plugin = _run(problem, learner, collect_only=False, select=select, fail_fast=fail_fast)
    results = []
    for nodeid in plugin.order:
        name, desc = plugin.descriptions[nodeid]
        outcome = plugin.outcomes.get(nodeid)
        if outcome is None and fail_fast:
            continue
        results.append(outcome or CheckOutcome(name, desc, "error", "check did not run"))
    return results
