"""The CLI contract: commands, --json purity, exit codes, one-line errors."""
import json

import pytest

from tests.cli import invoke as run
from tests.conftest import SOFTMAX_OK, SOFTMAX_WRONG, write_notebook


def test_list_json_has_the_contract_fields():
    code, out, _ = run("list", "--json")
    rows = json.loads(out)
    assert code == 0 and any(r["id"] == "mle-act-softmax" for r in rows)
    assert all(set(r) == {"id", "title", "track", "topic", "difficulty"} for r in rows)
    code, out, _ = run("list", "--track", "mle", "--json")
    assert all(r["track"] == "mle" for r in json.loads(out))


def test_show_prints_the_statement():
    code, out, _ = run("show", "mle-act-softmax")
    assert code == 0 and "Numerically stable softmax" in out


def test_start_writes_the_starter_and_refuses_to_overwrite(tmp_path):
    code, _, _ = run("start", "mle-act-softmax", "--dir", str(tmp_path))
    target = tmp_path / "mle-act-softmax.ipynb"
    assert code == 0 and target.is_file()
    assert json.loads(target.read_text())["metadata"]["grader"]["problem"] == "mle-act-softmax"
    code, _, err = run("start", "mle-act-softmax", "--dir", str(tmp_path))
    assert code == 2 and "already exists" in err


@pytest.mark.parametrize("argv, fragment", [
    (["show", "no-such-problem"], "unknown problem"),
    (["submit", "/nonexistent.ipynb"], "no such file"),
    (["frobnicate"], "No such command 'frobnicate'"),
    (["list", "--track", "xx"], "'xx' is not one of 'ds', 'mle'"),
    (["exam", "new", "--track", "ds", "--size", "0"], "0 is not in the range x>=1"),
    (["exam"], "choose one of new, status, submit"),
    (["log", "add", "naps", "5"], "'naps' is not one of"),
])
def test_bad_usage_exits_2_with_one_line(argv, fragment):
    code, _, err = run(*argv)
    assert code == 2 and fragment in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_notebook_for_unknown_problem_gets_a_hint(tmp_path):
    nb = write_notebook(tmp_path / "mystery.ipynb", SOFTMAX_OK, problem=None)
    code, _, err = run("submit", str(nb))
    assert code == 2 and "--problem" in err


@pytest.mark.slow
def test_submit_json_records_attempts_and_history_reads_them(tmp_path):
    good = write_notebook(tmp_path / "good.ipynb", SOFTMAX_OK)
    bad = write_notebook(tmp_path / "mle-act-softmax.ipynb", SOFTMAX_WRONG, problem=None)
    code, out, err = run("submit", str(good), str(bad), "--json")
    results = json.loads(out)  # stdout holds exactly one JSON document
    assert code == 1 and [r["status"] for r in results] == ["passed", "failed"]
    assert results[1]["problem"] == "mle-act-softmax"  # from the file name
    assert set(results[0]) >= {"problem", "notebook", "status", "checks_passed", "checks_total", "checks", "error",
                               "duration_s", "sandbox", "attempt_id"}
    assert "PASSED" in err  # human text went to stderr
    code, out, _ = run("history", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["attempt_id"] for r in rows] == [results[1]["attempt_id"], results[0]["attempt_id"]]
    code, out, _ = run("history", "--problem", "mle-act-softmax")
    assert "passed" in out and "failed" in out


@pytest.mark.slow
def test_submit_exit_codes(tmp_path):
    good = write_notebook(tmp_path / "good.ipynb", SOFTMAX_OK)
    assert run("submit", str(good))[0] == 0
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{not json")
    code, out, _ = run("submit", str(broken), "--problem", "mle-act-softmax")
    assert code == 2 and "INVALID" in out and "not valid JSON" in out
    code, out, _ = run("history", "--json")
    assert json.loads(out)[0]["status"] == "invalid"  # an invalid file is still one recorded row


@pytest.mark.slow
def test_process_sandbox_is_labelled_not_isolated(tmp_path):
    good = write_notebook(tmp_path / "good.ipynb", SOFTMAX_OK)
    code, out, err = run("submit", str(good), "--sandbox", "process", "--json")
    assert code == 0 and "NOT ISOLATED" in err
    assert json.loads(out)[0]["sandbox"] == "process" and json.loads(out)[0]["isolated"] is False


@pytest.mark.slow
def test_validate_proves_a_problem():
    code, out, _ = run("validate", "mle-act-softmax", "--jobs", "1", "--json")
    report = json.loads(out)
    kinds = {c["kind"] for c in report["cases"]}
    assert code == 0 and report["ok"] and kinds == {"reference", "alternative", "starter", "mutant"}
    assert all(c["ok"] for c in report["cases"])


def test_sandbox_status_lists_every_backend():
    code, out, _ = run("sandbox", "status", "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert code == 0 and set(rows) == {"docker", "docker-fork", "bwrap", "fork", "process"}
    assert rows["process"]["available"] and not rows["process"]["isolated"]
    assert all(r["available"] == (r["reason"] is None) for r in rows.values())


def test_submit_reports_unreadable_notebooks_in_one_line(tmp_path):
    deep = tmp_path / "mle-act-softmax.ipynb"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    not_a_dict = tmp_path / "ds-ab-cuped.ipynb"
    not_a_dict.write_text("[1, 2]")
    for path in (deep, not_a_dict):
        code, out, err = run("submit", str(path), "--sandbox", "process")
        assert code == 2 and "invalid" in out.lower() and "Traceback" not in err, (out, err)
