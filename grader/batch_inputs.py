"""A class's submissions: which file is whose notebook for which problem, and why every other file is not.

Layouts: `SUBMISSIONS/<student>/<problem-id>.ipynb`, a flat folder of `<student>__<problem-id>.ipynb`
(split at the last `__`), or a zip of either, also inside one or more wrapper folders. A student is any
name the file system allows (spaces, accents, punctuation), kept as written in Unicode NFC form, so the
same name from a macOS zip (stored decomposed, NFD) is the same student; bytes that are not UTF-8 are
kept as `\\xNN` escapes. Zip entry names are read as UTF-8 when flagged so, from the Info-ZIP Unicode path
field when present, else as UTF-8 when they decode as such, else as cp437 (the zip standard's default).

The problem is the file name's stem; when that is no problem id, the notebook's own metadata
(`metadata.grader.problem`) may name it. Nothing is dropped silently: every file that is not graded
becomes a `Skipped` with its reason. System files (`.DS_Store`, `__MACOSX/`, `.ipynb_checkpoints/`,
`Thumbs.db`, `.git`...) are listed as ignored; every other skip (an unknown problem, a file that is not a
notebook, a hidden file, a link, a duplicate, a notebook whose owner cannot be told) counts, and makes
`grader batch` exit 2 unless --allow-skipped.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import unicodedata
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from grader.errors import UsageError
from grader.notebook import MAX_NOTEBOOK_BYTES, problem_hint

MAX_ZIP_ENTRIES = 100_000
MAX_ZIP_MEMBER = 20 * 1024 * 1024
MAX_ZIP_TOTAL = 4 * 1024 * 1024 * 1024
SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "__MACOSX", ".ipynb_checkpoints", ".git",
                          ".github", ".gitignore", ".gitattributes", ".Spotlight-V100", ".Trashes", ".fseventsd"})
LAYOUT = "expected <student>/<problem-id>.ipynb or <student>__<problem-id>.ipynb"


@dataclass(frozen=True)
class Submission:
    """One notebook of one student for one problem: where it is, how it is shown, its content hash."""

    student: str
    problem: str
    path: Path
    source: str = ""  # the path as the instructor sees it, relative to SUBMISSIONS
    sha256: str = ""


@dataclass(frozen=True)
class Skipped:
    """A file that is not graded, and why; `counts` is False for system files (listed, but harmless)."""

    path: str
    reason: str
    counts: bool = True
    key: tuple[str, str] | None = None  # (student, problem) of a duplicate: its row is neither graded nor missing

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "reason": self.reason, "ignored": not self.counts}


class UnsafeArchive(UsageError):
    """A zip entry that would escape the extraction folder or is not a plain file."""


def text_name(raw: str) -> str:
    """A file name as text: bytes that are not UTF-8 as `\\xNN`, the rest in NFC."""
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(raw).decode("utf-8", "backslashreplace")
    return unicodedata.normalize("NFC", raw)


def is_system_file(name: str) -> bool:
    return name in SYSTEM_FILES or name.startswith("._")


def _is_notebook(path: Path) -> bool:
    return path.suffix.lower() == ".ipynb"


def file_sha256(path: Path) -> str:
    """The hash of a file's bytes ("" when it cannot be read: grading then says why)."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
    except OSError:
        return ""
    return h.hexdigest()


def _metadata_problem(path: Path) -> str | None:
    try:
        if path.stat().st_size > MAX_NOTEBOOK_BYTES:
            return None
        raw = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    hint = problem_hint(raw.get("metadata") if isinstance(raw, dict) else None)
    return unicodedata.normalize("NFC", hint) if hint else None


