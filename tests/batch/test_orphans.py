"""The coordinator's death by any signal leaves nothing running: no worker, template, kernel, container,
cgroup or temporary folder outlives it (or the next run's sweep), and Ctrl-C twice prints one line."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader import orphans
from grader.notebook import code_notebook
from grader.problems import get_problem
from grader.sandbox.bwrap import BwrapSandbox
from grader.sandbox.fork import ForkSandbox
from tests.batch.procs import cmdline, in_group, tree, wait_until_gone
from tests.classes import gradebook_statuses

SANDBOX = next((sb.name for sb in (ForkSandbox(), BwrapSandbox()) if sb.unavailable_reason() is None), None)
needs_sandbox = pytest.mark.skipif(SANDBOX is None, reason="neither the fork nor the bwrap sandbox works here")
ZYGOTE = "grader/sandbox/zygote.py"


def slow_class(root: Path, students: int = 4, seconds: float = 6) -> Path:
    """Correct notebooks that each take `seconds` to run: a batch is surely mid-notebook when it is killed."""
    ok = get_problem("mle-act-softmax").solution_path.read_text()
    for i in range(students):
        (root / f"s{i}").mkdir(parents=True)
        cells = [ok, f"import time\ntime.sleep({seconds})"]
        (root / f"s{i}" / "mle-act-softmax.ipynb").write_bytes(code_notebook(cells))
    return root


def start(root: Path, out: Path, *extra: str) -> subprocess.Popen:
    argv = [sys.executable, "-m", "grader", "batch", str(root), "--out", str(out), "--jobs", "2", "--sandbox",
            str(SANDBOX), *extra]
    return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def busy_tree(coordinator: subprocess.Popen, timeout: float = 120) -> dict[int, str | None]:
    """The coordinator's processes once both workers grade (their kernels run a notebook's cells)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert coordinator.poll() is None, coordinator.communicate()[1].decode()[-500:]
        procs = tree(coordinator.pid)
        if sum("ipykernel" in cmdline(p) or "zygote" in cmdline(p) for p in procs) >= 4:
            time.sleep(1.0)  # the kernels are inside the cells now
            return tree(coordinator.pid)
        time.sleep(0.2)
    raise AssertionError("the batch never got to grading")


def worker_cgroups(pids: set[int]) -> list[str]:
    found = []
    for parent in orphans.CGROUP_PARENTS:
        base = orphans.CGROUP_ROOT / parent
        if base.is_dir():
            found += [c.name for c in base.iterdir() if c.name.split("-")[1:2] and c.name.split("-")[1] in
                      {str(p) for p in pids}]
    return found


