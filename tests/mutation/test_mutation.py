"""Automatic mutants (grader/mutation): the operators, stable ids, and the record that keeps the gate cheap."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from grader.errors import ProblemFormatError
from grader.mutation import ENGINE_VERSION, generate
from grader.mutation.record import MutationRecord, Survivor, read_equivalents, record_problems, stale_equivalents
from grader.problems import get_problem, load_problem

SOURCE = '''
import math

import numpy as np


def f(z: np.ndarray, rng: np.random.Generator, axis: int = -1) -> tuple[np.ndarray, float]:
    """Docstring with numbers 1 2 3 that must not be mutated."""
    if z.size == 0:
        raise ValueError("z must not be empty (size 0)")
    shifted = z - np.max(z, axis=axis, keepdims=True)
    order = np.argsort(z, kind="stable")
    spread = np.std(z)
    noise = rng.normal(size=3)
    top = np.clip(shifted[1:-1], -5, 5).copy()
    k = round(spread * 10)
    return top.astype(np.float32), float(k + noise.sum() + order[0]) if k < 3 else 0.0
'''


def _ops(mutants):
    return {m.operator for m in mutants}


def test_the_domain_operators_each_apply():
    mutants = generate(SOURCE)
    changes = {m.change for m in mutants}
    expected = {"drop-validation", "swap-returned-items", "drop-copy", "drop-cast", "change-axis", "drop-axis",
                "drop-keepdims", "drop-kind", "swap-string", "add-ddof", "change-rounding", "drop-shift", "drop-clip",
                "global-random", "fresh-generator", "derived-generator", "off-by-one", "flip-comparison",
                "swap-function", "number", "operator", "if-expression"}
    assert expected <= _ops(mutants), expected - _ops(mutants)
    assert "rng.normal(size=3) -> np.random.normal(size=3)" in changes
    assert "rng.normal(size=3) -> np.random.default_rng(0).normal(size=3)" in changes
    assert 'np.argsort(z, kind="stable") -> np.argsort(z)' in changes
    assert "np.std(z) -> np.std(z, ddof=1)" in changes
    assert "round(spread * 10) -> int((spread * 10) + 0.5)" in changes
    assert "z - np.max(z, axis=axis, keepdims=True) -> z" in changes
    assert any(c.startswith("if z.size == 0: raise ValueError") and c.endswith("-> pass") for c in changes)


def test_docstrings_annotations_imports_and_messages_are_left_alone():
    for m in generate(SOURCE):
        assert '"""Docstring with numbers 1 2 3 that must not be mutated."""' in m.source
        assert "def f(z: np.ndarray, rng: np.random.Generator, axis: int" in m.source
        assert "import math\n\nimport numpy as np\n" in m.source
        assert 'raise ValueError("z must not be empty (size 0)")' in m.source or m.operator == "drop-validation"


def test_ids_are_stable_distinct_and_name_operator_line_and_source():
    first, again = generate(SOURCE), generate(SOURCE)
    assert [m.id for m in first] == [m.id for m in again]
    assert len({m.id for m in first}) == len(first) == len({m.source for m in first})
    for m in first:
        op, _, rest = m.id.partition("@")
        assert op == m.operator and rest.split(":")[0] == str(m.line) and len(rest.split("#")[1]) == 8
    edited = generate(SOURCE.replace("size=3", "size=4"))
    assert {m.id for m in edited} != {m.id for m in first}  # another solution, other mutants


def test_layout_only_differences_are_one_mutant_and_the_source_itself_is_none():
    mutants = generate("def g(a, b):\n    return max(a, b, key=abs)\n")
    assert len({m.source for m in mutants}) == len(mutants)
    assert all(m.source != "def g(a, b):\n    return max(a, b, key=abs)\n" for m in mutants)
    assert all(m.compiles() for m in mutants)


def test_the_bank_solutions_all_generate(tmp_path):
    for pid in ("mle-act-softmax", "ds-boot-ci", "ds-skl-group-cv", "ds-met-roc-auc"):
        mutants = generate(get_problem(pid).solution_path.read_text())
        assert mutants and all(m.compiles() for m in mutants), pid


@pytest.fixture
def problem(tmp_path: Path):
    dst = tmp_path / "mle" / "mle-act-softmax"
    shutil.copytree(get_problem("mle-act-softmax").path, dst)
    for name in ("mutation.json", "mutation.yaml"):
        (dst / name).unlink(missing_ok=True)
    return load_problem(dst)


def _record(problem, survivors=(), killed=10, engine=ENGINE_VERSION, version=None):
    return MutationRecord(problem=problem.id, version=version or problem.version, engine=engine,
                          generated=killed + len(survivors) + 1, stillborn=1, killed=killed,
                          survivors=[Survivor(id=s, change="a -> b") for s in survivors], sandbox="fake",
                          duration_s=1.0)


def test_counts_use_the_equivalents_of_today():
    rec = _record(get_problem("mle-act-softmax"), survivors=("x@1:0#00000000", "y@2:0#00000000"), killed=38)
    assert rec.counts(set()) == {"generated": 41, "stillborn": 1, "killed": 38, "equivalent": 0, "survived": 2,
                                 "score": 0.95}
    assert rec.counts({"x@1:0#00000000"})["score"] == pytest.approx(38 / 39, abs=1e-4)


def test_the_record_gate_missing_stale_below_target_and_fixed_by_equivalents(problem):
    from grader.mutation.record import write_record

    assert "no mutation record" in record_problems(problem)[0]
    write_record(problem, _record(problem, version="000000000000"))
    assert "stale (the problem changed" in record_problems(problem)[0]
    write_record(problem, _record(problem, engine="0"))
    assert "stale (the mutation operators changed" in record_problems(problem)[0]
    write_record(problem, _record(problem, survivors=("x@1:0#00000000",), killed=10))
    assert "10 of 11 non-equivalent mutants killed (90.9%, target 95%)" in record_problems(problem)[0]
    problem.equivalents_path.write_text("equivalent:\n  - {id: 'x@1:0#00000000', reason: behaves like the solution}\n")
    assert record_problems(problem) == []
    assert json.loads(problem.mutation_record_path.read_text())["version"] == problem.version
    assert load_problem(problem.path).version == problem.version  # the record files are not part of it


def test_equivalents_are_checked(problem):
    problem.equivalents_path.write_text("equivalent:\n  - {id: a, reason: short}\n")
    with pytest.raises(ProblemFormatError, match="mutation.yaml: field 'equivalent.0.reason'"):
        read_equivalents(problem)
    problem.equivalents_path.write_text("equivalent:\n  - {id: a, reason: same values always}\n"
                                        "  - {id: b, reason: same values always}\n")
    notes = stale_equivalents(problem, generated_ids={"b", "c"}, killed_ids={"b"})
    assert len(notes) == 2 and "'a' is not a mutant of the current solution.py" in notes[0]
    assert "'b' is killed by a check" in notes[1]