class _Walk:
    """One discovery: submissions found and files skipped, with paths shown relative to `top`."""

    def __init__(self, top: Path, bank: Collection[str], unknown: bool = False):
        self.top, self.bank, self.unknown = top, bank, unknown
        self.found: list[Submission] = []
        self.skipped: list[Skipped] = []

    def show(self, path: Path, folder: bool = False) -> str:
        return text_name(path.relative_to(self.top).as_posix()) + ("/" if folder else "")

    def skip(self, path: Path, reason: str, counts: bool = True, folder: bool = False) -> None:
        self.skipped.append(Skipped(self.show(path, folder), reason, counts))

    def screen(self, path: Path) -> bool:
        """Whether `path` may be looked at further (system files, hidden files and links are listed here)."""
        name = path.name
        folder = path.is_dir() and not path.is_symlink()
        if is_system_file(name):
            self.skip(path, "a system file (macOS, Windows, Jupyter or git metadata): ignored", counts=False,
                      folder=folder)
        elif name.startswith("."):
            self.skip(path, "hidden (its name starts with a dot)", folder=folder)
        elif path.is_symlink():
            self.skip(path, "a symbolic link: not followed")
        else:
            return True
        return False

    def notebook(self, path: Path, student: str, stem: str) -> None:
        pid = unicodedata.normalize("NFC", stem)
        if pid not in self.bank:
            hint = _metadata_problem(path)
            if hint is not None and hint in self.bank:
                pid = hint
            elif not self.unknown:  # (else kept under its own name: similarity compares problems off the bank)
                named = f"; its metadata names {hint!r}, no problem either" if hint else ""
                self.skip(path, f"unknown problem {text_name(stem)!r}: no problem in the bank has this id{named}")
                return
        self.found.append(Submission(student, pid, path, self.show(path), file_sha256(path)))

    def student_folder(self, folder: Path) -> None:
        student = text_name(folder.name)
        before = self.heard()
        for entry in sorted(folder.iterdir()):
            if not self.screen(entry):
                continue
            if entry.is_dir():
                self.nested(entry, student)
            elif _is_notebook(entry):
                self.notebook(entry, student, entry.stem)
            else:
                self.skip(entry, f"not a notebook ({LAYOUT})")
        if self.heard() == before:
            self.skip(folder, "no notebook from this student (the folder is empty)", folder=True)

    def heard(self) -> int:
        """How many files so far were graded or skipped for a reason that counts."""
        return len(self.found) + sum(s.counts for s in self.skipped)

    def nested(self, folder: Path, student: str) -> None:
        for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
            here = Path(dirpath)
            for name in sorted(dirnames):
                if not self.screen(here / name):
                    dirnames.remove(name)
            for name in sorted(filenames):
                if self.screen(here / name):
                    self.skip(here / name, f"in a subfolder of {student}/ ({LAYOUT})")

    def flat(self, path: Path) -> None:
        student, sep, problem = path.stem.rpartition("__")
        if not sep or not student.strip() or not problem:
            self.skip(path, f"cannot tell whose notebook this is ({LAYOUT})")
            return
        self.notebook(path, text_name(student), problem)

    def duplicates(self) -> None:
        by_key: dict[tuple[str, str], list[Submission]] = defaultdict(list)
        for sub in self.found:
            by_key[(sub.student, sub.problem)].append(sub)
        keep = []
        for (student, problem), subs in by_key.items():
            if len(subs) == 1:
                keep.append(subs[0])
                continue
            for sub in subs:
                others = ", ".join(o.source for o in subs if o is not sub)
                self.skipped.append(Skipped(sub.source, f"a duplicate: {student}'s {problem} is also {others}; "
                                                        "keep one and rerun", key=(student, problem)))
        self.found = sorted(keep, key=lambda s: (s.student, s.problem))


def class_root(folder: Path, bank: Collection[str]) -> Path:
    """The folder holding the class: a lone wrapper folder (a zip's top folder, say) is looked into when it
    holds student folders or flat notebooks, not a student's own notebooks."""
    for _ in range(4):
        entries = [e for e in folder.iterdir() if not is_system_file(e.name) and not e.name.startswith(".")]
        if len(entries) != 1 or not entries[0].is_dir() or entries[0].is_symlink():
            break
        inner = list(entries[0].iterdir())
        if any(_is_notebook(e) and unicodedata.normalize("NFC", e.stem) in bank for e in inner) or not any(
                (e.is_dir() and not is_system_file(e.name)) or (_is_notebook(e) and "__" in e.stem) for e in inner):
            break  # a class of one student: the folder is that student's
        folder = entries[0]
    return folder


