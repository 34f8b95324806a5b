"""The call channel: one request from the hidden checks to the agent in the kernel, one reply back.

A request is written by the grader to a file in the session's read-only request directory; the
kernel is asked to run one line that makes the agent answer it; the reply comes back on the
output channel as a display message of the agent's own MIME type. Anything else the kernel sends
meanwhile is read (and charged to the session's byte budget) but ignored.
"""
from __future__ import annotations

import os
import secrets
import time
from queue import Empty
from typing import TYPE_CHECKING

from jupyter_core.utils import run_sync

from grader import codec
from grader.sandbox.base import CallTimeout, SessionDead, kernel_text
from grader.sandbox.wire import ChannelClosed, WireError

if TYPE_CHECKING:
    from grader.sandbox.kernel import KernelSession

REPLY_MIME = "application/x-grader-reply+json"


def request(session: KernelSession, text: str | None, timeout: float, code: str | None = None) -> str | None:
    """Send `text` to the agent (or run `code`) and return the agent's reply (None when it sent none)."""
    session.connect()
    if not session.alive():
        raise SessionDead(session.why_dead(-1)[1].evalue)
    if code is not None:
        return _run(session, code, timeout)
    dirs = session.dirs
    name = f"r{secrets.token_hex(8)}.json"
    fd = os.open(dirs.req / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    with os.fdopen(fd, "w") as f:
        f.write(text or "")
    try:
        return _run(session, f"import _grader_agent as _ga; _ga.serve_file({dirs.req_in + '/' + name!r})", timeout)
    finally:
        (dirs.req / name).unlink(missing_ok=True)


def _run(session: KernelSession, code: str, timeout: float) -> str | None:
    try:
        return run_sync(_arequest)(session, code, timeout)
    except (CallTimeout, SessionDead):
        raise
    except Exception as exc:  # noqa: BLE001 - a broken or over-budget channel ends the session
        session.kill()
        why = str(exc) if isinstance(exc, WireError) else f"the kernel sent messages that could not be read ({type(exc).__name__})"
        raise SessionDead(kernel_text(why)) from None


async def _arequest(session: KernelSession, code: str, timeout: float) -> str | None:
    kc = session.client
    msg_id = kc.execute(code, silent=False, store_history=False, stop_on_error=False)
    deadline = time.monotonic() + timeout
    reply: str | None = None
    error: str | None = None
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            await _interrupt(session)
            raise CallTimeout(f"no answer within {timeout:g} s")
        try:
            msg = await kc.iopub_channel.get_msg(timeout=min(remaining, 0.5))
        except Empty:
            if session.alive():
                continue
            raise SessionDead(session.why_dead(-1)[1].evalue) from None
        except ChannelClosed:
            raise SessionDead(session.why_dead(-1)[1].evalue) from None
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "display_data" and isinstance(content.get("data"), dict) and REPLY_MIME in content["data"]:
            data = content["data"][REPLY_MIME]
            reply = data if isinstance(data, str) and len(data) <= codec.MAX_MESSAGE_BYTES else None
        elif kind == "error":
            error = f"{kernel_text(content.get('ename'), 100)}: {kernel_text(content.get('evalue'), 200)}"
        elif kind == "status" and content.get("execution_state") == "idle":
            break
    await _drain_shell(session, msg_id)
    if error is not None and reply is None:
        raise SessionDead(f"the call was not answered ({error})")
    return reply


async def _drain_shell(session: KernelSession, msg_id: str) -> None:
    try:
        while True:
            msg = await session.client.shell_channel.get_msg(timeout=0.5)
            if msg["parent_header"].get("msg_id") == msg_id:
                return
    except Exception:  # noqa: BLE001 - Empty, or a shell channel that broke (the next request will say)
        return


async def _interrupt(session: KernelSession) -> None:
    """Interrupt a call that ran out of time; a kernel that will not go idle is killed."""
    kc = session.client
    if session.alive():
        try:
            kc.interrupt()
        except WireError:
            pass
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline and session.alive():
        try:
            msg = await kc.iopub_channel.get_msg(timeout=0.2)
        except Empty:
            continue
        except WireError:  # a broken channel: the kill below settles it
            break
        if msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle":
            return
    session.kill()
