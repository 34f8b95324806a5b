"""Grading a class on this machine: worker processes, each grading one notebook at a time in its own sandbox.

Only the coordinating process writes the store, a row per (student, problem) as soon as it is graded.
Workers are spawned with Ctrl-C held back, then move into a process group of their own (a Ctrl-C at the
terminal reaches only the coordinator, which stops them in order), ask the kernel for SIGTERM when the
coordinator dies (`prctl(PR_SET_PDEATHSIG)`), and keep their temporary files in the coordinator's run
folder (orphans.py sweeps it if everything is killed). A terminated worker finishes the clean-up of the
notebook it grades (its sandbox is removed) and exits. Each worker warms its sandbox up before its first
notebook (the fork templates start, one per import set of the batch's problems, a first kernel runs, the
checks machinery loads: it grades the first problem's reference once), so that a notebook's time is its own;
the warm-up is measured and reported once.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from multiprocessing import resource_tracker
from pathlib import Path
from typing import Any

from grader import orphans
from grader.batch_inputs import Skipped, Submission, UnsafeArchive, discover, extract_zip, prepare
from grader.errors import GraderError
from grader.grading import GradeResult, invalid_result
from grader.notebook import InvalidNotebook, Notebook, read_notebook

__all__ = ["BatchOutcome", "Skipped", "Submission", "UnsafeArchive", "discover", "extract_zip", "grade_loaded",
           "grade_submission", "prepare", "run", "settle"]

STOP_GRACE_S = 20.0  # a stopped worker's time to remove its sandbox before its process group is killed
_HELD = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
_worker: dict[str, Any] = {"busy": False, "stopping": False}


# ------------------------------------------------------------------ in each worker

def _worker_init(parent: int, tmpdir: str, sandbox_name: str, problem_ids: tuple[str, ...], log: str | None) -> None:
    os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the coordinator decides; a Ctrl-C held back is dropped
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _terminated)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    orphans.die_with_parent(parent, signal.SIGTERM)
    tempfile.tempdir = tmpdir
    os.environ["TMPDIR"] = tmpdir
    if log is not None:  # tracebacks of an interrupted kernel client belong in a log, not the terminal
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(fd, 2)
        os.close(fd)
    started = time.monotonic()
    _worker["busy"] = True  # a stop now unwinds the warm-up too: a template half started is removed
    try:
        _warm_up(sandbox_name, problem_ids)
    except KeyboardInterrupt:
        os._exit(1)
    except Exception as exc:  # noqa: BLE001 - raised again, as the grader's failure, by the first task
        _worker["error"] = str(exc) if isinstance(exc, GraderError) else f"{type(exc).__name__}: {exc}"
    finally:
        _worker["busy"] = False
    if _worker["stopping"]:
        _exit_now()
    _worker["warmup_s"] = round(time.monotonic() - started, 3)


def _warm_up(sandbox_name: str, problem_ids: tuple[str, ...]) -> None:
    """Everything a worker does once, before its first notebook: start the sandbox's templates (fork,
    docker-fork: one per set of forbidden libraries among the problems), a first kernel, and the checks
    machinery, by grading the first problem's reference solution."""
    from grader.grading import grade
    from grader.notebook import code_notebook, parse_notebook
    from grader.problems import load_bank
    from grader.sandbox import get_sandbox

    sandbox = get_sandbox(sandbox_name)
    bank = load_bank()
    problems = [bank[p] for p in problem_ids if p in bank]
    warm = getattr(sandbox, "warm_up", None)
    if warm is not None:
        sets: dict[frozenset[str], Any] = {}
        for p in problems:
            sets.setdefault(p.limits.forbidden, p.limits)
        for limits in list(sets.values()) or [None]:
            warm(limits)
    problem = problems[0] if problems else None
    if problem is not None:
        reference = parse_notebook(code_notebook([problem.solution_path.read_text(encoding="utf-8")]))
        grade(reference, problem, sandbox, "warm-up")


def _exit_now() -> None:
    fork = sys.modules.get("grader.sandbox.fork")
    if fork is not None:
        with contextlib.suppress(Exception):
            fork.close_templates()
    os._exit(1)


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM (from the coordinator, or from the kernel when the coordinator died): unwind the notebook being
    graded, which removes its sandbox, then exit; exit at once when idle. Only the first one counts."""
    if _worker["stopping"]:
        return
    _worker["stopping"] = True
    timer = threading.Timer(STOP_GRACE_S, os._exit, (1,))  # a clean-up that hangs ends here
    timer.daemon = True
    timer.start()
    if not _worker["busy"]:
        _exit_now()
    raise KeyboardInterrupt


def grade_task(sub: Submission, sandbox_name: str) -> GradeResult:
    """A worker's task: grade one submission (the first one of each worker carries the warm-up time)."""
    if "error" in _worker:
        raise GraderError(_worker["error"])
    _worker["busy"] = True
    try:
        result = grade_submission(sub, sandbox_name)
    finally:
        _worker["busy"] = False
        if _worker["stopping"]:
            _exit_now()
    warm = _worker.pop("warmup_s", None)
    return result if warm is None else replace(result, extra={**result.extra, "warmup_s": warm})


def grade_submission(sub: Submission, sandbox_name: str) -> GradeResult:
    """Grade one submission; a learner failure is a status, never an exception."""
    return grade_loaded(sub.student, sub.problem, lambda: read_notebook(sub.path), sandbox_name,
                        sub.source or None)