def discover(folder: Path, bank: Collection[str] | None = None,
             unknown: bool = False) -> tuple[list[Submission], list[Skipped]]:
    """The submissions in `folder` (either layout) and every file that is not graded, with its reason
    (`unknown`: a notebook for a problem not in the bank is a submission too, under its file name's stem)."""
    if bank is None:
        from grader.problems import load_bank

        bank = set(load_bank())
    walk = _Walk(folder, bank, unknown)
    root = class_root(folder, bank)
    for entry in sorted(root.iterdir()):
        if not walk.screen(entry):
            continue
        if entry.is_dir():
            walk.student_folder(entry)
        elif _is_notebook(entry):
            walk.flat(entry)
        else:
            walk.skip(entry, f"not a notebook ({LAYOUT})")
    walk.duplicates()
    return walk.found, sorted(walk.skipped, key=lambda s: s.path)


# ------------------------------------------------------------------ zips

def member_name(info: zipfile.ZipInfo) -> str:
    """An entry's name as its writer meant it (see the module's docstring)."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.orig_filename.encode("cp437")
    extra = info.extra
    while len(extra) >= 4:  # the Info-ZIP Unicode Path extra field: version, CRC-32 of the raw name, UTF-8 name
        tag, size = int.from_bytes(extra[:2], "little"), int.from_bytes(extra[2:4], "little")
        body, extra = extra[4:4 + size], extra[4 + size:]
        if tag == 0x7075 and len(body) > 5 and body[0] == 1 and int.from_bytes(body[1:5], "little") == zlib.crc32(raw):
            try:
                return body[5:].decode("utf-8")
            except UnicodeDecodeError:
                break
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return info.filename


def _parts(name: str) -> tuple[str, ...]:
    return tuple(p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("", "."))


def _check_archive(archive: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UnsafeArchive(f"{archive}: more than {MAX_ZIP_ENTRIES} entries")
    total = 0
    files: set[tuple[str, ...]] = set()
    dirs: set[tuple[str, ...]] = set()
    for info in infos:
        name = member_name(info)
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts:
            raise UnsafeArchive(f"{archive}: entry {name!r} points outside the archive; refusing it")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise UnsafeArchive(f"{archive}: entry {name!r} is a symbolic link; refusing it")
        key = _parts(name)
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


def extract_zip(archive: Path, dest: Path) -> list[Skipped]:
    """Extract `archive` into `dest`, refusing path traversal, absolute paths, links and bombs; returns the
    entries that could not be written here (a name too long for this file system, say)."""
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UsageError(f"{archive}: not a readable zip file ({exc})") from None
    failed: list[Skipped] = []
    with zf:
        infos = zf.infolist()
        _check_archive(archive, infos)
        for info in infos:
            if info.is_dir():
                continue
            name = member_name(info)
            target = dest.joinpath(*_parts(name))
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(target, "xb") as out:
                    remaining = MAX_ZIP_MEMBER + 1
                    while chunk := src.read(min(1 << 20, remaining)):
                        remaining -= len(chunk)
                        if remaining <= 0:
                            raise UnsafeArchive(f"{archive}: entry {name!r} is larger than it claims")
                        out.write(chunk)
            except (OSError, zipfile.BadZipFile, zlib.error) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)[:160]
                failed.append(Skipped(text_name(name), f"could not be extracted from the zip: {reason}"))
    return failed


def prepare(submissions: Path, workdir: Path) -> tuple[Path, list[Skipped]]:
    """The folder to read: `submissions` itself, or a zip extracted safely into `workdir` (entries that could
    not be extracted are returned as skipped)."""
    if not submissions.exists():
        raise UsageError(f"{submissions}: no such file or folder")
    if submissions.is_file():
        if not zipfile.is_zipfile(submissions):
            raise UsageError(f"{submissions}: expected a folder of submissions or a zip of one")
        workdir.mkdir(parents=True, exist_ok=True)
        dest = workdir / "class"
        dest.mkdir(mode=0o700)
        return dest, extract_zip(submissions, dest)
    return submissions, []
