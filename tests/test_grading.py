"""The pipeline above the sandbox, over the fake backend (fast)."""
import json

import pytest

from grader.checks import CheckOutcome, clean_text, describe_failure, list_checks
from grader.grading import grade
from grader.proxy import remote_exception
from grader.sandbox.base import CallTimeout, RunOutcome, Sandbox, Session
from grader.sandbox.fake import FakeSandbox
from tests.conftest import SOFTMAX_OK, SOFTMAX_WRONG, notebook


def test_correct_solution_passes_every_check(softmax_problem):
    r = grade(notebook(SOFTMAX_OK), softmax_problem, FakeSandbox(), "ok.ipynb")
    assert r.status == "passed" and r.checks_passed == r.checks_total == len(list_checks(softmax_problem))
    assert all(isinstance(c, CheckOutcome) and c.description for c in r.checks)


def test_wrong_solution_fails_with_descriptions_and_short_messages(softmax_problem):
    r = grade(notebook(SOFTMAX_WRONG), softmax_problem, FakeSandbox(), "wrong.ipynb")
    assert r.status == "failed" and 0 < r.checks_passed < r.checks_total
    failed = [c for c in r.checks if c.outcome != "passed"]
    assert failed and all(c.description and len(c.message) <= 300 for c in failed)


def test_raising_cell_is_an_error_with_cell_and_exception(softmax_problem):
    r = grade(notebook(SOFTMAX_OK, "softmax(1, 2, 3)"), softmax_problem, FakeSandbox(), "raise.ipynb")
    assert r.status == "error" and r.checks_passed == 0 and r.error is not None
    assert r.error == {"cell": 1, "ename": "TypeError", "evalue": r.error["evalue"], "code_cell": 2,
                       "first_line": "softmax(1, 2, 3)"} and r.error["evalue"]


def test_missing_function_is_invalid_before_running(softmax_problem):
    r = grade(notebook("x = 1"), softmax_problem, FakeSandbox(), "none.ipynb")
    assert r.status == "invalid" and r.error is not None and "softmax" in r.error["evalue"]


def test_function_defined_only_at_run_time_is_found(softmax_problem):
    src = SOFTMAX_OK.replace("def softmax(", "def _impl(") + "\nglobals()['softmax'] = _impl\n"
    r = grade(notebook("softmax = None", src), softmax_problem, FakeSandbox(), "late.ipynb")
    assert r.status == "passed"


def test_name_bound_to_a_non_function_is_an_error(softmax_problem):
    r = grade(notebook("import numpy as np\nsoftmax = 3"), softmax_problem, FakeSandbox(), "three.ipynb")
    assert r.status == "error" and r.error is not None and "did not define softmax" in r.error["evalue"]


def test_forbidden_import_is_invalid(softmax_problem):
    r = grade(notebook("import scipy.special\nsoftmax = scipy.special.softmax"), softmax_problem, FakeSandbox(), "x")
    assert r.status == "invalid" and r.error is not None and "scipy" in r.error["evalue"]


def test_failure_descriptions():
    assert describe_failure(AssertionError("shape (2,), expected (3,)")) == ("failed", "shape (2,), expected (3,)")
    assert describe_failure(AssertionError())[0] == "failed"
    outcome, msg = describe_failure(remote_exception({"module": "builtins", "type": "KeyError", "message": "'x'"}))
    assert outcome == "error" and msg.startswith("your code raised KeyError")
    assert describe_failure(CallTimeout("no answer within 2 s"))[1] == "timed out: no answer within 2 s"
    with pytest.raises(pytest.fail.Exception) as info, pytest.raises(ValueError):
        pass
    assert describe_failure(info.value) == ("failed", "your code did not raise ValueError")


def test_clean_text_strips_control_sequences_and_caps():
    assert clean_text("a\x1b[31mred\x07\nline") == "a [31mred line"
    assert len(clean_text("x" * 1000)) == 300


def test_a_tampered_call_channel_ends_as_an_error_row(softmax_problem, monkeypatch):
    from grader.sandbox.fake import FakeSession

    monkeypatch.setattr(FakeSession, "request", lambda self, text, timeout: '{"ok": "forged"}')
    r = grade(notebook(SOFTMAX_OK), softmax_problem, FakeSandbox(), "forged.ipynb")
    assert r.status == "error" and r.error is not None and r.error["ename"] == "ProtocolError"


def test_a_session_opened_beforehand_is_used_and_closed(softmax_problem):
    from grader.sandbox.fake import FakeSession

    sandbox = FakeSandbox()
    early = sandbox.open(softmax_problem.limits)
    assert isinstance(early, FakeSession)
    r = grade(notebook(SOFTMAX_OK), softmax_problem, sandbox, "ok.ipynb", session=early)
    assert r.status == "passed" and early.closed and early.agent is not None  # it graded in that session
    unused = sandbox.open(softmax_problem.limits)
    assert isinstance(unused, FakeSession)
    r = grade(notebook("import os\nx = 1"), softmax_problem, sandbox, "bad.ipynb", session=unused)
    assert r.status == "invalid" and unused.closed and unused.agent is None  # never ran, still closed


# ---------------------------------------------------------------- hostile answers end as one row (issue 15)

class _ScriptedSession(Session):
    """A session whose kernel ran every cell and then answers every call with `answer()`."""

    def __init__(self, answer):
        self.answer = answer

    def run_cells(self, cells, deadline):
        return RunOutcome("ok")

    def install_agent(self, source):
        pass

    def request(self, text, timeout):
        return self.answer()

    def close(self):
        pass


class _ScriptedSandbox(Sandbox):
    name = "scripted"

    def __init__(self, answer):
        self.answer = answer

    def unavailable_reason(self):
        return None

    def open(self, limits):
        return _ScriptedSession(self.answer)


def _raise(exc):
    raise exc


@pytest.mark.parametrize("answer", [
    lambda: json.dumps({"ok": False,
                        "error": {"type": "Value\x00Error", "module": "builtins", "mro": [], "message": "x"}}),
    lambda: json.dumps({"ok": False, "error": {"type": "\x1b[2J" + "E" * 4_000_000, "module": "\x00", "mro": [[1]],
                                               "message": "\x1b]0;passed 10/10\x07"}}),
    lambda: json.dumps({"ok": True, "value": ["\x00" * 1000]}),
    lambda: _raise(RuntimeError("the transport broke \x1b[31m")),
])
def test_a_hostile_answer_to_the_first_question_is_the_notebooks_row(softmax_problem, answer):
    r = grade(notebook(SOFTMAX_OK), softmax_problem, _ScriptedSandbox(answer), "hostile.ipynb")
    assert r.status == "error" and r.checks_passed == 0 and r.error is not None
    assert r.error["ename"] == "ProtocolError"
    assert len(r.error["evalue"]) <= 300 and "\x1b" not in r.error["evalue"] and "\x00" not in r.error["evalue"]