def grade_loaded(student: str, problem_id: str, load: Callable[[], Notebook], sandbox_name: str,
                 name: str | None = None) -> GradeResult:
    """Grade one notebook of a class; `load` parses it (its InvalidNotebook becomes an `invalid` row)."""
    from grader.problems import load_bank
    from grader.sandbox import get_sandbox

    sandbox = get_sandbox(sandbox_name)
    notebook = name or f"{student}/{problem_id}.ipynb"
    problem = load_bank().get(problem_id)
    if problem is None:
        return invalid_result(problem_id, notebook, f"unknown problem id {problem_id!r} (from the file name)", sandbox)
    from grader.submit import grade_parsed

    try:
        parsed: Notebook | InvalidNotebook = load()
    except InvalidNotebook as exc:
        parsed = exc
    return grade_parsed(parsed, problem, sandbox, notebook)


# ------------------------------------------------------------------ in the coordinator

@dataclass
class BatchOutcome:
    """What a batch run did: graded and recorded, not graded (the grader failed), the first failure, and
    each worker's sandbox warm-up."""

    graded: int = 0
    skipped_done: int = 0
    failed_to_grade: int = 0
    first_failure: str = ""
    warmups: list[float] = field(default_factory=list)


def settle(outcome: BatchOutcome, sub: Submission, result_of: Callable[[], GradeResult],
           record: Callable[[Submission, GradeResult], None], on_failure: Callable[[Submission, str], None]) -> None:
    """Record one finished grading, or count it as not graded when the grader (not the learner) failed."""
    try:
        result = result_of()
    except GraderError as exc:
        message = str(exc)
    except Exception as exc:  # noqa: BLE001 - a worker crash is the grader's failure, not the learner's
        message = f"{type(exc).__name__}: {exc}"
    else:
        if "warmup_s" in result.extra:
            outcome.warmups.append(float(result.extra["warmup_s"]))
        record(sub, result)
        outcome.graded += 1
        return
    outcome.failed_to_grade += 1
    outcome.first_failure = outcome.first_failure or message
    on_failure(sub, message)


@contextlib.contextmanager
def _held_back() -> Iterator[None]:
    """Signals held back while a worker is spawned: it inherits the mask and drops them once on its own."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class _Stop:
    """Stopping the workers: SIGTERM, a grace period, then SIGKILL of each worker's process group. A second
    Ctrl-C (or SIGTERM, SIGHUP) while stopping kills them at once, quietly."""

    def __init__(self, pool: ProcessPoolExecutor):
        self.pool = pool
        self.procs = list(getattr(pool, "_processes", {}).values())
        self.hurry = False

    def _again(self, signum: int, frame: object) -> None:
        self.hurry = True
        self.kill()

    def kill(self) -> None:
        for proc in self.procs:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                if os.getpgid(proc.pid) == proc.pid:
                    os.killpg(proc.pid, signal.SIGKILL)  # the worker, its templates and their kernels
                else:
                    os.kill(proc.pid, signal.SIGKILL)

    def __call__(self) -> None:
        if threading.current_thread() is threading.main_thread():
            for sig in _HELD:
                signal.signal(sig, self._again)  # restored by the caller (restore_signals)
        for proc in self.procs:
            with contextlib.suppress(ProcessLookupError):
                os.kill(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_S
        while not self.hurry and time.monotonic() < deadline and any(p.is_alive() for p in self.procs):
            time.sleep(0.05)
        self.kill()
        self.pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def restore_signals() -> Iterator[None]:
    """Put back the handlers of Ctrl-C, SIGTERM and SIGHUP that a stopped batch replaced, once the block ends
    normally; after an interruption they stay quiet (a second Ctrl-C must not raise again on the way out)."""
    on_main = threading.current_thread() is threading.main_thread()
    saved = {sig: signal.getsignal(sig) for sig in _HELD} if on_main else {}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def run(subs: list[Submission], sandbox_name: str, jobs: int, record: Callable[[Submission, GradeResult], None],
        on_failure: Callable[[Submission, str], None], workdir: Path | None = None) -> BatchOutcome:
    """Grade `subs` with `jobs` worker processes, calling `record` as each result arrives. `workdir` (a run
    folder, see orphans.py) holds the workers' temporary files and their log."""
    outcome = BatchOutcome()
    if not subs:
        return outcome
    with contextlib.ExitStack() as stack:
        if workdir is None:
            workdir = stack.enter_context(orphans.run_dir())
        tmp = workdir / "tmp"
        tmp.mkdir(mode=0o711, exist_ok=True)
        log = None if os.environ.get("GRADER_DEBUG") else str(workdir / "workers.log")
        ctx = multiprocessing.get_context("spawn")
        resource_tracker.ensure_running()  # started now, or it would unblock the held signals while spawning
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init,
                                   initargs=(os.getpid(), str(tmp), sandbox_name,
                                             tuple(dict.fromkeys(s.problem for s in subs)), log))
        pending: dict[Future, Submission] = {}
        queue: Iterator[Submission] = iter(subs)
        try:
            while True:
                while len(pending) < jobs * 2:  # a bounded window keeps memory flat however large the class
                    sub = next(queue, None)
                    if sub is None:
                        break
                    with _held_back():
                        pending[pool.submit(grade_task, sub, sandbox_name)] = sub
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    settle(outcome, pending.pop(fut), fut.result, record, on_failure)
        except BaseException:
            _Stop(pool)()
            raise
        pool.shutdown(wait=True)
    return outcome
