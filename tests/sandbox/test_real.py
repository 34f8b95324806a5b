"""Integration: real kernels in real sandboxes (bwrap where it works, and the process fallback)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader.grading import grade
from grader.proxy import Channel, Learner, agent_source
from grader.sandbox import get_sandbox
from grader.sandbox.bwrap import BwrapSandbox
from grader.sandbox.docker import OWNER_LABEL, DockerSandbox
from grader.sandbox.fork import ForkSandbox, template_containers, template_pids
from grader.sandbox.limits import Limits
from tests.attacks.harness import descendants, parent_pid
from tests.conftest import SOFTMAX_OK, SOFTMAX_WRONG, notebook, write_notebook

pytestmark = pytest.mark.slow

_BWRAP_REASON = BwrapSandbox().unavailable_reason()
needs_bwrap = pytest.mark.skipif(_BWRAP_REASON is not None, reason=f"bwrap unavailable: {_BWRAP_REASON}")
_DOCKER_REASON = DockerSandbox().unavailable_reason()
needs_docker = [pytest.mark.docker,
                pytest.mark.skipif(_DOCKER_REASON is not None, reason=f"docker unavailable: {_DOCKER_REASON}")]
_FORK_REASON = ForkSandbox().unavailable_reason()
needs_fork = pytest.mark.skipif(_FORK_REASON is not None, reason=f"fork unavailable: {_FORK_REASON}")
BACKENDS = [pytest.param("docker", marks=needs_docker), pytest.param("docker-fork", marks=needs_docker),
            pytest.param("bwrap", marks=needs_bwrap), pytest.param("fork", marks=needs_fork), "process"]
ISOLATING = [pytest.param("docker", marks=needs_docker), pytest.param("docker-fork", marks=needs_docker),
             pytest.param("bwrap", marks=needs_bwrap), pytest.param("fork", marks=needs_fork)]


def kernels() -> set[int]:
    """PIDs of processes descended from this test process (kernels, bwrap, anything they forked), but
    not the fork sandbox's template, which lives as long as this process."""
    return descendants() - template_pids()


def containers() -> set[str]:
    if _DOCKER_REASON is not None:
        return set()
    import docker

    client = docker.from_env()
    shared = template_containers()  # docker-fork's templates live as long as this process
    return {c.id for c in client.containers.list(all=True, filters={"label": f"{OWNER_LABEL}={os.getpid()}"})
            if c.id not in shared}


@pytest.fixture
def no_leftovers():
    before, before_containers = kernels(), containers()
    yield
    deadline = time.monotonic() + 5
    while kernels() - before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not kernels() - before, "a kernel outlived its grading"
    assert not containers() - before_containers, "a container outlived its grading"


def open_session(backend: str, code: str, **limits):
    session = get_sandbox(backend).open(Limits(**{"cell_s": 10, "total_s": 60, **limits}))
    outcome = session.run_cells([(0, code)], time.monotonic() + 30)
    return session, outcome


@pytest.mark.parametrize("backend", BACKENDS)
def test_pass_fail_raise(backend, softmax_problem, no_leftovers):
    sb = get_sandbox(backend)
    assert grade(notebook(SOFTMAX_OK), softmax_problem, sb, "ok").status == "passed"
    wrong = grade(notebook(SOFTMAX_WRONG), softmax_problem, sb, "wrong")
    assert wrong.status == "failed" and wrong.checks_passed < wrong.checks_total
    raised = grade(notebook(SOFTMAX_OK, "raise KeyError('nope')"), softmax_problem, sb, "raise")
    assert raised.status == "error" and raised.error["ename"] == "KeyError" and raised.error["cell"] == 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_endless_cell_times_out_and_leaves_nothing(backend, softmax_problem, no_leftovers):
    from dataclasses import replace

    problem = replace(softmax_problem, limits=replace(softmax_problem.limits, cell_s=2))
    started = time.monotonic()
    r = grade(notebook(SOFTMAX_OK, "while True:\n    pass"), problem, get_sandbox(backend), "loop")
    assert r.status == "timeout" and r.error["cell"] == 1
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("backend", BACKENDS)
def test_memory_hog_is_stopped(backend, softmax_problem, no_leftovers):
    from dataclasses import replace

    problem = replace(softmax_problem, limits=replace(softmax_problem.limits, memory_mb=400))
    hog = "blocks = []\nwhile True:\n    blocks.append(bytearray(50 * 1024 * 1024))"
    r = grade(notebook(SOFTMAX_OK, hog), problem, get_sandbox(backend), "hog")
    assert r.status == "memory"


