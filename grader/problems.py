"""The problem bank: loading and validating `problems/<track>/<id>/` folders."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from grader.errors import ProblemFormatError, UsageError
from grader.libraries import forbidden_libraries
from grader.meta import DEFAULT_ALLOWED, Rule, parse_meta
from grader.resources import problems_dir
from grader.sandbox.limits import Limits
from grader.vocab import Difficulty, Track

TRACKS = tuple(Track)
DIFFICULTIES = tuple(Difficulty)
# Written by `grader validate --mutate` (the record) and by authors (equivalent mutants): not part of
# the problem's version, which the record is keyed by.
RECORD_FILES = ("mutation.json", "mutation.yaml")
__all__ = ["DEFAULT_ALLOWED", "Problem", "Rule", "bank_root", "get_problem", "load_bank", "load_problem"]


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
    rules: tuple[Rule, ...] = ()

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

    @property
    def mutation_record_path(self) -> Path:
        return self.path / "mutation.json"

    @property
    def equivalents_path(self) -> Path:
        return self.path / "mutation.yaml"

    def alternatives(self) -> list[Path]:
        return sorted((self.path / "alternatives").glob("*.py"))

    def statement(self) -> str:
        return self.statement_path.read_text(encoding="utf-8")

    def summary(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "track": self.track, "topic": self.topic,
                "difficulty": self.difficulty}


def load_problem(path: Path) -> Problem:
    """Load and check one problem folder; a malformed one raises ProblemFormatError naming file and field."""
    meta_path = path / "meta.yaml"
    try:
        raw = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProblemFormatError(f"{meta_path}: file missing") from None
    except yaml.YAMLError as exc:
        raise ProblemFormatError(f"{meta_path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    meta = parse_meta(raw, meta_path)
    if meta.id != path.name:
        raise ProblemFormatError(f"{meta_path}: field 'id' {meta.id!r} differs from the folder name {path.name!r}")
    if path.parent.name != meta.track:
        raise ProblemFormatError(f"{meta_path}: field 'track' {str(meta.track)!r} does not match the folder "
                                 f"{path.parent.name!r}")
    limits = replace(meta.limits_value(), forbidden=forbidden_libraries(meta.allowed_imports))
    problem = Problem(
        id=meta.id, title=meta.title, track=str(meta.track), topic=meta.topic, difficulty=str(meta.difficulty),
        defines=tuple(meta.defines), allowed_imports=tuple(meta.allowed_imports), limits=limits,
        provenance=meta.provenance, path=path, rules=tuple(meta.rules),
    )
    for required in (problem.statement_path, problem.starter_path, problem.solution_path, problem.tests_path):
        if not required.is_file():
            raise ProblemFormatError(f"{required}: file missing (every problem needs it)")
    if not problem.mutants():
        raise ProblemFormatError(f"{path / 'mutants'}: no mutants (at least one known-wrong solution is required)")
    return replace(problem, version=_version(path))


def _version(path: Path) -> str:
    """A hash of every file of the problem except the mutation record files (they record a version)."""
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                    and p.relative_to(path).as_posix() not in RECORD_FILES):
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
