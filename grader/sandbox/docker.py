"""The `docker` backend: one container per submission, driven over ipc sockets in a bound directory.

No network, read-only root, size-capped tmpfs home and /tmp, a user id of its own that is no host
account (uids.py), every capability dropped, no-new-privileges, docker's seccomp profile and the
sandboxes' own filter on top, memory = memory+swap, pids and CPU limits, an init process; the
container is removed when grading ends, whatever happened.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from grader.errors import SandboxUnavailable
from grader.libraries import STAND_IN, restricted_arg, stand_in_for
from grader.resources import outermost
from grader.sandbox.base import Sandbox, Session
from grader.sandbox.fork import (
    SECCOMP,
    TEMPLATE_ENV,
    ZYGOTE,
    ForkedKernel,
    ForkLauncher,
    Template,
    pooled_template,
    release_template,
    zygote_args,
)
from grader.sandbox.kernel import KernelLauncher, KernelSession, Running, SessionDirs
from grader.sandbox.limits import CGroup, Limits
from grader.sandbox.uids import sandbox_uid

OWNER_LABEL = "grader.owner"
CALL_LABEL = "grader.call"
_CONTAINER_PATH = "/opt/venv/bin:/usr/local/bin:/usr/bin:/bin"


def container_cgroup_files(cid: str, v1_name: str, v2_name: str) -> tuple[Path, Path]:
    """Where a container's memory cgroup keeps a file: cgroup v1 (cgroupfs driver), then v2 (systemd)."""
    return (Path(f"/sys/fs/cgroup/memory/docker/{cid}/{v1_name}"),
            Path(f"/sys/fs/cgroup/system.slice/docker-{cid}.scope/{v2_name}"))


class _RunningContainer(Running):
    def __init__(self, container: Any):
        self.container = container
        self._gone = False
        self._oom = False
        self._checked = 0.0
        self._alive = True
        self._peak: float | None = None

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

    def _read_peak(self) -> None:
        for f in container_cgroup_files(self.container.id, "memory.max_usage_in_bytes", "memory.peak"):
            try:
                self._peak = int(f.read_text()) / 2**20
                return
            except (OSError, ValueError):
                continue

    def peak_memory_mb(self) -> float | None:
        if not self._gone:
            self._read_peak()
        return self._peak

    def kill(self) -> None:
        if self._gone:
            return
        self._read_peak()
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


@lru_cache(maxsize=4)
def image_libraries(client: Any, image: str) -> dict[str, Any]:
    """Where the image keeps each restricted library and which site folders its Python does not use
    (zygote.py --libraries-only, run once per image and grader process in a container with no network)."""
    try:
        out = client.containers.run(
            image, command=[_DockerLauncher.python, "-I", "/grader/zygote.py", "--libraries-only", restricted_arg()],
            remove=True, network_mode="none", read_only=True, cap_drop=["ALL"], security_opt=["no-new-privileges"],
            user="65534:65534", volumes={str(ZYGOTE): {"bind": "/grader/zygote.py", "mode": "ro"},
                                              str(SECCOMP): {"bind": "/grader/seccomp.py", "mode": "ro"}},
            labels={OWNER_LABEL: str(os.getpid())})
        found = json.loads(out)
    except Exception as exc:  # noqa: BLE001 - the SDK raises several types; without the map no kernel starts
        raise SandboxUnavailable(f"the sandbox image did not say where its libraries are ({type(exc).__name__})") from None
    return found


def image_masks(client: Any, image: str, forbidden: frozenset[str]) -> list[str]:
    """Folders of the image a session that forbids `forbidden` gets empty: stray site folders and the
    forbidden libraries."""
    found = image_libraries(client, image)
    return outermost([*found["stray"], *(p for name in forbidden for p in found["libraries"].get(name, ()))])


