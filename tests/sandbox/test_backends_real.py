"""Sandbox edges on real backends (issue 15): the CPU controller of forked kernels, docker-fork's one
submission at a time, and the sandbox user's identity on the host."""
from __future__ import annotations

import threading
import time

import pytest

from grader.sandbox import get_sandbox
from grader.sandbox.docker import DockerSandbox
from grader.sandbox.fork import ForkSandbox
from grader.sandbox.limits import Limits

pytestmark = pytest.mark.slow

_FORK = ForkSandbox().unavailable_reason()
_DOCKER = DockerSandbox().unavailable_reason()


@pytest.mark.skipif(_FORK is not None, reason=f"fork unavailable: {_FORK}")
def test_forked_kernels_have_a_cpu_controller():
    session = get_sandbox("fork").open(Limits(cpus=0.5, cell_s=10, total_s=60))
    try:
        session.connect()
        group = session._run.cgroup
        if group.cpu_quota() is None:
            pytest.skip("this machine has no cgroup CPU controller")
        assert group.cpu_quota() == (50_000, 100_000)
    finally:
        session.close()


@pytest.mark.docker
@pytest.mark.skipif(_DOCKER is not None, reason=f"docker unavailable: {_DOCKER}")
def test_docker_fork_grades_one_submission_at_a_time():
    sandbox = get_sandbox("docker-fork")
    limits = Limits(cell_s=10, total_s=60)
    first = sandbox.open(limits)
    opened_second = threading.Event()
    second: list = []

    def open_second() -> None:
        second.append(sandbox.open(limits))
        opened_second.set()

    thread = threading.Thread(target=open_second, daemon=True)
    thread.start()
    try:
        assert first.run_cells([(0, "x = 1")], time.monotonic() + 30).state == "ok"
        assert not opened_second.wait(2.0), "a second session was started in a busy docker-fork container"
    finally:
        first.close()
    assert opened_second.wait(60), "the queued session never started after the first closed"
    try:
        assert second[0].run_cells([(0, "y = 2")], time.monotonic() + 30).state == "ok"
    finally:
        second[0].close()
        thread.join()


_BWRAP = __import__("grader.sandbox.bwrap", fromlist=["BwrapSandbox"]).BwrapSandbox().unavailable_reason()


@pytest.mark.skipif(_BWRAP is not None, reason=f"bwrap unavailable: {_BWRAP}")
def test_the_stdin_channel_is_never_connected_and_input_fails_at_once():
    session = get_sandbox("bwrap").open(Limits(cell_s=20, total_s=60))
    try:
        started = time.monotonic()
        outcome = session.run_cells([(0, "input('password? ')")], time.monotonic() + 30)
        assert outcome.state == "error" and outcome.failure.ename == "StdinNotImplementedError", outcome
        assert time.monotonic() - started < 15
        assert set(session.client._channels) == {"shell", "iopub", "control"}
    finally:
        session.close()
