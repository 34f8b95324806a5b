"""Forbidden libraries on real backends (issue 17): every import set's reference still passes (its allowed
libraries work), and a kernel sees exactly the libraries its problem allows, none loaded in advance."""
from __future__ import annotations

import json
import time

import pytest

from grader.grading import grade
from grader.problems import get_problem
from grader.sandbox import get_sandbox
from tests.conftest import notebook
from tests.sandbox.test_real import ISOLATING

pytestmark = pytest.mark.slow

# One problem per import set of the bank: numpy; numpy, pandas; numpy, sklearn; numpy, pandas, sklearn.
PROBLEMS = ("mle-act-softmax", "ds-met-binary", "mle-tree-gbm", "ds-skl-group-cv")


@pytest.mark.parametrize("backend", ISOLATING)
@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_each_import_sets_reference_passes(backend, problem_id):
    problem = get_problem(problem_id)
    reference = notebook(problem.solution_path.read_text(encoding="utf-8"), problem=problem_id)
    result = grade(reference, problem, get_sandbox(backend), "reference")
    assert result.status == "passed", (result.status, result.error, [c.message for c in result.checks][:3])


_PROBE = r'''
import importlib, json, sys
loaded = sorted({m.split(".")[0] for m in sys.modules} & {"pandas", "sklearn", "scipy", "statsmodels"})
works = {}
for name in ("pandas", "sklearn", "scipy"):
    try:
        works[name] = importlib.import_module(name).__version__ is not None
    except ImportError as exc:
        clear = isinstance(exc, ModuleNotFoundError) and f"No module named {name!r}: this problem does not allow it" in str(exc)
        works[name] = "refused" if clear else type(exc).__name__ + ": " + str(exc)[:40]
raise RuntimeError(json.dumps({"loaded": loaded, "works": works}))
'''


def _probe(backend: str, problem_id: str) -> dict:
    session = get_sandbox(backend).open(get_problem(problem_id).limits)
    try:
        session.connect()
        outcome = session.run_cells([(0, _PROBE)], time.monotonic() + 60)
    finally:
        session.close()
    assert outcome.failure is not None and outcome.failure.ename == "RuntimeError", outcome
    return json.loads(outcome.failure.evalue)


@pytest.mark.parametrize("backend", ISOLATING)
def test_a_numpy_only_kernel_has_none_of_them(backend):
    seen = _probe(backend, "mle-act-softmax")
    assert seen["loaded"] == []
    assert seen["works"] == {"pandas": "refused", "sklearn": "refused", "scipy": "refused"}, seen


@pytest.mark.parametrize("backend", ISOLATING)
def test_an_sklearn_kernel_keeps_scipy_and_loses_pandas_where_not_allowed(backend):
    seen = _probe(backend, "mle-tree-gbm")  # numpy, sklearn: SciPy stays (sklearn needs it), pandas goes
    assert seen["works"]["sklearn"] is True and seen["works"]["scipy"] is True, seen
    assert seen["works"]["pandas"] == "refused", seen
    assert "pandas" not in seen["loaded"]


SCIPY_SOFTMAX = '''
import importlib
special = importlib.import_module("scipy.special")


def softmax(z, axis=-1):
    return special.softmax(z, axis=axis)
'''


@pytest.mark.parametrize("backend", ISOLATING)
def test_the_issue_17_example_is_an_error_naming_the_cell(backend):
    """`importlib.import_module("scipy.special")` passed a numpy-only problem 10/10 before: now its cell fails."""
    result = grade(notebook(SCIPY_SOFTMAX), get_problem("mle-act-softmax"), get_sandbox(backend), "scipy")
    assert result.status == "error" and result.checks_passed == 0, result.status
    assert result.error is not None and result.error["ename"] == "ModuleNotFoundError"
    assert result.error["evalue"].startswith("No module named 'scipy': this problem does not allow it")
