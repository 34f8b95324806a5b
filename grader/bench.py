"""`make bench`: one correct submission of an easy problem, timed against its floor.

The floor is a fresh `python -c` that imports what the notebook imports and runs the same code;
both are measured in the same run, interleaved, and the medians and their ratio are printed.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from grader.notebook import code_notebook
from grader.problems import get_problem
from grader.sandbox import all_sandboxes

PROBLEM = "mle-act-softmax"
REPEATS = 7


def _time(cmd: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0,):
        raise SystemExit(f"bench: {' '.join(cmd[:3])} exited {proc.returncode}: {proc.stderr.decode()[-300:]}")
    return elapsed


def main() -> int:
    import os

    problem = get_problem(PROBLEM)
    solution = problem.solution_path.read_text(encoding="utf-8")
    example = "import numpy as np\nprint(softmax(np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, 1000.0]])))"
    sandboxes = [sb for sb in all_sandboxes() if sb.unavailable_reason() is None]
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
            floor.append(_time(floor_cmd))
            for label, cmd in commands.items():
                times[label].append(_time(cmd, env))
    f = statistics.median(floor)
    print(f"one submission of {PROBLEM}, medians of {REPEATS} interleaved runs (load average {os.getloadavg()[0]:.1f}):")
    print(f"  floor (fresh python -c, same imports and code): {f:.3f} s")
    for label, values in times.items():
        s = statistics.median(values)
        print(f"  grader submit --sandbox {label:<22} {s:.3f} s   {s - f:+.3f} s above the floor, ratio {s / f:.2f}x")
    print("  (target from the speed issue: at most 1.0 s above the floor)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
