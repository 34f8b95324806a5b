"""The trusted process's memory under each memory attack, per backend (issue 15's before/after figures).

    .venv/bin/python -m tests.attacks.measure --backend fork [--backend bwrap ...] [--attack C9 ...]

Grades each attack's notebook once with the suite's tightened limits and prints, per (attack, backend), the
grader's RSS before grading, its peak while grading (sampled every 0.1 s), the growth, the status and the
time. Each (attack, backend) runs in a fresh process, so one attack's memory does not carry into the next.
Nothing here asserts: the attack suite's evidence checks do that.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.attacks.catalog import ATTACKS, VARIANTS
from tests.attacks.catalog_edges import EDGES
from tests.attacks.harness import Arena, NetTrap

MEMORY_ATTACKS = ("C9", "C9-display", "E5", "E5-decode", "E5-dtype", "C9-frames", "C9-comm")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", action="append", required=True)
    parser.add_argument("--attack", action="append")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.one:
        print(f"{'attack':<12} {'backend':<12} {'start MiB':>9} {'peak MiB':>9} {'growth':>7}  status   seconds")
        for backend in args.backend:
            for attack_id in args.attack or MEMORY_ATTACKS:
                subprocess.run([sys.executable, "-m", "tests.attacks.measure", "--one", "--backend", backend,
                                "--attack", attack_id], check=False)
        return
    os.environ.setdefault("GRADER_DB", str(Path(tempfile.mkdtemp(prefix="measure-")) / "g.db"))
    from tests.attacks.test_attacks import flow_grade

    table = {a.id: a for a in ATTACKS + VARIANTS + EDGES}
    trap = NetTrap()
    try:
        for backend in args.backend:
            for attack_id in args.attack:
                attack = table[attack_id]
                with tempfile.TemporaryDirectory(prefix="measure-") as tmp:
                    arena = Arena(Path(tmp), trap)
                    arena.use_backend(backend)
                    started = time.monotonic()
                    run = flow_grade(attack, backend, arena)
                    status = run.results[-1].status if run.results else f"crash: {type(run.crash).__name__}"
                    start, peak = run.extra["start_rss_mb"], run.extra["max_rss_mb"]
                    print(f"{attack_id:<12} {backend:<12} {start:9.0f} {peak:9.0f} {peak - start:7.0f}  {status:<8} "
                          f"{time.monotonic() - started:6.1f}", flush=True)
    finally:
        trap.close()


if __name__ == "__main__":
    main()
