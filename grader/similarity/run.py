"""A class's submissions compared problem by problem: what `grader similarity` and batch's section run.

The class is found by batch's own discovery (both layouts, zips extracted by batch.prepare). Each
problem is compared on its own and only its pairs are kept, so memory follows the largest problem,
not the class. A notebook that cannot be read is listed as not compared; it never stops the run.
"""
from __future__ import annotations

import multiprocessing
import os
import re
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from grader.batch import Submission, discover
from grader.errors import GraderError, ProblemFormatError, UsageError
from grader.notebook import InvalidNotebook, read_notebook
from grader.similarity.compare import DEFAULT_THRESHOLD, Comparison, boilerplate_hashes, compare, document
from grader.similarity.tokens import Unparsable, tokenize

_PROMPT = re.compile(r"^(>>>|\.\.\.) ?", re.M)


@dataclass(frozen=True)
class ProblemResult:
    """One problem's comparison, and what could not be part of it."""

    problem: str
    title: str | None  # None: not in the problem bank, so its starter code could not be removed
    comparison: Comparison
    not_compared: tuple[str, ...]


@dataclass(frozen=True)
class ClassResult:
    """Every problem of a class, with discovery's warnings and the threshold used."""

    problems: tuple[ProblemResult, ...]
    skipped: tuple[str, ...]
    threshold: float

    @property
    def flagged(self) -> int:
        return sum(len(p.comparison.pairs) for p in self.problems)


def check_threshold(threshold: float) -> float:
    if not 0.0 < threshold <= 1.0:
        raise UsageError(f"--threshold must be above 0 and at most 1 (a share of the code), not {threshold}")
    return threshold


def notebook_code(cells: tuple[tuple[int, str], ...]) -> str:
    """A notebook's code cells as one text, each headed by a comment naming it as Jupyter counts code cells."""
    return "\n".join(f"# --- code cell {n} ---\n{src.rstrip()}\n" for n, (_, src) in enumerate(cells, 1))


def statement_code(markdown: str) -> list[str]:
    """The code in a statement, task and hints alike: code blocks (fenced or indented, doctest prompts
    removed) and inline code spans. Anything a statement shows is given, not evidence."""
    from markdown_it import MarkdownIt

    found: list[str] = []
    for tok in MarkdownIt("commonmark").parse(markdown):
        if tok.type in ("fence", "code_block"):
            found.append(_PROMPT.sub("", tok.content))
        elif tok.type == "inline":
            found += [child.content for child in tok.children or () if child.type == "code_inline"]
    return [code for code in found if code.strip()]


def given_code(problem_id: str) -> tuple[str | None, list[str]]:
    """(title, code everyone was given: the starter's code cells and the statement's examples), from the bank."""
    from grader.problems import get_problem

    try:
        problem = get_problem(problem_id)
        starter = read_notebook(problem.starter_path)
        statement = problem.statement()
    except (UsageError, ProblemFormatError, InvalidNotebook, OSError):
        return None, []  # not in the bank (or the bank cannot say): only the class-wide filter applies
    return problem.title, [src for _, src in starter.cells] + statement_code(statement)


def compare_problem(problem_id: str, subs: list[Submission], threshold: float) -> ProblemResult:
    """Read, tokenise and compare one problem's submissions."""
    title, given = given_code(problem_id)
    docs = []
    not_compared: list[str] = []
    for sub in subs:
        try:
            nb = read_notebook(sub.path)
            docs.append(document(sub.student, tokenize(notebook_code(nb.cells))))
        except (InvalidNotebook, Unparsable) as exc:
            not_compared.append(f"{sub.student}: {exc}")
        except Exception as exc:  # noqa: BLE001 - one unreadable file is reported, never the end of the run
            not_compared.append(f"{sub.student}: could not be read ({type(exc).__name__})")
    result = compare(docs, boilerplate_hashes([tokenize(code) for code in given]), threshold)
    return ProblemResult(problem_id, title, result, tuple(not_compared))


PARALLEL_FROM = 200  # notebooks; below this, starting worker processes costs more than it saves


class WorkerDied(GraderError):
    """A worker process comparing one problem died (the parser is C code: this keeps a crash contained)."""


def compare_submissions(subs: list[Submission], threshold: float = DEFAULT_THRESHOLD, skipped: tuple[str, ...] = (),
                        on_problem: Callable[[ProblemResult], None] | None = None, jobs: int = 0,
                        isolate: bool = False) -> ClassResult:
    """Compare already discovered submissions problem by problem, in `jobs` worker processes (0: one per core)
    when the class is large enough to gain from them, always when `isolate` (then nothing a notebook does to
    the parser can take the calling process down)."""
    check_threshold(threshold)
    by_problem: dict[str, list[Submission]] = defaultdict(list)
    for sub in subs:
        by_problem[sub.problem].append(sub)
    order = sorted(by_problem)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(order)))
    results = []
    if not order or (not isolate and (jobs == 1 or len(subs) < PARALLEL_FROM)):
        for pid in order:
            results.append(compare_problem(pid, by_problem[pid], threshold))
            if on_problem is not None:
                on_problem(results[-1])
        return ClassResult(tuple(results), tuple(skipped), threshold)
    # a worker holds one problem's documents at a time and sends back only its pairs
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(compare_problem, pid, by_problem[pid], threshold) for pid in order]
        for pid, future in zip(order, futures, strict=True):
            try:
                results.append(future.result())
            except BrokenProcessPool:
                raise WorkerDied(f"comparing {pid} stopped: its worker process died; run grader similarity "
                                 "with --jobs 1 to see which notebook") from None
            if on_problem is not None:
                on_problem(results[-1])
    return ClassResult(tuple(results), tuple(skipped), threshold)


def compare_class(folder: Path, threshold: float = DEFAULT_THRESHOLD,
                  on_problem: Callable[[ProblemResult], None] | None = None, jobs: int = 0,
                  isolate: bool = False) -> ClassResult:
    """Compare every problem of the class in `folder` (batch's layouts)."""
    subs, skipped = discover(folder, unknown=True)
    notes = tuple(f"{s.path}: {s.reason}" for s in skipped if s.counts)
    return compare_submissions(subs, threshold, notes, on_problem, jobs, isolate)
