"""The sandboxes' seccomp filter, one for every backend: installed in forked kernels by the template,
handed to bubblewrap (`--seccomp FD`), and installed before exec for docker and process kernels
(`python -I seccomp.py PROGRAM ARG...`). Standard library only: it also runs inside containers and
in the fork template, beside zygote.py.
"""
from __future__ import annotations

import ctypes
import os
import platform
import struct
import sys
from typing import NamedTuple

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2
NAMESPACE_FLAGS = 0x7E020000  # every CLONE_NEW* flag, CLONE_NEWUSER included
EPERM, ENOSYS, EAFNOSUPPORT = 1, 38, 97
SOCKET_FAMILIES = (1, 2, 10, 16)  # AF_UNIX, AF_INET, AF_INET6, AF_NETLINK: every other family is refused
# fcntl commands: setting a record lock (F_SETLK, F_SETLKW and the OFD ones) succeeds without taking one;
# leases and directory change notification (F_SETLEASE, F_NOTIFY) are refused. Reading lock state is
# allowed: no sandbox can ever hold a lock, so there is nothing of another sandbox to read.
FCNTL_RULES = ((6, 0), (7, 0), (37, 0), (38, 0), (1024, EPERM), (1026, EPERM))
# The syscalls refused outright, per architecture (SECCOMP_TABLE):
# namespaces; mounts, old API (mount, umount2, pivot_root) and new (open_tree, move_mount, fsopen, fsconfig,
# fsmount, fspick, mount_setattr); keyrings; bpf; userfaultfd; perf; ptrace, cross-process memory and
# descriptor access (process_vm_*, pidfd_getfd, kcmp); io_uring; file handles; the kernel log; change
# notification (inotify, fanotify). File locks (flock, fcntl) succeed without being taken. Locks and watches
# on the read-only trees every sandbox shares would be channels between concurrent submissions, and watches
# would show the grader's own file opens. A refused lock would make SQLite retry for seconds (it reads
# ENOLCK as "busy") or fail; a lock that is never taken keeps one process's SQLite working, and there is
# never any contention to observe.


class Arch(NamedTuple):
    """One architecture's audit value, the syscalls inspected by argument or answered specially, and the
    syscalls refused outright."""

    arch: int
    clone: int
    clone3: int
    socket: int
    socketpair: int
    fcntl: int
    flock: int
    denied: tuple[int, ...]


SECCOMP_TABLE = {
    "x86_64": Arch(arch=0xC000003E, clone=56, clone3=435, socket=41, socketpair=53, fcntl=72, flock=73,
                   denied=(272, 308, 165, 166, 155, 428, 429, 430, 431, 432, 433, 442, 250, 248, 249, 321, 323, 298,
                           101, 310, 311, 438, 312, 425, 426, 427, 303, 304, 103, 253, 254, 294, 300, 301, 154, 134)),
    "aarch64": Arch(arch=0xC00000B7, clone=220, clone3=435, socket=198, socketpair=199, fcntl=25, flock=32,
                    denied=(97, 268, 40, 39, 41, 428, 429, 430, 431, 432, 433, 442, 219, 217, 218, 280, 282, 241,
                            117, 270, 271, 438, 272, 425, 426, 427, 264, 265, 116, 26, 27, 262, 263)),
}
_BPF_LD, _BPF_JEQ, _BPF_JGE, _BPF_JSET, _BPF_RET = 0x20, 0x15, 0x35, 0x45, 0x06
_RET_KILL, _RET_ALLOW, _RET_ERRNO = 0x80000000, 0x7FFF0000, 0x00050000


def instructions(machine: str | None = None) -> list[tuple[int, int, int, int]]:
    """The classic BPF program of the sandbox's seccomp filter, as (code, jt, jf, k) instructions.

    Used by every backend: installed here for forked kernels, handed to bubblewrap (`--seccomp FD`),
    installed before exec for docker and process kernels."""
    t = SECCOMP_TABLE[machine or platform.machine()]

    def errno(n: int) -> int:
        return _RET_ERRNO | n

    def by_argument(nr: int, arg: int, body: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
        body = [(_BPF_LD, 0, 0, 16 + 8 * arg)] + body  # the argument's low 32 bits (the kernel reads an int)
        return [(_BPF_JEQ, 0, len(body), nr)] + body

    prog = [(_BPF_LD, 0, 0, 4), (_BPF_JEQ, 1, 0, t.arch), (_BPF_RET, 0, 0, _RET_KILL), (_BPF_LD, 0, 0, 0),
            (_BPF_JGE, 0, 1, 0x40000000), (_BPF_RET, 0, 0, _RET_KILL)]  # other ABIs (x32) are not allowed at all
    for nr in t.denied:
        prog += [(_BPF_JEQ, 0, 1, nr), (_BPF_RET, 0, 0, errno(EPERM))]
    prog += [(_BPF_JEQ, 0, 1, t.flock), (_BPF_RET, 0, 0, errno(0))]  # "done", and nothing was locked
    prog += [(_BPF_JEQ, 0, 1, t.clone3), (_BPF_RET, 0, 0, errno(ENOSYS))]  # the C library falls back to clone
    prog += by_argument(t.clone, 0, [(_BPF_JSET, 0, 1, NAMESPACE_FLAGS), (_BPF_RET, 0, 0, errno(EPERM)),
                                        (_BPF_RET, 0, 0, _RET_ALLOW)])
    families: list[tuple[int, int, int, int]] = []
    for family in SOCKET_FAMILIES:
        families += [(_BPF_JEQ, 0, 1, family), (_BPF_RET, 0, 0, _RET_ALLOW)]
    families.append((_BPF_RET, 0, 0, errno(EAFNOSUPPORT)))
    prog += by_argument(t.socket, 0, families) + by_argument(t.socketpair, 0, families)
    commands: list[tuple[int, int, int, int]] = []
    for cmd, err in FCNTL_RULES:
        commands += [(_BPF_JEQ, 0, 1, cmd), (_BPF_RET, 0, 0, errno(err))]
    commands.append((_BPF_RET, 0, 0, _RET_ALLOW))
    prog += by_argument(t.fcntl, 1, commands)
    return prog + [(_BPF_RET, 0, 0, _RET_ALLOW)]


def program(machine: str | None = None) -> bytes:
    """The filter as bubblewrap reads it from `--seccomp FD`: an array of struct sock_filter."""
    return b"".join(struct.pack("=HBBI", *ins) for ins in instructions(machine))


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def install() -> None:
    """Install the filter on the calling thread (setting no_new_privs, which it requires)."""
    libc = ctypes.CDLL(None, use_errno=True)
    prog = instructions()
    fprog = _SockFprog(len(prog), (_SockFilter * len(prog))(*[_SockFilter(*ins) for ins in prog]))
    zero = ctypes.c_ulong(0)
    for option, arg, arg3 in ((PR_SET_NO_NEW_PRIVS, 1, zero), (PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog))):
        if libc.prctl(option, ctypes.c_ulong(arg), arg3, zero, zero) != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"seccomp: {os.strerror(err)}")


if __name__ == "__main__":  # python -I seccomp.py PROGRAM ARG...: run PROGRAM under the filter
    install()
    os.execv(sys.argv[1], sys.argv[1:])
