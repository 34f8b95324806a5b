"""A mixed class of submissions built in code, shared by the batch and cluster tests."""
from __future__ import annotations

import csv
import stat
import zipfile
from pathlib import Path

from grader.notebook import code_notebook
from grader.problems import get_problem

EXTREMES = ("loop", "hog", "chatty", "forker")


def mixed_class(root: Path, students: int = 10,
                extremes: tuple[str, ...] = EXTREMES) -> dict[tuple[str, str], set[str]]:
    """Write a class (30 submissions by default: `students` x 2 problems, 6 broken ones and `extremes`);
    returns the statuses each may end with."""
    softmax, dense = get_problem("mle-act-softmax"), get_problem("ds-sql-dense-rank")
    ok = {p.id: p.solution_path.read_text() for p in (softmax, dense)}
    wrong = {p.id: p.mutants()[0].read_text() for p in (softmax, dense)}
    expected: dict[tuple[str, str], set[str]] = {}

    def put(student: str, pid: str, sources: list[str] | None, status: set[str], raw: bytes | None = None) -> None:
        (root / student).mkdir(parents=True, exist_ok=True)
        data = raw if raw is not None else code_notebook(sources or [])
        (root / student / f"{pid}.ipynb").write_bytes(data)
        expected[(student, pid)] = status

    for i in range(students):
        for pid in ok:
            put(f"s{i:02d}", pid, [ok[pid]] if i % 3 else [wrong[pid]], {"passed"} if i % 3 else {"failed"})
    for i, pid in enumerate(ok):
        put(f"r{i}", pid, [ok[pid], "raise RuntimeError('late')"], {"error"})
        put(f"j{i}", pid, None, {"invalid"}, raw=b"{not json")
        put(f"n{i}", pid, ["x = 1"], {"invalid"})
    extreme = {
        "loop": ("mle-act-softmax", "while True:\n    pass", {"timeout"}),
        "hog": ("mle-act-softmax", "b = []\nwhile True:\n    b.append(bytearray(10**8))", {"memory"}),
        "chatty": ("mle-act-softmax", "while True:\n    print('x' * 1000)", {"error", "memory"}),
        "forker": ("ds-sql-dense-rank",
                   ("import os\ntry:\n    [os.fork() or __import__('time').sleep(99) for _ in range(10**4)]\n"
                    "except OSError:\n    pass"), {"passed", "error", "timeout", "memory"}),
    }
    for name in extremes:
        pid, source, statuses = extreme[name]
        put(name, pid, [ok[pid], source], statuses)
    return expected


def gradebook_rows(out: Path, drop: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """gradebook.csv's rows, without the columns in `drop`."""
    with open(out / "gradebook.csv", newline="") as f:
        return [{k: v for k, v in r.items() if k not in drop} for r in csv.DictReader(f)]


def gradebook_statuses(out: Path) -> dict[tuple[str, str], str]:
    """(student, problem) -> status, from gradebook.csv."""
    return {(r["student"], r["problem"]): r["status"] for r in gradebook_rows(out)}


def write_zip(path: Path, entries: dict[str, bytes], links: dict[str, str] | None = None) -> Path:
    """A zip of `entries` (name -> bytes) plus symbolic-link entries (name -> target)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
    return path
