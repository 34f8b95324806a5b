import json

import pytest

from grader.notebook import InvalidNotebook, code_notebook, parse_notebook, read_notebook, static_problems
from tests.conftest import SOFTMAX_OK, notebook


def _raw(cells, **top):
    doc = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}
    doc.update(top)
    return json.dumps(doc).encode()


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe", "not UTF-8"),
    (b'{"a": 1}', "not a Jupyter notebook"),
    (_raw([], nbformat=3), "nbformat 4"),
    (_raw([{"cell_type": "markdown", "source": "hi"}]), "no code"),
    (_raw([{"cell_type": "code", "source": "   "}]), "no code"),
    (_raw([{"cell_type": "code", "source": "x=1"}], metadata={"kernelspec": {"name": "ir", "language": "R"}}),
     "R kernel"),
    (_raw([{"cell_type": "code", "source": 5}]), "malformed 'source'"),
    (_raw(["oops"]), "cell 0 is malformed"),
])
def test_unusable_files_get_a_one_line_reason(data, reason):
    with pytest.raises(InvalidNotebook, match=reason) as info:
        parse_notebook(data)
    assert "\n" not in str(info.value)


def test_code_cells_keep_their_notebook_positions():
    cells = [{"cell_type": "markdown", "source": "# t"}, {"cell_type": "code", "source": ["x = ", "1"]}]
    nb = parse_notebook(_raw(cells, metadata={"grader": {"problem": "mle-act-softmax"}}))
    assert nb.cells == ((1, "x = 1"),)
    assert nb.problem_hint == "mle-act-softmax"
    assert len(nb.sha256) == 64


def test_missing_and_directory_paths_are_invalid(tmp_path):
    with pytest.raises(InvalidNotebook, match="directory"):
        read_notebook(tmp_path)
    with pytest.raises(InvalidNotebook, match="cannot read"):
        read_notebook(tmp_path / "nope.ipynb")


def test_static_check_accepts_a_plain_solution():
    assert static_problems(notebook(SOFTMAX_OK), ("softmax",), ("numpy",)) is None


def test_static_check_names_the_missing_function():
    reason = static_problems(notebook("import numpy as np\ndef soft_max(z): return z"), ("softmax",), ("numpy",))
    assert reason is not None and "softmax" in reason


def test_static_check_refuses_imports_the_problem_forbids():
    src = "from sklearn.utils.extmath import softmax as softmax\n"
    reason = static_problems(notebook(src), ("softmax",), ("numpy",))
    assert reason is not None and "sklearn" in reason
    assert static_problems(notebook("import scipy.special\ndef softmax(z): return z"), ("softmax",),
                           ("numpy", "pandas", "sklearn")) is not None
    nb = notebook("import math, collections\ndef softmax(z): return z")
    assert static_problems(nb, ("softmax",), ("numpy",)) is None


def test_static_check_understands_ipython_syntax_and_leaves_syntax_errors_to_the_kernel():
    assert static_problems(notebook("%time x = 1\n!echo hi", SOFTMAX_OK), ("softmax",), ("numpy",)) is None
    assert static_problems(notebook("def softmax(:"), ("softmax",), ("numpy",)) is None


def test_code_notebook_round_trips():
    nb = parse_notebook(code_notebook(["a = 1", "b = 2"], "x"))
    assert [s for _, s in nb.cells] == ["a = 1", "b = 2"] and nb.problem_hint == "x"
