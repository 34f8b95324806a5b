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
    (lambda t: t.replace("defines: [softmax]", "defines: softmax"), "field 'defines': Input should be a valid list"),
    (lambda t: t.replace("check_s: 2", "check_seconds: 2"), "unknown field 'limits.check_seconds'"),
    # strict types (issue 22): no silent conversion of a wrong type
    (lambda t: t.replace("check_s: 2", "memory_mb: 2.9"), "field 'limits.memory_mb': Input should be a valid integer"),
    (lambda t: t.replace("check_s: 2", "pids: true"), "field 'limits.pids': Input should be a valid integer"),
    (lambda t: t.replace("cell_s: 10", 'cell_s: "10"'), "field 'limits.cell_s': Input should be a valid number"),
    (lambda t: t.replace("check_s: 2", "check_s: -1"), "field 'limits.check_s': Input should be greater than 0"),
    (lambda t: t + "\nextra_field: 1\n", "unknown field 'extra_field'"),
    (lambda t: t.replace("topic: activations and losses", "topic: activation"),
     "topic 'activation' is not a mle topic of the exam blueprint"),
    (lambda t: t.replace("topic: activations and losses", "topic: bootstrapping"), "not a mle topic"),
    (lambda t: t + "\nrules:\n  - {id: Bad_Id, kind: value, text: the values}\n", "field 'rules.0.id'"),
    (lambda t: t + "\nrules:\n  - {id: stable, kind: stability, text: the values}\n", "field 'rules.0.kind'"),
    (lambda t: t + "\nrules:\n  - {id: a, kind: value, text: one}\n  - {id: a, kind: shape, text: two}\n",
     "rule id 'a' is listed twice"),
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


def test_rules_are_read_and_the_version_ignores_the_mutation_records(copy):
    meta = copy / "meta.yaml"
    meta.write_text(meta.read_text() + "\nrules:\n  - {id: sums-to-one, kind: value, text: every slice sums to 1}\n")
    first = load_problem(copy)
    assert [(r.id, r.kind, r.text) for r in first.rules] == [("sums-to-one", "value", "every slice sums to 1")]
    (copy / "mutation.json").write_text("{}")
    (copy / "mutation.yaml").write_text("equivalent: []\n")
    assert load_problem(copy).version == first.version
    (copy / "solution.py").write_text((copy / "solution.py").read_text() + "\n# edited\n")
    assert load_problem(copy).version != first.version


def test_every_topic_of_the_bank_is_in_the_exam_blueprint():
    from grader.exam import QUOTAS

    for p in load_bank().values():
        assert any(p.topic in group for group, _ in QUOTAS[p.track]), p.id
