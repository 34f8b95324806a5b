"""A mixed class of submissions built in code, shared by the batch and cluster tests."""
from __future__ import annotations

import csv
import stat
import unicodedata
import zipfile
import zlib
from pathlib import Path, PurePosixPath

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


# ------------------------------------------------------------------ names a real class export has

SOFTMAX = "mle-act-softmax"
DENSE = "ds-sql-dense-rank"
# (as written on disk, as the student is shown): spaces, accents (composed and decomposed), punctuation,
# other scripts, a leading dash, "__" inside a name, and a name that is a formula to a spreadsheet
UNICODE_STUDENTS = {
    "carol smith": "carol smith",
    "carol_smith": "carol_smith",
    "José Ñúñez": "José Ñúñez",
    unicodedata.normalize("NFD", "Zoë Ångström"): "Zoë Ångström",
    "O'Brien, Pat (2nd try)": "O'Brien, Pat (2nd try)",
    "李雷": "李雷",
    "-dash": "-dash",
    "Alice": "Alice",
    "alice": "alice",
    "=1+2": "=1+2",
}


def unicode_class(root: Path, flat: bool = False) -> dict[tuple[str, str], str]:
    """A class whose students have the names above, each with a correct softmax and a wrong dense-rank
    (flat: <student>__<problem>.ipynb); returns (student as shown, problem) -> expected status."""
    ok = code_notebook([get_problem(SOFTMAX).solution_path.read_text()], SOFTMAX)
    wrong = code_notebook([get_problem(DENSE).mutants()[0].read_text()], DENSE)
    expected = {}
    root.mkdir(parents=True, exist_ok=True)
    for disk, shown in UNICODE_STUDENTS.items():
        for pid, data, status in ((SOFTMAX, ok, "passed"), (DENSE, wrong, "failed")):
            path = root / f"{disk}__{pid}.ipynb" if flat else root / disk / f"{pid}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            expected[(shown, pid)] = status
    return expected


def zip_folder(folder: Path, archive: Path, top: str = "") -> Path:
    """`folder` as a zip (entry names UTF-8, flagged as such), inside a top folder `top` when given."""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, str(PurePosixPath(top, path.relative_to(folder).as_posix())) if top else
                         path.relative_to(folder).as_posix())
    return archive


def raw_name_zip(path: Path, entries: dict[bytes, bytes], extra: dict[bytes, bytes] | None = None) -> Path:
    """A zip whose entry names are the given raw bytes, without the UTF-8 flag (as old Windows tools and
    macOS's Archive Utility write them); `extra` adds an entry's extra field (e.g. an Info-ZIP Unicode path).
    Written with same-length ASCII placeholders, then the names' bytes swapped in (offsets stay valid)."""
    placeholders = {raw: (f"~{i:02d}" + "Q" * len(raw))[:len(raw)].encode() for i, raw in enumerate(entries)}
    assert all(len(p) == len(r) for r, p in placeholders.items()) and len(set(placeholders.values())) == len(entries)
    with zipfile.ZipFile(path, "w") as zf:
        for raw, data in entries.items():
            info = zipfile.ZipInfo(placeholders[raw].decode())
            info.extra = (extra or {}).get(raw, b"")
            zf.writestr(info, data)
    blob = path.read_bytes()
    for raw, placeholder in placeholders.items():
        assert blob.count(placeholder) == 2  # the local header and the central directory
        blob = blob.replace(placeholder, raw)
    path.write_bytes(blob)
    return path


def unicode_path_extra(raw: bytes, name: str) -> bytes:
    """The Info-ZIP Unicode Path extra field (0x7075) naming `raw` as `name`."""
    body = b"\x01" + zlib.crc32(raw).to_bytes(4, "little") + name.encode("utf-8")
    return (0x7075).to_bytes(2, "little") + len(body).to_bytes(2, "little") + body
