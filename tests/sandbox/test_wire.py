"""The bounded ZMTP client against a scripted peer: every cap holds before the bytes are read, the
socket file is opened without following links, and a closed connection is never reopened."""
from __future__ import annotations

import asyncio
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from grader.sandbox.wire import (
    GREETING,
    Budget,
    Caps,
    ChannelClosed,
    Connection,
    OutputLimit,
    WireError,
    encode_frames,
    open_socket,
    parse_ready,
    ready_command,
)

CAPS = Caps(frame=1024, message=2048, frames=4)


class Peer:
    """A kernel-side socket that greets, says READY as `socket_type`, then sends `script` (raw bytes)."""

    def __init__(self, path: Path, script: bytes, socket_type: bytes = b"ROUTER"):
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(str(path))
        self.listener.listen(4)
        self.received = b""
        self.accepted = 0
        self.sent = 0
        self._script = script
        self._type = socket_type
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.accepted += 1
            conn.sendall(GREETING + ready_command(self._type))
            try:
                conn.sendall(self._script)
                self.sent = len(self._script)
            except OSError:
                pass
            conn.settimeout(0.5)
            try:
                while chunk := conn.recv(65536):
                    self.received += chunk
            except OSError:
                pass
            conn.close()

    def close(self) -> None:
        self.listener.close()


def _run(coro):
    return asyncio.new_event_loop().run_until_complete(coro)


async def _connect(path: Path, budget: Budget, output: bool = False, peer_types=(b"ROUTER",)) -> Connection:
    conn = Connection(open_socket(str(path)), CAPS, budget, output=output)
    await conn.start(b"DEALER", peer_types)
    return conn


@pytest.fixture
def sock_path(tmp_path: Path) -> Path:
    return tmp_path / "k-1"


def test_messages_arrive_whole_and_are_charged(sock_path: Path) -> None:
    peer = Peer(sock_path, encode_frames([b"a", b"b" * 300]) + encode_frames([b"c"]))
    budget = Budget(total_cap=1 << 20)

    async def go() -> tuple[list[bytes], list[bytes]]:
        conn = await _connect(sock_path, budget)
        conn.send([b"hello", b"x" * 400])
        return await conn.recv(), await conn.recv()

    first, second = _run(go())
    assert first == [b"a", b"b" * 300] and second == [b"c"]
    assert budget.received >= 64 + 2 + 1 + 9 + 300 + 3 and budget.output_received == 0
    sent = encode_frames([b"hello", b"x" * 400])
    deadline = time.monotonic() + 5
    while sent not in peer.received and time.monotonic() < deadline:
        time.sleep(0.02)
    peer.close()
    assert sent in peer.received


def test_an_oversized_frame_is_refused_from_its_header(sock_path: Path) -> None:
    huge = bytes([0x02]) + (50 * 2**30).to_bytes(8, "big")  # declares 50 GiB, sends nothing more
    peer = Peer(sock_path, huge)
    budget = Budget(total_cap=1 << 40)

    async def go() -> None:
        conn = await _connect(sock_path, budget)
        await conn.recv()

    with pytest.raises(WireError, match="frame of"):
        _run(go())
    peer.close()
    assert budget.received < 200  # the greeting, READY and the frame header: nothing was allocated for the body


@pytest.mark.parametrize("frames, message", [([b"x" * 1000] * 3, "over 2048 bytes"), ([b"x"] * 5, "more than 4 frames")])
def test_a_message_over_its_size_or_frame_count_is_refused(sock_path: Path, frames: list[bytes], message: str) -> None:
    peer = Peer(sock_path, encode_frames(frames))

    async def go() -> None:
        await (await _connect(sock_path, Budget(total_cap=1 << 30))).recv()

    with pytest.raises(WireError, match=message):
        _run(go())
    peer.close()


def test_the_session_total_and_the_output_cap_hold_across_messages(sock_path: Path) -> None:
    peer = Peer(sock_path, encode_frames([b"x" * 900]) * 4)

    async def go(budget: Budget, output: bool) -> int:
        conn = await _connect(sock_path, budget, output=output)
        n = 0
        while True:
            await conn.recv()
            n += 1

    with pytest.raises(WireError, match="more than"):
        _run(go(Budget(total_cap=2500), output=False))
    with pytest.raises(OutputLimit):
        _run(go(Budget(total_cap=1 << 30, output_cap=2000), output=True))
    peer.close()


def test_a_peer_that_is_not_the_expected_socket_type_is_refused(sock_path: Path) -> None:
    peer = Peer(sock_path, b"", socket_type=b"PUB")
    with pytest.raises(WireError, match="socket type"):
        _run(_connect(sock_path, Budget(total_cap=1 << 20)))
    peer.close()
    assert parse_ready(b"\x05READY" + bytes([3]) + b"abc" + (2).to_bytes(4, "big") + b"xy") == {b"abc": b"xy"}
    with pytest.raises(WireError):
        parse_ready(b"\x05READY" + bytes([3]) + b"abc" + (200).to_bytes(4, "big") + b"xy")


def test_a_closed_connection_stays_closed(sock_path: Path) -> None:
    peer = Peer(sock_path, encode_frames([b"only"]))

    async def go() -> Connection:
        conn = await _connect(sock_path, Budget(total_cap=1 << 20))
        assert await conn.recv() == [b"only"]
        with pytest.raises(ChannelClosed):
            await conn.recv()
        with pytest.raises(ChannelClosed):
            await conn.recv()
        return conn

    _run(go())
    peer.close()
    assert peer.accepted == 1  # never a second connection


def test_recv_survives_a_timeout_in_the_middle_of_a_message(tmp_path: Path) -> None:
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    a.setblocking(False)
    b.sendall(GREETING + ready_command(b"ROUTER"))
    whole = encode_frames([b"first", b"y" * 500])
    b.sendall(whole[:10])  # a partial message

    async def go() -> list[bytes]:
        conn = Connection(a, CAPS, Budget(total_cap=1 << 20))
        await conn.start(b"DEALER", (b"ROUTER",))
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(conn.recv(), 0.2)
        b.sendall(whole[10:])
        return await asyncio.wait_for(conn.recv(), 2)

    assert _run(go()) == [b"first", b"y" * 500]
    b.close()


def test_the_socket_file_is_opened_without_following_links(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.sock"
    peer = Peer(target, b"")
    os.symlink(target, tmp_path / "k-1")
    with pytest.raises(WireError, match="not a socket"):  # the kernel replaced its socket with a link to a host one
        open_socket(str(tmp_path / "k-1"))
    (tmp_path / "k-2").write_text("not a socket")
    with pytest.raises(WireError, match="not a socket"):
        open_socket(str(tmp_path / "k-2"))
    peer.close()
    assert peer.accepted == 0