@pytest.mark.parametrize("backend", BACKENDS)
def test_slow_call_times_out_but_later_checks_still_run(backend, no_leftovers):
    code = "import time\ndef f(x):\n    if x > 0:\n        time.sleep(60)\n    return x\n"
    session, outcome = open_session(backend, code)
    with session:
        assert outcome.state == "ok"
        session.install_agent(agent_source())
        learner = Learner(Channel(session, 1.0))
        from grader.sandbox.base import CallTimeout

        with pytest.raises(CallTimeout):
            learner.f(1)
        assert learner.f(-1) == -1


@pytest.mark.parametrize("backend", BACKENDS)
def test_kernel_sees_no_host_secrets(backend, monkeypatch, no_leftovers):
    monkeypatch.setenv("GRADER_TEST_SECRET", "s3cr3t-token")
    session, _ = open_session(backend, "import os\ndef env():\n    return dict(os.environ)")
    with session:
        session.install_agent(agent_source())
        env = Learner(Channel(session, 5.0)).env()
    assert "GRADER_TEST_SECRET" not in env and "s3cr3t-token" not in str(env)
    assert env["OPENBLAS_NUM_THREADS"] == "1"


@pytest.mark.parametrize("backend", BACKENDS)
def test_patching_assert_helpers_and_builtins_cannot_forge_a_pass(backend, softmax_problem, no_leftovers):
    patches = """
import builtins, sys, types
import numpy.testing as npt
npt.assert_allclose = lambda *a, **k: None
npt.assert_array_equal = lambda *a, **k: None
builtins.isinstance = lambda *a: True
builtins.abs = lambda x: 0
fake = types.ModuleType("pytest"); fake.main = lambda *a, **k: 0
sys.modules["pytest"] = fake
"""
    r = grade(notebook(SOFTMAX_WRONG, patches), softmax_problem, get_sandbox(backend), "forge")
    # Patching builtins can wedge IPython itself (a timeout); whatever happens, no forged pass.
    assert r.status != "passed" and r.checks_passed < r.checks_total
    gentle = "import numpy.testing as npt\nnpt.assert_allclose = lambda *a, **k: None\n" + patches.split("builtins.isinstance")[0]
    r = grade(notebook(SOFTMAX_WRONG, gentle), softmax_problem, get_sandbox(backend), "forge2")
    assert r.status == "failed" and r.checks_passed < r.checks_total


@pytest.mark.parametrize("backend", BACKENDS)
def test_objects_that_compare_equal_to_everything_are_not_accepted(backend, softmax_problem, no_leftovers):
    src = """
import numpy as np
class Anything(np.ndarray):
    def __eq__(self, other): return True
    def __array_function__(self, *a, **k): return True
def softmax(z, axis=-1):
    return np.zeros(3).view(Anything)
"""
    r = grade(notebook(src), softmax_problem, get_sandbox(backend), "eq")
    assert r.status == "failed"
    worked = next(c for c in r.checks if c.name == "test_worked_example")
    assert worked.outcome == "failed" and "should be a ndarray, got RemoteObject" in worked.message


