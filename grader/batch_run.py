"""Grading a class (`grader batch`): everything between the command line and the graders.

The input is prepared (a zip is extracted safely), submissions are discovered and filtered, what the
batch's store already holds is skipped, and the rest is graded on this machine (`batch.run`) or on a
Dask cluster (`cluster.run_on_cluster`). Each result is recorded as it arrives, and every output is
rewritten from the store at the end, after an interruption too, so the outputs always match the store.
Progress and notices are injected, so that only the command line decides what is shown.
"""
from __future__ import annotations

import os
import resource
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from grader import batch, gradebook
from grader.batch import BatchOutcome, Submission
from grader.errors import UsageError
from grader.grading import GradeResult
from grader.store import Store
from grader.vocab import AUTO, EXAM_PASS, EXAM_SIZE

Record = Callable[[Submission, GradeResult], None]
Failed = Callable[[Submission, str], None]
Runner = Callable[[Record, Failed], BatchOutcome]


class Progress(Protocol):
    """Where a batch reports each notebook as it finishes (the CLI passes a rich bar on a terminal)."""

    def start(self, total: int) -> None: ...

    def advance(self, line: str) -> None: ...

    def stop(self) -> None: ...


class NoProgress:
    """Progress that shows nothing (under --json, off a terminal, in tests)."""

    def start(self, total: int) -> None:
        pass

    def advance(self, line: str) -> None:
        pass

    def stop(self) -> None:
        pass


@dataclass(frozen=True)
class BatchOptions:
    """What `grader batch` was asked to do."""

    submissions: Path
    out: Path
    jobs: int = 0  # 0: one per core
    sandbox: str = AUTO
    regrade: bool = False
    students: tuple[str, ...] = ()
    allow_unisolated: bool = False
    pass_mark: int = EXAM_PASS
    size: int = EXAM_SIZE
    cluster: str | None = None


@dataclass(frozen=True)
class BatchReport:
    """What a batch did, for the summary line and `batch --json`."""

    out: Path
    outcome: BatchOutcome
    rows: int
    students: list[dict[str, Any]]
    sandbox_peaks: list[float] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest worker or template
        return {"out": str(self.out), "graded_now": self.outcome.graded, "not_graded": self.outcome.failed_to_grade,
                "rows": self.rows, "students": self.students, "coordinator_peak_mb": round(peak_mb, 1),
                "workers_peak_mb": round(workers_mb, 1), "sandbox_peak_mb": max(self.sandbox_peaks, default=None)}


def run_batch(opts: BatchOptions, progress: Progress | None = None,
              notify: Callable[[str], None] = lambda _: None) -> BatchReport:
    """Grade what is left of a class into `opts.out`; `notify` receives one-line notices and warnings."""
    progress = progress or NoProgress()
    if opts.cluster and opts.jobs:
        raise UsageError("--jobs does not apply with --cluster: each Dask worker grades --nthreads notebooks at a time")
    local = None if opts.cluster else local_sandbox(opts.sandbox, opts.allow_unisolated)
    opts.out.mkdir(parents=True, exist_ok=True)
    store = Store(opts.out / "grader.db")
    peaks: list[float] = []
    with batch.temp_workdir() as tmp, ExitStack() as stack:
        folder = batch.prepare(opts.submissions, tmp)
        subs, skipped = batch.discover(folder)
        for warning in skipped:
            notify(f"warning: {warning}")
        if opts.students:
            subs = [s for s in subs if s.student in opts.students]
            if not subs:
                raise UsageError(f"no submissions for {', '.join(opts.students)} in {opts.submissions}")
        graded = store.batch_graded()
        todo = [s for s in subs if opts.regrade or (s.student, s.problem) not in graded]
        where, run = _engine(opts, local, todo, stack, notify)
        notify(f"{len(subs)} submissions, {len(subs) - len(todo)} already graded, {len(todo)} to grade {where}")

        def record(sub: Submission, result: GradeResult) -> None:
            store.batch_record(sub.student, result)
            if result.peak_memory_mb is not None:
                peaks.append(result.peak_memory_mb)
            progress.advance(f"{sub.student} {sub.problem} {result.status} "
                             f"{result.checks_passed}/{result.checks_total}")

        def failed(sub: Submission, message: str) -> None:
            progress.advance(f"{sub.student} {sub.problem} NOT GRADED: {message[:160]}")

        progress.start(len(todo))
        try:
            outcome = run(record, failed)
        finally:
            progress.stop()
            gradebook.write_all(store.batch_rows(), opts.out, threshold=opts.pass_mark, size=opts.size)
    rows = store.batch_rows()
    store.close()
    return BatchReport(opts.out, outcome, len(rows), gradebook.students_summary(rows, opts.pass_mark), peaks)


def local_sandbox(name: str, allow_unisolated: bool) -> Any:
    """The sandbox a local batch grades in; the unisolated `process` one only when allowed explicitly."""
    from grader.sandbox import get_sandbox

    sandbox = get_sandbox(name, bulk=True)
    if not sandbox.isolated and not allow_unisolated:
        raise UsageError(f"batch grading needs an isolating sandbox (docker or bwrap) and only '{sandbox.name}' "
                         "works here; install bubblewrap or Docker, or pass --allow-unisolated to grade "
                         "without isolation")
    return sandbox


def _engine(opts: BatchOptions, local: Any, todo: list[Submission], stack: ExitStack,
            notify: Callable[[str], None]) -> tuple[str, Runner]:
    """(where the batch grades, how to run it): worker processes here, or the eligible workers of a cluster."""
    if local is not None:
        jobs = opts.jobs or os.cpu_count() or 1
        return (f"in the {local.label} sandbox, {jobs} at a time",
                lambda record, failed: batch.run(todo, local.name, jobs, record, failed))
    if not todo:  # nothing to send: no need to start or probe a cluster
        return f"on the Dask cluster at {opts.cluster}", lambda record, failed: BatchOutcome()
    from grader import cluster

    assert opts.cluster is not None
    client = stack.enter_context(cluster.connect(opts.cluster))  # open until the batch ends
    statuses = cluster.check_workers(client, opts.sandbox, cluster.expected_image(), opts.allow_unisolated)
    for st in statuses:
        if not st.eligible:
            notify(f"warning: worker {st.address} ({st.host}) is refused work: {st.reason}")
    ok = cluster.eligible(statuses)
    shared = " (the one all eligible workers share)" if opts.sandbox == AUTO else ""
    where = (f"in the {ok[0].label} sandbox{shared} on {len(ok)} Dask worker{'s' if len(ok) != 1 else ''} "
             f"at {opts.cluster}")
    return where, lambda record, failed: cluster.run_on_cluster(client, todo, ok[0].sandbox,
                                                                [s.address for s in ok], record, failed)
