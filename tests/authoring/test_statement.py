"""problem.md split into the task and the hints, and the errors for a malformed statement."""
from __future__ import annotations

import pytest

from grader.errors import ProblemFormatError
from grader.problems import load_bank
from grader.statement import Statement, lint, split

TASK = """# Softmax

Write `softmax(z)`.

**Example**

    >>> softmax(np.array([0.0, 0.0]))
    array([0.5, 0.5])

## How it is checked

Random arrays of several shapes."""


def test_a_statement_without_hints_is_all_task():
    st = split(TASK + "\n")
    assert st == Statement(title="Softmax", task=TASK, hints="")


def test_hints_start_at_the_heading_and_run_to_the_end():
    st = split(TASK + "\n\n## Hints\n\nSubtract the max.\n\n### Pitfalls\n\nOverflow.\n")
    assert st.title == "Softmax"
    assert st.task == TASK and "How it is checked" in st.task and "Subtract" not in st.task
    assert st.hints == "Subtract the max.\n\n### Pitfalls\n\nOverflow."
    assert split(st.markdown) == st


def test_a_hints_heading_inside_a_code_block_is_task_text():
    md = "# T\n\nWrite f.\n\n```markdown\n## Hints\n```\n\n    ## Hints\n"
    st = split(md)
    assert st.hints == "" and st.task == md.strip()


def test_windows_line_endings_are_read():
    st = split(TASK.replace("\n", "\r\n") + "\r\n\r\n## Hints\r\n\r\nUse exp.\r\n")
    assert st.task == TASK and st.hints == "Use exp."


@pytest.mark.parametrize("md, fragment", [
    ("", "first line must be the title"),
    ("Write f.\n", "first line must be the title"),
    ("## T\n\nWrite f.\n", "first line must be the title"),
    ("T\n=\n\nWrite f.\n", "first line must be the title"),
    ("#\n\nWrite f.\n", "title line '#' is empty"),
    ("# T\n", "task is empty"),
    ("# T\n\n## Hints\n\nUse exp.\n", "task is empty"),
    ("# T\n\nWrite f.\n\n## Hints\n\n", "has nothing under it"),
    ("# T\n\nWrite f.\n\n## Hints\n\nA.\n\n## Hints\n\nB.\n", "line 9: a second '## Hints'"),
    ("# T\n\nWrite f.\n\n### Hints\n\nA.\n", "line 5: the heading '### Hints' looks like"),
    ("# T\n\nWrite f.\n\n# Hints\n\nA.\n", "looks like the hints heading"),
    ("# T\n\nWrite f.\n\n## hints\n\nA.\n", "looks like the hints heading"),
    ("# T\n\nWrite f.\n\n## Hint: use exp\n", "looks like the hints heading"),
    ("# T\n\nWrite f.\n\n## **Hints**\n\nA.\n", "looks like the hints heading"),
    ("# T\n\nWrite f.\n\nHints\n-----\n\nA.\n", "looks like the hints heading"),
    ("# T\n\nWrite f.\n\n> ## Hints\n>\n> A.\n", "looks like the hints heading"),
    ("# T\n\nWrite f.\n\n- ## Hints\n", "looks like the hints heading"),
    ("# T\n\nWrite f.\n\n**Hints**\n\nA.\n", "line 5: '**Hints**' looks like"),
    ("# T\n\nWrite f.\n\nHints:\n\nA.\n", "looks like the hints heading"),
])
def test_malformed_statements_are_refused_with_the_line(md, fragment):
    with pytest.raises(ProblemFormatError) as info:
        split(md, "x/problem.md")
    message = str(info.value)
    assert message.startswith("x/problem.md: ") and fragment in message and "\n" not in message


def test_words_that_merely_mention_hints_are_task_text():
    st = split("# T\n\nWrite f. Type hints are optional.\n\n## Hinting strategies in caches\n\nNone.\n")
    assert st.hints == "" and "Hinting" in st.task


def test_lint_flags_a_task_that_points_at_the_hints():
    assert lint(split("# T\n\nWrite f (see the hints for the formula).\n\n## Hints\n\nA.\n"), "p.md")
    assert lint(split("# T\n\nWrite f; the hints below give the formula.\n\n## Hints\n\nA.\n"))
    assert lint(split("# T\n\nWrite f with type hints.\n\n## Hints\n\nA.\n")) == []


def test_lint_flags_hints_that_would_break_the_collapsed_block():
    assert "<details> tag" in lint(split("# T\n\nWrite f.\n\n## Hints\n\nA.\n\n</details>\n\nB.\n"))[0]


_BANK = sorted(load_bank().values(), key=lambda p: p.id)


@pytest.mark.parametrize("problem", _BANK, ids=[p.id for p in _BANK])
def test_every_statement_of_the_bank_parses(problem):
    st = split(problem.statement(), problem.statement_path)
    assert st.title and st.task.startswith(f"# {st.title}") and "## Hints" not in st.task
    assert lint(st) == []
