"""Grading a class (`grader batch`): everything between the command line and the graders.

First what a dead grader left is swept (orphans.py) and results kept in a journal are stored
(journal.py). The input is prepared in a run folder of this process (a zip is extracted safely),
submissions are discovered (batch_inputs.py: every file not graded is listed with its reason), and a
rerun grades what is new or changed since its row was graded (the notebook's hash, or the problem's
version), flags rows whose notebook disappeared, and says how many of each. The rest is graded here
(`batch.run`) or on a Dask cluster (`cluster.run_on_cluster`). Each result is recorded as it arrives;
one that cannot be stored (a locked database, a full disk) is kept in the journal and still shown.
Every output is rewritten at the end, after an interruption too, so the outputs always match the
store. Progress and notices are injected, so that only the command line decides what is shown.
"""
from __future__ import annotations

import os
import resource
import statistics
import time
import unicodedata
from collections.abc import Callable, Collection
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from grader import batch, gradebook, journal, orphans
from grader.batch import BatchOutcome
from grader.batch_inputs import Skipped, Submission, discover, prepare
from grader.class_report import students_summary
from grader.errors import ExitCode, StoreError, UsageError
from grader.grading import GradeResult
from grader.store import Store
from grader.vocab import AUTO, EXAM_PASS, EXAM_SIZE, Status

Record = Callable[[Submission, GradeResult], None]
Failed = Callable[[Submission, str], None]
Runner = Callable[[Record, Failed], BatchOutcome]


class Progress(Protocol):
    """Where a batch reports what it does: a phase line at once ("starting sandboxes..."), then each
    notebook as it finishes (the CLI passes a rich bar on a terminal, plain lines elsewhere)."""

    def phase(self, text: str) -> None: ...

    def start(self, total: int) -> None: ...

    def advance(self, line: str) -> None: ...

    def stop(self) -> None: ...


class NoProgress:
    """Progress that shows nothing (under --json, in tests)."""

    def phase(self, text: str) -> None:
        pass

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
    allow_skipped: bool = False
    similarity: bool = True  # the similarity section of report.html (grader.similarity)


@dataclass
class Saving:
    """What happened to results the store could not take: kept in a journal, or (nowhere to keep) lost."""

    imported: int = 0
    imported_from: tuple[Path, ...] = ()
    kept: int = 0
    kept_in: set[Path] = field(default_factory=set)
    lost: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BatchReport:
    """What a batch did, for the summary, the exit code and `batch --json`."""

    out: Path
    outcome: BatchOutcome
    rows: int
    students: list[dict[str, Any]]
    sandbox_peaks: list[float] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)  # of the rows that count (notebooks present)
    saving: Saving = field(default_factory=Saving)
    allow_skipped: bool = False
    outputs_error: str = ""

    @property
    def counted_skips(self) -> list[Skipped]:
        return [s for s in self.skipped if s.counts]

    def exit_code(self) -> int:
        """3 the grader failed somewhere, 2 files skipped (unless allowed) or an invalid notebook, 1 graded but
        not all passed, 0 every notebook passed: as for `grader submit`."""
        if self.outcome.failed_to_grade or self.saving.lost or self.outputs_error:
            return ExitCode.INTERNAL
        if (self.counted_skips and not self.allow_skipped) or Status.INVALID in self.statuses:
            return ExitCode.USAGE
        return ExitCode.OK if self.statuses and all(s == Status.PASSED for s in self.statuses) else ExitCode.NOT_PASSED

    def to_json(self) -> dict[str, Any]:
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest worker or template
        warm = self.outcome.warmups
        return {"out": str(self.out), "graded_now": self.outcome.graded, "not_graded": self.outcome.failed_to_grade,
                "rows": self.rows, "students": self.students, "counts": self.counts,
                "skipped": [s.to_json() for s in self.skipped],
                "missing": [{"student": s, "problem": p} for s, p in self.missing],
                "warmup_s": round(statistics.fmean(warm), 3) if warm else None,
                "journal": {"imported": self.saving.imported, "kept": self.saving.kept,
                            "kept_in": sorted(map(str, self.saving.kept_in)), "lost": len(self.saving.lost)},
                "exit_code": self.exit_code(),
                "coordinator_peak_mb": round(peak_mb, 1), "workers_peak_mb": round(workers_mb, 1),
                "sandbox_peak_mb": max(self.sandbox_peaks, default=None)}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def plan(subs: list[Submission], index: dict[tuple[str, str], tuple[str, str]], versions: dict[str, str],
         regrade: bool) -> tuple[list[Submission], dict[str, int]]:
    """What to grade: new notebooks, and those whose content or problem changed since graded (all: regrade)."""
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    todo = []
    for sub in subs:
        stored = index.get((sub.student, sub.problem))
        kind = ("new" if stored is None else
                "unchanged" if stored == (sub.sha256, versions.get(sub.problem, "")) and sub.sha256 else "changed")
        counts[kind] += 1
        if kind != "unchanged" or regrade:
            todo.append(sub)
    return todo, counts


