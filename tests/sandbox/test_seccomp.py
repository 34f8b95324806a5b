"""The sandboxes' seccomp filter (seccomp.py), built once and used by every backend: a well-formed
program for each architecture, and on this machine a process under it is refused exactly what the
filter lists (checked in a child process, since a filter cannot be removed)."""
from __future__ import annotations

import json
import platform
import subprocess
import sys

import pytest

from grader.sandbox import seccomp

PROBE = r"""
import ctypes, errno, fcntl, json, os, socket, sys
sys.path.insert(0, sys.argv[1])
import seccomp
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
NR = {"x86_64": {"keyctl": 250, "open_tree": 428, "fsopen": 430, "move_mount": 429, "mount_setattr": 442,
                 "inotify_init1": 294, "pidfd_getfd": 438, "bpf": 321, "perf_event_open": 298, "io_uring_setup": 425,
                 "unshare": 272},
      "aarch64": {"keyctl": 219, "open_tree": 428, "fsopen": 430, "move_mount": 429, "mount_setattr": 442,
                  "inotify_init1": 26, "pidfd_getfd": 438, "bpf": 280, "perf_event_open": 241, "io_uring_setup": 425,
                  "unshare": 97}}[os.uname().machine]
def err(call):
    try:
        call()
        return "ok"
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))
def raw(name, *args):
    def call():
        if libc.syscall(NR[name], *args) < 0:
            raise OSError(ctypes.get_errno(), name)
    return call
before = {"keyctl": err(raw("keyctl", 0, -3, 0))}  # KEYCTL_GET_KEYRING_ID of the session keyring: works unfiltered
seccomp.install()
out = {"families": {}, "before": before}
for fam in (1, 2, 10, 16, 40, 17, 38, 31, 15, 30, 21, 29, 44, 4, 9):
    kind = socket.SOCK_DGRAM if fam in (1, 2, 10, 16) else socket.SOCK_STREAM
    out["families"][fam] = err(lambda: socket.socket(fam, kind, 0).close())
out["socketpair_vsock"] = err(lambda: socket.socketpair(40, socket.SOCK_STREAM))
import struct
f = open(sys.argv[2], "r+b")
out["flock"] = err(lambda: fcntl.flock(f, fcntl.LOCK_EX))
out["lockf"] = err(lambda: fcntl.lockf(f, fcntl.LOCK_EX))
wrlck = struct.pack("hhqqi", fcntl.F_WRLCK, 0, 0, 0, 0)
out["ofd_lock"] = err(lambda: fcntl.fcntl(f, 37, wrlck))
out["getlk"] = struct.unpack("hhqqi", fcntl.fcntl(f, fcntl.F_GETLK, wrlck))[0] == fcntl.F_UNLCK
out["locks_held"] = [l for l in open("/proc/locks").read().splitlines() if f" {os.getpid()} " in l]
out["f_notify"] = err(lambda: fcntl.fcntl(os.open("/", os.O_RDONLY), 1026, 1))
out["getfl"] = err(lambda: fcntl.fcntl(f, fcntl.F_GETFL))
for name in ("keyctl", "open_tree", "fsopen", "move_mount", "mount_setattr", "inotify_init1", "pidfd_getfd", "bpf",
             "perf_event_open", "io_uring_setup"):
    out[name] = err(raw(name, 0, 0, 0, 0, 0))
out["userns"] = err(raw("unshare", 0x10000000))
out["pipe"] = err(lambda: os.close(os.pipe()[0]))
print(json.dumps(out))
"""


@pytest.mark.parametrize("machine", sorted(seccomp.SECCOMP_TABLE))
def test_the_program_is_well_formed_for_every_architecture(machine: str) -> None:
    prog = seccomp.instructions(machine)
    assert len(prog) < 4096 and len(seccomp.program(machine)) == 8 * len(prog)
    for i, (code, jt, jf, _) in enumerate(prog):
        if code & 0x07 == 0x05 and code != 0x05:  # conditional jumps land inside the program
            assert i + 1 + max(jt, jf) < len(prog)
    assert prog[-1] == (0x06, 0, 0, 0x7FFF0000)
    table = seccomp.SECCOMP_TABLE[machine]
    refused = {k for c, _, _, k in prog if c == 0x15}
    assert {428, 429, 430, 431, 432, 433, 442} <= set(table.denied)  # the new mount API, on every arch
    assert set(table.denied) | {table.flock} <= refused
    assert {k for c, _, _, k in prog if c == 0x06} == {0x80000000, 0x7FFF0000, 0x00050000, 0x00050000 | seccomp.EPERM,
                                                         0x00050000 | seccomp.ENOSYS, 0x00050000 | seccomp.EAFNOSUPPORT}


@pytest.mark.skipif(platform.machine() not in seccomp.SECCOMP_TABLE, reason="no filter for this architecture")
def test_a_filtered_process_is_refused_what_the_filter_lists(tmp_path) -> None:
    here = str(__import__("pathlib").Path(seccomp.__file__).parent)
    lockable = tmp_path / "shared.bin"
    lockable.write_bytes(b"x" * 64)
    out = json.loads(subprocess.run([sys.executable, "-I", "-c", PROBE, here, str(lockable)], capture_output=True,
                                    text=True, check=True, timeout=60).stdout)
    fam = out["families"]
    assert [fam[str(f)] for f in (1, 2, 10, 16)] == ["ok"] * 4
    assert {v for f, v in fam.items() if f not in ("1", "2", "10", "16")} == {"EAFNOSUPPORT"}
    assert out["socketpair_vsock"] == "EAFNOSUPPORT"
    # locks "succeed" but none is ever taken: nothing for another sandbox to observe
    assert out["flock"] == out["lockf"] == out["ofd_lock"] == "ok" and out["getlk"] is True and out["locks_held"] == []
    assert out["f_notify"] == "EPERM" and out["getfl"] == "ok" and out["pipe"] == "ok"
    for name in ("keyctl", "open_tree", "fsopen", "move_mount", "mount_setattr", "inotify_init1", "pidfd_getfd", "bpf",
                 "perf_event_open", "io_uring_setup", "userns"):
        assert out[name] == "EPERM", (name, out[name])
    assert out["before"]["keyctl"] == "ok"  # so the EPERM above is the filter's doing
