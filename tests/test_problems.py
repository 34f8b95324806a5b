import shutil
from pathlib import Path

import pytest

from grader.errors import ProblemFormatError, UsageError
from grader.problems import get_problem, load_bank, load_problem


def test_bank_loads_and_every_problem_has_its_files():
    bank = load_bank()
    assert "mle-act-softmax" in bank
    for p in bank.values():
        assert p.track in ("ds", "mle") and p.difficulty in "EMH"
        assert p.starter_path.is_file() and p.solution_path.is_file() and p.tests_path.is_file()
        assert p.mutants(), p.id
        assert len(p.version) == 12


def test_unknown_problem_is_a_usage_error_with_a_hint():
    with pytest.raises(UsageError, match="did you mean mle-act-softmax"):
        get_problem("mle-act-softmax2")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    dst = tmp_path / "mle" / "mle-act-softmax"
    shutil.copytree(get_problem("mle-act-softmax").path, dst)
    return dst


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace("difficulty: E", "difficulty: Z"), "field 'difficulty'"),
    (lambda t: t.replace("title: Numerically stable softmax\n", ""), "missing field 'title'"),
    (lambda t: t.replace("defines: [softmax]", "defines: softmax"), "field 'defines' must be a list"),
    (lambda t: t.replace("check_s: 2", "check_seconds: 2"), "unknown keys: check_seconds"),
    (lambda t: t.replace("id: mle-act-softmax", "id: mle-other"), "differs from the folder name"),
    (lambda t: t + "\nbroken: [unclosed\n", "not valid YAML"),
])
def test_malformed_meta_names_file_and_field(copy, edit, message):
    meta = copy / "meta.yaml"
    meta.write_text(edit(meta.read_text()))
    with pytest.raises(ProblemFormatError, match=message) as info:
        load_problem(copy)
    assert "meta.yaml" in str(info.value)


def test_missing_files_are_named(copy):
    (copy / "solution.py").unlink()
    with pytest.raises(ProblemFormatError, match="solution.py: file missing"):
        load_problem(copy)
    shutil.rmtree(copy / "mutants")
    (copy / "solution.py").write_text("")
    with pytest.raises(ProblemFormatError, match="no mutants"):
        load_problem(copy)


def test_one_problem_read_from_its_folder_equals_the_banks():
    from grader.problems import get_problem, load_bank

    for pid in ("mle-act-softmax", "ds-ab-cuped"):
        assert get_problem(pid) == load_bank()[pid]
    with pytest.raises(UsageError, match="unknown problem 'mle-act-softma'.*did you mean mle-act-softmax"):
        get_problem("mle-act-softma")
