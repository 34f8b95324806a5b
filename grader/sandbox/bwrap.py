"""The `bwrap` backend: bubblewrap namespaces (no network, own PID space, private /tmp and work
directory, read-only Python environment, nothing else of the host), plus cgroup or rlimit caps."""
from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from grader.sandbox.base import Sandbox, Session
from grader.sandbox.kernel import KernelLauncher, KernelSession, Running, SessionDirs, popen_in_cgroup
from grader.sandbox.limits import Limits, MiB
from grader.resources import sandbox_masks
from grader.sandbox.zygote import ETC_FILES, SYSTEM_DIRS, python_roots



class _BwrapLauncher(KernelLauncher):
    def sandbox_paths(self, root: Path) -> tuple[str, str, str]:
        return "/grader/ipc", "/grader/req", "/home/learner"

    def argv(self, dirs: SessionDirs, limits: Limits, env: dict[str, str]) -> list[str]:
        args = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
                "--uid", "1000", "--gid", "1000", "--cap-drop", "ALL",
                "--unshare-user", "--disable-userns"]  # no nested user namespaces: less kernel attack surface
        tmp_size = str(limits.disk_mb * MiB)
        # Scratch mounts first: a later bind (e.g. a venv under /tmp) must not be hidden by them.
        args += ["--proc", "/proc", "--dev", "/dev",
                 "--size", tmp_size, "--tmpfs", "/tmp",
                 "--size", tmp_size, "--tmpfs", dirs.work_in]
        for d in SYSTEM_DIRS:
            if os.path.isdir(d) and not os.path.islink(d):
                args += ["--ro-bind", d, d]
            elif os.path.islink(d):
                args += ["--symlink", os.readlink(d), d]
        for f in ETC_FILES:
            if os.path.exists(f):
                args += ["--ro-bind", f, f]
        roots = python_roots()
        for root in roots:
            args += ["--ro-bind", root, root]
        for hidden in sandbox_masks(roots):  # an installed grader: its checks and solutions stay out of sight
            args += ["--tmpfs", hidden, "--remount-ro", hidden]
        args += ["--bind", str(dirs.ipc), dirs.ipc_in,
                 "--ro-bind", str(dirs.req), dirs.req_in,
                 "--remount-ro", "/",  # the sandbox's own root: only /tmp, home and the sockets stay writable
                 "--chdir", dirs.work_in]
        for k, v in env.items():
            args += ["--setenv", k, v]
        return args + self.kernel_argv(dirs)

    def launch(self, dirs: SessionDirs, limits: Limits, env: dict[str, str]) -> Running:
        # The kernel runs as uid 1000 inside; the socket directory must be writable for it.
        os.chmod(dirs.ipc, 0o777)
        return popen_in_cgroup(self.argv(dirs, limits, env), dirs, limits, {"PATH": "/usr/bin:/bin"}, cwd="/")


@lru_cache(maxsize=1)
def _probe() -> str | None:
    exe = shutil.which("bwrap")
    if exe is None:
        return "bubblewrap is not installed: install it with 'apt-get install bubblewrap' (Debian/Ubuntu)"
    try:
        proc = subprocess.run([exe, "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent",
                               "--ro-bind", "/", "/", "true"],
                              capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap could not start: {exc}"
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        return f"bubblewrap cannot create namespaces here ({msg[0][:160]}); user namespaces may be disabled"
    return None


class BwrapSandbox(Sandbox):
    """Namespaces via bubblewrap: no network, no host files beyond the read-only Python runtime."""

    name = "bwrap"
    isolated = True

    def unavailable_reason(self) -> str | None:
        return _probe()

    def open(self, limits: Limits) -> Session:
        return KernelSession(_BwrapLauncher(), limits)