class _DockerLauncher(KernelLauncher):
    python = "/opt/venv/bin/python"

    def __init__(self, client: Any, image: str):
        self.client = client
        self.image = image
        self._uid: int | None = None

    def sandbox_paths(self, root: Path) -> tuple[str, str, str]:
        return "/grader/ipc", "/grader/req", "/home/learner"

    def sandbox_ids(self) -> tuple[int, int]:
        if self._uid is None:
            self._uid = sandbox_uid()
        return self._uid, self._uid

    def launch(self, dirs: SessionDirs, limits: Limits, env: dict[str, str]) -> Running:
        from docker.types import Mount, Ulimit

        uid, gid = self.sandbox_ids()
        env = dict(env, PATH=_CONTAINER_PATH)
        fsize = limits.file_mb * 1024 * 1024
        # The kernel starts under the sandboxes' seccomp filter (seccomp.py), stacked on docker's own.
        command = [self.python, "-I", "/grader/seccomp.py", *self.kernel_argv(dirs)]
        masks = image_masks(self.client, self.image, limits.forbidden)
        # Masks are root-owned 0555 tmpfs (not mounted read-only: docker places the stand-in file inside).
        stand_ins = [Mount(m + "/__init__.py", str(STAND_IN), type="bind", read_only=True) for m in masks
                     if stand_in_for(m, limits.forbidden)]
        container = run_container(
            self.client, self.image, command=command, detach=True, network_mode="none", read_only=True,
            tmpfs={dirs.work_in: f"size={limits.disk_mb}m,mode=1777", "/tmp": f"size={limits.disk_mb}m,mode=1777",
                   **{m: "size=16k,mode=0555" for m in masks}},
            volumes={str(dirs.ipc): {"bind": dirs.ipc_in, "mode": "rw"},
                     str(dirs.req): {"bind": dirs.req_in, "mode": "ro"},
                     str(SECCOMP): {"bind": "/grader/seccomp.py", "mode": "ro"}}, mounts=stand_ins,
            user=f"{uid}:{gid}", cap_drop=["ALL"], security_opt=["no-new-privileges"],
            mem_limit=f"{limits.memory_mb}m", memswap_limit=f"{limits.memory_mb}m", pids_limit=limits.pids,
            nano_cpus=int(limits.cpus * 1_000_000_000), init=True, environment=env, working_dir=dirs.work_in,
            ipc_mode="private",
            ulimits=[Ulimit(name="fsize", soft=fsize, hard=fsize), Ulimit(name="core", soft=0, hard=0),
                     Ulimit(name="nofile", soft=limits.nofile, hard=limits.nofile)])
        return _RunningContainer(container)


def run_container(client: Any, image: str, **kw: Any) -> Any:
    """`containers.run` labelled with this grader's pid; a container that was created when the call was
    interrupted (Ctrl-C, SIGTERM) is found by its own label and removed, not left running."""
    token = secrets.token_hex(8)
    try:
        return client.containers.run(image, labels={OWNER_LABEL: str(os.getpid()), CALL_LABEL: token}, **kw)
    except BaseException:
        try:
            for c in client.containers.list(all=True, sparse=True, filters={"label": f"{CALL_LABEL}={token}"}):
                c.remove(force=True)
        except Exception:  # noqa: BLE001 - the sweep of a later run removes it
            pass
        raise


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

    def _client_and_image(self) -> tuple[Any, str]:
        """The docker client and image tag; on first use, containers of dead graders are swept."""
        client, tag, _ = self._ready()
        if not getattr(self, "_swept", False):
            sweep_stale_containers(client)
            self._swept = True
        return client, tag

    def open(self, limits: Limits) -> Session:
        return KernelSession(_DockerLauncher(*self._client_and_image()), limits)


