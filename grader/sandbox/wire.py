"""ZMTP 3.0 (NULL mechanism), client side, over a kernel's Unix sockets: how the trusted side reads
what a kernel sends without libzmq.

libzmq reads on its own I/O thread and keeps a whole multi-frame message in memory before the
application sees any of it, with a cap per frame but none per message or per connection. Here
nothing is read before someone asks for a message, each frame's declared size is checked against
the caps before its body is read, and every byte is charged to the session's budget as it arrives.
The socket file is opened without following links and connected to once: a kernel that replaces
its socket with a link, or closes it, gets no second connection.
"""
from __future__ import annotations

import asyncio
import os
import socket
import stat
from dataclasses import dataclass

_SIGNATURE = b"\xff" + b"\0" * 8 + b"\x7f"
GREETING = _SIGNATURE + b"\x03\x00" + b"NULL".ljust(20, b"\0") + b"\x00" + b"\0" * 31
_MORE, _LONG, _COMMAND = 0x01, 0x02, 0x04
_HANDSHAKE_CAP = 4096  # the peer's READY command


class WireError(Exception):
    """The kernel broke the protocol or a byte budget: the connection cannot be used any more."""


class OutputLimit(WireError):
    """The kernel sent more output than the submission may print."""


class ChannelClosed(WireError):
    """The kernel closed its end (usually: it exited)."""


@dataclass
class Budget:
    """Bytes a session's kernel may send: in total over all channels, and on the output channel while
    cells run (`output_cap`, None when not metering)."""

    total_cap: int
    output_cap: int | None = None
    received: int = 0
    output_received: int = 0

    def admit(self, n: int, output: bool) -> None:
        """Refuse `n` more bytes before they are read, when they would break a cap."""
        if self.received + n > self.total_cap:
            raise WireError(f"the kernel sent more than {self.total_cap // 2**20} MiB in this session")
        if output and self.output_cap is not None and self.output_received + n > self.output_cap:
            raise OutputLimit(f"the notebook printed more than {self.output_cap // 1024} KiB")

    def charge(self, n: int, output: bool) -> None:
        self.admit(n, output)
        self.received += n
        if output and self.output_cap is not None:
            self.output_received += n


@dataclass(frozen=True)
class Caps:
    """Largest frame, largest message (all frames) and most frames per message on one channel."""

    frame: int
    message: int
    frames: int = 32


