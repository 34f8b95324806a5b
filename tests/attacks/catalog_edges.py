"""Attacks on the trusted side's edges (issue 15): memory through the codec and the kernel channels, paths
the kernel names, what the kernel says about its exceptions, and the sandbox's own edges.

Each entry is a variant of a catalogue attack (its id says which), run by test_attacks.py with the same
common invariants as every other entry, plus an evidence check of its own.
"""
from __future__ import annotations

from typing import Any

from tests.attacks.catalog import ANY_STATUS as ANY
from tests.attacks.catalog import NOT_PASSED, Attack
from tests.attacks.harness import AttackSucceeded, Run
from tests.conftest import SOFTMAX_OK

_HOST_GROWTH_MB = 160  # what one grading may add to the trusted process under a memory attack


def fail_if(condition: bool, message: str) -> None:
    if condition:
        raise AttackSucceeded(message)


def ev_host_growth(limit_mb: float = _HOST_GROWTH_MB):
    def check(run: Run) -> None:
        grew = run.extra["max_rss_mb"] - run.extra["start_rss_mb"]
        fail_if(grew > limit_mb, f"the trusted process grew by {grew:.0f} MiB while grading (bound {limit_mb} MiB)")
    return check


# ---------------------------------------------------------------- memory through the codec

# Replies that declare huge values in a few hundred bytes: a string dtype for a list column (pandas would
# allocate items x width), and .npy headers whose shape or width is far beyond the bytes that follow.
E5_DTYPE = r'''
import base64
import numpy as np


def _npy(descr, shape, payload=b""):
    head = "{'descr': %r, 'fortran_order': False, 'shape': %r, }" % (descr, tuple(shape))
    head += " " * (-(len(head) + 11) % 64) + "\n"
    return base64.b64encode(b"\x93NUMPY\x01\x00" + len(head).to_bytes(2, "little") + head.encode() + payload).decode()


_index = {"__t": "index", "kind": "range", "start": 0, "stop": 20, "step": 1, "name": None}
atk_replies = [
    {"ok": True, "value": {"__t": "series", "name": None, "index": _index,
                           "values": {"kind": "list", "dtype": "|S60000000", "v": ["a"] * 20}}},
    {"ok": True, "value": {"__t": "series", "name": None, "index": _index,
                           "values": {"kind": "list", "dtype": "<U15000000", "v": ["a"] * 20}}},
    {"ok": True, "value": {"__t": "ndarray", "npy": _npy("|S400000000", (2,))}},
    {"ok": True, "value": {"__t": "ndarray", "npy": _npy("<f8", (200000000,), b"\0" * 64)}},
    {"ok": True, "value": {"__t": "npscalar", "npy": _npy("<U100000000", ())}},
    {"ok": True, "value": {"__t": "index", "kind": "range", "start": 0, "stop": 10 ** 9 - 1, "step": 1, "name": None}},
]
_n = [0]


def softmax(z, axis=-1):
    agent = sys.modules["_grader_agent"]

    def handle(request_text, ns):
        _n[0] += 1
        return json.dumps(atk_replies[(_n[0] - 1) % len(atk_replies)])

    agent.handle = handle
    return np.zeros_like(z)
'''

# ---------------------------------------------------------------- memory through the kernel's channels

# One message of many large frames on every channel the kernel can write to: the stdin and control
# channels (which the grader does not read while cells run) and the output channel.
C9_FRAMES = r'''
_k = get_ipython().kernel
_s = _k.session
_ident = _k._parent_ident["shell"]
_parent = _k.get_parent("shell")
_blob = b"\0" * (40 * 1024 * 1024)
atk_sent = {}


def _try(name, fn):
    try:
        fn()
        atk_sent[name] = "sent"
    except Exception as e:
        atk_sent[name] = type(e).__name__


_try("stdin", lambda: [_s.send(_k.stdin_socket, "input_request", {"prompt": "", "password": False}, parent=_parent,
                               ident=_ident, buffers=[_blob] * 6) for _ in range(3)])
_try("iopub", lambda: _s.send(_k.iopub_socket, "display_data", {"data": {"text/plain": "x"}, "metadata": {},
                              "transient": {}}, parent=_parent, buffers=[_blob] * 6))
time.sleep(3)
'''

