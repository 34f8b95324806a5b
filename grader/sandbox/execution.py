"""Running a notebook's code cells in a session's kernel with nbclient, through its public API.

The output cap is enforced below nbclient, on the output channel itself (every message counts,
comms and their binary buffers included), and liveness comes from the kernel client, which asks
the sandbox; so nbclient is used as it is, cell by cell.
"""
from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

import nbformat
from jupyter_core.utils import run_sync
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

from grader.sandbox.base import CellFailure, RunOutcome

if TYPE_CHECKING:
    from grader.sandbox.kernel import KernelSession


def run_cells(session: KernelSession, cells: list[tuple[int, str]], deadline: float) -> RunOutcome:
    """Run (index, source) cells in order until one fails, a limit is hit or time runs out."""
    session.connect()
    limits = session.limits
    client = NotebookClient(nbformat.v4.new_notebook(), timeout=int(limits.cell_s), allow_errors=False,
                            record_timing=False, iopub_timeout=5, raise_on_iopub_timeout=False,
                            store_widget_state=False)
    client.kc = session.client  # type: ignore[assignment]  # duck-typed: nbclient uses execute, two channels, is_alive
    client.reset_execution_trackers()
    client.nb.cells = [nbformat.v4.new_code_cell(source) for _, source in cells]
    session.meter_output(True)
    try:
        for position, (index, _) in enumerate(cells):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return RunOutcome("timeout", CellFailure(index, "TimeoutError", "the notebook ran out of time"))
            client.timeout = max(1, int(min(limits.cell_s, remaining)))
            try:
                client.execute_cell(client.nb.cells[position], position)
            except CellTimeoutError:
                session.kill()
                return RunOutcome("timeout", CellFailure(index, "TimeoutError", f"cell ran longer than {client.timeout} s"))
            except CellExecutionError as exc:
                failure = CellFailure.from_kernel(index, exc.ename, exc.evalue)
                state = "memory" if failure.ename == "MemoryError" or session.oom_killed() else "error"
                return RunOutcome(state, failure)
            except Exception:  # noqa: BLE001 - the kernel died, a channel broke or went over a cap
                return RunOutcome(*session.settle(index))
        return RunOutcome("ok")
    finally:
        session.meter_output(False)
        run_sync(_end_leftover_tasks)()


async def _end_leftover_tasks() -> None:
    """nbclient leaves its output poller waiting when a cell times out or its kernel dies: end what is left
    on this thread's loop (only this session's tasks run there) instead of leaving it to the collector."""
    current = asyncio.current_task()
    pending = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending, timeout=1.0)