def run_batch(opts: BatchOptions, progress: Progress | None = None,
              notify: Callable[[str], None] = lambda _: None) -> BatchReport:
    """Grade what is new or changed in a class into `opts.out`; `notify` receives one-line notices."""
    from grader.problems import load_bank

    progress = progress or NoProgress()
    if opts.cluster and opts.jobs:
        raise UsageError("--jobs does not apply with --cluster: each Dask worker grades --nthreads notebooks at a time")
    progress.phase("checking sandboxes...")
    local = None if opts.cluster else local_sandbox(opts.sandbox, opts.allow_unisolated)
    swept = orphans.sweep(docker=True)
    if swept:
        notify(f"removed what an interrupted grader left: {swept.summary()}")
    opts.out.mkdir(parents=True, exist_ok=True)
    store = Store(opts.out / "grader.db")
    saving = Saving()
    _import_journal(store, saving, notify)
    bank = load_bank()
    versions = {pid: p.version for pid, p in bank.items()}
    peaks: list[float] = []
    started = time.time()
    with batch.restore_signals(), orphans.run_dir() as rundir, ExitStack() as stack:
        folder, skipped = prepare(opts.submissions, rundir)
        subs, found_skips = discover(folder, bank)
        skipped += found_skips
        similarity = _similarity_section(folder, bank, opts.out, notify) if opts.similarity else ""
        wanted = {_nfc(s) for s in opts.students}
        if wanted:
            subs = [s for s in subs if s.student in wanted]
            if not subs:
                raise UsageError(f"no submissions for {', '.join(opts.students)} in {opts.submissions}")
        index = store.batch_index()
        todo, counts = plan(subs, index, versions, opts.regrade)
        present = {(s.student, s.problem) for s in subs}
        doubled = {s.key for s in skipped if s.key is not None}  # there, twice: not graded, not missing either
        missing = sorted(k for k in index if k not in present and k not in doubled
                         and (not wanted or k[0] in wanted))
        counts["missing"] = len(missing)
        _tell_skipped(skipped, notify)
        if not subs and not index:
            raise UsageError(f"no notebook to grade in {opts.submissions} "
                             "(expected <student>/<problem-id>.ipynb or <student>__<problem-id>.ipynb)")
        _mark(store, missing, present, notify)
        where, runner = _engine(opts, local, todo, stack, notify, rundir)
        again = " (graded again: --regrade)" if opts.regrade and counts["unchanged"] else ""
        notify(f"{len(subs)} notebooks: {counts['new']} new, {counts['changed']} changed, {counts['unchanged']} "
               f"unchanged{again}, {counts['missing']} missing; " + (f"grading {len(todo)} {where}" if todo else
                                                                      "nothing to grade"))

        def record(sub: Submission, result: GradeResult) -> None:
            if result.peak_memory_mb is not None:
                peaks.append(result.peak_memory_mb)
            _store_result(store, sub, result, versions.get(sub.problem, ""), saving, notify)
            progress.advance(f"{sub.student} {sub.problem} {result.status} "
                             f"{result.checks_passed}/{result.checks_total}")

        def failed(sub: Submission, message: str) -> None:
            progress.advance(f"{sub.student} {sub.problem} NOT GRADED: {message[:160]}")

        outcome, rows = BatchOutcome(), []
        if todo:
            progress.phase("starting sandboxes...")
        progress.start(len(todo))
        outputs_error = ""
        try:
            outcome = runner(record, failed)
        finally:
            progress.stop()
            if saving.kept:
                _import_journal(store, saving, notify, at_end=True)
            summary = _summary(counts, skipped, outcome, saving)
            try:
                _record_run(store, started, summary, notify)
                rows = _rows(store)
                gradebook.write_all(rows, opts.out, threshold=opts.pass_mark, size=opts.size, similarity=similarity,
                                    run={**summary, "finished_at": time.time()})
            except OSError as exc:
                outputs_error = f"could not write the outputs in {opts.out}: {exc.strerror or exc}"
                notify(f"grader: error: {outputs_error} (every result is in the database or its journal)")
    store.close()
    current = [r for r in rows if not r.get("missing")]
    return BatchReport(opts.out, outcome, len(rows), students_summary(rows, opts.pass_mark, opts.size), peaks,
                       counts, skipped, missing, [r["status"] for r in current], saving, opts.allow_skipped,
                       outputs_error)