# Comm messages with binary buffers, spread over many comm ids (stored per id by a naive client).
C9_COMM = r'''
_k = get_ipython().kernel
_parent = _k.get_parent("shell")
_blob = b"\0" * (16 * 1024 * 1024)
for _i in range(24):
    _k.session.send(_k.iopub_socket, "comm_open",
                    {"comm_id": f"c{_i}", "target_name": "jupyter.widget",
                     "data": {"state": {"_model_module": "x", "_model_name": "y"}, "buffer_paths": [["a"]]}},
                    parent=_parent, buffers=[_blob])
    _k.session.send(_k.iopub_socket, "comm_msg",
                    {"comm_id": f"c{_i}", "data": {"method": "update", "state": {"v": _i}, "buffer_paths": [["b"]]}},
                    parent=_parent, buffers=[_blob])
time.sleep(3)
'''


def ev_output_cap(run: Run) -> None:
    ev_host_growth()(run)
    r = run.result
    assert r.status in ("error", "memory"), (r.status, r.error)


# ---------------------------------------------------------------- paths the kernel names

# Column and timestamp time zones that name host files: a FIFO (opening it would block the grader), the
# same FIFO through `..`, an existing zone file and a missing one (an oracle if the answers differed).
A3_TZPATH = r'''
import numpy as np
_paths = ["dateutil/" + ATK_FIFO, ATK_FIFO, "dateutil/../../../../.." + ATK_FIFO, "../../../../../.." + ATK_FIFO,
          "dateutil//usr/share/zoneinfo/UTC", "dateutil//nonexistent/zone", "/usr/share/zoneinfo/UTC",
          "/nonexistent/zone"]
_index = {"__t": "index", "kind": "range", "start": 0, "stop": 1, "step": 1, "name": None}
atk_replies = []
for _p in _paths:
    atk_replies.append({"ok": True, "value": {"__t": "series", "name": None, "index": _index,
                                              "values": {"kind": "list", "dtype": f"datetime64[ns, {_p}]", "v": [None]}}})
    atk_replies.append({"ok": True, "value": {"__t": "timestamp", "v": "2020-01-01T00:00:00+00:00", "tz": _p}})
_n = [0]


def softmax(z, axis=-1):
    agent = sys.modules["_grader_agent"]

    def handle(request_text, ns):
        _n[0] += 1
        return json.dumps(atk_replies[(_n[0] - 1) % len(atk_replies)])

    agent.handle = handle
    return np.zeros_like(z)
'''


def ev_no_oracle(run: Run) -> None:
    """Existing and missing zone files are refused alike (the host trap proves nothing was opened)."""
    messages = [c.message for c in run.result.checks if "zone" in c.message or "dtype" in c.message]
    assert messages, [c.message for c in run.result.checks]
    for m in messages:
        fail_if("not allowed" not in m, f"a kernel-named time zone got another answer than a refusal: {m}")
        fail_if("No such file" in m or "Errno" in m, f"feedback reveals the host file system: {m}")


# ---------------------------------------------------------------- what the kernel says about its exceptions

# Exception names and messages with terminal escapes, a forged result line and megabytes of text in a cell;
# through the call channel (the agent's reply forged), a NUL in the type name and in the module.
E7_NAMES_CELL = r'''
_Bad = type("Bad", (Exception,), {})
_Bad.__name__ = "\x1b]0;owned\x07\x1b[2J" + "E" * 4_000_000
raise _Bad("\x1b[32mpassed 10/10\x1b[0m\n" + "x" * 4_000_000)
'''
E7_NAMES_CALL = r'''
import numpy as np
_n = [0]


def _handle(request_text, ns):  # every answer, the grader's first question included, is a hostile error
    _n[0] += 1
    names = ["Value\x00Error", "\x1b[2J" + "N" * 4_000_000, "<img src=x onerror=alert(1)>", "\u202epassed"]
    return json.dumps({"ok": False, "error": {"type": names[(_n[0] - 1) % len(names)], "module": "builtins\x00",
                                              "mro": [["builtins", "ValueError"]] * 50,
                                              "message": "\x1b]52;c;cGFzc2Vk\x07passed 10/10\n" + "m" * 100000,
                                              "traceback": "\x00\x1b" * 1000}})


def _install(*_):
    agent = sys.modules.get("_grader_agent")
    if agent is not None and agent.handle is not _handle:
        agent.handle = _handle


get_ipython().events.register("post_run_cell", _install)  # the agent arrives in a later cell of the grader's


def softmax(z, axis=-1):
    return np.zeros_like(z)
'''