def open_socket(path: str) -> socket.socket:
    """Connect to the Unix socket at `path` without following a link in its last component; the
    directories above it must be the grader's own (the sandbox can only write inside the last one)."""
    fd = os.open(path, os.O_PATH | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        if not stat.S_ISSOCK(os.fstat(fd).st_mode):
            raise WireError(f"{os.path.basename(path)} is not a socket")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(f"/proc/self/fd/{fd}")  # the inode checked above, whatever the name points to now
        except BaseException:
            sock.close()
            raise
    finally:
        os.close(fd)
    sock.setblocking(False)
    return sock


def encode_frames(frames: list[bytes], command: bool = False) -> bytes:
    """One message (or command) as ZMTP frames."""
    out = bytearray()
    for i, frame in enumerate(frames):
        flags = (_MORE if i < len(frames) - 1 else 0) | (_COMMAND if command else 0)
        if len(frame) > 255:
            out += bytes([flags | _LONG]) + len(frame).to_bytes(8, "big")
        else:
            out += bytes([flags, len(frame)])
        out += frame
    return bytes(out)


def ready_command(socket_type: bytes) -> bytes:
    name = b"Socket-Type"
    body = b"\x05READY" + bytes([len(name)]) + name + len(socket_type).to_bytes(4, "big") + socket_type
    return encode_frames([body], command=True)


def parse_ready(body: bytes) -> dict[bytes, bytes]:
    """The properties of a READY command; raises WireError for anything else."""
    if body[:6] != b"\x05READY":
        raise WireError("the kernel's socket did not send READY")
    props, i = {}, 6
    while i < len(body):
        n = body[i]
        name = body[i + 1:i + 1 + n]
        size = int.from_bytes(body[i + 1 + n:i + 5 + n], "big")
        value = body[i + 5 + n:i + 5 + n + size]
        if len(name) != n or len(value) != size or i + 5 + n > len(body):
            raise WireError("malformed READY command")
        props[name] = value
        i += 5 + n + size
    return props


class Connection:
    """One ZMTP connection to a kernel socket, read only on demand and within its caps.

    `recv` is safe to cancel (a timeout) at any point: partial progress is kept in the object and
    the stream reader only consumes a chunk once all of it has arrived."""

    def __init__(self, sock: socket.socket, caps: Caps, budget: Budget, output: bool = False):
        self._sock = sock
        self.caps = caps
        self.budget = budget
        self.output = output
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._frames: list[bytes] = []
        self._head: tuple[int, int | None] | None = None
        self._message_bytes = 0
        self.closed = False

    async def start(self, socket_type: bytes, peer_types: tuple[bytes, ...]) -> None:
        """Greet, exchange READY and check what the kernel's socket says it is."""
        self._reader, self._writer = await asyncio.open_unix_connection(sock=self._sock, limit=256 * 1024)
        self._writer.write(GREETING)
        greeting = await self._read(64)
        if greeting[:1] != b"\xff" or greeting[9] & 1 != 1 or greeting[10] < 3 or greeting[12:16] != b"NULL":
            raise WireError("the kernel's socket does not speak ZMTP 3 with the NULL mechanism")
        self._writer.write(ready_command(socket_type))
        flags = (await self._read(1))[0]
        if not flags & _COMMAND:
            raise WireError("the kernel's socket sent a message before READY")
        size = int.from_bytes(await self._read(8 if flags & _LONG else 1), "big")
        if size > _HANDSHAKE_CAP:
            raise WireError("oversized READY command")
        props = parse_ready(await self._read(size))
        if props.get(b"Socket-Type") not in peer_types:
            raise WireError(f"unexpected kernel socket type {props.get(b'Socket-Type', b'?')[:16]!r}")

    async def _read(self, n: int) -> bytes:
        assert self._reader is not None
        self.budget.admit(n, self.output)
        try:
            data = await self._reader.readexactly(n)
        except asyncio.IncompleteReadError:
            self.closed = True
            raise ChannelClosed("the kernel closed the connection") from None
        except OSError as exc:
            self.closed = True
            raise ChannelClosed(f"the kernel's connection failed ({exc.strerror})") from None
        self.budget.charge(n, self.output)
        return data

    async def recv(self) -> list[bytes]:
        """The next message's frames; commands (none are expected after READY) are skipped."""
        if self.closed:
            raise ChannelClosed("the kernel closed the connection")
        while True:
            if self._head is None:
                self._head = ((await self._read(1))[0], None)
            flags, size = self._head
            if size is None:
                size = int.from_bytes(await self._read(8 if flags & _LONG else 1), "big")
                self.budget.admit(size, self.output)  # over the output cap is the notebook's output, first
                self._check(flags, size)
                self._head = (flags, size)
            body = await self._read(size) if size else b""
            self._head = None
            if flags & _COMMAND:
                continue
            self._frames.append(body)
            self._message_bytes += size
            if not flags & _MORE:
                frames, self._frames, self._message_bytes = self._frames, [], 0
                return frames

    def _check(self, flags: int, size: int) -> None:
        caps = self.caps
        if size > caps.frame:
            raise WireError(f"the kernel sent a frame of {size} bytes (at most {caps.frame})")
        if not flags & _COMMAND:
            if self._message_bytes + size > caps.message:
                raise WireError(f"the kernel sent a message over {caps.message} bytes")
            if len(self._frames) >= caps.frames:
                raise WireError(f"the kernel sent a message of more than {caps.frames} frames")

    def send(self, frames: list[bytes]) -> None:
        """Queue one message (the grader's own requests are small; the transport keeps them)."""
        if self._writer is None or self.closed:
            raise ChannelClosed("the connection is closed")
        self._writer.write(encode_frames(frames))

    def close(self) -> None:
        self.closed = True
        if self._writer is not None:
            self._writer.close()
        else:
            self._sock.close()