@pytest.mark.parametrize("backend", ISOLATING)
def test_hidden_checks_and_reference_are_not_on_the_sandbox_disk(backend, softmax_problem, no_leftovers):
    probe = """
import os
def look():
    hits = []
    for root, dirs, files in os.walk("/", onerror=lambda e: None):
        if root.startswith(("/proc", "/sys", "/dev")):
            dirs[:] = []
            continue
        hits += [os.path.join(root, f) for f in files if f in ("test_hidden.py", "solution.py", "meta.yaml")]
    return hits
"""
    session, outcome = open_session(backend, probe)
    with session:
        assert outcome.state == "ok"
        session.install_agent(agent_source())
        hits = Learner(Channel(session, 60.0)).look()
    assert hits == []


@pytest.mark.parametrize("backend", ISOLATING)
def test_no_network_and_no_host_writes(backend, tmp_path, no_leftovers):
    marker = tmp_path / "escaped"
    code = f"""
import socket
def probe():
    out = {{}}
    try:
        socket.create_connection(("127.0.0.1", 22), timeout=1); out["net"] = "connected"
    except OSError as e:
        out["net"] = type(e).__name__
    try:
        open({str(marker)!r}, "w").write("x"); out["write"] = "wrote"
    except OSError as e:
        out["write"] = type(e).__name__
    return out
"""
    session, _ = open_session(backend, code)
    with session:
        session.install_agent(agent_source())
        out = Learner(Channel(session, 10.0)).probe()
    assert out["net"] != "connected" and out["write"] != "wrote"
    assert not marker.exists()


@pytest.mark.parametrize("backend", ISOLATING)
def test_fork_bomb_is_contained(backend, no_leftovers):
    """The process cap holds: forking stops with EAGAIN before the sandbox has more tasks than its pids limit."""
    bomb = """
import errno, os, time
children, failure = 0, None
try:
    while children < 5000:
        if os.fork() == 0:
            time.sleep(300)
            os._exit(0)
        children += 1
except OSError as e:
    failure = errno.errorcode.get(e.errno)
raise RuntimeError(f"{children} {failure}")
"""
    session, outcome = open_session(backend, bomb, pids=64)
    session.close()
    assert outcome.state == "error" and outcome.failure.ename == "RuntimeError", outcome
    children, failure = outcome.failure.evalue.split()
    assert failure == "EAGAIN" and 0 < int(children) < 64, outcome.failure.evalue  # the kernel's own threads count too


@pytest.mark.parametrize("backend", BACKENDS)
def test_kernel_killed_during_checks_ends_as_one_result(backend, softmax_problem, no_leftovers):
    src = "import os\ndef softmax(z, axis=-1):\n    os._exit(3)\n"
    r = grade(notebook(src), softmax_problem, get_sandbox(backend), "exit")
    assert r.status in ("failed", "error") and r.checks_passed == 0
    assert all(c.outcome == "error" for c in r.checks)


@pytest.mark.parametrize("backend", ISOLATING)
def test_root_filesystem_is_read_only_and_user_is_unprivileged(backend, no_leftovers):
    code = """
import os
def probe():
    out = {"uid": os.getuid()}
    for path in ("/usr/evil", "/etc/evil", "/opt/evil"):
        try:
            open(path, "w").write("x"); out[path] = "wrote"
        except OSError as e:
            out[path] = type(e).__name__
    return out
"""
    session, _ = open_session(backend, code)
    with session:
        session.install_agent(agent_source())
        out = Learner(Channel(session, 10.0)).probe()
    assert out.pop("uid") != 0
    assert "wrote" not in out.values()


@pytest.mark.docker
@pytest.mark.skipif(_DOCKER_REASON is not None, reason=f"docker unavailable: {_DOCKER_REASON}")
def test_docker_attempts_record_the_image_digest(softmax_problem, no_leftovers):
    r = grade(notebook(SOFTMAX_OK), softmax_problem, get_sandbox("docker"), "ok")
    assert r.status == "passed" and r.sandbox == "docker"
    assert r.sandbox_detail.startswith("grader-sandbox:") and "@sha256:" in r.sandbox_detail


