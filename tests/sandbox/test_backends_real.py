"""Sandbox edges on real backends (issue 15): the CPU controller of forked kernels, docker-fork's one
submission per container, and the stdin channel that is never connected."""
from __future__ import annotations

import time
from typing import Any

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
    session: Any = get_sandbox("fork").open(Limits(cpus=0.5, cell_s=10, total_s=60))
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
def test_docker_fork_never_grades_two_submissions_in_one_container():
    """Concurrent sessions of one grader process (a multi-threaded worker) get containers of their own; a
    container is reused only once its session closed."""
    sandbox = get_sandbox("docker-fork")
    limits = Limits(cell_s=10, total_s=90)

    def container_of(session) -> str:
        return session._launcher._template.container.id

    first, second = sandbox.open(limits), sandbox.open(limits)
    try:
        assert container_of(first) != container_of(second)
        for session in (first, second):
            assert session.run_cells([(0, "x = 1")], time.monotonic() + 60).state == "ok"
        used = container_of(first)
    finally:
        first.close()
    third = sandbox.open(limits)
    try:
        assert container_of(third) == used  # the free one, not a third container
        assert third.run_cells([(0, "y = 2")], time.monotonic() + 60).state == "ok"
    finally:
        third.close()
        second.close()


_BWRAP = __import__("grader.sandbox.bwrap", fromlist=["BwrapSandbox"]).BwrapSandbox().unavailable_reason()


@pytest.mark.skipif(_BWRAP is not None, reason=f"bwrap unavailable: {_BWRAP}")
def test_the_stdin_channel_is_never_connected_and_input_fails_at_once():
    session: Any = get_sandbox("bwrap").open(Limits(cell_s=20, total_s=60))
    try:
        started = time.monotonic()
        outcome = session.run_cells([(0, "input('password? ')")], time.monotonic() + 30)
        assert outcome.state == "error" and outcome.failure.ename == "StdinNotImplementedError", outcome
        assert time.monotonic() - started < 15
        assert set(session.client._channels) == {"shell", "iopub", "control"}
    finally:
        session.close()
