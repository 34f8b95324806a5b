"""`python -m grader.bench_similarity`: the similarity report's speed, memory and accuracy figures.

1. Speed: `grader similarity` (reading, tokenising, comparing and writing every page) on a synthetic
   class of 300 students x 10 problems: wall time with one process per core, and wall and CPU time
   with one process. Each student's notebook for a problem is a bank solution or alternative with
   the student's own names and function order, one or two functions of their own (random code), and
   a cell of their own; every 20th student hands in the previous student's notebook with every name
   changed and the functions reordered (planted copies, whose recall is reported).
2. Memory: one process's peak RSS for 300 and for 600 students (problems are compared one at a time,
   so it follows one problem's submissions, not the class's).
3. Accuracy on the bank: every pair among a problem's reference solution and its alternatives
   (distinct correct solutions) scored, and each reference against a renamed and reordered copy.
"""
from __future__ import annotations

import argparse
import ast
import builtins
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path
from typing import Any

from grader.notebook import code_notebook
from grader.problems import Problem, load_bank
from grader.vocab import SIMILARITY_THRESHOLD

_KEEP = set(dir(builtins)) | {"np", "pd", "math", "self", "cls"}


class _Renamer(ast.NodeTransformer):
    """Every name the author chose replaced by another (the problem's required names kept)."""

    def __init__(self, keep: set[str], rng: random.Random):
        self.keep, self.rng = keep, rng
        self.names: dict[str, str] = {}

    def _new(self, name: str) -> str:
        if name in self.keep or name.startswith("__"):
            return name
        fresh = f"{self.rng.choice('abcdefghxyz')}{len(self.names)}_{self.rng.randint(0, 999)}"
        return self.names.setdefault(name, fresh)

    def visit_Name(self, node: ast.Name) -> ast.Name:
        node.id = self._new(node.id)
        return node

    def visit_arg(self, node: ast.arg) -> ast.arg:
        node.arg = self._new(node.arg)
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.FunctionDef:
        node.name = self._new(node.name)
        self.generic_visit(node)
        return node


def disguise(source: str, keep: set[str], rng: random.Random) -> str:
    """`source` with every own name changed, top-level functions shuffled, comments and layout redone."""
    tree = ast.parse(source)
    tree = _Renamer(keep | _KEEP, rng).visit(tree)
    defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    rest = [n for n in tree.body if n not in defs]
    rng.shuffle(defs)
    tree.body = rest + defs
    return ast.unparse(tree)


