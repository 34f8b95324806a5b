"""The template process of the `fork` sandbox: it imports the scientific stack once, never runs
learner code, and on request forks one submission's kernel into fresh namespaces.

Run by `grader.sandbox.fork` as root with `python -I zygote.py MODULE...`. It speaks JSON lines on
stdin/stdout. Standard library only until the preload, and nothing of the grader's trusted side is
imported, so a forked kernel inherits the scientific stack and nothing else. The seccomp filter
every backend uses lives beside it (`seccomp.py`).

Each spawn makes three processes:
- the *keeper* (root, host PID namespace): joins the submission's cgroup, unshares the mount, PID,
  network, IPC, UTS and cgroup namespaces, forks the init, and exits with its status;
- the *init* (PID 1 inside): builds a fresh root from the requested mounts, pivots into it, drops
  every capability and switches to the submission's own user id, then forks the kernel and reaps
  orphans until the kernel exits;
- the *kernel*: reseeds the random generators and runs ipykernel on the given connection file.
"""
from __future__ import annotations

import ctypes
import gc
import glob
import importlib
import importlib.util
import json
import os
import platform
import signal
import socket
import sys
import time
import traceback
import types

CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS = 0x00020000, 0x02000000, 0x04000000
CLONE_NEWIPC, CLONE_NEWPID, CLONE_NEWNET = 0x08000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT = 1, 2, 4, 8, 32
MS_BIND, MS_MOVE, MS_REC, MS_PRIVATE = 4096, 8192, 16384, 1 << 18
MNT_DETACH = 2
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 1, 4, 24, 38
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41}
# What a sandbox's root holds of the host (or container), read-only; the bwrap backend uses them too.
SYSTEM_DIRS = ("/usr", "/bin", "/lib", "/lib64", "/lib32", "/sbin")
ETC_FILES = ("/etc/ld.so.cache", "/etc/localtime", "/etc/nsswitch.conf")
_libc = ctypes.CDLL(None, use_errno=True)