@pytest.mark.parametrize("backend", ISOLATING)
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_interrupted_grader_leaves_no_sandbox_behind(backend, how, tmp_path):
    """Ctrl-C or SIGTERM while a notebook runs: the grader exits and its sandbox is gone."""
    nb = write_notebook(tmp_path / "loop.ipynb", SOFTMAX_OK, "while True:\n    pass")
    env = dict(os.environ, GRADER_DB=str(tmp_path / "g.db"))
    proc = subprocess.Popen([sys.executable, "-m", "grader", "submit", str(nb), "--sandbox", backend],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _sandbox_of(backend, proc.pid):
        time.sleep(0.2)
    assert _sandbox_of(backend, proc.pid), "the sandbox never started"
    time.sleep(1.0)  # the endless cell is running
    proc.send_signal(how)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode in (130, -signal.SIGINT), err.decode()[-500:]  # both say "interrupted"
    deadline = time.monotonic() + 10
    while _sandbox_of(backend, proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _sandbox_of(backend, proc.pid)


def _sandbox_of(backend: str, pid: int) -> bool:
    """Whether a sandbox started by grader process `pid` still exists."""
    if backend.startswith("docker"):
        import docker

        return bool(docker.from_env().containers.list(all=True, sparse=True, filters={"label": f"{OWNER_LABEL}={pid}"}))
    for other in descendants(pid):
        try:
            cmd = Path(f"/proc/{other}/cmdline").read_bytes()
        except OSError:
            continue
        if b"ipykernel_launcher" in cmd:
            return True
        if b"zygote.py" in cmd and parent_pid(other) != pid:
            return True  # a kernel forked by the fork sandbox's template (the template itself is not one)
    return False


FORKED = [pytest.param("fork", marks=needs_fork), pytest.param("docker-fork", marks=needs_docker)]
_PROBE = ("import os, random, sys, numpy as np\n"
          "seen = (os.getuid(), os.getgid(), getattr(np, 'planted', None), random.random(), float(np.random.rand()),\n"
          "        open('/proc/self/status').read().split('CapEff:')[1].split()[0])\n"
          "np.planted = 'from an earlier submission'\n"
          "sys.modules['json'].planted = True\n"
          "raise RuntimeError(repr(seen))")


def _seen(backend: str) -> tuple:
    session, outcome = open_session(backend, _PROBE)
    session.close()
    assert outcome.state == "error" and outcome.failure.ename == "RuntimeError", outcome
    return eval(outcome.failure.evalue)  # noqa: S307 - our own repr of plain values


@pytest.mark.parametrize("backend", FORKED)
def test_forked_kernels_share_no_state_and_no_random_stream(backend, no_leftovers):
    first, second = _seen(backend), _seen(backend)
    for seen in (first, second):
        uid, gid, planted, _, _, caps = seen
        assert uid >= 1_000_000 and gid == uid and caps == "0000000000000000"  # a user of its own, no capability
        assert planted is None  # what the earlier kernel changed never reached the template
    assert first[0] != second[0], "two submissions ran under the same user id"
    assert first[3] != second[3] and first[4] != second[4], "forked kernels repeated the template's random state"


@needs_fork
def test_the_template_stays_single_threaded_and_root_while_kernels_are_forked(softmax_problem):
    from grader.sandbox.fork import HostTemplate, host_template

    template = host_template(softmax_problem.limits.forbidden)  # the template the problem's kernels come from
    assert isinstance(template, HostTemplate)
    assert template.ready["threads"] == 1 and "numpy" in template.ready["preloaded"]
    before = Path(f"/proc/{template.proc.pid}/status").read_text()
    r = grade(notebook(SOFTMAX_OK), softmax_problem, get_sandbox("fork"), "ok")
    assert r.status == "passed" and r.peak_memory_mb is not None
    after = Path(f"/proc/{template.proc.pid}/status").read_text()
    threads = [line for line in after.splitlines() if line.startswith("Threads:")]
    assert threads == ["Threads:\t1"] and before.split("Uid:")[1].split()[0] == "0"
