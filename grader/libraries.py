"""Restricted libraries: the scientific packages a problem's `allowed_imports` may leave out, and which of
them a problem's sandbox makes unreachable.

A problem's *forbidden* set is every restricted library it does not allow, less what an allowed library
needs at run time (scikit-learn imports SciPy, so SciPy cannot be hidden from a problem that allows
scikit-learn: there it stays forbidden by the static check of `import` lines only). The "needs" come from
the installed distributions' metadata (`Requires-Dist`, markers evaluated, extras left out), followed
transitively. The sandboxes hide each forbidden library's files (zygote.library_paths) and never load it
into the kernel before the learner's code runs.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

# Import name -> distribution: the ML and statistics packages a sandbox environment may hold. Those not
# installed are still forbidden by name (nothing to hide then).
RESTRICTED: dict[str, str] = {
    "pandas": "pandas",
    "sklearn": "scikit-learn",
    "scipy": "scipy",
    "statsmodels": "statsmodels",
}

# What a hidden library's package folder holds instead of the library: an `__init__.py` that raises
# ModuleNotFoundError naming it (an empty folder would import as an empty namespace package).
STAND_IN = Path(__file__).parent / "sandbox" / "unavailable_init.py"


def stand_in_for(mask: str, forbidden: frozenset[str]) -> bool:
    """Whether a masked folder is a forbidden library's package folder (it gets STAND_IN as `__init__.py`)."""
    return mask.rstrip("/").rsplit("/", 1)[-1] in forbidden


def _top(name: str) -> str:
    return name.split(".", 1)[0]


def restricted_arg() -> str:
    """RESTRICTED as the zygote's `--libraries` argument: `import=distribution,...`."""
    return ",".join(f"{name}={dist}" for name, dist in sorted(RESTRICTED.items()))


@cache
def _distribution_of(import_name: str) -> str | None:
    """The installed distribution that provides top-level `import_name`, canonical, or None."""
    if import_name in RESTRICTED:
        return canonicalize_name(RESTRICTED[import_name])
    try:  # most distributions are named as they import (numpy): no scan of every installed one
        if import_name in (metadata.distribution(import_name).read_text("top_level.txt") or import_name).split():
            return canonicalize_name(import_name)
    except metadata.PackageNotFoundError:
        pass
    found = metadata.packages_distributions().get(import_name)
    return canonicalize_name(found[0]) if found else None


@cache
def direct_needs(dist: str) -> frozenset[str]:
    """Distributions `dist` requires at run time (canonical names; extras and non-matching markers out)."""
    try:
        lines = metadata.requires(dist) or []
    except metadata.PackageNotFoundError:
        return frozenset()
    needs = set()
    for line in lines:
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        if req.marker is None or req.marker.evaluate({"extra": ""}):
            needs.add(canonicalize_name(req.name))
    return frozenset(needs)


def run_time_needs(dists: Iterable[str]) -> frozenset[str]:
    """`dists` and everything they need at run time, transitively (canonical names)."""
    seen: set[str] = set()
    todo: list[str] = [canonicalize_name(d) for d in dists]
    while todo:
        d = todo.pop()
        if d not in seen:
            seen.add(d)
            todo.extend(direct_needs(d) - seen)
    return frozenset(seen)


def _allowed_dists(allowed_imports: Iterable[str]) -> set[str]:
    return {d for d in (_distribution_of(_top(n)) for n in allowed_imports) if d is not None}


def forbidden_libraries(allowed_imports: Iterable[str]) -> frozenset[str]:
    """Import names of the restricted libraries a problem's sandbox hides: not allowed, not needed."""
    allowed = list(allowed_imports)
    tops = {_top(n) for n in allowed}
    needed = run_time_needs(_allowed_dists(allowed))
    return frozenset(name for name, dist in RESTRICTED.items()
                     if name not in tops and canonicalize_name(dist) not in needed)


def static_only_libraries(allowed_imports: Iterable[str]) -> frozenset[str]:
    """Restricted libraries a problem does not allow but that an allowed one needs: refused in `import`
    lines only (the learner's code could still reach them through the allowed library)."""
    allowed = list(allowed_imports)
    tops = {_top(n) for n in allowed}
    return frozenset(name for name in RESTRICTED if name not in tops) - forbidden_libraries(allowed)
