"""`make bench`: the speed issue's figures, every comparison measured in the same run.

1. One submission: `grader submit` of a correct notebook for an easy problem, per sandbox, against
   its floor (a fresh `python -c` with the same imports and code); medians of interleaved runs.
2. A class: 48 notebooks over 8 problems (correct, wrong and raising mixed), `grader batch --jobs 2`
   per isolating sandbox, against the floor: the same notebooks' code and checks run one after
   another in one process that already imported the libraries, divided by the number of cores.
3. Memory: the grader's own peaks (coordinator, largest worker or template) and each sandbox's
   own peak from that class, and the coordinator's peak for 50 against 500 notebooks.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from grader.notebook import code_notebook
from grader.problems import get_problem, load_bank
from grader.sandbox import all_sandboxes

PROBLEM = "mle-act-softmax"
REPEATS = 7
CLASS_REPEATS = 3
CORES = os.cpu_count() or 1


def write_class(root: Path, students: int, problems: int) -> int:
    """`students` x `problems` notebooks, problems spread over the sorted bank. Student i submits, by
    i mod 6: the reference, an alternative, the reference plus a cell, the first mutant, the last
    mutant, the reference followed by a raising cell. Returns the number written."""
    bank = [load_bank()[pid] for pid in sorted(load_bank())]
    chosen = bank[:: max(1, len(bank) // problems)][:problems]
    for i in range(students):
        folder = root / f"s{i:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for p in chosen:
            ref = p.solution_path.read_text(encoding="utf-8")
            alt = (p.alternatives() or [p.solution_path])[0].read_text(encoding="utf-8")
            cells = [[ref], [alt], [ref, "checked = True"], [p.mutants()[0].read_text(encoding="utf-8")],
                     [p.mutants()[-1].read_text(encoding="utf-8")], [ref, "raise RuntimeError('a broken last cell')"]]
            (folder / f"{p.id}.ipynb").write_bytes(code_notebook(cells[i % 6], p.id))
    return students * len(chosen)


def _time(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, bytes]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd[:4])} exited {proc.returncode}: {proc.stderr.decode()[-300:]}")
    return elapsed, proc.stdout


def one_submission(sandboxes: list) -> None:
    problem = get_problem(PROBLEM)
    solution = problem.solution_path.read_text(encoding="utf-8")
    example = "import numpy as np\nprint(softmax(np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, 1000.0]])))"
    with tempfile.TemporaryDirectory() as tmp:
        nb_path = Path(tmp) / f"{PROBLEM}.ipynb"
        nb_path.write_bytes(code_notebook([solution, example], PROBLEM))
        env = dict(os.environ, GRADER_DB=str(Path(tmp) / "bench.db"))
        floor_cmd = [sys.executable, "-c", solution + "\n" + example]
        commands = {sb.label: [sys.executable, "-m", "grader", "submit", str(nb_path), "--sandbox", sb.name]
                    for sb in sandboxes}
        for cmd in commands.values():
            _time(cmd, env)  # warm the page cache once
        times: dict[str, list[float]] = {label: [] for label in commands}
        floor: list[float] = []
        for _ in range(REPEATS):
            floor.append(_time(floor_cmd)[0])
            for label, cmd in commands.items():
                times[label].append(_time(cmd, env)[0])
    f = statistics.median(floor)
    print(f"1. one submission of {PROBLEM}, medians of {REPEATS} interleaved runs "
          f"(load average {os.getloadavg()[0]:.1f}):")
    print(f"   floor (fresh python -c, same imports and code): {f:.3f} s")
    for label, values in times.items():
        s = statistics.median(values)
        print(f"   grader submit --sandbox {label:<12} {s:.3f} s   {s - f:+.3f} s above the floor")
    print("   (target: at most 1.0 s above the floor)")


def floor_seconds(folder: Path) -> float:
    """Grade every notebook in `folder` in this process, libraries imported first, with no sandbox."""
    from grader.grading import grade
    from grader.notebook import read_notebook
    from grader.sandbox.fake import FakeSandbox
    from grader.sandbox.fork import PRELOAD

    for name in PRELOAD:
        __import__(name)
    paths = sorted(folder.glob("*/*.ipynb"))
    started = time.perf_counter()
    for path in paths:
        grade(read_notebook(path), get_problem(path.stem), FakeSandbox(), path.name)
    return time.perf_counter() - started


def _batch(folder: Path, out: Path, sandbox: str) -> tuple[float, dict]:
    elapsed, stdout = _time([sys.executable, "-m", "grader", "batch", str(folder), "--out", str(out), "--jobs", "2",
                             "--sandbox", sandbox, "--json"])
    return elapsed, json.loads(stdout)


def _statuses(out: Path) -> list[tuple[str, ...]]:
    import csv

    with open(out / "gradebook.csv", newline="") as f:
        return sorted((r["student"], r["problem"], r["status"], r["checks_passed"]) for r in csv.DictReader(f))


def a_class(sandboxes: list) -> str | None:
    """Section 2 and the per-sandbox memory of section 3; returns the fastest isolating sandbox."""
    isolating = [sb for sb in sandboxes if sb.isolated]
    with tempfile.TemporaryDirectory(prefix="grader-bench-") as tmp:
        folder = Path(tmp) / "class"
        count = write_class(folder, 6, 8)
        floors = [float(_time([sys.executable, "-m", "grader.bench", "--floor", str(folder)])[1].split()[-1])
                  for _ in range(CLASS_REPEATS)]
        floor = statistics.median(floors) / CORES
        runs: dict[str, list[tuple[float, dict]]] = {sb.name: [] for sb in isolating}
        verdicts: dict[str, list] = {}
        for r in range(CLASS_REPEATS):
            for sb in isolating:
                out = Path(tmp) / f"{sb.name}-{r}"
                runs[sb.name].append(_batch(folder, out, sb.name))
                verdicts[sb.name] = _statuses(out)
    print(f"\n2. a class of {count} notebooks over 8 problems (correct, wrong, raising), grader batch --jobs 2, "
          f"medians of {CLASS_REPEATS} (load average {os.getloadavg()[0]:.1f}):")
    print(f"   floor (one warm process, no sandbox, / {CORES} cores): {floor:.1f} s = "
          f"{count / floor * 60:.0f} notebooks/min")
    nbgrader = 60 / 2.95  # nbgrader autograde's median per notebook on these machines (the figure)
    walls = {name: statistics.median(v[0] for v in values) for name, values in runs.items()}
    for name, wall in walls.items():
        rate = count / wall * 60
        print(f"   --sandbox {name:<12} {wall:6.1f} s  {rate:5.0f} notebooks/min  {rate / nbgrader:4.1f}x nbgrader's "
              f"{nbgrader:.0f}/min  {wall / floor:4.1f}x the floor")
    agree = len({tuple(v) for v in verdicts.values()}) <= 1
    print(f"   (targets: at least 100 notebooks/min and within 2x of the floor; every sandbox gave the same "
          f"verdicts: {'yes' if agree else 'NO'})")
    print("\n3. memory in that class (MB):")
    for name, values in runs.items():
        report = values[-1][1]
        print(f"   --sandbox {name:<12} coordinator {report['coordinator_peak_mb']:6.1f}  largest worker or template "
              f"{report['workers_peak_mb']:6.1f}  largest sandbox {report['sandbox_peak_mb'] or 'n/a'}")
    return min(walls, key=walls.__getitem__) if walls else None


def large_class(sandbox: str) -> None:
    print(f"\n   the coordinator's peak for 50 and 500 notebooks (--sandbox {sandbox}):")
    for students in (50 // 8 + 1, 500 // 8 + 1):
        with tempfile.TemporaryDirectory(prefix="grader-bench-") as tmp:
            count = write_class(Path(tmp) / "class", students, 8)
            wall, report = _batch(Path(tmp) / "class", Path(tmp) / "out", sandbox)
            print(f"   {count:4d} notebooks: coordinator {report['coordinator_peak_mb']:.1f} MB, "
                  f"{wall:.0f} s ({count / wall * 60:.0f} notebooks/min)", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m grader.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--floor", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--skip-large", action="store_true", help="leave out the 50-against-500 memory run")
    args = parser.parse_args(argv)
    if args.floor:
        print(f"\n{floor_seconds(Path(args.floor))}")
        return 0
    sandboxes = [sb for sb in all_sandboxes() if sb.unavailable_reason() is None]
    one_submission(sandboxes)
    best = a_class(sandboxes)
    if best is not None and not args.skip_large:
        large_class(best)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
