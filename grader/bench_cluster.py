"""`python -m grader.bench_cluster`: batch throughput on 1, 2 and 4 local Dask workers, and local batch.

One class (`grader.bench.write_class`: correct, wrong and raising notebooks mixed) is
graded by `grader batch` once per engine, each into a fresh output folder; the figure is the wall
time of the whole command (cluster start included), as notebooks per minute.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from grader.bench import write_class


def timed_batch(folder: Path, out: Path, engine: list[str], sandbox: str) -> tuple[float, dict]:
    """Wall seconds of one `grader batch` and its --json report."""
    argv = [sys.executable, "-m", "grader", "batch", str(folder), "--out", str(out), "--sandbox", sandbox,
            "--json", *engine]
    started = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench_cluster: {' '.join(engine)} exited {proc.returncode}: {proc.stderr.decode()[-400:]}")
    return elapsed, json.loads(proc.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m grader.bench_cluster", description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=5)
    parser.add_argument("--problems", type=int, default=8)
    parser.add_argument("--workers", default="1,2,4", help="comma-separated local Dask worker counts")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs of the local batch for reference (0: skip it)")
    parser.add_argument("--sandbox", default="bwrap")
    args = parser.parse_args(argv)
    engines = [(f"--cluster local:{n}", ["--cluster", f"local:{n}"]) for n in map(int, args.workers.split(","))]
    if args.jobs:
        engines.append((f"--jobs {args.jobs} (local)", ["--jobs", str(args.jobs)]))
    with tempfile.TemporaryDirectory(prefix="grader-bench-") as tmp:
        folder = Path(tmp) / "class"
        count = write_class(folder, args.students, args.problems)
        print(f"{count} notebooks ({args.students} students x {args.problems} problems), --sandbox {args.sandbox}, "
              f"{os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.2f}")
        for i, (label, engine) in enumerate(engines):
            elapsed, report = timed_batch(folder, Path(tmp) / f"out{i}", engine, args.sandbox)
            print(f"  {label:<22} {elapsed:6.1f} s  {report['graded_now'] / elapsed * 60:6.1f} notebooks/min  "
                  f"(graded {report['graded_now']}, not graded {report['not_graded']}; "
                  f"load average {os.getloadavg()[0]:.2f})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
