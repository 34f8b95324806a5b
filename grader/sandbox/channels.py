"""A kernel's Jupyter channels over bounded connections (wire.py), shaped as nbclient uses a kernel
client: `execute`, `kernel_info`, `shell_channel.get_msg`, `iopub_channel.get_msg`, `is_alive`.

Only the shell, output (iopub) and control channels are connected; the stdin channel never is, so
input requests go nowhere, and the heartbeat is not used (the session asks the sandbox instead).
The control channel is only written to (interrupts), never read. Every message is checked before
it is parsed (caps per frame and message, JSON values per message) and after (a header, a parent
header, metadata and content that are all JSON objects), so what nbclient sees has its shape.
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from queue import Empty
from typing import Any, cast

from jupyter_client.session import Session

from grader import codec
from grader.sandbox.wire import Budget, Caps, ChannelClosed, Connection, WireError, open_socket

KiB, MiB = 1024, 1024 * 1024
SHELL_CAPS = Caps(frame=4 * MiB, message=4 * MiB)
IOPUB_CAPS = Caps(frame=codec.MAX_MESSAGE_BYTES + 256 * KiB, message=codec.MAX_MESSAGE_BYTES + 512 * KiB)
CONTROL_CAPS = Caps(frame=64 * KiB, message=64 * KiB)
_PORTS = {"shell": "shell_port", "iopub": "iopub_port", "control": "control_port"}
_SOCKET_TYPES = {"shell": (b"DEALER", (b"ROUTER",)), "iopub": (b"SUB", (b"PUB", b"XPUB")),
                 "control": (b"DEALER", (b"ROUTER",))}


class Channel:
    """One Jupyter channel: signed messages out, checked messages in."""

    def __init__(self, name: str, session: Session, conn: Connection, on_failure: Callable[[WireError], None]):
        self.name = name
        self.session = session
        self.wire = conn
        self._on_failure = on_failure

    async def get_msg(self, timeout: float | None = None) -> dict[str, Any]:
        """The next message; raises queue.Empty when none arrives within `timeout` seconds."""
        try:
            if timeout is None:
                frames = await self.wire.recv()
            else:
                frames = await asyncio.wait_for(self.wire.recv(), max(timeout, 0.0))
            return self._message(frames)
        except TimeoutError:
            raise Empty from None
        except WireError as exc:
            self._on_failure(exc)
            if timeout is None:  # a poller that waits forever (nbclient's output task) is left to be cancelled
                await asyncio.Event().wait()
            raise

    async def get_msgs(self) -> list[dict[str, Any]]:
        msgs = []
        while True:
            try:
                msgs.append(await self.get_msg(timeout=0))
            except Empty:
                return msgs

    def _message(self, frames: list[bytes]) -> dict[str, Any]:
        try:
            _, found = self.session.feed_identities(frames)
            parts = cast("list[bytes]", found)
        except ValueError:
            raise WireError(f"a {self.name} message without a delimiter") from None
        if len(parts) < 5:
            raise WireError(f"a {self.name} message with {len(parts)} parts")
        values = sum(p.count(b",") + p.count(b"[") + p.count(b"{") for p in parts[1:5])
        if values > codec.MAX_JSON_VALUES:
            raise WireError(f"a {self.name} message of more than {codec.MAX_JSON_VALUES} JSON values")
        try:
            msg = self.session.deserialize(parts, content=True)
        except Exception as exc:  # noqa: BLE001 - a bad signature, bad JSON, a malformed header: all the kernel's
            raise WireError(f"an unreadable {self.name} message ({type(exc).__name__})") from None
        if not all(isinstance(msg.get(k), dict) for k in ("header", "parent_header", "metadata", "content")) \
                or not isinstance(msg.get("msg_type"), str):
            raise WireError(f"a malformed {self.name} message")
        return msg

    def send(self, msg: dict[str, Any]) -> None:
        self.wire.send(self.session.serialize(msg))

    # what jupyter_client's channel interface also offers
    def start(self) -> None:
        """Connections are opened by the client."""

    def stop(self) -> None:
        self.wire.close()

    def is_alive(self) -> bool:
        return not self.wire.closed


class BoundedKernelClient:
    """The trusted side's client of one kernel (used by nbclient through its public `kc` attribute)."""

    allow_stdin = False

    def __init__(self, info: dict[str, Any], budget: Budget, alive: Callable[[], bool],
                 on_failure: Callable[[WireError], None]):
        self.session = Session(key=info["key"].encode("ascii"), signature_scheme=info["signature_scheme"],
                               username="grader")
        self.info = info
        self.budget = budget
        self._alive = alive
        self._on_failure = on_failure
        self._channels: dict[str, Channel] = {}

    @property
    def shell_channel(self) -> Channel:
        return self._channels["shell"]

    @property
    def iopub_channel(self) -> Channel:
        return self._channels["iopub"]

    @property
    def control_channel(self) -> Channel:
        return self._channels["control"]

    async def connect(self, host_ip: str, deadline: float) -> None:
        """Connect each channel once, as soon as the kernel has bound its socket."""
        caps = {"shell": SHELL_CAPS, "iopub": IOPUB_CAPS, "control": CONTROL_CAPS}
        for name in ("iopub", "shell", "control"):
            path = f"{host_ip}-{self.info[_PORTS[name]]}"
            while True:
                try:
                    sock = open_socket(path)
                    break
                except (FileNotFoundError, ConnectionRefusedError):
                    if not self._alive():
                        raise ChannelClosed("the kernel exited while starting") from None
                    if time.monotonic() > deadline:
                        raise ChannelClosed("the kernel did not open its sockets in time") from None
                    await asyncio.sleep(0.01)
            conn = Connection(sock, caps[name], self.budget, output=name == "iopub")
            self._channels[name] = Channel(name, self.session, conn, self._on_failure)
            mine, theirs = _SOCKET_TYPES[name]
            await asyncio.wait_for(conn.start(mine, theirs), max(0.1, deadline - time.monotonic()))
            if name == "iopub":
                conn.send([b"\x01"])  # subscribe to every topic

    def _request(self, msg_type: str, content: dict[str, Any], channel: str = "shell") -> str:
        msg = self.session.msg(msg_type, content)
        self._channels[channel].send(msg)
        return str(msg["header"]["msg_id"])

    def execute(self, code: str, silent: bool = False, store_history: bool = True,
                user_expressions: dict[str, Any] | None = None, allow_stdin: bool | None = None,
                stop_on_error: bool = True) -> str:
        """Send an execute request; the kernel is never allowed to ask for input."""
        return self._request("execute_request", {"code": code, "silent": silent, "store_history": store_history,
                                                 "user_expressions": user_expressions or {}, "allow_stdin": False,
                                                 "stop_on_error": stop_on_error})

    def kernel_info(self) -> str:
        return self._request("kernel_info_request", {})

    def interrupt(self) -> None:
        self._request("interrupt_request", {}, channel="control")

    def is_alive(self) -> bool:
        return self._alive()

    def stop_channels(self) -> None:
        for channel in self._channels.values():
            channel.stop()
