"""Reading and checking a learner's notebook on the trusted side (never executing it here)."""
from __future__ import annotations

import ast
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024


class InvalidNotebook(Exception):
    """The file is not a gradable notebook; the message is a one-line reason for the learner."""


@dataclass(frozen=True)
class Notebook:
    """A parsed notebook: its code cells as (index among all cells, source), and identity."""

    cells: tuple[tuple[int, str], ...]
    problem_hint: str | None
    sha256: str


def _source(cell: dict, index: int) -> str:
    src = cell.get("source", "")
    if isinstance(src, list) and all(isinstance(s, str) for s in src):
        return "".join(src)
    if isinstance(src, str):
        return src
    raise InvalidNotebook(f"cell {index} has a malformed 'source' field")


def parse_notebook(data: bytes) -> Notebook:
    """Parse notebook bytes leniently but safely; raise InvalidNotebook with a one-line reason."""
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise InvalidNotebook(f"the file is larger than {MAX_NOTEBOOK_BYTES // (1024 * 1024)} MiB")
    if not data.strip():
        raise InvalidNotebook("the file is empty")
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidNotebook("the file is not UTF-8 text") from None
    except (ValueError, RecursionError) as exc:
        raise InvalidNotebook(f"the file is not valid JSON ({str(exc)[:80]})") from None
    if not isinstance(raw, dict) or "cells" not in raw:
        raise InvalidNotebook("the file is JSON but not a Jupyter notebook (no 'cells')")
    if raw.get("nbformat") != 4:
        raise InvalidNotebook(f"the notebook format is {raw.get('nbformat')!r}; only nbformat 4 is supported "
                              "(re-save it with a current Jupyter)")
    cells = raw["cells"]
    if not isinstance(cells, list):
        raise InvalidNotebook("the notebook's 'cells' is not a list")
    metadata = raw["metadata"] if isinstance(raw.get("metadata"), dict) else {}
    language = _language(metadata)
    if language is not None and language.lower() != "python":
        raise InvalidNotebook(f"the notebook uses a {language} kernel; only Python notebooks can be graded")
    code: list[tuple[int, str]] = []
    for i, cell in enumerate(cells):
        if not isinstance(cell, dict) or not isinstance(cell.get("cell_type"), str):
            raise InvalidNotebook(f"cell {i} is malformed")
        if cell["cell_type"] == "code":
            src = _source(cell, i)
            if src.strip():
                code.append((i, src))
    if not code:
        raise InvalidNotebook("the notebook has no code")
    return Notebook(tuple(code), problem_hint(metadata), hashlib.sha256(data).hexdigest())


def problem_hint(metadata: object) -> str | None:
    """The problem id a notebook's metadata names (`metadata.grader.problem`), if it names one."""
    grader = metadata.get("grader") if isinstance(metadata, dict) else None
    hint = grader.get("problem") if isinstance(grader, dict) else None
    return hint if isinstance(hint, str) else None


def _language(metadata: dict) -> str | None:
    for key in ("kernelspec", "language_info"):
        section = metadata.get(key)
        if isinstance(section, dict):
            lang = section.get("language") if key == "kernelspec" else section.get("name")
            if isinstance(lang, str) and lang:
                return lang
    return None


def read_notebook_bytes(path: Path) -> bytes:
    """A notebook file's bytes, unparsed (InvalidNotebook when it is unreadable or too large)."""
    try:
        if path.stat().st_size > MAX_NOTEBOOK_BYTES:
            raise InvalidNotebook(f"the file is larger than {MAX_NOTEBOOK_BYTES // (1024 * 1024)} MiB")
        return path.read_bytes()
    except IsADirectoryError:
        raise InvalidNotebook("the path is a directory, not a notebook") from None
    except OSError as exc:
        raise InvalidNotebook(f"cannot read the file ({exc.strerror})") from None


def read_notebook(path: Path) -> Notebook:
    """Read and parse a notebook file (InvalidNotebook for unreadable files too)."""
    return parse_notebook(read_notebook_bytes(path))


def python_source(cell_source: str) -> str:
    """Cell source with IPython syntax (magics, shell escapes) turned into plain Python."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(cell_source)


def _trees(nb: Notebook) -> list[ast.Module] | None:
    trees = []
    for _, src in nb.cells:
        try:
            trees.append(ast.parse(python_source(src)))
        except (SyntaxError, ValueError):
            return None  # left for the kernel to report with its cell number
    return trees


def _imported_modules(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add("." if node.level else (node.module or "").split(".")[0])
    return found


def _bound_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                names.update(n.id for n in ast.walk(t) if isinstance(n, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
            inner = [n for n in ast.iter_child_nodes(node) if isinstance(n, ast.stmt)]
            names.update(_bound_names(ast.Module(body=inner, type_ignores=[])))
    return names


def static_problems(nb: Notebook, defines: tuple[str, ...], allowed_imports: tuple[str, ...]) -> str | None:
    """A one-line reason the notebook cannot be graded for this problem, or None."""
    trees = _trees(nb)
    if trees is None:
        return None
    imported: set[str] = set().union(*(_imported_modules(t) for t in trees))
    allowed = set(allowed_imports) | set(sys.stdlib_module_names) | {"__future__"}
    bad = sorted(m for m in imported if m not in allowed)
    if bad:
        shown = ", ".join("a relative import" if m == "." else m for m in bad)
        ok = ", ".join(allowed_imports) or "nothing beyond"
        return (f"the notebook imports {shown}, which this problem does not allow "
                f"(allowed: {ok} and the standard library)")
    bound: set[str] = set().union(*(_bound_names(t) for t in trees))
    missing = [n for n in defines if n not in bound]
    if missing:
        names = "name" if len(missing) == 1 else "names"
        return f"no code cell defines {', '.join(missing)} (the {names} this problem grades)"
    return None


def code_notebook(sources: list[str], problem_id: str | None = None) -> bytes:
    """A minimal nbformat-4 notebook with one code cell per source (for references, mutants, tests)."""
    import nbformat  # only authoring writes notebooks; reading them needs nothing but json

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    if problem_id:
        nb.metadata["grader"] = {"problem": problem_id}
    return nbformat.writes(nb).encode("utf-8")