def _chosen(problems: int) -> list[Problem]:
    bank = [load_bank()[pid] for pid in sorted(load_bank())]
    return bank[:: max(1, len(bank) // problems)][:problems]


_CALLS = ("np.sum", "np.mean", "np.sqrt", "np.abs", "np.maximum", "np.clip", "np.log1p", "np.cumsum", "np.exp",
          "len", "sorted", "min", "max", "float", "np.median", "np.diff", "np.sort", "round")
_OPS = ("+", "-", "*", "/", "**", "//", "%")


def _expr(rng: random.Random, names: list[str], depth: int) -> str:
    roll = rng.random()
    if depth <= 0 or roll < 0.3:
        return rng.choice(names) if rng.random() < 0.7 else str(rng.randint(0, 9))
    if roll < 0.55:
        return f"{rng.choice(_CALLS)}({_expr(rng, names, depth - 1)})"
    if roll < 0.65:
        return f"{rng.choice(names)}[{_expr(rng, names, depth - 1)}]"
    return f"({_expr(rng, names, depth - 1)} {rng.choice(_OPS)} {_expr(rng, names, depth - 1)})"


def own_function(rng: random.Random, name: str) -> str:
    """A function nobody else wrote: random statements over random expressions (it is parsed, never run)."""
    names = ["x", "y"]
    lines = [f"def {name}(x, y):"]
    for _ in range(rng.randint(4, 10)):
        target = f"v{len(names)}"
        roll = rng.random()
        if roll < 0.5:
            lines.append(f"    {target} = {_expr(rng, names, 3)}")
        elif roll < 0.7:
            lines.append(f"    if {_expr(rng, names, 2)} > {_expr(rng, names, 1)}:")
            lines.append(f"        {target} = {_expr(rng, names, 2)}")
            lines.append("    else:")
            lines.append(f"        {target} = {_expr(rng, names, 2)}")
        else:
            lines.append(f"    {target} = {_expr(rng, names, 1)}")
            lines.append(f"    for i in range({_expr(rng, names, 1)}):")
            lines.append(f"        {target} = {target} {rng.choice(_OPS)} {_expr(rng, [*names, 'i'], 2)}")
        names.append(target)
    lines.append(f"    return {_expr(rng, names, 2)}")
    return "\n".join(lines)


def write_class(root: Path, students: int, problems: int = 10, seed: int = 0) -> set[tuple[str, str, str]]:
    """The synthetic class described in the module docstring; returns the planted copies (problem, a, b)."""
    rng = random.Random(seed)
    planted: set[tuple[str, str, str]] = set()
    for p in _chosen(problems):
        bases = [f.read_text(encoding="utf-8") for f in [p.solution_path, *p.alternatives()]]
        previous = ""
        for i in range(students):
            student = f"s{i:04d}"
            if i % 20 == 19:
                code = disguise(previous, set(p.defines), rng)
                planted.add((p.id, f"s{i - 1:04d}", student))
            else:
                own = "\n\n".join(own_function(rng, f"helper_{k}") for k in range(rng.randint(1, 2)))
                code = disguise(rng.choice(bases) + "\n\n" + own, set(p.defines), rng)
            own_cell = f"print({p.defines[0]})  # checked on {rng.randint(1, 28)} May, try {rng.randint(1, 9)}"
            folder = root / student
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{p.id}.ipynb").write_bytes(code_notebook([code, own_cell], p.id))
            previous = code
    return planted


def run_similarity(folder: Path, out: Path, jobs: int) -> dict[str, Any]:
    """Wall and CPU seconds, peak RSS and the --json report of one `grader similarity` process (CPU and RSS
    are the command's own process: with --jobs 1 that is all of the work)."""
    argv = [sys.executable, "-m", "grader", "similarity", str(folder), "--out", str(out), "--json", "--jobs", str(jobs)]
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not the largest child's so far
        elapsed = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"bench_similarity: grader similarity exited {proc.returncode}: "
                             f"{stderr.read().decode()[-400:]}")
        return {"wall": elapsed, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                "report": json.loads(stdout.read())}


def class_figures(students: int, problems: int) -> None:
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="grader-bench-sim-") as tmp:
        planted = write_class(Path(tmp) / "class", students, problems)
        fast = run_similarity(Path(tmp) / "class", Path(tmp) / "out2", jobs=os.cpu_count() or 1)
        one = run_similarity(Path(tmp) / "class", Path(tmp) / "out1", jobs=1)
    report = fast["report"]
    found = {(p["problem"], *sorted((r["a"]["student"], r["b"]["student"]))) for p in report["problems"]
             for r in p["pairs"]}
    print(f"speed: {students} students x {problems} problems ({students * problems} notebooks): "
          f"{fast['wall']:.1f} s wall with --jobs {os.cpu_count()}; with --jobs 1 {one['wall']:.1f} s wall, "
          f"{one['cpu']:.1f} s CPU")
    print(f"       {report['pairs']} pairs listed; planted copies found: {len(planted & found)}/{len(planted)}")
    with tempfile.TemporaryDirectory(prefix="grader-bench-sim-") as tmp:
        write_class(Path(tmp) / "class", students * 2, problems)
        two = run_similarity(Path(tmp) / "class", Path(tmp) / "out", jobs=1)
    print(f"memory (--jobs 1, one process): peak RSS {one['peak_mb']:.0f} MiB for {students} students, "
          f"{two['peak_mb']:.0f} MiB for {students * 2} ({two['cpu']:.1f} s CPU)")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


def bank_figures(threshold: float = SIMILARITY_THRESHOLD) -> None:
    """Distinct correct solutions of each bank problem against each other, and against disguised copies."""
    from grader.similarity.compare import boilerplate_hashes, compare, document
    from grader.similarity.run import given_code
    from grader.similarity.tokens import tokenize

    rng = random.Random(1)
    distinct: list[tuple[float, str]] = []
    copies: list[float] = []
    for pid, p in sorted(load_bank().items()):
        _, given = given_code(pid)
        boilerplate = boilerplate_hashes([tokenize(c) for c in given])
        files = [p.solution_path, *p.alternatives()]
        docs = [document(f.stem, tokenize(f.read_text(encoding="utf-8"))) for f in files]
        scored = {(x.a.student, x.b.student): x.score for x in compare(docs, boilerplate, threshold=1e-9).pairs}
        distinct += [(scored.get((a.stem, b.stem), 0.0), pid) for a, b in combinations(files, 2)]
        copy = document("copy", tokenize(disguise(p.solution_path.read_text(encoding="utf-8"), set(p.defines), rng)))
        pairs = compare([docs[0], copy], boilerplate, threshold=threshold).pairs  # the real path, prefilter included
        copies.append(pairs[0].score if pairs else 0.0)
    flagged = sorted((s, pid) for s, pid in distinct if s >= threshold)
    top = max(distinct)
    print(f"bank: {len(distinct)} pairs of distinct correct solutions (reference and alternatives): "
          f"{len(flagged)} at or above {threshold}, highest {top[0]:.2f} ({top[1]})")
    found = sorted(s for s in copies if s)
    print(f"bank: {len(found)}/{len(copies)} references found against a copy with every name changed and the "
          f"functions reordered (lowest score found {found[0]:.2f}, median {found[len(found) // 2]:.2f}); a miss is "
          "a problem whose statement already gives nearly all of the code")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m grader.bench_similarity", description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--problems", type=int, default=10)
    args = parser.parse_args(argv)
    class_figures(args.students, args.problems)
    bank_figures()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