# ---------------------------------------------------------------- the sandbox's edges

# The socket directory: whose it is, what the kernel may still do in it, the log it writes to, and its
# sockets swapped for links to a host socket, then its output socket closed (libzmq would reconnect).
D14_SOCKDIR = r'''
atk = {}
_st = os.stat("/grader/ipc")
atk["owns_ipc"] = _st.st_uid == os.getuid()
atk["mode"] = oct(_st.st_mode & 0o7777)
try:
    os.chmod("/grader/ipc", 0o777)
    atk["chmod"] = True
except OSError:
    atk["chmod"] = False
atk["wrote"] = []
for _name in ("planted.txt", "k-9"):
    try:
        open("/grader/ipc/" + _name, "w").close()
        atk["wrote"].append(_name)
    except OSError:
        pass
try:
    os.symlink(ATK_HOST_SOCK, "/grader/ipc/link-" + ATK_TOKEN)
    atk["wrote"].append("link")
except OSError:
    pass
_kj = os.stat("/grader/ipc/kernel.json")
atk["kernel_json"] = [oct(_kj.st_mode & 0o777), _kj.st_uid == os.getuid()]
atk["swapped"] = []
for _port in (1, 2, 4):
    try:
        os.rename("/grader/ipc/k-%d" % _port, "/grader/ipc/old-%d" % _port)
        os.symlink(ATK_HOST_SOCK, "/grader/ipc/k-%d" % _port)
        atk["swapped"].append(_port)
    except OSError:
        pass
atk_report_text = atk_report(**atk)


def softmax(z, axis=-1):
    raise PermissionError(atk_report_text)
'''
D14_SOCKDIR_CLOSE = r'''
try:  # close the kernel's own output socket: a client that reconnects would now follow the link
    get_ipython().kernel.iopub_thread.socket.close(linger=0)
except Exception:
    pass
time.sleep(1)
'''


def ev_sockdir(run: Run) -> None:
    rep = report_in(run)
    if rep is None:
        return  # the closed output socket ended the session before the report came back: the host trap decides
    fail_if(rep["owns_ipc"] or rep["chmod"], f"the sandbox owns its socket directory on the host: {rep}")
    fail_if(bool(rep["wrote"]) or bool(rep["swapped"]), f"the sandbox wrote into its socket directory after connect: {rep}")
    fail_if(rep["kernel_json"][0] not in ("0o400", "0o444"), f"kernel.json is {rep['kernel_json']}")


def report_in(run: Run) -> dict[str, Any] | None:
    """The attack's report, wherever it came back (a cell error or a check message)."""
    return next((r for r in run.reports if r is not None), None)


D13_FAMILIES = r'''
import errno
atk_families = {}
for _fam in range(1, 46):
    try:
        socket.socket(_fam, socket.SOCK_DGRAM if _fam in (1, 2, 10, 16) else socket.SOCK_STREAM, 0).close()
        atk_families[_fam] = "ok"
    except OSError as e:
        atk_families[_fam] = errno.errorcode.get(e.errno, str(e.errno))
atk_vsock = {}
for _kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOCK_SEQPACKET):
    try:
        socket.socket(40, _kind).close()
        atk_vsock[_kind] = "ok"
    except OSError as e:
        atk_vsock[_kind] = errno.errorcode.get(e.errno, str(e.errno))


def softmax(z, axis=-1):
    raise PermissionError(atk_report(opened=sorted(f for f, v in atk_families.items() if v == "ok"),
                                     vsock=sorted(set(atk_vsock.values()))))
'''


def ev_families(run: Run) -> None:
    rep = run.report()
    opened = set(rep["opened"])
    fail_if(not opened <= {1, 2, 10, 16}, f"socket families beyond unix, inet, inet6 and netlink: {sorted(opened)}")
    fail_if("ok" in rep["vsock"], f"AF_VSOCK sockets can be made: {rep['vsock']}")
    assert {1, 2} <= opened, rep  # the filter leaves the families the kernel itself needs


