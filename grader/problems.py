"""The problem bank: loading and validating `problems/<track>/<id>/` folders."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from grader.errors import ProblemFormatError, UsageError
from grader.resources import problems_dir
from grader.sandbox.limits import Limits
from grader.vocab import Difficulty, Track

TRACKS = tuple(Track)
DIFFICULTIES = tuple(Difficulty)
DEFAULT_ALLOWED = ("numpy", "pandas", "sklearn")
_ID = re.compile(r"^(ds|mle)-[a-z0-9]+(-[a-z0-9]+)*$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def bank_root() -> Path:
    """The problem bank folder: $GRADER_PROBLEMS, else the bank shipped with the package."""
    env = os.environ.get("GRADER_PROBLEMS")
    return Path(env) if env else problems_dir()


@dataclass(frozen=True)
class Problem:
    """One coding problem; paths point into its folder, which never enters a sandbox."""

    id: str
    title: str
    track: str
    topic: str
    difficulty: str
    defines: tuple[str, ...]
    allowed_imports: tuple[str, ...]
    limits: Limits
    provenance: str
    path: Path
    version: str = field(default="")

    @property
    def statement_path(self) -> Path:
        return self.path / "problem.md"

    @property
    def starter_path(self) -> Path:
        return self.path / "starter.ipynb"

    @property
    def solution_path(self) -> Path:
        return self.path / "solution.py"

    @property
    def tests_path(self) -> Path:
        return self.path / "tests" / "test_hidden.py"

    def mutants(self) -> list[Path]:
        return sorted((self.path / "mutants").glob("*.py"))

    def alternatives(self) -> list[Path]:
        return sorted((self.path / "alternatives").glob("*.py"))

    def statement(self) -> str:
        return self.statement_path.read_text(encoding="utf-8")

    def summary(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "track": self.track, "topic": self.topic,
                "difficulty": self.difficulty}


def _need(meta: dict, key: str, kind: type, where: Path) -> Any:
    if key not in meta:
        raise ProblemFormatError(f"{where}: missing field '{key}'")
    value = meta[key]
    if not isinstance(value, kind):
        raise ProblemFormatError(f"{where}: field '{key}' must be a {kind.__name__}, not {type(value).__name__}")
    return value


def load_problem(path: Path) -> Problem:
    """Load and check one problem folder; a malformed one raises ProblemFormatError naming file and field."""
    meta_path = path / "meta.yaml"
    try:
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProblemFormatError(f"{meta_path}: file missing") from None
    except yaml.YAMLError as exc:
        raise ProblemFormatError(f"{meta_path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(meta, dict):
        raise ProblemFormatError(f"{meta_path}: must be a mapping of fields")
    pid = _need(meta, "id", str, meta_path)
    if not _ID.match(pid):
        raise ProblemFormatError(f"{meta_path}: field 'id' {pid!r} is not of the form <track>-<words>")
    if pid != path.name:
        raise ProblemFormatError(f"{meta_path}: field 'id' {pid!r} differs from the folder name {path.name!r}")
    track = _need(meta, "track", str, meta_path)
    if track not in TRACKS or path.parent.name != track or not pid.startswith(track + "-"):
        raise ProblemFormatError(f"{meta_path}: field 'track' {track!r} must be one of {TRACKS} and match the id and folder")
    difficulty = _need(meta, "difficulty", str, meta_path)
    if difficulty not in DIFFICULTIES:
        raise ProblemFormatError(f"{meta_path}: field 'difficulty' must be one of {DIFFICULTIES}")
    defines = _need(meta, "defines", list, meta_path)
    if not defines or not all(isinstance(n, str) and _NAME.match(n) for n in defines):
        raise ProblemFormatError(f"{meta_path}: field 'defines' must list Python names")
    allowed = meta.get("allowed_imports", list(DEFAULT_ALLOWED))
    if not isinstance(allowed, list) or not all(isinstance(n, str) for n in allowed):
        raise ProblemFormatError(f"{meta_path}: field 'allowed_imports' must be a list of module names")
    limits_raw = meta.get("limits", {}) or {}
    if not isinstance(limits_raw, dict):
        raise ProblemFormatError(f"{meta_path}: field 'limits' must be a mapping")
    try:
        limits = Limits().merged(limits_raw)
    except KeyError as exc:
        raise ProblemFormatError(f"{meta_path}: field 'limits' has unknown keys: {exc.args[0]}") from None
    except (TypeError, ValueError):
        raise ProblemFormatError(f"{meta_path}: field 'limits' has a non-numeric value") from None
    problem = Problem(
        id=pid, title=_need(meta, "title", str, meta_path), track=track,
        topic=_need(meta, "topic", str, meta_path), difficulty=difficulty, defines=tuple(defines),
        allowed_imports=tuple(allowed), limits=limits, provenance=_need(meta, "provenance", str, meta_path),
        path=path,
    )
    for required in (problem.statement_path, problem.starter_path, problem.solution_path, problem.tests_path):
        if not required.is_file():
            raise ProblemFormatError(f"{required}: file missing (every problem needs it)")
    if not problem.mutants():
        raise ProblemFormatError(f"{path / 'mutants'}: no mutants (at least one known-wrong solution is required)")
    return Problem(**{**problem.__dict__, "version": _version(path)})


def _version(path: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(f.relative_to(path)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


@lru_cache(maxsize=256)
def _load_one(path: Path) -> Problem:
    return load_problem(path)


@lru_cache(maxsize=4)
def _load_bank(root: Path) -> dict[str, Problem]:
    bank: dict[str, Problem] = {}
    if not root.is_dir():
        raise ProblemFormatError(f"{root}: the problem bank folder does not exist")
    for track in TRACKS:
        tdir = root / track
        if not tdir.is_dir():
            continue
        for pdir in sorted(p for p in tdir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            problem = load_problem(pdir)
            bank[problem.id] = problem
    return bank


def load_bank(root: Path | None = None) -> dict[str, Problem]:
    """Every problem in the bank, by id."""
    return _load_bank((root or bank_root()).resolve())


def bank_fingerprint(root: Path | None = None) -> str:
    """A hash of every problem's id and version: equal banks, equal fingerprints."""
    h = hashlib.sha256()
    for pid, problem in sorted(load_bank(root).items()):
        h.update(f"{pid}={problem.version}\n".encode())
    return h.hexdigest()[:16]


def get_problem(pid: str, root: Path | None = None) -> Problem:
    """One problem by id: read from its own folder when it is where ids live, else from the bank."""
    base = (root or bank_root()).resolve()
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", pid):
        for track in TRACKS:
            if (base / track / pid / "meta.yaml").is_file():
                problem = _load_one(base / track / pid)
                if problem.id == pid:
                    return problem
    bank = load_bank(root)
    if pid not in bank:
        close = [p for p in bank if pid in p or p in pid][:3]
        hint = f" (did you mean {', '.join(close)}?)" if close else "; run 'grader list' to see the bank"
        raise UsageError(f"unknown problem {pid!r}{hint}")
    return bank[pid]
