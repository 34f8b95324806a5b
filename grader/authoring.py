"""Starter notebooks built from a problem's parts, and the gate that keeps the committed one current.

A problem folder keeps the parts: `problem.md` (the task, then optionally `## Hints`), `skeleton.py`
(the first code cell: every graded name, raising NotImplementedError) and `example.py` (the worked
example, run by the learner). The practice starter, committed as `starter.ipynb`, is the task, the
skeleton, a "Try it" note with the example, and last the hints, collapsed. The exam starter is the
same without the hints: no hint text anywhere in it.
"""
from __future__ import annotations

import ast
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode

from grader import statement
from grader.errors import ProblemFormatError
from grader.notebook import parse_notebook, static_problems
from grader.problems import Problem
from grader.statement import Statement
from grader.vocab import StarterMode

SKELETON_FILE = "skeleton.py"
EXAMPLE_FILE = "example.py"
TRY_IT = ("## Try it\n\nRun this cell to check your function on the worked example. Hidden checks test more cases "
          "when you submit (`grader submit {problem_id}.ipynb`).")
# The hints cell is collapsed twice over: JupyterLab and Notebook 7 honour `source_hidden` and show the
# cell as its first line (so that line is a readable heading, not '<details>'); every Markdown viewer
# that renders HTML (JupyterLab and Notebook 7 too, GitHub, VS Code, nbconvert) folds the <details>
# block. The blank line after <summary> ends the HTML block, so the hints inside are Markdown again.
HINTS_CELL = "## Hints\n\n<details>\n<summary>Show the hints</summary>\n\n{hints}\n\n</details>"
HIDDEN = {"jupyter": {"source_hidden": True}}
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
# Fixed cell ids, so that rebuilding unchanged parts gives identical bytes.
CELLS = ("task", "skeleton", "try-it", "example", "hints")


@dataclass(frozen=True)
class Parts:
    """What a starter is built from."""

    problem_id: str
    statement: Statement
    skeleton: str
    example: str


