"""`grader validate`: the rule gate, per-rule mutant cases, mutation runs and records (in the fake sandbox)."""
from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from grader.problems import get_problem, load_problem
from grader.validate import MUTANT, Options, cases_for, mutant_rule, rule_problems, validate


def _forget_hidden_modules() -> None:
    # pytest names an imported check file after its path in the bank, the same for every copy here.
    for name in [n for n in sys.modules if n.endswith("tests.test_hidden")]:
        del sys.modules[name]


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A bank holding a copy of mle-act-softmax (a pilot with rules) and of ds-ab-cuped with its rules taken out
    (a problem from before rules)."""
    for pid in ("mle-act-softmax", "ds-ab-cuped"):
        src = get_problem(pid).path
        shutil.copytree(src, tmp_path / src.parent.name / pid)
    meta_path = tmp_path / "ds" / "ds-ab-cuped" / "meta.yaml"
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    meta.pop("rules", None)
    meta_path.write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("GRADER_PROBLEMS", str(tmp_path))
    _forget_hidden_modules()
    yield tmp_path
    _forget_hidden_modules()


def _softmax(bank: Path):
    return load_problem(bank / "mle" / "mle-act-softmax")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def test_a_mutant_names_the_rule_it_breaks_on_its_first_line(tmp_path):
    path = tmp_path / "m.py"
    for first, rule in (("# breaks: axis\n", "axis"), ("#breaks:   new-array  (returns its input)\n", "new-array"),
                        ("import numpy as np\n# breaks: axis\n", None), ("# breaks: Axis\n", None)):
        path.write_text(first + "x = 1\n")
        assert mutant_rule(path) == rule, first


def test_the_pilot_has_no_rule_gaps_and_grades_each_mutant_with_its_rules_checks(bank):
    problem = _softmax(bank)
    assert rule_problems(problem) == []
    mutants = {Path(c.path).name: c for c in cases_for(problem) if c.kind == MUTANT}
    case = mutants["m3_float64_always.py"]
    assert case.breaks == "dtype" and case.fail_fast and case.select == ("test_float32_stays_float32",)
    assert set(mutants["m1_no_max_shift.py"].select or ()) == {"test_large_equal_logits_no_warning",
                                                         "test_large_magnitudes_stable"}


def test_rule_gaps_are_named(bank):
    path = bank / "mle" / "mle-act-softmax"
    tests = path / "tests" / "test_hidden.py"
    _edit(tests, '@covers("dtype")\n', "")
    _edit(tests, '@covers("formula")\ndef test_shift_invariance', '@covers("formla")\ndef test_shift_invariance')
    _edit(path / "mutants" / "m4_inplace.py", "# breaks: new-array\n", "")
    _edit(path / "mutants" / "m7_leading_axes_flattened.py", "# breaks: shape", "# breaks: shapes")
    _edit(path / "meta.yaml", "rules:\n", "rules:\n  - {id: unused, kind: value, text: a rule nobody tests}\n")
    errors = rule_problems(load_problem(path))
    expected = ["check 'test_float32_stays_float32' covers no rule",
                "check 'test_shift_invariance' covers formla, not a rule of meta.yaml",
                "m4_inplace.py: the first line must say which rule it breaks",
                "m7_leading_axes_flattened.py: breaks 'shapes', which is not a rule of meta.yaml",
                "rule 'unused' has no check that covers it", "rule 'unused' has no mutant that breaks it",
                "rule 'dtype' has no check that covers it", "rule 'new-array' has no mutant that breaks it",
                "rule 'shape' has no mutant that breaks it"]
    for e in expected:
        assert any(e in line for line in errors), (e, errors)
    assert len(errors) == len(expected)


def test_problems_without_rules_pass_until_rules_are_required(bank):
    cuped = load_problem(bank / "ds" / "ds-ab-cuped")
    assert rule_problems(cuped) == []
    assert "no rules listed" in rule_problems(cuped, require_rules=True)[0]


def test_validation_passes_the_pilot_and_fails_a_mutant_caught_only_by_accident(bank):
    report = validate([_softmax(bank)], Options(sandbox="fake"))
    assert report.ok, (report.errors, [r.to_json() for r in report.bad_cases])
    assert {r.case.kind for r in report.cases} == {"reference", "alternative", "starter", "mutant"}
    # Say that only a float64 check tests dtype: the always-float64 mutant then fails no check of its rule.
    path = bank / "mle" / "mle-act-softmax"
    tests = path / "tests" / "test_hidden.py"
    _edit(tests, '@covers("dtype")\ndef test_float32', '@covers("formula")\ndef test_float32')
    _edit(path / "tests" / "test_hidden.py", '@covers("formula")\ndef test_shift_invariance',
          '@covers("formula", "dtype")\ndef test_shift_invariance')
    report = validate([load_problem(path)], Options(sandbox="fake"))
    bad = {Path(r.case.path).name: r for r in report.bad_cases}
    assert set(bad) == {"m3_float64_always.py"} and bad["m3_float64_always.py"].status == "passed"
    assert any("stale" in e for e in report.errors)  # the tests changed since the mutation record


def test_mutate_writes_the_record_and_sample_mode_writes_nothing(bank):
    problem = _softmax(bank)
    problem.mutation_record_path.unlink()
    assert any("no mutation record" in e for e in validate([problem], Options(sandbox="fake")).errors)
    report = validate([problem], Options(sandbox="fake", mutate=True))
    assert report.ok, report.errors
    row = report.mutation[0]
    assert row["generated"] >= 20 and row["killed"] == row["generated"] - row["stillborn"] and row["score"] == 1.0
    record = json.loads(problem.mutation_record_path.read_text())
    assert record["version"] == problem.version and record["killed"] == row["killed"]
    assert validate([problem], Options(sandbox="fake")).errors == []
    # A weaker check suite lets mutants survive: the sample run fails without touching the record.
    tests = problem.tests_path.read_text()
    problem.tests_path.write_text(tests.split('@covers("formula")\ndef test_rows_sum_to_one')[0])  # one check left
    weaker = load_problem(problem.path)
    before = problem.mutation_record_path.read_text()
    report = validate([weaker], Options(sandbox="fake", mutate=True, sample=1, seed=3))
    assert not report.ok and report.seed == 3 and report.mutation[0]["survived"] > 0
    assert problem.mutation_record_path.read_text() == before
    assert any("stale" in e for e in report.errors)


def test_the_cli_documents_the_mutation_flags():
    from click.testing import CliRunner

    from grader.cli import cli

    result = CliRunner().invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0
    for flag in ("--mutate", "--sample N", "--seed", "--require-rules"):
        assert flag in result.output
    bad = CliRunner().invoke(cli, ["validate", "--sample", "-1"])
    assert bad.exit_code == 2