# Locks and watches on the read-only trees every sandbox shares: a lock held here would be seen by a
# concurrent sandbox (a covert channel); a watch would show other submissions' and the grader's file opens.
D6_LOCKS = r'''
import ctypes, errno, fcntl, glob
_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long
_shared = sorted(glob.glob(sys.prefix + "/lib/python3*/site-packages/numpy/__init__.py")
                 + glob.glob(sys.base_prefix + "/lib/python3*/os.py")) + ["/usr/lib/os-release", "/bin/sh"]
_target = next(p for p in _shared if os.path.exists(p))
atk = {"target": _target[-40:]}
_f = open(_target, "rb")
for _name in ("flock", "posix"):
    try:
        if _name == "flock":
            fcntl.flock(_f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            fcntl.lockf(_f, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError as e:
        atk[_name] = "refused:" + errno.errorcode.get(e.errno, "?")
        continue
    _r, _w = os.pipe()
    if os.fork() == 0:  # another open file description in another process, as a concurrent sandbox would have
        try:
            _g = open(_target, "rb")
            if _name == "flock":
                fcntl.flock(_g, fcntl.LOCK_EX | fcntl.LOCK_NB)
                os.write(_w, b"free")
            else:
                _probe = fcntl.fcntl(_g, fcntl.F_GETLK, __import__("struct").pack("hhqqi", fcntl.F_WRLCK, 0, 0, 0, 0))
                os.write(_w, b"free" if __import__("struct").unpack("hhqqi", _probe)[0] == fcntl.F_UNLCK else b"held")
        except OSError:
            os.write(_w, b"held")
        os._exit(0)
    os.wait()
    atk[_name] = os.read(_r, 4).decode()
_fd = _libc.syscall(294 if os.uname().machine == "x86_64" else 26, 0)
atk["inotify"] = "ok" if _fd >= 0 else errno.errorcode.get(ctypes.get_errno(), "?")
try:
    fcntl.fcntl(os.open(os.path.dirname(_target), os.O_RDONLY), 1026, 0x80000020)  # F_NOTIFY, DN_MULTISHOT|DN_OPEN
    atk["dnotify"] = "ok"
except OSError as e:
    atk["dnotify"] = errno.errorcode.get(e.errno, "?")
atk["fanotify"] = "ok" if _libc.syscall(300 if os.uname().machine == "x86_64" else 262, 0, 0) >= 0 else "refused"


def softmax(z, axis=-1):
    raise PermissionError(atk_report(**atk))
'''


def ev_locks(run: Run) -> None:
    rep = run.report()
    for kind in ("flock", "posix"):
        fail_if(rep[kind] == "held", f"a {kind} lock on a shared read-only file is visible to another process: {rep}")
    fail_if("ok" in (rep["inotify"], rep["dnotify"], rep["fanotify"]), f"change notification works on shared trees: {rep}")


# The new mount API and the rest of the kernel attack surface, under the seccomp filter on every backend.
D13_SECCOMP = r'''
import ctypes, errno
_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long
_x86 = os.uname().machine == "x86_64"
_calls = {"open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433,
          "mount_setattr": 442, "pidfd_getfd": 438, "io_uring_setup": 425,
          "keyctl": 250 if _x86 else 219, "bpf": 321 if _x86 else 280, "perf_event_open": 298 if _x86 else 241,
          "userfaultfd": 323 if _x86 else 282, "ptrace": 101 if _x86 else 117, "kcmp": 312 if _x86 else 272}
atk = {"seccomp": open("/proc/self/status").read().split("Seccomp:")[1].split()[0], "calls": {}}
for _name, _nr in _calls.items():
    if _name in ("open_tree", "fspick"):
        _args = (-100, b"/", 0, 0, 0)
    elif _name == "keyctl":
        _args = (0, -3, 0, 0, 0)  # KEYCTL_GET_KEYRING_ID of the session keyring: allowed without a filter
    else:
        _args = (0, 0, 0, 0, 0)
    _ret = _libc.syscall(_nr, *_args)
    atk["calls"][_name] = "ok" if _ret >= 0 else errno.errorcode.get(ctypes.get_errno(), "?")


def softmax(z, axis=-1):
    raise PermissionError(atk_report(seccomp=atk["seccomp"], other={k: v for k, v in atk["calls"].items() if v != "EPERM"},
                                     n=len(atk["calls"])))
'''


