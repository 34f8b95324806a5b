"""Instructor batch grading: find a class's submissions, grade them in parallel, record each at once.

Inputs: `SUBMISSIONS/<student>/<problem-id>.ipynb`, a flat folder of `<student>__<problem-id>.ipynb`,
or a zip of either layout (extracted safely: no `..`, absolute paths, links or oversized entries).
Workers are processes, each grading one notebook at a time in its own sandbox; only the
coordinating process writes the store, a row per (student, problem) as soon as it is graded.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import signal
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from grader.errors import GraderError, UsageError
from grader.grading import GradeResult, invalid_result
from grader.notebook import InvalidNotebook, Notebook, read_notebook

STUDENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$")
MAX_ZIP_ENTRIES = 100_000
MAX_ZIP_MEMBER = 20 * 1024 * 1024
MAX_ZIP_TOTAL = 4 * 1024 * 1024 * 1024


@dataclass(frozen=True)
class Submission:
    """One notebook of one student for one problem."""

    student: str
    problem: str
    path: Path


class UnsafeArchive(UsageError):
    """A zip entry that would escape the extraction folder or is not a plain file."""


def extract_zip(archive: Path, dest: Path) -> None:
    """Extract `archive` into `dest`, refusing path traversal, absolute paths, links and bombs."""
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UsageError(f"{archive}: not a readable zip file ({exc})") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise UnsafeArchive(f"{archive}: more than {MAX_ZIP_ENTRIES} entries")
        total = 0
        files: set[tuple[str, ...]] = set()
        dirs: set[tuple[str, ...]] = set()
        for info in infos:
            name = info.filename
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts:
                raise UnsafeArchive(f"{archive}: entry {name!r} points outside the archive; refusing it")
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise UnsafeArchive(f"{archive}: entry {name!r} is a symbolic link; refusing it")
            key = tuple(p for p in parts if p not in ("", "."))
            if info.is_dir():
                dirs.add(key)
                continue
            parents = {key[:i] for i in range(1, len(key))}
            if key in files or key in dirs or parents & files:
                raise UnsafeArchive(f"{archive}: entry {name!r} clashes with another entry of the same name")
            files.add(key)
            dirs |= parents
            if info.file_size > MAX_ZIP_MEMBER:
                raise UnsafeArchive(f"{archive}: entry {name!r} is larger than {MAX_ZIP_MEMBER // 2**20} MiB")
            total += info.file_size
            if total > MAX_ZIP_TOTAL:
                raise UnsafeArchive(f"{archive}: more than {MAX_ZIP_TOTAL // 2**30} GiB uncompressed")
        if dirs & files:
            raise UnsafeArchive(f"{archive}: an entry is both a file and a folder")
        for info in infos:
            if info.is_dir():
                continue
            target = dest.joinpath(*PurePosixPath(info.filename.replace("\\", "/")).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "xb") as out:
                remaining = MAX_ZIP_MEMBER + 1
                while chunk := src.read(min(1 << 20, remaining)):
                    remaining -= len(chunk)
                    if remaining <= 0:
                        raise UnsafeArchive(f"{archive}: entry {info.filename!r} is larger than it claims")
                    out.write(chunk)


def _root(submissions: Path) -> Path:
    """The folder holding the class (a single top folder inside a zip is looked into)."""
    entries = [p for p in submissions.iterdir() if not p.name.startswith((".", "__MACOSX"))]
    if len(entries) == 1 and entries[0].is_dir() and not any(e.suffix == ".ipynb" for e in entries[0].iterdir()):
        inner = entries[0]
        if all(p.is_dir() for p in inner.iterdir() if not p.name.startswith(".")):
            return inner
    return submissions


def discover(folder: Path) -> tuple[list[Submission], list[str]]:
    """Submissions in `folder` (either layout) and warnings about entries that were skipped."""
    folder = _root(folder)
    found: list[Submission] = []
    skipped: list[str] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            skipped.append(f"{entry.name}: a symbolic link, skipped")
        elif entry.is_dir():
            if not STUDENT.match(entry.name):
                skipped.append(f"{entry.name}/: not a usable student name, skipped")
                continue
            for nb in sorted(entry.iterdir()):
                if nb.is_symlink():
                    skipped.append(f"{entry.name}/{nb.name}: a symbolic link, skipped")
                elif nb.suffix == ".ipynb" and nb.is_file():
                    found.append(Submission(entry.name, nb.stem, nb))
                elif not nb.name.startswith("."):
                    skipped.append(f"{entry.name}/{nb.name}: not a .ipynb file, skipped")
        elif entry.suffix == ".ipynb" and "__" in entry.stem:
            student, _, problem = entry.stem.partition("__")
            if STUDENT.match(student):
                found.append(Submission(student, problem, entry))
            else:
                skipped.append(f"{entry.name}: not a usable student name, skipped")
        else:
            skipped.append(f"{entry.name}: expected <student>/<problem-id>.ipynb or <student>__<problem-id>.ipynb")
    return found, skipped


# ------------------------------------------------------------------ workers

def _worker_init() -> None:
    # A terminated worker unwinds like Ctrl-C, so its sandbox is removed on the way out.
    def raise_interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, raise_interrupt)


def grade_submission(sub: Submission, sandbox_name: str) -> GradeResult:
    """Grade one submission; a learner failure is a status, never an exception."""
    return grade_loaded(sub.student, sub.problem, lambda: read_notebook(sub.path), sandbox_name)


def grade_loaded(student: str, problem_id: str, load: Callable[[], Notebook], sandbox_name: str) -> GradeResult:
    """Grade one notebook of a class; `load` parses it (its InvalidNotebook becomes an `invalid` row)."""
    from grader.problems import load_bank
    from grader.sandbox import get_sandbox

    sandbox = get_sandbox(sandbox_name)
    notebook = f"{student}/{problem_id}.ipynb"
    problem = load_bank().get(problem_id)
    if problem is None:
        return invalid_result(problem_id, notebook, f"unknown problem id {problem_id!r} (from the file name)", sandbox)
    from grader.submit import grade_parsed

    try:
        parsed: Notebook | InvalidNotebook = load()
    except InvalidNotebook as exc:
        parsed = exc
    return grade_parsed(parsed, problem, sandbox, notebook)


@dataclass
class BatchOutcome:
    """What a batch run did: graded and recorded, not graded (the grader failed), and the first failure."""

    graded: int = 0
    skipped_done: int = 0
    failed_to_grade: int = 0
    first_failure: str = ""


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
        record(sub, result)
        outcome.graded += 1
        return
    outcome.failed_to_grade += 1
    outcome.first_failure = outcome.first_failure or message
    on_failure(sub, message)


def run(subs: list[Submission], sandbox_name: str, jobs: int, record: Callable[[Submission, GradeResult], None],
        on_failure: Callable[[Submission, str], None]) -> BatchOutcome:
    """Grade `subs` with `jobs` worker processes, calling `record` as each result arrives."""
    outcome = BatchOutcome()
    if not subs:
        return outcome
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init)
    pending: dict[Future, Submission] = {}
    queue: Iterator[Submission] = iter(subs)
    try:
        while True:
            while len(pending) < jobs * 2:  # a bounded window keeps memory flat however large the class
                sub = next(queue, None)
                if sub is None:
                    break
                pending[pool.submit(grade_submission, sub, sandbox_name)] = sub
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                settle(outcome, pending.pop(fut), fut.result, record, on_failure)
    except BaseException:
        for proc in list(getattr(pool, "_processes", {}).values()):
            with contextlib.suppress(ProcessLookupError, AttributeError):
                os.kill(proc.pid, signal.SIGTERM)
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return outcome


def prepare(submissions: Path, workdir: str) -> Path:
    """The folder to read: `submissions` itself, or a zip extracted safely into `workdir`."""
    if not submissions.exists():
        raise UsageError(f"{submissions}: no such file or folder")
    if submissions.is_file():
        if not zipfile.is_zipfile(submissions):
            raise UsageError(f"{submissions}: expected a folder of submissions or a zip of one")
        dest = Path(workdir) / "class"
        dest.mkdir()
        extract_zip(submissions, dest)
        return dest
    return submissions


def temp_workdir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="grader-batch-")
