"""The `bwrap` backend: bubblewrap namespaces (no network, own PID space, private /tmp and work
directory, read-only Python environment, nothing else of the host), the sandboxes' seccomp filter,
plus cgroup or rlimit caps.

bubblewrap runs as an unprivileged user of its own (uids.py) when the grader is root, so the
sandbox's user is that id on the host, never root: it owns nothing of the host, not even its socket
directory, which it enters through its group. bubblewrap resolves its bind sources as that user: the
session directory is 0711 for it (entered, never listed), and the Python installation, which may sit
in a private home, is first bound into the session directory inside a mount namespace of bubblewrap's
own (made by the grader's child before it drops to that user), so the host's mount table is untouched.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from grader.libraries import RESTRICTED, STAND_IN, stand_in_for
from grader.resources import outermost, sandbox_masks
from grader.sandbox import seccomp
from grader.sandbox.base import Sandbox, Session
from grader.sandbox.kernel import KernelLauncher, KernelSession, Running, SessionDirs, popen_in_cgroup
from grader.sandbox.limits import Limits, MiB
from grader.sandbox.uids import sandbox_uid
from grader.sandbox.zygote import (
    CLONE_NEWNS,
    ETC_FILES,
    MS_BIND,
    MS_PRIVATE,
    MS_REC,
    SYSTEM_DIRS,
    library_paths,
    mount,
    python_roots,
    stray_site_dirs,
    unshare,
)

INSIDE_UID = 1000


@lru_cache(maxsize=1)
def _libraries() -> tuple[dict[str, list[str]], list[str]]:
    """The restricted libraries' folders and the unused site folders of this interpreter (the sandbox's)."""
    return library_paths(RESTRICTED), stray_site_dirs(python_roots())


def library_masks(forbidden: frozenset[str]) -> list[str]:
    """Folders a session that forbids `forbidden` gets empty: unused site folders and those libraries."""
    libraries, stray = _libraries()
    return outermost([*stray, *(p for name in forbidden for p in libraries.get(name, ()))])


def _drop_to(uid: int, stage: Sequence[tuple[str, str]] = ()) -> Callable[[], None]:
    """Run in the child before exec: bind each (source, staging dir) in a private mount namespace, then
    become `uid` with no supplementary groups."""
    def drop() -> None:
        if stage:
            unshare(CLONE_NEWNS)
            mount(None, "/", None, MS_REC | MS_PRIVATE)
            for src, dst in stage:
                mount(src, dst, None, MS_BIND | MS_REC)
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
    return drop


def _data_fd(data: bytes, name: str = "grader-data") -> int:
    fd = os.memfd_create(name, os.MFD_CLOEXEC)
    os.write(fd, data)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def _seccomp_fd() -> int:
    return _data_fd(seccomp.program(), "grader-seccomp")


class _BwrapLauncher(KernelLauncher):
    def __init__(self) -> None:
        self._uid: int | None = None

    def sandbox_paths(self, root: Path) -> tuple[str, str, str]:
        return "/grader/ipc", "/grader/req", "/home/learner"

    def sandbox_ids(self) -> tuple[int, int]:
        if os.geteuid() != 0:
            return os.getuid(), os.getgid()  # an unprivileged grader: bubblewrap maps the sandbox to it
        if self._uid is None:
            self._uid = sandbox_uid()
        return self._uid, self._uid

    def root_mode(self) -> int:
        return 0o711 if os.geteuid() == 0 else 0o700

    def argv(self, dirs: SessionDirs, limits: Limits, env: dict[str, str], seccomp_fd: int,
             roots: list[tuple[str, str]], stand_ins: dict[str, int] | None = None) -> list[str]:
        """bubblewrap's command line; `stand_ins` maps masked package folders to a file descriptor holding
        the `__init__.py` they get (libraries.STAND_IN)."""
        args = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
                "--uid", str(INSIDE_UID), "--gid", str(INSIDE_UID), "--cap-drop", "ALL",
                "--unshare-user", "--disable-userns",  # no nested user namespaces: less kernel attack surface
                "--seccomp", str(seccomp_fd)]
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
        for source, root in roots:
            args += ["--ro-bind", source, root]
        # An installed grader (checks and solutions), unused site folders and the forbidden libraries stay
        # out of sight.
        for hidden in self.masks(limits, roots):
            args += ["--tmpfs", hidden]
            if hidden in (stand_ins or {}):
                args += ["--ro-bind-data", str((stand_ins or {})[hidden]), hidden + "/__init__.py"]
            args += ["--remount-ro", hidden]
        args += ["--bind", str(dirs.ipc), dirs.ipc_in,
                 "--ro-bind", str(dirs.req), dirs.req_in,
                 "--remount-ro", "/",  # the sandbox's own root: only /tmp, home and the sockets stay writable
                 "--chdir", dirs.work_in]
        for k, v in env.items():
            args += ["--setenv", k, v]
        return args + self.kernel_argv(dirs)

    @staticmethod
    def masks(limits: Limits, roots: list[tuple[str, str]]) -> list[str]:
        return outermost(sandbox_masks([root for _, root in roots]) + library_masks(limits.forbidden))

    def launch(self, dirs: SessionDirs, limits: Limits, env: dict[str, str]) -> Running:
        uid, _ = self.sandbox_ids()
        drop, roots = None, [(r, r) for r in python_roots()]
        if uid != os.getuid():
            roots = [(str(dirs.root / f"python{i}"), r) for i, r in enumerate(python_roots())]
            for staged, _ in roots:
                os.mkdir(staged, 0o755)
            drop = _drop_to(uid, [(r, staged) for staged, r in roots])
        seccomp_fd = _seccomp_fd()
        stand_ins = {m: _data_fd(STAND_IN.read_bytes()) for m in self.masks(limits, roots)
                     if stand_in_for(m, limits.forbidden)}
        try:
            return popen_in_cgroup(self.argv(dirs, limits, env, seccomp_fd, roots, stand_ins), dirs, limits,
                                   {"PATH": "/usr/bin:/bin"}, cwd="/", then=drop,
                                   pass_fds=(seccomp_fd, *stand_ins.values()))
        finally:
            for fd in (seccomp_fd, *stand_ins.values()):
                os.close(fd)


@lru_cache(maxsize=1)
def _probe() -> str | None:
    exe = shutil.which("bwrap")
    if exe is None:
        return "bubblewrap is not installed: install it with 'apt-get install bubblewrap' (Debian/Ubuntu)"
    drop = _drop_to(sandbox_uid()) if os.geteuid() == 0 else None
    try:
        proc = subprocess.run([exe, "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent",
                               "--ro-bind", "/", "/", "true"],
                              capture_output=True, timeout=20, preexec_fn=drop, cwd="/")
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap could not start: {exc}"
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        return (f"bubblewrap cannot run as an unprivileged user here ({msg[0][:160]}): user namespaces may be "
                "disabled for unprivileged users (kernel.unprivileged_userns_clone)")
    return None


class BwrapSandbox(Sandbox):
    """Namespaces via bubblewrap: no network, no host files beyond the read-only Python runtime."""

    name = "bwrap"
    isolated = True

    def unavailable_reason(self) -> str | None:
        return _probe()

    def open(self, limits: Limits) -> Session:
        return KernelSession(_BwrapLauncher(), limits)
