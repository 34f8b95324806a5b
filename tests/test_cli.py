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
    (["exam"], "choose one of close, new, status, submit"),
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


def _commands(group, path=()):
    import click

    for name, command in group.commands.items():
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


def test_every_command_and_option_has_help():
    import click

    from grader.cli import cli

    missing = []
    for path, command in _commands(cli):
        if not (command.help or "").strip():
            missing.append(" ".join(path))
        for param in command.params:
            if isinstance(param, click.Option) and not (param.help or "").strip():
                missing.append(f"{' '.join(path)} {param.opts[0]}")
    assert missing == []
    for path, _ in _commands(cli):
        code, out, err = run(*path, "--help")
        assert code == 0 and out.startswith(f"Usage: grader {' '.join(path)}") and err == ""


def test_version_and_bare_invocations():
    from grader import __version__

    assert run("--version") == (0, f"grader {__version__}\n", "")
    code, out, err = run()
    assert code == 2 and out == "" and "Usage: grader" in err and "submit" in err  # the whole help, on stderr
    code, _, err = run("sandbox")
    assert code == 2 and err.strip().count("\n") == 0 and "choose one of build, status" in err


def test_db_is_taken_before_or_after_the_command(tmp_path):
    from grader.store import Store

    for argv in (["--db", str(tmp_path / "a.db"), "log", "add", "reading", "5"],
                 ["log", "add", "reading", "7", "--db", str(tmp_path / "a.db")]):
        assert run(*argv)[0] == 0
    assert Store(tmp_path / "a.db").study_minutes() == {"reading": 12.0}
    code, out, _ = run("history", "--json", "--db", str(tmp_path / "b.db"))
    assert code == 0 and json.loads(out) == [] and (tmp_path / "b.db").exists()


def test_the_sigterm_handler_is_restored_after_a_run():
    import signal

    before = signal.getsignal(signal.SIGTERM)
    from grader.cli import main

    assert main(["list", "--track", "ds", "--json"]) == 0
    assert signal.getsignal(signal.SIGTERM) is before


def test_an_internal_error_is_one_line_and_exit_3(monkeypatch):
    import grader.problems

    def broken() -> None:
        raise RuntimeError("the bank fell over")

    monkeypatch.setattr(grader.problems, "load_bank", broken)
    code, _, err = run("list")
    assert code == 3 and err == ("grader: internal error: RuntimeError: the bank fell over "
                                 "(set GRADER_DEBUG=1 for a traceback)\n")
