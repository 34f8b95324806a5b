"""Starters built from parts: practice (hints last, collapsed) and exam (no hint text), and the validate gate."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import nbformat
import pytest
from markdown_it import MarkdownIt

from grader.authoring import (
    EXAMPLE_FILE,
    SKELETON_FILE,
    Parts,
    assemble,
    build_starter,
    hint_leaks,
    notebook_bytes,
    read_parts,
    starter_problems,
    write_starter,
)
from grader.problems import bank_root, load_bank, load_problem
from grader.statement import split
from grader.vocab import StarterMode
from tests.authoring.conftest import HINTS, add_hints

BANK = sorted(load_bank().values(), key=lambda p: p.id)
PARTS = Parts(problem_id="mle-x", statement=split("# X\n\nWrite `f(x)`.\n\n## Hints\n\nUse **exp**:\n\n- `np.exp`\n"),
              skeleton="def f(x):\n    raise NotImplementedError\n", example="print(f(1))\n")


def _sources(nb: nbformat.NotebookNode) -> list[str]:
    return [c.source for c in nb.cells]


def test_practice_starter_is_task_skeleton_try_it_example_then_hints_collapsed():
    nb = assemble(PARTS, StarterMode.PRACTICE)
    assert [c.cell_type for c in nb.cells] == ["markdown", "code", "markdown", "code", "markdown"]
    assert nb.cells[0].source == "# X\n\nWrite `f(x)`."
    assert nb.cells[1].source == "def f(x):\n    raise NotImplementedError"
    assert nb.cells[2].source.startswith("## Try it") and "grader submit mle-x.ipynb" in nb.cells[2].source
    assert nb.cells[3].source == "print(f(1))"
    hints = nb.cells[4]
    assert hints.metadata["jupyter"]["source_hidden"] is True
    assert hints.source.startswith("## Hints\n\n<details>\n<summary>Show the hints</summary>\n\n")
    assert hints.source.endswith("\n</details>")
    assert "Use **exp**" in hints.source
    assert nb.metadata["grader"] == {"problem": "mle-x"} and nb.metadata["kernelspec"]["name"] == "python3"
    nbformat.validate(nb)


def test_markdown_inside_the_details_block_is_rendered_as_markdown():
    """CommonMark (which JupyterLab's marked, nbconvert and GitHub follow here): the blank line after
    <summary> ends the HTML block, so the hints are Markdown again, inside the collapsed block."""
    html = MarkdownIt("commonmark").render(assemble(PARTS, StarterMode.PRACTICE).cells[-1].source)
    inside = html[html.index("<details>"):html.index("</details>")]
    assert "<strong>exp</strong>" in inside and "<li><code>np.exp</code></li>" in inside
    assert "**" not in inside


def test_exam_starter_has_no_hints_cell_and_no_hint_text():
    nb = assemble(PARTS, StarterMode.EXAM)
    assert _sources(nb) == _sources(assemble(PARTS, StarterMode.PRACTICE))[:4]
    text = notebook_bytes(nb).decode()
    assert "exp" not in text.replace("grader", "") and "Hints" not in text and "details" not in text
    assert "hints" not in text.lower()
    assert hint_leaks(nb, PARTS.statement.hints) == []


def test_rebuilding_gives_the_same_bytes():
    assert notebook_bytes(assemble(PARTS, "practice")) == notebook_bytes(assemble(PARTS, "practice"))


@pytest.mark.parametrize("problem", BANK, ids=lambda p: p.id)
def test_exam_starter_of_every_problem_has_no_hint_text(problem):
    """With the bank's own hints, and with hints written into it: the exam starter never carries them."""
    parts = read_parts(problem)
    exam = build_starter(problem, StarterMode.EXAM)
    assert len(exam.cells) == 4 and hint_leaks(exam, parts.statement.hints) == []
    assert parts.statement.hints == "" or "<details>" in build_starter(problem, "practice").cells[-1].source
    hinted = replace(parts, statement=split(parts.statement.markdown + "\n\n" + HINTS.format(pid=problem.id)))
    exam_bytes = notebook_bytes(assemble(hinted, StarterMode.EXAM)).decode()
    for marker in (f"HINT-{problem.id}", f"PITFALL-{problem.id}", "np.something"):
        assert marker not in exam_bytes
    practice = assemble(hinted, StarterMode.PRACTICE)
    assert f"PITFALL-{problem.id}" in practice.cells[-1].source and practice.cells[-1].metadata.jupyter.source_hidden
    assert hint_leaks(assemble(hinted, StarterMode.EXAM), hinted.statement.hints) == []


@pytest.mark.parametrize("problem", BANK, ids=lambda p: p.id)
def test_every_committed_starter_matches_its_parts(problem):
    assert starter_problems(problem) == []
    assert problem.starter_path.read_bytes() == notebook_bytes(build_starter(problem, StarterMode.PRACTICE))


# ------------------------------------------------------------------ the gate on broken folders

@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of one real problem, to break."""
    target = tmp_path / "mle" / "mle-act-softmax"
    shutil.copytree(bank_root() / "mle" / "mle-act-softmax", target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _gate(folder: Path) -> list[str]:
    return starter_problems(load_problem(folder))


def test_the_gate_catches_a_stale_starter_and_rebuilding_clears_it(folder):
    assert _gate(folder) == []
    add_hints(folder)
    notes = _gate(folder)
    assert len(notes) == 1 and "starter.ipynb: out of date" in notes[0]
    assert "run 'grader problem starter mle-act-softmax'" in notes[0]
    assert write_starter(load_problem(folder)) is True and _gate(folder) == []
    assert write_starter(load_problem(folder)) is False


def test_the_gate_catches_an_edited_starter_cell_and_outputs(folder):
    nb = json.loads((folder / "starter.ipynb").read_text())
    nb["cells"][1]["source"] = "def softmax(z, axis=-1):\n    return z\n"
    (folder / "starter.ipynb").write_text(json.dumps(nb))
    assert "cell 2 (skeleton) has other text" in _gate(folder)[0]
    nb = json.loads(notebook_bytes(build_starter(load_problem(folder), "practice")))
    nb["cells"][3]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "[0.5 0.5]\n"}]
    (folder / "starter.ipynb").write_text(json.dumps(nb))
    assert "cell 4 (example) has outputs or attachments" in _gate(folder)[0]
    (folder / "starter.ipynb").write_text("{not json")
    assert "not a readable notebook" in _gate(folder)[0]


def test_the_gate_catches_an_exam_starter_committed_as_the_practice_one(folder):
    add_hints(folder)
    (folder / "starter.ipynb").write_bytes(notebook_bytes(build_starter(load_problem(folder), "exam")))
    assert "4 cells where the parts give 5" in _gate(folder)[0]


@pytest.mark.parametrize("skeleton, fragment", [
    ("import numpy as np\n\ndef softmax(z, axis=-1):\n    return z\n", "'softmax' never raises NotImplementedError"),
    ("import numpy as np\n\ndef soft_max(z):\n    raise NotImplementedError\n", "no top-level def or class 'softmax'"),
    ("def softmax(z:\n", "line 1: not valid Python"),
    ("import scipy\n\ndef softmax(z, axis=-1):\n    raise NotImplementedError()\n", "imports scipy"),
])
def test_the_gate_checks_the_skeleton(folder, skeleton, fragment):
    (folder / SKELETON_FILE).write_text(skeleton)
    write_starter(load_problem(folder))
    notes = _gate(folder)
    assert any(fragment in n for n in notes), notes


def test_the_gate_parses_the_example_but_never_runs_it(folder, tmp_path):
    flag = tmp_path / "ran"
    (folder / EXAMPLE_FILE).write_text(f"open({str(flag)!r}, 'w').write('x')\n")
    write_starter(load_problem(folder))
    assert _gate(folder) == [] and not flag.exists()
    (folder / EXAMPLE_FILE).write_text("print(softmax(z)\n")
    write_starter(load_problem(folder))
    assert "example.py: line 1: not valid Python" in _gate(folder)[0]


def test_the_gate_names_missing_parts_and_a_broken_statement(folder):
    (folder / EXAMPLE_FILE).unlink()
    assert "example.py: file missing" in _gate(folder)[0]
    (folder / "problem.md").write_text("Softmax, without a title line.\n")
    assert "problem.md: the first line must be the title" in _gate(folder)[0]


def test_the_gate_refuses_hint_text_repeated_in_the_task(folder):
    md = (folder / "problem.md").read_text()
    pitfall = "Subtract the largest entry of each slice before exponentiating."
    (folder / "problem.md").write_text(f"{md.rstrip()}\n\n{pitfall}\n\n## Hints\n\n{pitfall}\n")
    write_starter(load_problem(folder))
    notes = _gate(folder)
    assert len(notes) == 1 and "the exam starter would show hint text" in notes[0]


def test_code_shared_by_the_hints_and_the_skeleton_is_not_a_leak(folder):
    md = (folder / "problem.md").read_text()
    hints = "## Hints\n\n```python\nimport numpy as np\n```\n\nShift first.\n"
    (folder / "problem.md").write_text(f"{md.rstrip()}\n\n{hints}")
    write_starter(load_problem(folder))
    assert _gate(folder) == []