def _load_seccomp() -> types.ModuleType:
    """The filter module beside this file, loaded by path (`python -I` leaves the script's directory off sys.path)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seccomp.py")
    spec = importlib.util.spec_from_file_location("_grader_seccomp", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


seccomp = _load_seccomp()


def _ok(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _b(text: str | None) -> bytes | None:
    return text.encode() if text is not None else None


def mount(src: str | None, dst: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    _ok(_libc.mount(_b(src), _b(dst), _b(fstype), ctypes.c_ulong(flags), _b(data)), f"mount {dst}")


def unshare(flags: int) -> None:
    _ok(_libc.unshare(flags), "unshare")


def prctl(option: int, arg: int = 0, arg3: int = 0) -> int:
    return _libc.prctl(option, ctypes.c_ulong(arg), ctypes.c_ulong(arg3), ctypes.c_ulong(0), ctypes.c_ulong(0))


def _die_with_parent(parent: int) -> None:
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(70)


# ------------------------------------------------------------------ inside the new namespaces

def _build_root(root: str, mounts: list[list[str]]) -> None:
    """Mount a tmpfs at `root` and populate it: ("ro"|"rw"|"dev", src, dst), ("tmpfs", options, dst),
    ("symlink", target, dst), ("proc", "", dst), ("dir", mode, dst), ("file", text, dst)."""
    mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755")
    for kind, src, dst in mounts:
        target = root + dst
        if kind == "symlink":
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.symlink(src, target)
            continue
        if kind == "dir":
            os.makedirs(target, exist_ok=True)
            os.chmod(target, int(src, 8))
            continue
        if kind == "file":  # a read-only file with the given text (inside a tmpfs mounted before)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o444)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(src)
            continue
        if kind in ("ro", "rw", "dev") and not os.path.isdir(src):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            open(target, "a").close()
        else:
            os.makedirs(target, exist_ok=True)
        if kind == "tmpfs":
            mount("tmpfs", target, "tmpfs", MS_NOSUID | MS_NODEV, src)
        elif kind == "proc":
            mount("proc", target, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
        else:
            mount(src, target, None, MS_BIND)
            flags = MS_BIND | MS_REMOUNT | MS_NOSUID | (MS_RDONLY if kind == "ro" else 0)
            mount(None, target, None, flags | (MS_NOEXEC if kind == "dev" else MS_NODEV))
    os.chdir(root)
    os.mkdir(".old")
    if _libc.syscall(SYS_PIVOT_ROOT[platform.machine()], b".", b".old") == 0:
        os.chdir("/")
        _ok(_libc.umount2(b"/.old", MNT_DETACH), "umount old root")
        os.rmdir("/.old")
    else:  # pivot_root refused (docker's seccomp profile): move the new root over the old one instead
        os.rmdir(".old")
        mount(".", "/", None, MS_MOVE)
        os.chroot(".")
        os.chdir("/")
    mount(None, "/", None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)


def _drop_privileges(uid: int) -> None:
    """No capabilities (bounding set included), no supplementary groups, one unprivileged user id."""
    for cap in range(64):
        if prctl(PR_CAPBSET_DROP, cap) != 0:
            break
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL)
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    _ok(prctl(PR_SET_NO_NEW_PRIVS, 1), "no_new_privs")
    if os.getuid() == 0 or os.geteuid() == 0:
        raise OSError("still root after dropping privileges")


def _fresh_secrets() -> None:
    """Give a forked kernel its own random state and keys: nothing secret is shared with its siblings.

    What cannot be renewed after the interpreter started: the str/bytes hash secret (every dict the
    template built caches hashes made with it) and the address layout. A kernel can learn both, and
    so knows them for its siblings, which they only help to attack from inside their own process."""
    import random

    random.seed()
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()
    mp = sys.modules.get("multiprocessing")
    if mp is not None:
        mp.current_process().authkey = os.urandom(32)


def _run_kernel(req: dict) -> None:
    os.environ.clear()
    os.environ.update(req["env"])
    os.chdir(req["cwd"])
    os.umask(0o077)
    _fresh_secrets()
    from ipykernel.kernelapp import IPKernelApp

    sys.argv = ["ipykernel_launcher", *req["kernel_args"]]
    IPKernelApp.launch_instance(argv=req["kernel_args"])


def _init(req: dict) -> None:
    """PID 1 of the new namespaces: build the root, drop privileges, run the kernel, reap orphans."""
    _die_with_parent(0)  # the keeper is outside this PID namespace, so it shows as parent 0
    _build_root(req["root"], req["mounts"])
    socket.sethostname("sandbox")
    import resource

    for name, soft, hard in req["rlimits"]:
        resource.setrlimit(getattr(resource, name), (soft, hard))
    _drop_privileges(req["uid"])
    _die_with_parent(0)  # a credential change clears the parent-death signal
    seccomp.install()
    kernel = os.fork()
    if kernel == 0:
        try:
            _run_kernel(req)
        except BaseException:  # noqa: BLE001 - the reason goes to the session's log
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(70)
        os._exit(0)
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            os._exit(0)
        if pid == kernel:
            os._exit(os.waitstatus_to_exitcode(status) & 0xFF)


def _keeper(req: dict, template: int) -> None:
    """Runs in the forked child of the template: log, cgroup, namespaces, then the init."""
    _die_with_parent(template)
    log = os.open(req["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    null = os.open("/dev/null", os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.closerange(3, 65536)
    sys.stdout = open(1, "w", closefd=False)
    sys.stderr = open(2, "w", closefd=False)
    with open("/proc/self/oom_score_adj", "w") as f:
        f.write("1000")  # out of memory, the submission goes first, never the template
    for procs in req["cgroup_procs"]:
        with open(procs, "w") as f:
            f.write("0")
    _ok(_libc.unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP),
        "unshare")
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    init = os.fork()
    if init == 0:
        try:
            _init(req)
        except BaseException as exc:  # noqa: BLE001
            print(f"fork sandbox: could not set up the sandbox: {exc}", file=sys.stderr, flush=True)
            os._exit(70)
    # Asked to stop (SIGTERM from the template), the keeper kills the init and waits: once the init
    # is collected, every process of the namespace has exited and its memory is free again.
    signal.signal(signal.SIGTERM, lambda *_: os.kill(init, signal.SIGKILL))
    _, status = os.waitpid(init, 0)
    os._exit(os.waitstatus_to_exitcode(status) & 0xFF)


# ------------------------------------------------------------------ the template's loop

def _spawn(req: dict) -> int:
    template = os.getpid()
    pid = os.fork()
    if pid == 0:
        try:
            _keeper(req, template)
        except BaseException as exc:  # noqa: BLE001
            try:
                print(f"fork sandbox: could not start the sandbox: {exc}", file=sys.stderr, flush=True)
            finally:
                os._exit(70)
    _pidfds[pid] = os.pidfd_open(pid)  # not reaped yet, so the pid is still this child's
    return pid


# Keepers are signalled and waited for through pidfds only: a pid number can be reused once its
# process is collected, a pidfd never refers to another process.
_pidfds: dict[int, int] = {}
_exited: dict[int, int] = {}  # keepers collected by a poll, with their exit codes (until reaped)


def _status(info: os.waitid_result) -> int:
    return info.si_status if info.si_code == os.CLD_EXITED else -info.si_status


def _collect(pid: int, block: bool) -> bool:
    """Wait for (or, with block=False, check) keeper `pid`; True once it is collected."""
    fd = _pidfds.get(pid)
    if fd is None:
        return True
    try:
        info = os.waitid(os.P_PIDFD, fd, os.WEXITED | (0 if block else os.WNOHANG))
    except ChildProcessError:
        info = None
        _exited[pid] = -1
    else:
        if info is None:
            return False
        _exited[pid] = _status(info)
    os.close(_pidfds.pop(pid))
    return True


def _kill(pid: int, sig: int = signal.SIGTERM) -> None:
    fd = _pidfds.get(pid)
    if fd is not None:
        try:
            signal.pidfd_send_signal(fd, sig)
        except ProcessLookupError:
            pass


def _poll(pid: int) -> bool:
    """Whether a keeper still runs (one that ended is collected and remembered)."""
    return not _collect(pid, block=False)


def _reap(pid: int) -> int | None:
    """Stop (if still running) and collect a keeper; its exit code, negative for a signal."""
    _kill(pid)
    deadline = time.monotonic() + 10
    while not _collect(pid, block=False):
        if time.monotonic() > deadline:
            _kill(pid, signal.SIGKILL)  # a keeper that does not stop is killed; its init follows it
            _collect(pid, block=True)
            break
        time.sleep(0.002)
    return _exited.pop(pid, None)


def python_roots() -> list[str]:
    """Directories this interpreter needs, read-only: the venv and its base installation."""
    roots = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    roots.add(os.path.realpath(os.path.dirname(os.path.realpath(sys.executable))))
    return sorted(r for r in roots if not any(r != o and r.startswith(o + "/") for o in roots))


def _layout() -> dict:
    """What this machine (or container) has where a sandbox root takes it from."""
    system = {}
    for d in SYSTEM_DIRS:
        if os.path.islink(d):
            system[d] = "symlink:" + os.readlink(d)
        elif os.path.isdir(d):
            system[d] = "dir"
    etc = [f for f in ETC_FILES if os.path.exists(f)]
    return {"system": system, "etc": etc, "python_roots": python_roots(), "python": sys.executable}


class _Unavailable:
    """A meta path finder that makes the named top-level packages unimportable (during the preload only)."""

    def __init__(self, names: set[str]):
        self.names = names

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if fullname.split(".", 1)[0] in self.names:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


def library_paths(libraries: dict[str, str]) -> dict[str, list[str]]:
    """For each top-level import name, the folders of every installed copy of its distribution (the
    package, vendored `.libs`, metadata), as real paths; a name with nothing installed maps to []."""
    from importlib import metadata

    found: dict[str, list[str]] = {}
    for name, dist_name in libraries.items():
        paths = set()
        for dist in metadata.distributions(name=dist_name):
            tops = {f.parts[0] for f in (dist.files or []) if f.parts and f.parts[0] != ".." and not f.is_absolute()}
            paths.update(p for p in (os.path.realpath(str(dist.locate_file(t))) for t in tops) if os.path.isdir(p))
        found[name] = sorted(paths)
    return found


def _pairs(text: str) -> dict[str, str]:
    """`import=distribution,...` as a dict."""
    return dict(item.split("=", 1) for item in text.split(",") if "=" in item)


def stray_site_dirs(roots: list[str]) -> list[str]:
    """Site folders a sandbox can see but this interpreter does not use (a base installation's own
    site-packages, the system's dist-packages): libraries there are reachable only by path, so they are
    hidden whole."""
    on_path = [os.path.realpath(p) for p in sys.path if p]
    found = set()
    for base in [*roots, "/usr", "/usr/local"]:
        for pattern in ("lib*/python3*/site-packages", "lib*/python3*/dist-packages", "lib*/python3/dist-packages"):
            found.update(os.path.realpath(p) for p in glob.glob(os.path.join(base, pattern)) if os.path.isdir(p))
    return sorted(d for d in found if not any(p == d or p.startswith(d + "/") for p in on_path))


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _serve(lines, write) -> None:
    for line in lines:
        req = json.loads(line)
        try:
            if req["op"] == "spawn":
                reply = {"pid": _spawn(req)}
            elif req["op"] == "poll":
                reply = {"alive": _poll(int(req["pid"]))}
            elif req["op"] == "kill":
                _kill(int(req["pid"]))
                reply = {"ok": True}
            elif req["op"] == "reap":
                reply = {"status": _reap(int(req["pid"]))}
            else:
                reply = {"error": f"unknown op {req['op']!r}"}
        except OSError as exc:
            reply = {"error": str(exc)}
        del req
        write(reply)


def main(argv: list[str]) -> None:
    """`zygote.py [--socket PATH] [--libraries NAME=DIST,...] [--forbid NAME,...] MODULE...`: preload (the
    forbidden libraries unimportable meanwhile), report readiness (with the folders of the named
    libraries, the stray site folders and the top-level modules loaded), then serve requests on
    stdin/stdout, or on the first connection to a Unix socket at PATH (inside a container).
    `zygote.py --libraries-only NAME=DIST,...`: print the folders and the stray site folders as JSON.
    `zygote.py --exec PROGRAM ARG...`: install the sandbox's seccomp filter, then exec PROGRAM."""
    if argv[:1] == ["--exec"]:
        seccomp.install()
        os.execv(argv[1], argv[1:])
    if argv[:1] == ["--libraries-only"]:
        print(json.dumps({"libraries": library_paths(_pairs(argv[1])), "stray": stray_site_dirs(python_roots())}))
        return
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    sock_path = None
    if argv[:1] == ["--socket"]:
        sock_path, argv = argv[1], argv[2:]
    restricted: dict[str, str] = {}
    if argv[:1] == ["--libraries"]:
        restricted, argv = _pairs(argv[1]), argv[2:]
    forbid: set[str] = set()
    if argv[:1] == ["--forbid"]:
        forbid, argv = {n for n in argv[1].split(",") if n}, argv[2:]
    # Libraries the kernels will not have are not loaded here either (an allowed one may import them
    # when it finds them, as scikit-learn does pandas): the preload sees them missing, as the kernel will.
    blocker = _Unavailable(forbid)
    sys.meta_path.insert(0, blocker)
    loaded = []
    for name in argv:
        try:
            importlib.import_module(name)
            loaded.append(name)
        except Exception:  # noqa: BLE001 - a missing optional library is simply not preloaded
            pass
    sys.meta_path.remove(blocker)
    libraries, stray = library_paths(restricted), stray_site_dirs(python_roots())
    gc.collect()
    gc.freeze()  # keep the shared pages shared: the collector would otherwise touch every object
    ready = {"ready": True, "preloaded": loaded, "threads": len(os.listdir("/proc/self/task")),
             "layout": _layout(), "rss_mb": _rss_mb(), "libraries": libraries,
             "stray": stray, "modules": sorted({m.split(".")[0] for m in sys.modules})}
    if sock_path is None:
        def write(obj: dict) -> None:
            sys.stdout.write(json.dumps(obj) + "\n")
            sys.stdout.flush()

        write(ready)
        _serve(sys.stdin, write)
        return
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(sock_path)
    listener.listen(1)
    conn, _ = listener.accept()
    listener.close()
    os.unlink(sock_path)
    stream = conn.makefile("rw", encoding="utf-8")

    def send(obj: dict) -> None:
        stream.write(json.dumps(obj) + "\n")
        stream.flush()

    send(ready)
    _serve(stream, send)


if __name__ == "__main__":
    main(sys.argv[1:])
