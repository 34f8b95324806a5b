"""Grading on Dask: address parsing, worker refusal rules (fast), and a real scheduler with worker processes
on loopback that loses a worker mid-batch and still writes the local batch's gradebook (slow)."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import grader
from grader import cluster
from grader.notebook import code_notebook
from grader.problems import get_problem
from grader.sandbox.bwrap import BwrapSandbox
from tests.classes import gradebook_rows, mixed_class
from tests.cli import invoke

if TYPE_CHECKING:
    from distributed import Client

BWRAP = BwrapSandbox().unavailable_reason()
REPO = Path(grader.__file__).resolve().parents[1]


# ------------------------------------------------------------------ addresses

@pytest.mark.parametrize("spec, parsed", [
    ("tcp://127.0.0.1:8786", ("tcp", "tcp://127.0.0.1:8786")),
    ("tcp://scheduler:8786", ("tcp", "tcp://scheduler:8786")),
    ("tcp://[::1]:8786", ("tcp", "tcp://[::1]:8786")),
    ("local:4", ("local", 4)),
])
def test_cluster_addresses_are_parsed(spec, parsed):
    assert cluster.parse_spec(spec) == parsed


@pytest.mark.parametrize("spec", ["scheduler:8786", "tcp://scheduler", "tcp://h:0", "tcp://h:70000", "local:0",
                                  "local:x", "local:", "udp://h:1", "tcp://a b:1", ""])
def test_bad_cluster_addresses_are_usage_errors(spec):
    with pytest.raises(cluster.UsageError, match="expected tcp://HOST:PORT .* or local:N"):
        cluster.parse_spec(spec)
    code, _, err = invoke("worker", "check", "--cluster", spec)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_is_one_line_and_exit_2():
    address = f"tcp://127.0.0.1:{_free_port()}"
    with pytest.raises(cluster.ClusterUnreachable, match=f"cannot reach the Dask scheduler at {address}"), \
            cluster.connect(address, timeout_s=1):
        pass
    started = time.monotonic()
    code, _, err = invoke("worker", "check", "--cluster", address)
    assert code == 2 and time.monotonic() - started < 30
    assert err.startswith(f"grader: error: cannot reach the Dask scheduler at {address}") and err.count("\n") == 1


def test_jobs_does_not_go_with_cluster(tmp_path):
    (tmp_path / "class" / "alice").mkdir(parents=True)
    code, _, err = invoke("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--cluster", "local:1",
                          "--jobs", "2")
    assert code == 2 and "--jobs does not apply with --cluster" in err


def test_nothing_left_to_grade_needs_no_cluster(tmp_path):
    (tmp_path / "class" / "alice").mkdir(parents=True)
    unreachable = f"tcp://127.0.0.1:{_free_port()}"
    code, out, err = invoke("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--cluster", unreachable)
    assert code == 2 and "no notebook to grade" in err and "cannot reach" not in err  # the cluster was never asked
    assert "not graded: alice/: no notebook from this student" in out


# ------------------------------------------------------------------ which workers may grade

REFERENCE = {"grader": "0.1.0", "bank": "b" * 16, "kernel": "python==3.11\nnumpy==2.1.0\n"}
IMAGE = {"tag": "grader-sandbox:abc", "id": "sha256:111"}


def _report(docker: str | None = None, bwrap: str | None = None, image: dict | None = None,
            fork: str | None = "needs root", **env: str) -> dict:
    return {"host": "h", "pid": 1, **REFERENCE, **env, "image": image or IMAGE, "sandboxes": [
        {"name": "fork", "isolated": True, "reason": fork},
        {"name": "docker-fork", "isolated": True, "reason": docker or fork},
        {"name": "docker", "isolated": True, "reason": docker},
        {"name": "bwrap", "isolated": True, "reason": bwrap},
        {"name": "process", "isolated": False, "reason": None}]}


def _assess(reports: dict, sandbox: str = "auto", expected: str | None = "sha256:111", **kw) -> dict:
    return {s.address: s for s in cluster.assess(reports, sandbox, expected, REFERENCE, **kw)}


def test_auto_uses_docker_when_every_worker_has_the_coordinators_image():
    got = _assess({"tcp://a:1": _report(), "tcp://b:1": _report(image={"tag": "grader-sandbox:abc", "id": None})},
                  expected="grader-sandbox:abc")
    assert all(s.eligible and s.sandbox == "docker" and s.image_match for s in got.values())


def test_auto_prefers_forked_kernels_where_every_worker_has_them():
    got = _assess({"tcp://a:1": _report(fork=None), "tcp://b:1": _report(fork=None)})
    assert all(s.eligible and s.sandbox == "fork" for s in got.values())
    got = _assess({"tcp://a:1": _report(fork=None), "tcp://b:1": _report(fork=None), "tcp://c:1": _report()})
    assert [s.sandbox for s in got.values()] == ["docker"] * 3  # every worker can use docker: all grade alike


def test_auto_falls_back_to_the_sandbox_all_workers_share():
    other = {"tag": "grader-sandbox:zzz", "id": "sha256:999"}
    got = _assess({"tcp://a:1": _report(), "tcp://b:1": _report(image=other)})
    assert [(s.sandbox, s.image_match) for s in got.values()] == [("bwrap", True), ("bwrap", False)]
    got = _assess({"tcp://a:1": _report(), "tcp://b:1": _report(image=other)}, sandbox="docker")
    assert got["tcp://a:1"].eligible and not got["tcp://b:1"].eligible
    assert "sandbox image sha256:999 is not the coordinator's sha256:111" in got["tcp://b:1"].reason


def test_auto_refuses_a_worker_without_the_shared_sandbox_and_says_which():
    got = _assess({"tcp://a:1": _report(docker="no daemon"), "tcp://b:1": _report(docker="no daemon"),
                   "tcp://c:1": _report(bwrap="no user namespaces")})
    assert [s.sandbox for s in got.values()] == ["bwrap", "bwrap", ""]
    assert got["tcp://c:1"].reason == ("auto chose bwrap, which most workers can use, and the bwrap sandbox does "
                                       "not work there: no user namespaces")


def test_a_worker_with_no_isolating_sandbox_is_refused_unless_unisolated_is_allowed():
    bare = {"tcp://a:1": _report(docker="no daemon", bwrap="not installed")}
    got = _assess(bare)["tcp://a:1"]
    assert not got.eligible and got.reason.startswith("no usable sandbox there: fork: the fork sandbox does not")
    assert "docker: the docker sandbox does not work there: no daemon" in got.reason
    assert "bwrap: the bwrap sandbox does not work there: not installed" in got.reason
    assert "NOT ISOLATED" in _assess(bare, sandbox="process")["tcp://a:1"].reason
    allowed = _assess(bare, allow_unisolated=True)["tcp://a:1"]
    assert allowed.sandbox == "process" and allowed.label == "process (NOT ISOLATED)"


@pytest.mark.parametrize("env, fragment", [
    ({"bank": "c" * 16}, "its problem bank differs from the coordinator's"),
    ({"bank": "unreadable (meta.yaml: missing field 'id')"}, "its problem bank differs"),
    ({"grader": "0.0.9"}, "it runs grader 0.0.9, the coordinator 0.1.0"),
    ({"kernel": "python==3.11\nnumpy==2.0.0\n"}, "kernel packages differ from the coordinator's (numpy==2.0.0)"),
])
def test_a_worker_whose_environment_differs_is_refused(env, fragment):
    got = _assess({"tcp://a:1": _report(), "tcp://b:1": _report(**env)}, sandbox="bwrap")
    assert got["tcp://a:1"].eligible and not got["tcp://b:1"].eligible
    assert fragment in got["tcp://b:1"].reason


def test_docker_workers_are_refused_when_the_coordinator_has_no_image():
    got = _assess({"tcp://a:1": _report()}, sandbox="docker", expected=None)["tcp://a:1"]
    assert not got.eligible and "the coordinator has no sandbox image to compare with" in got.reason
    assert _assess({"tcp://a:1": _report()}, expected=None)["tcp://a:1"].sandbox == "bwrap"


def test_a_failed_probe_refuses_the_worker_and_no_eligible_worker_is_an_error():
    got = cluster.assess({"tcp://a:1": ModuleNotFoundError("No module named 'grader'")}, "auto", None, REFERENCE)
    assert "is grader installed on that host?" in got[0].reason
    with pytest.raises(cluster.GraderError, match="no Dask worker may grade: 1 refused .*grader worker check"):
        cluster.eligible(got)


# ------------------------------------------------------------------ the worker side

def test_a_worker_with_another_version_of_the_problem_refuses_to_grade():
    softmax = get_problem("mle-act-softmax")
    data = code_notebook([softmax.solution_path.read_text()])
    with pytest.raises(cluster.WorkerMismatch, match="has version .* of mle-act-softmax, the coordinator 000000"):
        cluster.grade_bytes("alice", softmax.id, "000000", data, "fake")


def test_notebooks_sent_as_data_grade_as_from_a_file():
    softmax = get_problem("mle-act-softmax")
    solution = code_notebook([softmax.solution_path.read_text()])
    good = cluster.grade_bytes("alice", softmax.id, softmax.version, solution, "fake")
    result = cluster.GradeResult.from_json(good)
    assert (result.status, result.notebook, result.problem_version) == (
        "passed", "alice/mle-act-softmax.ipynb", softmax.version)
    assert result.checks_passed == result.checks_total > 0 and result.to_record() == good
    broken = cluster.grade_bytes("bob", softmax.id, softmax.version, b"{not json", "fake")
    assert broken["status"] == "invalid" and "not valid JSON" in broken["error"]["evalue"]
    denied = "cannot read the file (Permission denied)"
    unreadable = cluster.grade_bytes("carol", softmax.id, softmax.version, denied, "fake")
    assert unreadable["status"] == "invalid" and unreadable["error"]["evalue"] == denied
    unknown = cluster.grade_bytes("dan", "mle-nope", "", b"{}", "fake")
    assert unknown["status"] == "invalid" and "unknown problem id" in unknown["error"]["evalue"]


# ------------------------------------------------------------------ a real cluster on loopback

def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), **extra}


def _dask(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("dask")
    if script.exists():
        return [str(script), *args]
    module = {"scheduler": "distributed.cli.dask_scheduler", "worker": "distributed.cli.dask_worker"}[args[0]]
    return [sys.executable, "-m", module, *args[1:]]


class LiveCluster:
    """A `dask scheduler` and `dask worker` processes on 127.0.0.1, each in its own process group."""

    def __init__(self, root: Path):
        self.root = root
        self.port = _free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.procs: list[subprocess.Popen] = []
        self.client: Client | None = None

    def _spawn(self, argv: list[str], name: str, env: dict[str, str]) -> subprocess.Popen:
        with open(self.root / f"{name}.log", "wb") as log:  # the child keeps its own copy of the descriptor
            proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.root,
                                    start_new_session=True)
        self.procs.append(proc)
        return proc

    def start(self, workers: int) -> None:
        from distributed import Client

        self._spawn(_dask("scheduler", "--host", "127.0.0.1", "--port", str(self.port), "--no-dashboard"),
                    "scheduler", _env())
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    log = (self.root / "scheduler.log").read_text()[-500:]
                    raise RuntimeError(f"the scheduler did not start: {log}") from None
                time.sleep(0.3)
        self.client = Client(self.address, timeout=30)
        for _ in range(workers):
            self.add_worker()

    def add_worker(self, **env: str) -> tuple[str, subprocess.Popen]:
        """Start one worker process (nanny and worker) and return its address once it has joined."""
        before = set(self.workers())
        proc = self._spawn(_dask("worker", self.address, "--nthreads", "1", "--nworkers", "1", "--host", "127.0.0.1",
                                 "--no-dashboard", "--local-directory", str(self.root / "dask")),
                           f"worker{len(self.procs)}", _env(**env))
        assert self.client is not None
        self.client.wait_for_workers(len(before) + 1, timeout=90)
        (address,) = set(self.workers()) - before
        return address, proc

    def workers(self) -> list[str]:
        assert self.client is not None
        return list(self.client.scheduler_info(n_workers=-1)["workers"])

    def kill(self, proc: subprocess.Popen) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)

    def stop(self) -> None:
        if self.client is not None:
            self.client.close()
        for proc in reversed(self.procs):
            self.kill(proc)


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    if BWRAP is not None:
        pytest.skip(f"bwrap unavailable: {BWRAP}")
    found = LiveCluster(tmp_path_factory.mktemp("dask"))
    try:
        found.start(workers=2)
        yield found
    finally:
        found.stop()


def _grader(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "grader", *args], capture_output=True, timeout=timeout, env=_env(),
                          check=False)


@pytest.mark.slow
def test_worker_check_on_a_live_cluster(live):
    got = _grader("worker", "check", "--cluster", live.address, "--sandbox", "bwrap", "--json")
    assert got.returncode == 0, got.stderr.decode()[-500:]
    statuses = json.loads(got.stdout)
    assert {s["address"] for s in statuses} == set(live.workers()) and len(statuses) == 2
    assert all(s["eligible"] and s["sandbox"] == "bwrap" and s["sandboxes"]["bwrap"] is None for s in statuses)
    docker = _grader("worker", "check", "--cluster", live.address, "--sandbox", "docker", "--json")
    statuses = json.loads(docker.stdout)
    reason = next(iter(statuses))["sandboxes"]["docker"]
    if reason is None:  # docker and the coordinator's image work here: the workers have that very image
        assert docker.returncode == 0 and all(s["eligible"] and s["image_match"] for s in statuses)
    else:
        assert docker.returncode == 3
        assert all(not s["eligible"] and s["reason"] == f"the docker sandbox does not work there: {reason}"
                   for s in statuses)
    table = _grader("worker", "check", "--cluster", live.address, "--sandbox", "bwrap")
    lines = table.stdout.decode().splitlines()
    assert table.returncode == 0 and all(any(w in line and "eligible (bwrap)" in line for line in lines)
                                         for w in live.workers())
    assert "2/2 workers eligible, grading in the bwrap sandbox" in lines[-1]


def _rows_recorded(db: Path) -> int:
    try:
        return sqlite3.connect(db).execute("SELECT COUNT(*) FROM batch_results").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_a_class_graded_on_the_cluster_survives_a_lost_worker(live, tmp_path):
    expected = mixed_class(tmp_path / "class", students=4, extremes=("loop", "hog"))
    assert len(expected) == 16
    local = _grader("batch", str(tmp_path / "class"), "--out", str(tmp_path / "local"), "--jobs", "2",
                    "--sandbox", "bwrap", "--json")
    assert local.returncode == 2, local.stderr.decode()[-500:]  # the class has invalid notebooks
    groups = {os.getpgid(pid): address for address, pid in live.client.run(os.getpid).items()}
    workers = {groups[p.pid]: p for p in live.procs[1:] if p.poll() is None}
    assert len(workers) == 2
    out = tmp_path / "cluster"
    argv = [sys.executable, "-m", "grader", "batch", str(tmp_path / "class"), "--out", str(out),
            "--cluster", live.address, "--sandbox", "bwrap", "--json"]
    coordinator = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    deadline = time.monotonic() + 180
    victim, busy = next(iter(workers)), []
    while coordinator.poll() is None:
        assert time.monotonic() < deadline, "the cluster batch made no progress"
        rows, busy = _rows_recorded(out / "grader.db"), live.client.processing([victim])[victim]
        if rows >= 3 and busy:
            break
        time.sleep(0.2)
    live.kill(workers[victim])  # the nanny and its worker, mid-batch, while it grades `busy`
    stdout, stderr = coordinator.communicate(timeout=300)
    assert 0 < rows < len(expected) and busy, "the worker should be lost while it grades"
    assert coordinator.returncode == local.returncode == 2, stderr.decode()[-800:]
    report = json.loads(stdout)
    assert (report["graded_now"], report["not_graded"], report["rows"]) == (len(expected), 0, len(expected))
    assert len(live.workers()) == 1
    db = sqlite3.connect(out / "grader.db")
    pairs = db.execute("SELECT student, problem, COUNT(*) FROM batch_results GROUP BY 1, 2").fetchall()
    assert {(s, p) for s, p, _ in pairs} == set(expected) and all(n == 1 for _, _, n in pairs)
    assert {r[0] for r in db.execute("SELECT sandbox FROM batch_results")} == {"bwrap"}
    on_cluster = gradebook_rows(out, drop=("duration_s",))
    assert on_cluster == gradebook_rows(tmp_path / "local", drop=("duration_s",))
    wrong = [r for r in on_cluster if r["status"] not in expected[(r["student"], r["problem"])]]
    assert not wrong, wrong


@pytest.mark.slow
def test_a_worker_with_another_problem_bank_is_refused(live, tmp_path):
    bank = tmp_path / "problems"
    for pid in ("mle-act-softmax", "ds-sql-dense-rank"):
        src = get_problem(pid).path
        shutil.copytree(src, bank / src.parent.name / pid)
    with open(bank / "mle" / "mle-act-softmax" / "problem.md", "a") as f:
        f.write("\nAn edit the coordinator never saw.\n")
    odd, _ = live.add_worker(GRADER_PROBLEMS=str(bank))
    got = _grader("worker", "check", "--cluster", live.address, "--sandbox", "bwrap", "--json")
    statuses = {s["address"]: s for s in json.loads(got.stdout)}
    assert got.returncode == 0 and odd in statuses and len(statuses) >= 2
    assert not statuses[odd]["eligible"]
    assert "its problem bank differs from the coordinator's" in statuses[odd]["reason"]
    assert all(s["eligible"] for a, s in statuses.items() if a != odd)
    # a batch runs on the others and says why this one got nothing
    mixed_class(tmp_path / "class", students=1, extremes=())
    batch = _grader("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--cluster", live.address,
                    "--sandbox", "bwrap")
    assert batch.returncode == 2, batch.stderr.decode()[-500:]  # the class has invalid notebooks
    text = batch.stdout.decode()
    assert f"warning: worker {odd}" in text and "is refused work: its problem bank differs" in text
    assert f"on {len(statuses) - 1} Dask worker" in text


@pytest.mark.slow
def test_a_batch_stops_with_a_clear_error_when_no_eligible_worker_remains(live, tmp_path):
    expected = mixed_class(tmp_path / "class", students=4, extremes=())
    out = tmp_path / "out"
    argv = [sys.executable, "-m", "grader", "batch", str(tmp_path / "class"), "--out", str(out),
            "--cluster", live.address, "--sandbox", "bwrap"]
    coordinator = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    deadline = time.monotonic() + 180
    while (rows := _rows_recorded(out / "grader.db")) < 2 and coordinator.poll() is None:
        assert time.monotonic() < deadline, "the cluster batch made no progress"
        time.sleep(0.2)
    for proc in live.procs[1:]:
        live.kill(proc)
    _, stderr = coordinator.communicate(timeout=120)
    assert 0 < rows < len(expected) and coordinator.returncode == 3
    assert "grader: error: no eligible Dask worker remains" in stderr.decode()
    assert "Traceback" not in stderr.decode()
    assert rows <= len(gradebook_rows(out)) < len(expected)  # what was graded is written out