class DockerTemplate(Template):
    """The fork template inside one long-lived container per grader process.

    The container has no network, a read-only root, no-new-privileges and docker's seccomp
    profile; its root process keeps only the capabilities needed to build each kernel's
    namespaces (SYS_ADMIN, SYS_CHROOT, SETUID, SETGID, SETPCAP, KILL). Kernels drop all of them, as on the
    host. The container's memory cap is the template's own size plus one submission's budget, and
    kernels are first in line for the OOM killer; so it grades one submission at a time: a second
    session of the same grader process (a multi-threaded worker) gets a container of its own.
    """

    what = "the docker-fork sandbox's template container"

    def __init__(self, client: Any, image: str, limits: Limits):
        from docker.types import Ulimit

        self.limits = limits
        self.dir = Path(tempfile.mkdtemp(prefix="grader-dtemplate-"))
        for sub in ("ctl", "sessions"):
            (self.dir / sub).mkdir()
        self.container = run_container(
            client, image, command=[_DockerLauncher.python, "-I", "/grader/zygote.py", "--socket", "/grader/ctl/zygote.sock",
                            *zygote_args(limits.forbidden)],
            detach=True, auto_remove=True,  # the template exits when this process's socket closes, and goes
            network_mode="none", read_only=True, user="0:0", cap_drop=["ALL"],
            cap_add=["SYS_ADMIN", "SYS_CHROOT", "SETUID", "SETGID", "SETPCAP", "KILL"], security_opt=["no-new-privileges"],
            mem_limit=f"{limits.memory_mb + 1024}m", memswap_limit=f"{limits.memory_mb + 1024}m",
            pids_limit=limits.pids + 8, nano_cpus=int(limits.cpus * 1_000_000_000), environment=dict(TEMPLATE_ENV, PATH=_CONTAINER_PATH),
            working_dir="/", ipc_mode="private",
            volumes={str(ZYGOTE): {"bind": "/grader/zygote.py", "mode": "ro"},
                     str(SECCOMP): {"bind": "/grader/seccomp.py", "mode": "ro"},
                     str(self.dir / "ctl"): {"bind": "/grader/ctl", "mode": "rw"},
                     str(self.dir / "sessions"): {"bind": "/grader/sessions", "mode": "rw"}},
            ulimits=[Ulimit(name="core", soft=0, hard=0), Ulimit(name="nofile", soft=limits.nofile, hard=limits.nofile)])
        super().__init__(self.dir / "sessions", self._running, self._log_tail)
        try:
            self.connect(self.dir / "ctl" / "zygote.sock")
            budget = int(self.ready.get("rss_mb", 0)) + 64 + limits.memory_mb
            self.container.update(mem_limit=f"{budget}m", memswap_limit=f"{budget}m")
        except BaseException:
            self.close()
            raise

    def _running(self) -> bool:
        try:
            self.container.reload()
            return self.container.status in ("created", "running")
        except Exception:  # noqa: BLE001 - a container that vanished is not running
            return False

    def _log_tail(self) -> str:
        try:
            lines = self.container.logs(tail=5).decode("utf-8", "replace").strip().splitlines()
        except Exception:  # noqa: BLE001
            lines = []
        return lines[-1][:200] if lines else "no message"

    def alive(self) -> bool:
        return self.owner == os.getpid() and self._stream is not None and not self._stream.closed

    def path(self, host_path: Path) -> str:
        return "/grader/sessions/" + str(host_path.relative_to(self.dir / "sessions"))

    def oom_kills(self) -> int:
        """How many processes the container's memory cap killed so far (-1 when it cannot be read)."""
        for f in container_cgroup_files(self.container.id, "memory.oom_control", "memory.events"):
            try:
                for line in f.read_text().splitlines():
                    if line.startswith("oom_kill "):
                        return int(line.split()[1])
            except (OSError, ValueError):
                continue
        return -1

    def close(self) -> None:
        super().close()
        try:
            self.container.remove(force=True)
        except Exception:  # noqa: BLE001 - already gone
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


class _ForkedInContainer(ForkedKernel):
    def __init__(self, owner: DockerTemplate, pid: int, oom_before: int):
        super().__init__(owner, pid, None)
        self.oom_before = oom_before

    def oom_killed(self) -> bool:
        after = self.owner.oom_kills()  # type: ignore[attr-defined]
        return self.oom_before >= 0 and after > self.oom_before


class _DockerForkLauncher(ForkLauncher):
    """Kernels forked in a template container that this session holds alone until it closes."""

    def __init__(self, client: Any, image: str, limits: Limits):
        def fits(template: Template) -> bool:  # a container sized for another problem's budget is not reused
            held = template.limits  # type: ignore[attr-defined]
            return (held.memory_mb, held.pids, held.forbidden) == (limits.memory_mb, limits.pids, limits.forbidden)

        def take() -> Template:
            return pooled_template("docker", fits, lambda: DockerTemplate(client, image, limits))

        super().__init__(take, cgroups=False)

    def close(self) -> None:
        if self._template is not None:
            release_template(self._template)
            self._template = None

    def prepare(self, owner: Template, limits: Limits) -> None:
        assert isinstance(owner, DockerTemplate)
        self._oom_before = owner.oom_kills()

    def running(self, owner: Template, pid: int, cgroup: CGroup | None) -> Running:
        assert isinstance(owner, DockerTemplate)
        return _ForkedInContainer(owner, pid, self._oom_before)


class DockerForkSandbox(DockerSandbox):
    """docker's image and container boundary, with kernels forked from a warm template inside it."""

    name = "docker-fork"

    def open(self, limits: Limits) -> Session:
        return KernelSession(_DockerForkLauncher(*self._client_and_image(), limits), limits)

    def warm_up(self, limits: Limits | None = None) -> None:
        """Start a template container of this process now (for `limits`, by default the default limits)."""
        client, tag, _ = self._ready()
        wanted = limits or Limits()
        release_template(pooled_template("docker", lambda t: t.limits == wanted,  # type: ignore[attr-defined]
                                         lambda: DockerTemplate(client, tag, wanted)))
