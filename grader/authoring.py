"""Authoring helper: build a problem's `starter.ipynb` from its statement and skeleton code.

    python -m grader.authoring PROBLEM_DIR SKELETON.py EXAMPLE.py

writes PROBLEM_DIR/starter.ipynb: the statement (problem.md), the skeleton (signature, docstring,
`raise NotImplementedError`), and a visible example the learner can run.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import yaml


def build_starter(problem_dir: Path, skeleton: str, example: str) -> nbformat.NotebookNode:
    meta = yaml.safe_load((problem_dir / "meta.yaml").read_text(encoding="utf-8"))
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell((problem_dir / "problem.md").read_text(encoding="utf-8").strip()),
        nbformat.v4.new_code_cell(skeleton.strip()),
        nbformat.v4.new_markdown_cell("## Try it\n\nRun this cell to check your function on the worked example. "
                                      "Hidden checks test more cases when you submit "
                                      f"(`grader submit {meta['id']}.ipynb`)."),
        nbformat.v4.new_code_cell(example.strip()),
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["grader"] = {"problem": meta["id"]}
    nbformat.validate(nb)
    return nb


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    pdir = Path(argv[0])
    nb = build_starter(pdir, Path(argv[1]).read_text(encoding="utf-8"), Path(argv[2]).read_text(encoding="utf-8"))
    nbformat.write(nb, str(pdir / "starter.ipynb"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