def _summary(counts: dict[str, int], skipped: list[Skipped], outcome: BatchOutcome, saving: Saving) -> dict[str, Any]:
    warm = outcome.warmups
    return {"counts": counts, "skipped": [s.to_json() for s in skipped], "not_graded": outcome.failed_to_grade,
            "warmup_s": round(statistics.fmean(warm), 2) if warm else None, "workers": len(warm),
            "unsaved": saving.kept}


def _rows(store: Store) -> list[dict[str, Any]]:
    """The store's rows, with results kept in a journal (not stored yet) in place of older ones."""
    rows = {(r["student"], r["problem"]): r for r in store.batch_rows()}
    for r in journal.pending_batch_rows(store):
        key = (r["student"], r["problem"])
        if key not in rows or rows[key]["graded_at"] < r["graded_at"]:
            rows[key] = r
    return sorted(rows.values(), key=lambda r: (r["student"], r["problem"]))


def _tell_skipped(skipped: list[Skipped], notify: Callable[[str], None]) -> None:
    ignored = [s for s in skipped if not s.counts]
    for s in skipped:
        if s.counts:
            notify(f"not graded: {s.path}: {s.reason}")
    if ignored:
        notify(f"ignored {len(ignored)} system file(s) ({', '.join(s.path for s in ignored[:3])}"
               f"{', ...' if len(ignored) > 3 else ''})")


def _mark(store: Store, missing: list[tuple[str, str]], present: set[tuple[str, str]],
          notify: Callable[[str], None]) -> None:
    for student, problem in missing:
        notify(f"missing: {student}'s {problem} is no longer in the class folder (its row is kept, flagged)")
    try:
        store.batch_mark(missing, present)
    except StoreError as exc:
        notify(f"warning: {exc}; the outputs flag them anyway")


def _store_result(store: Store, sub: Submission, result: GradeResult, version: str, saving: Saving,
                  notify: Callable[[str], None]) -> None:
    """Store one result; when the store cannot take it, keep it in the journal, and say so."""
    try:
        store.batch_record(sub.student, result, sub.sha256, version)
        return
    except StoreError as exc:
        error = str(exc)
    kept = journal.keep(store, journal.batch_entry(sub.student, result, sub.sha256, version))
    line = f"{sub.student} {sub.problem}: {result.status} {result.checks_passed}/{result.checks_total}"
    if kept is None:
        saving.lost.append(line)
        notify(f"grader: error: {error}; and no journal could be written: the result was {line}")
        return
    if not saving.kept:
        notify(f"warning: {error}; results are kept in {kept} until the database can be written "
               "(the next run imports them)")
    saving.kept += 1
    saving.kept_in.add(kept)


def _import_journal(store: Store, saving: Saving, notify: Callable[[str], None], at_end: bool = False) -> None:
    try:
        done = journal.import_pending(store)
    except StoreError as exc:
        if not at_end:
            notify(f"warning: results kept in a journal could not be stored yet: {exc}")
        return
    if done.count:
        where = ", ".join(map(str, done.paths))
        if at_end:
            saving.kept = 0
            saving.kept_in.clear()
            notify(f"the database could be written again: {done.count} results moved from {where} into it")
        else:
            saving.imported, saving.imported_from = done.count, done.paths
            notify(f"imported {done.count} results graded earlier while the database could not be written "
                   f"(from {where})")


def _record_run(store: Store, started: float, summary: dict[str, Any], notify: Callable[[str], None]) -> None:
    try:
        store.batch_run_record(started, summary)
    except StoreError as exc:
        notify(f"warning: {exc}")


def _similarity_section(folder: Path, bank: Collection[str], out: Path, notify: Callable[[str], None]) -> str:
    """The whole class compared (not only the students graded now, and problems off the bank too), in a worker
    process; never fails the batch."""
    from grader import similarity

    return similarity.for_batch(discover(folder, bank, unknown=True)[0], out, notify)


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
            notify: Callable[[str], None], rundir: Path) -> tuple[str, Runner]:
    """(where the batch grades, how to run it): worker processes here, or the eligible workers of a cluster."""
    if local is not None:
        jobs = min(opts.jobs or os.cpu_count() or 1, max(1, len(todo)))
        return (f"in the {local.label} sandbox, {jobs} at a time",
                lambda record, failed: batch.run(todo, local.name, jobs, record, failed, rundir))
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