def ev_seccomp(run: Run) -> None:
    rep = run.report()
    fail_if(rep["seccomp"] != "2", f"the kernel runs without a seccomp filter: {rep}")
    fail_if(bool(rep["other"]), f"syscalls the filter refuses answered otherwise: {rep['other']}")
    assert rep["n"] == 15, rep


# Per-kernel secrets of kernels forked from one template: each of two runs reports its own.
B14_SECRETS = r'''
import multiprocessing, random, uuid
import numpy as np
atk = {"authkey": multiprocessing.current_process().authkey.hex(), "uid": os.getuid(), "random": random.random(),
       "numpy": float(np.random.rand()), "uuid": str(uuid.uuid4()), "hash_randomized": sys.flags.hash_randomization}
atk_text = atk_report(**atk)


def softmax(z, axis=-1):
    raise PermissionError(atk_text)
'''


def ev_fresh_secrets(run: Run) -> None:
    first, second = run.report(0), run.report(1)
    # bubblewrap shows every sandbox the same inside id (1000); on the host each is its own (A8-private checks it)
    keys = ("authkey", "random", "numpy", "uuid") + (() if run.backend == "bwrap" else ("uid",))
    for key in keys:
        fail_if(first[key] == second[key], f"two submissions' kernels share their {key}: {first[key]}")
    fail_if(first["uid"] == 0 or second["uid"] == 0, "a kernel runs as root")


_PROC = "process fallback: same outcome (this does not depend on isolation)"

EDGES: list[Attack] = [
    Attack("E5-dtype", "replies declaring huge dtypes or shapes in a few hundred bytes", (E5_DTYPE,),
           statuses=frozenset({"failed", "error"}), limits={"memory_mb": 1024}, evidence=ev_host_growth(),
           process=_PROC),
    Attack("C9-frames", "one message of many large frames on the stdin, control and output channels",
           (SOFTMAX_OK, C9_FRAMES), statuses=NOT_PASSED, limits={"memory_mb": 1024, "cell_s": 10},
           evidence=ev_output_cap, process=_PROC),
    Attack("C9-comm", "comm messages with binary buffers over many comm ids", (SOFTMAX_OK, C9_COMM),
           statuses=NOT_PASSED, limits={"memory_mb": 1024, "cell_s": 10}, evidence=ev_output_cap, process=_PROC),
    Attack("A3-tzpath", "time zones that name host files (a FIFO, `..`, existing and missing zone files)",
           (A3_TZPATH,), statuses=frozenset({"failed"}), evidence=ev_no_oracle, process=_PROC),
    Attack("E7-names", "escape-laden, 4 MiB and NUL exception names and messages, through submit and batch",
           flow="names", statuses=ANY, process=_PROC),
    Attack("D14-sockdir", "own, widen, write into or re-link the socket directory, then force a reconnect",
           (D14_SOCKDIR, D14_SOCKDIR_CLOSE), statuses=NOT_PASSED, evidence=ev_sockdir,
           process="process fallback: the kernel runs as the grader's user and owns what it owns"),
    Attack("D13-families", "socket families beyond unix, inet, inet6 and netlink (AF_VSOCK and others)",
           (D13_FAMILIES,), evidence=ev_families, process="process fallback: the same seccomp filter"),
    Attack("D6-locks", "locks and change notification on the shared read-only trees (covert channels)",
           (D6_LOCKS,), evidence=ev_locks, process="process fallback: the same seccomp filter"),
    Attack("D13-seccomp", "the new mount API, keyrings, bpf, perf, ptrace, io_uring, pidfd_getfd under seccomp",
           (D13_SECCOMP,), evidence=ev_seccomp, process="process fallback: the same seccomp filter"),
    Attack("B14-secrets", "per-kernel secrets shared by kernels forked from one template", (B14_SECRETS,), runs=2,
           evidence=ev_fresh_secrets, process=_PROC),
    Attack("A8-private", "another local user reaching a running kernel: its directory, key and sockets; its uid",
           flow="private", statuses=ANY, process="process fallback: the kernel runs as the grader's own user"),
]
