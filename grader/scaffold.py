"""`grader problem new`: a new problem folder from a template that validates as it stands.

The template is a small working problem (the mean of an array) in the bank's layout: meta.yaml,
problem.md in the task/hints format, skeleton.py, example.py, solution.py, one mutant and a tests file
with one check. The author replaces each part; `grader validate ID` proves the result.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from string import Template

import yaml

from grader import authoring
from grader.errors import ProblemFormatError, UsageError
from grader.exam import QUOTAS
from grader.problems import Problem, load_problem
from grader.vocab import Difficulty, Track

PROBLEM_MD = Template("""\
# $title

(A placeholder task that shows the format: replace it with yours, keeping its parts.)

Write `$name(x)` that returns the arithmetic mean of the values in `x`.

```python
def $name(x: np.ndarray) -> float:
```

**Input**: `x`, a 1-D NumPy array of `float64` with at least one element.

**Output**: a Python `float`.

Allowed: NumPy and the standard library.

**Example**

    >>> $name(np.array([1.0, 2.0, 6.0]))
    3.0

## How it is checked

Small arrays whose mean is known.

## Hints

NumPy has a function for it; `float(...)` turns a NumPy scalar into a Python float.
""")

SKELETON = Template('''\
import numpy as np


def $name(x: np.ndarray) -> float:
    """Return the mean of the values in `x`."""
    raise NotImplementedError
''')

EXAMPLE = Template("""\
print($name(np.array([1.0, 2.0, 6.0])))
""")

SOLUTION = Template("""\
import numpy as np


def $name(x):
    return float(np.mean(x))
""")

MUTANT = Template("""\
# breaks: mean
import numpy as np


def $name(x):
    return float(np.median(x))  # wrong: the median, not the mean
""")

MUTANT_TYPE = Template("""\
# breaks: python-float
import numpy as np


def $name(x):
    return np.mean(x)  # wrong: a NumPy float64, not a Python float
""")

TESTS = Template('''\
import numpy as np

from grader.checklib import assert_scalar, assert_type, covers


@covers("mean")
def test_worked_example(learner, reference):
    """The worked example from the statement."""
    x = np.array([1.0, 2.0, 6.0])
    assert_scalar(learner.$name(x), reference.$name(x))


@covers("python-float")
def test_result_is_a_python_float(learner):
    """The result is a Python float, not a NumPy scalar."""
    assert_type(learner.$name(np.array([0.5, 1.5])), float)
''')

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def topics(track: str) -> list[str]:
    """The topics of a track's exam blueprint (a problem outside them is never drawn)."""
    return sorted(t for group, _ in QUOTAS[track] for t in group)


def _meta(pid: str, track: str, topic: str, title: str, difficulty: str, name: str) -> str:
    meta = {"id": pid, "title": title, "track": str(track), "topic": topic, "difficulty": str(difficulty),
            "defines": [name], "allowed_imports": ["numpy"], "limits": {"check_s": 2},
            "rules": [{"id": "mean", "kind": "value", "text": "returns the arithmetic mean of the values in x"},
                      {"id": "python-float", "kind": "dtype", "text": "the result is a Python float"}],
            "provenance": "Replace with where the problem comes from (e.g. written from a textbook definition); "
                          "no text or code taken from any source."}
    return yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=110)


def new_problem(root: Path, pid: str, track: str, topic: str, title: str | None = None,
                difficulty: str = Difficulty.MEDIUM, name: str | None = None) -> Problem:
    """Create `root/<track>/<pid>/` from the template, check it loads and passes the starter gate, return it."""
    if track not in tuple(Track):
        raise UsageError(f"unknown track {track!r}: choose {' or '.join(Track)}")
    if topic not in topics(track):
        raise UsageError(f"topic {topic!r} is not a {track} topic of the exam blueprint: "
                         f"one of {', '.join(topics(track))}")
    if difficulty not in tuple(Difficulty):
        raise UsageError(f"difficulty {difficulty!r}: choose one of {', '.join(Difficulty)}")
    if not pid.startswith(f"{track}-"):
        raise UsageError(f"problem id {pid!r} must start with its track, '{track}-'")
    name = name or pid.removeprefix(f"{track}-").replace("-", "_")
    if not _NAME.match(name):
        raise UsageError(f"{name!r} is not a Python name; pass --function NAME")
    title = " ".join((title or pid.removeprefix(f"{track}-").replace("-", " ").capitalize()).split())
    if not title:
        raise UsageError("the title is empty")
    target = root / track / pid
    if target.exists():
        raise UsageError(f"{target} already exists; choose another id")
    fields = {"title": title, "name": name}
    files = {"meta.yaml": _meta(pid, track, topic, title, difficulty, name),
             "problem.md": PROBLEM_MD.substitute(fields), authoring.SKELETON_FILE: SKELETON.substitute(fields),
             authoring.EXAMPLE_FILE: EXAMPLE.substitute(fields), "solution.py": SOLUTION.substitute(fields),
             "mutants/m1_median.py": MUTANT.substitute(fields),
             "mutants/m2_numpy_scalar.py": MUTANT_TYPE.substitute(fields),
             "tests/test_hidden.py": TESTS.substitute(fields)}
    with tempfile.TemporaryDirectory(prefix="grader-new-") as tmp:
        draft = Path(tmp) / track / pid
        for rel, text in files.items():
            (draft / rel).parent.mkdir(parents=True, exist_ok=True)
            (draft / rel).write_text(text, encoding="utf-8")
        (draft / "starter.ipynb").touch()  # the loader wants it; the next line builds it
        try:
            authoring.write_starter(load_problem(draft))
            problems = authoring.starter_problems(load_problem(draft))
        except ProblemFormatError as exc:  # the id or title fails the schema: say so without the temp path
            raise UsageError(str(exc).replace(str(draft), pid)) from None
        if problems:
            raise ProblemFormatError(f"the problem template fails its own gate: {problems[0]}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(draft, target)
    return load_problem(target)