@pytest.mark.slow
@needs_sandbox
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGHUP], ids=["kill-9", "sighup"])
def test_the_coordinators_death_leaves_nothing_running_and_the_rerun_completes(tmp_path, sig):
    root, out = slow_class(tmp_path / "class"), tmp_path / "out"
    coordinator = start(root, out)
    procs = busy_tree(coordinator)
    workers = {p for p in procs if "spawn_main" in cmdline(p)}
    assert len(workers) == 2 and any(ZYGOTE in cmdline(p) for p in procs)
    run_dirs = [d for d in Path("/tmp").glob("grader-run-*") if str(d) in " ".join(map(cmdline, procs))]
    os.kill(coordinator.pid, sig)
    _, err = coordinator.communicate(timeout=60)
    left = wait_until_gone(procs)
    assert not left, f"still running after the coordinator died: {left}"
    assert not in_group(coordinator.pid) and not any(in_group(w) for w in workers)
    if sig == signal.SIGHUP:  # a signal it can handle: it cleans up itself and says so in one line
        assert coordinator.returncode == 130 and err.decode().strip().endswith("grader: interrupted")
        assert "Traceback" not in err.decode() and not [d for d in run_dirs if d.exists()]
    rerun = subprocess.run([sys.executable, "-m", "grader", "batch", str(root), "--out", str(out), "--jobs", "2",
                            "--sandbox", str(SANDBOX), "--json"], capture_output=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr.decode()[-800:]
    assert set(gradebook_statuses(out).values()) == {"passed"} and len(gradebook_statuses(out)) == 4
    assert not [d for d in run_dirs if d.exists()], "the killed run's folder (and its extracted class) stayed"
    assert not worker_cgroups(workers), "cgroups of the killed workers stayed"
    assert json.loads(rerun.stdout)["counts"]["unchanged"] == 4 - json.loads(rerun.stdout)["graded_now"]


@pytest.mark.slow
@needs_sandbox
def test_ctrl_c_twice_prints_one_line_and_leaves_nothing(tmp_path):
    root, out = slow_class(tmp_path / "class"), tmp_path / "out"
    coordinator = start(root, out)
    procs = busy_tree(coordinator)
    os.killpg(coordinator.pid, signal.SIGINT)  # what the terminal does: the whole foreground group
    time.sleep(0.3)
    os.killpg(coordinator.pid, signal.SIGINT)
    _, err = coordinator.communicate(timeout=60)
    text = err.decode()
    assert coordinator.returncode == 130 and "Traceback" not in text and "Task exception" not in text
    assert [line for line in text.splitlines() if "interrupted" in line] == ["grader: interrupted"]
    assert text.rstrip().splitlines()[-1] == "grader: interrupted"
    assert not wait_until_gone(procs)


def dead_pid() -> tuple[int, str | None]:
    proc = subprocess.Popen(["sleep", "30"])
    started = orphans.process_start(proc.pid)
    proc.kill()
    proc.wait()
    return proc.pid, started


def test_the_sweep_removes_run_folders_of_dead_owners_only(tmp_path):
    pid, started = dead_pid()
    dead, mine = tmp_path / "grader-run-dead0001", orphans.new_run_dir(str(tmp_path))
    (dead / "class" / "alice").mkdir(parents=True)
    (dead / orphans.MARKER).write_text(json.dumps({"pid": pid, "start": started}))
    reused = tmp_path / "grader-run-reused01"  # the owner's pid now runs another process: the start time tells
    reused.mkdir()
    (reused / orphans.MARKER).write_text(json.dumps({"pid": os.getpid(), "start": "1"}))
    swept = orphans.sweep(tmp=str(tmp_path))
    assert sorted(swept.folders) == [dead.name, reused.name]
    assert mine.exists() and not dead.exists() and not reused.exists()
    shutil.rmtree(mine)


@pytest.mark.skipif(os.geteuid() != 0 or not (orphans.CGROUP_ROOT / "memory").is_dir(),
                    reason="needs root and the cgroup v1 memory controller")
def test_the_sweep_removes_cgroups_of_dead_graders_only(tmp_path):
    pid, _ = dead_pid()
    base = orphans.CGROUP_ROOT / "memory" / "grader"
    base.mkdir(exist_ok=True)
    dead, live = base / f"grader-{pid}-0123456789ab", base / f"grader-{os.getpid()}-0123456789ab"
    dead.mkdir()
    live.mkdir()
    try:
        swept = orphans.sweep(tmp=str(tmp_path))
        assert f"memory/grader/{dead.name}" in swept.cgroups and not dead.exists() and live.exists()
    finally:
        for d in (dead, live):
            if d.exists():
                d.rmdir()


def test_the_sweep_kills_a_template_whose_grader_died(tmp_path):
    zygote = str(Path(orphans.__file__).with_name("sandbox") / "zygote.py")
    # a stand-in with the template's command line, orphaned: its parent exits at once
    code = ("import subprocess, sys; p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)', "
            f"{zygote!r}], start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); print(p.pid)")
    pid = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    started = orphans.process_start(pid)
    swept = orphans.sweep(tmp=str(tmp_path))
    assert pid in swept.templates
    assert not wait_until_gone({pid: started}, timeout=5)


@pytest.mark.docker
def test_the_sweep_removes_containers_of_dead_graders(tmp_path):
    docker = pytest.importorskip("docker")
    try:
        client = docker.from_env(timeout=10)
        image = next(t for i in client.images.list() for t in i.tags if t.startswith(("grader-base", "grader-sandbox")))
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"no Docker daemon or image here: {exc}")
    from grader.sandbox.docker import OWNER_LABEL

    pid, _ = dead_pid()
    dead = client.containers.run(image, ["sleep", "300"], detach=True, labels={OWNER_LABEL: str(pid)})
    live = client.containers.run(image, ["sleep", "300"], detach=True, labels={OWNER_LABEL: str(os.getpid())})
    try:
        assert orphans.sweep(docker=True, tmp=str(tmp_path)).containers >= 1
        ids = {c.id for c in client.containers.list(all=True)}
        assert dead.id not in ids and live.id in ids
    finally:
        for c in (dead, live):
            with contextlib.suppress(Exception):  # already gone
                c.remove(force=True)


def _containers(client: object, owners: set[int]) -> set[str]:
    from grader.sandbox.docker import OWNER_LABEL

    found = client.containers.list(all=True, sparse=True, filters={"label": OWNER_LABEL})  # type: ignore[attr-defined]
    return {c.id for c in found if int((c.attrs.get("Labels") or {}).get(OWNER_LABEL, "0")) in owners}


@pytest.mark.slow
@pytest.mark.docker
@pytest.mark.parametrize("backend", ["docker", "docker-fork"])
@pytest.mark.parametrize("moment", [3.0, 15.0], ids=["warming-up", "grading"])
def test_kill_9_leaves_no_container_running(tmp_path, backend, moment):
    from grader.sandbox import get_sandbox

    try:
        get_sandbox(backend)
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"{backend} unavailable: {exc}")
    import docker

    client = docker.from_env(timeout=30)
    root, out = slow_class(tmp_path / "class"), tmp_path / "out"
    argv = [sys.executable, "-m", "grader", "batch", str(root), "--out", str(out), "--jobs", "2", "--sandbox", backend]
    coordinator = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 180
    while len(ours := _containers(client, set(tree(coordinator.pid)))) < 2:
        assert time.monotonic() < deadline and coordinator.poll() is None, "no container was started"
        time.sleep(0.3)
    time.sleep(moment)  # while the templates start, or while notebooks run
    procs = tree(coordinator.pid)
    ours |= _containers(client, set(procs))
    os.kill(coordinator.pid, signal.SIGKILL)
    coordinator.wait(timeout=30)
    assert not wait_until_gone(procs)
    deadline = time.monotonic() + 60
    while (left := ours & {c.id for c in client.containers.list(all=True)}) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not left, f"containers still there after the coordinator died: {left}"
