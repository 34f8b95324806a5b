"""The `docker` backend: one container per submission, driven over ipc sockets in a bound directory.

No network, read-only root, size-capped tmpfs home and /tmp, uid 1000, every capability dropped,
no-new-privileges, memory = memory+swap, pids and CPU limits, an init process; the container is
removed when grading ends, whatever happened.
"""
from __future__ import annotations

import os
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from grader.errors import SandboxUnavailable
from grader.sandbox.base import Sandbox, Session
from grader.sandbox.kernel import KernelLauncher, KernelSession, Running, SessionDirs
from grader.sandbox.limits import Limits

OWNER_LABEL = "grader.owner"


class _RunningContainer(Running):
    def __init__(self, container: Any):
        self.container = container
        self._gone = False
        self._oom = False
        self._checked = 0.0
        self._alive = True

    def alive(self) -> bool:
        if self._gone:
            return False
        now = time.monotonic()
        if now - self._checked > 0.2:
            self._checked = now
            try:
                self.container.reload()
                self._alive = self.container.status in ("created", "running")
                if not self._alive:
                    self._oom = bool(self.container.attrs.get("State", {}).get("OOMKilled"))
            except Exception:  # noqa: BLE001 - a container that vanished is not alive
                self._alive = False
        return self._alive

    def kill(self) -> None:
        if self._gone:
            return
        try:
            self.container.reload()
            self._oom = self._oom or bool(self.container.attrs.get("State", {}).get("OOMKilled"))
        except Exception:  # noqa: BLE001
            pass
        try:
            self.container.remove(force=True)
        except Exception:  # noqa: BLE001 - already removed
            pass
        self._gone = True

    def oom_killed(self) -> bool:
        if not self._gone:
            self.alive()
        return self._oom


class _DockerLauncher(KernelLauncher):
    python = "/opt/venv/bin/python"

    def __init__(self, client: Any, image: str):
        self.client = client
        self.image = image

    def sandbox_paths(self, root: Path) -> tuple[str, str, str]:
        return "/grader/ipc", "/grader/req", "/home/learner"

    def launch(self, dirs: SessionDirs, limits: Limits, env: dict[str, str]) -> Running:
        from docker.types import Ulimit

        os.chmod(dirs.ipc, 0o777)  # the kernel runs as uid 1000 and creates its sockets here
        env = dict(env, PATH="/opt/venv/bin:/usr/local/bin:/usr/bin:/bin")
        fsize = limits.file_mb * 1024 * 1024
        container = self.client.containers.run(
            self.image, command=self.kernel_argv(dirs), detach=True, network_mode="none", read_only=True,
            tmpfs={dirs.work_in: f"size={limits.disk_mb}m,mode=1777", "/tmp": f"size={limits.disk_mb}m,mode=1777"},
            volumes={str(dirs.ipc): {"bind": dirs.ipc_in, "mode": "rw"},
                     str(dirs.req): {"bind": dirs.req_in, "mode": "ro"}},
            user="1000:1000", cap_drop=["ALL"], security_opt=["no-new-privileges"],
            mem_limit=f"{limits.memory_mb}m", memswap_limit=f"{limits.memory_mb}m", pids_limit=limits.pids,
            nano_cpus=1_000_000_000, init=True, environment=env, working_dir=dirs.work_in,
            labels={OWNER_LABEL: str(os.getpid())}, ipc_mode="private",
            ulimits=[Ulimit(name="fsize", soft=fsize, hard=fsize), Ulimit(name="core", soft=0, hard=0),
                     Ulimit(name="nofile", soft=limits.nofile, hard=limits.nofile)])
        return _RunningContainer(container)


def sweep_stale_containers(client: Any) -> int:
    """Remove containers left by grader processes that no longer exist (e.g. after a killed machine)."""
    removed = 0
    try:  # sparse: no per-container inspect, which races with other graders removing theirs
        found = client.containers.list(all=True, sparse=True, filters={"label": OWNER_LABEL})
    except Exception:  # noqa: BLE001 - a failed sweep must not stop grading
        return 0
    for c in found:
        try:
            owner = int((c.attrs.get("Labels") or {}).get(OWNER_LABEL, "0"))
        except ValueError:
            owner = 0
        if owner > 0 and Path(f"/proc/{owner}").exists():
            continue
        try:
            c.remove(force=True)
            removed += 1
        except Exception:  # noqa: BLE001
            pass
    return removed


@lru_cache(maxsize=1)
def _probe() -> tuple[Any, str, str] | str:
    """(client, tag, image id) when docker works here, else the reason it does not."""
    from grader.sandbox import image

    try:
        client = image._client()
        found = image.current_image(client)
    except SandboxUnavailable as exc:
        return str(exc)
    if found is None:
        return "the sandbox image for this version is not built: run 'grader sandbox build'"
    return client, found[0], found[1]


class DockerSandbox(Sandbox):
    name = "docker"
    isolated = True

    def unavailable_reason(self) -> str | None:
        probe = _probe()
        return probe if isinstance(probe, str) else None

    def _ready(self) -> tuple[Any, str, str]:
        probe = _probe()
        if isinstance(probe, str):
            raise SandboxUnavailable(f"the docker sandbox is not available: {probe}")
        return probe

    def describe(self) -> str:
        probe = _probe()
        return "" if isinstance(probe, str) else f"{probe[1]}@{probe[2]}"

    def open(self, limits: Limits) -> Session:
        client, tag, _ = self._ready()
        if not getattr(self, "_swept", False):
            sweep_stale_containers(client)
            self._swept = True
        return KernelSession(_DockerLauncher(client, tag), limits)