def _read_code(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemFormatError(f"{path}: file missing ({what}; 'grader problem new' shows the layout)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemFormatError(f"{path}: cannot read ({exc})") from None


def read_parts(problem: Problem) -> Parts:
    """The statement, skeleton and example of a problem; ProblemFormatError names a missing or malformed file."""
    return Parts(problem_id=problem.id, statement=statement.read(problem.statement_path),
                 skeleton=_read_code(problem.path / SKELETON_FILE, "the starter's first code cell"),
                 example=_read_code(problem.path / EXAMPLE_FILE, "the starter's worked example cell"))


def assemble(parts: Parts, mode: StarterMode | str) -> NotebookNode:
    """The starter notebook of `mode` built from `parts` (pure: reads no file)."""
    mode = StarterMode(mode)
    v4 = nbformat.v4
    nb = v4.new_notebook()
    nb.cells = [
        v4.new_markdown_cell(parts.statement.task, id=CELLS[0]),
        v4.new_code_cell(parts.skeleton.strip(), id=CELLS[1]),
        v4.new_markdown_cell(TRY_IT.format(problem_id=parts.problem_id), id=CELLS[2]),
        v4.new_code_cell(parts.example.strip(), id=CELLS[3]),
    ]
    if mode is StarterMode.PRACTICE and parts.statement.hints:
        nb.cells.append(v4.new_markdown_cell(HINTS_CELL.format(hints=parts.statement.hints), id=CELLS[4],
                                             metadata=HIDDEN))
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["grader"] = {"problem": parts.problem_id}
    nbformat.validate(nb)
    return nb


def build_starter(problem: Problem, mode: StarterMode | str) -> NotebookNode:
    """The practice or exam starter of a problem, built from its parts."""
    return assemble(read_parts(problem), mode)


def notebook_bytes(nb: NotebookNode) -> bytes:
    """The notebook as nbformat writes it to a file (so rebuilt starters compare byte for byte)."""
    text = nbformat.writes(nb)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def write_starter(problem: Problem) -> bool:
    """Rebuild the committed practice starter; True when its bytes changed."""
    data = notebook_bytes(build_starter(problem, StarterMode.PRACTICE))
    if problem.starter_path.is_file() and problem.starter_path.read_bytes() == data:
        return False
    problem.starter_path.write_bytes(data)
    return True


@dataclass(frozen=True)
class Rebuilt:
    """What `grader problem starter` did to one problem's starter."""

    problem: str
    path: Path
    changed: bool
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.problem, "path": str(self.path), "changed": self.changed, "error": self.error}


def rebuild_starters(problems: Iterable[Problem]) -> Iterator[Rebuilt]:
    """Rebuild each committed starter; a malformed problem is reported and the others still rebuilt."""
    for problem in problems:
        try:
            yield Rebuilt(problem.id, problem.starter_path, write_starter(problem))
        except ProblemFormatError as exc:
            yield Rebuilt(problem.id, problem.starter_path, False, str(exc))


# ------------------------------------------------------------------ the validate gate

def _raises_not_implemented(node: ast.AST) -> bool:
    for r in ast.walk(node):
        if isinstance(r, ast.Raise) and r.exc is not None:
            exc = r.exc.func if isinstance(r.exc, ast.Call) else r.exc
            if isinstance(exc, ast.Name) and exc.id == "NotImplementedError":
                return True
    return False


def _parse(source: str, path: Path) -> tuple[ast.Module | None, list[str]]:
    try:
        return ast.parse(source, filename=str(path)), []
    except SyntaxError as exc:
        return None, [f"{path}: line {exc.lineno}: not valid Python ({exc.msg})"]


def _skeleton_problems(problem: Problem, parts: Parts) -> list[str]:
    path = problem.path / SKELETON_FILE
    tree, out = _parse(parts.skeleton, path)
    if tree is None:
        return out
    top = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    for name in problem.defines:
        if name not in top:
            out.append(f"{path}: no top-level def or class '{name}' (meta.yaml 'defines' lists it)")
        elif not _raises_not_implemented(top[name]):
            out.append(f"{path}: '{name}' never raises NotImplementedError (the starter must fail every check)")
    return out


def _cell_name(i: int) -> str:
    return CELLS[i] if i < len(CELLS) else f"cell {i + 1}"


def _differences(committed: NotebookNode, built: NotebookNode) -> list[str]:
    """How the committed starter differs from the one built from the parts (empty when it is current)."""
    out = [f"notebook metadata '{key}' differs" for key in ("grader", "kernelspec")
           if committed.metadata.get(key) != built.metadata.get(key)]
    got, want = committed.cells, built.cells
    if len(got) != len(want):
        out.append(f"{len(got)} cells where the parts give {len(want)}")
    for i, (g, w) in enumerate(zip(got, want, strict=False)):
        name = _cell_name(i)
        if g.get("cell_type") != w.cell_type:
            out.append(f"cell {i + 1} is {g.get('cell_type')}, the {name} cell is {w.cell_type}")
        elif g.get("source") != w.source:
            out.append(f"cell {i + 1} ({name}) has other text than its part")
        elif g.get("metadata") != w.metadata:
            out.append(f"cell {i + 1} ({name}) has other cell metadata")
        if g.get("outputs") or g.get("execution_count") is not None or g.get("attachments"):
            out.append(f"cell {i + 1} ({name}) has outputs or attachments")
    return out


def _read_committed(path: Path) -> tuple[NotebookNode | None, str]:
    """The committed starter as plain JSON (compared with a built, schema-valid one: no schema check needed)."""
    try:
        raw = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None, "file missing"
    except (OSError, ValueError) as exc:
        return None, f"not a readable notebook ({type(exc).__name__})"
    if not isinstance(raw, dict) or raw.get("nbformat") != 4 or not isinstance(raw.get("metadata", {}), dict) \
            or not isinstance(raw.get("cells"), list) or not all(isinstance(c, dict) for c in raw["cells"]):
        return None, "not an nbformat-4 notebook"
    nb = nbformat.from_dict(raw)
    nb.setdefault("metadata", {})
    for cell in nb.cells:
        cell.setdefault("metadata", {})
        cell["source"] = "".join(cell.get("source", "")) if isinstance(cell.get("source"), list) else cell.get("source")
    return nb, ""


def hint_leaks(nb: NotebookNode, hints: str) -> list[str]:
    """Lines of the hints' prose (not their code) that a notebook's cells contain; an exam starter must have none."""
    body = "\n".join(str(c.source) for c in nb.cells)
    return sorted({line for line in statement.prose_lines(hints) if line in body})


def starter_problems(problem: Problem) -> list[str]:
    """The validate gate: the statement parses and stands alone, the skeleton defines every graded name and
    raises NotImplementedError, the example is valid Python (never run here), the starter passes the
    notebook's static checks, and the committed starter is the one the parts build."""
    try:
        parts = read_parts(problem)
    except ProblemFormatError as exc:
        return [str(exc)]
    out = statement.lint(parts.statement, problem.statement_path)
    out += _skeleton_problems(problem, parts)
    out += _parse(parts.example, problem.path / EXAMPLE_FILE)[1]
    built = assemble(parts, StarterMode.PRACTICE)
    leaks = hint_leaks(assemble(parts, StarterMode.EXAM), parts.statement.hints)
    if leaks:
        out.append(f"{problem.path}: the exam starter would show hint text (the task, skeleton or example repeats "
                   f"{leaks[0][:60]!r}); keep each hint in the hints only")
    reason = static_problems(parse_notebook(json.dumps(built).encode()), problem.defines, problem.allowed_imports)
    if reason:
        out.append(f"{problem.path}: the starter built from the parts is not gradable: {reason}")
    committed, unreadable = _read_committed(problem.starter_path)
    stale = [unreadable] if committed is None else _differences(committed, built)
    if stale:
        out.append(f"{problem.starter_path}: out of date with problem.md, {SKELETON_FILE} and {EXAMPLE_FILE} "
                   f"({'; '.join(stale[:3])}); run 'grader problem starter {problem.id}'")
    return out

