"""The attack suite's detectors must be able to fail: each is shown a simulated escape (no sandbox needed)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from grader import gradebook
from grader.checks import CheckOutcome
from grader.grading import GradeResult
from tests.attacks.harness import (Arena, AttackSucceeded, check_outputs, html_problems, outputs_of, report_of,
                                   row_of)


def _result(message: str = "", ename: str = "ValueError") -> GradeResult:
    return GradeResult(problem="mle-act-softmax", notebook="n.ipynb", status="failed", checks_passed=0, checks_total=1,
                       checks=(CheckOutcome("test_worked_example", "The worked example.", "error", message),),
                       error={"cell": 1, "ename": ename, "evalue": message}, sandbox="bwrap")


def test_a_marker_written_outside_is_caught_and_removed(arena: Arena) -> None:
    arena.markers[1].write_text("escaped")
    with pytest.raises(AttackSucceeded, match="created"):
        arena.check_markers()
    assert not arena.markers[1].exists()
    arena.secret_file.write_text("changed")
    with pytest.raises(AttackSucceeded, match="changed"):
        arena.check_markers()


def test_a_connection_to_the_trap_is_caught(arena: Arena) -> None:
    socket.create_connection(("127.0.0.1", arena.trap.port), timeout=2).close()
    deadline = time.monotonic() + 5
    while not arena.trap.since(arena.t0) and time.monotonic() < deadline:
        time.sleep(0.05)
    with pytest.raises(AttackSucceeded, match="network"):
        arena.check_network()


def test_a_process_named_after_the_token_is_caught(arena: Arena) -> None:
    code = f"import ctypes, time; ctypes.CDLL(None).prctl(15, b'{arena.token}', 0, 0, 0); time.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    try:
        time.sleep(0.5)
        with pytest.raises(AttackSucceeded, match="outlived"):
            arena.check_leftovers(wait_s=0.5)
    finally:
        proc.kill()
        proc.wait()


def test_hidden_source_or_secrets_in_any_output_are_caught(arena: Arena, needles: list[str], tmp_path) -> None:
    leak = _result("your code raised ValueError: " + needles[1])
    with pytest.raises(AttackSucceeded, match="hidden test"):
        check_outputs(outputs_of([leak], tmp_path / "a"), needles, arena.secrets())
    secret = _result(f"your code raised ValueError: {arena.host_secret}")
    with pytest.raises(AttackSucceeded, match="secret"):
        check_outputs(outputs_of([secret], tmp_path / "b"), needles, arena.secrets())
    check_outputs(outputs_of([_result("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")], tmp_path / "c"),
                  needles, arena.secrets())


def test_active_html_is_caught() -> None:
    page = gradebook.feedback_html(row_of(_result("x")))
    assert html_problems(page) == []
    assert html_problems(page.replace("<code>x</code>", "<img src=x onerror=alert(1)>"))
    assert html_problems(page.replace("<code>x</code>", "<a href='javascript:alert(1)'>x</a>"))
    assert html_problems(page.replace("<code>x</code>", "<script>alert(1)</script>"))
    assert html_problems(page.replace("Content-Security-Policy", "X"))


def test_attack_reports_are_read_back() -> None:
    assert report_of(_result('your code raised LookupError: ATK {"hits":0,"first":[]} tail')) == {"hits": 0, "first": []}
    assert report_of(_result("nothing here")) is None


def test_being_led_to_a_host_socket_or_file_is_caught(arena: Arena) -> None:
    assert arena.host is not None
    arena.check_network()  # nothing yet
    fd = os.open(arena.host.fifo, os.O_RDONLY)  # what a grader opening a kernel-named path would do: the trap unblocks it
    os.close(fd)
    deadline = time.monotonic() + 5
    while not arena.host.since(arena.t0) and time.monotonic() < deadline:
        time.sleep(0.05)
    with pytest.raises(AttackSucceeded, match="led to a host"):
        arena.check_network()
    arena.t0 = time.time() + 0.01
    time.sleep(0.02)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(str(arena.host.sock_path))
    s.close()
    deadline = time.monotonic() + 5
    while not arena.host.since(arena.t0) and time.monotonic() < deadline:
        time.sleep(0.05)
    with pytest.raises(AttackSucceeded, match="connect"):
        arena.check_network()
