"""Every catalogued attack (A1-E8), as a hostile notebook, against every isolating sandbox backend.

For each (attack, backend) the grader must end with: the submission not passed (pure resource
abuse by a correct solution may pass), grading within the problem's limits plus a margin, no file
outside the sandbox created or changed, no process or container left behind, no network
connection made, no hidden test source or reference solution or host secret in any output,
every HTML output inert, and the next submission graded normally. Attack-specific evidence is in
catalog.py. An attack that succeeds raises AttackSucceeded; known ones are marked xfail(strict)
so they flip when the grader is fixed.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import signal
import time
import zipfile
from pathlib import Path
from typing import Any, Callable

import pytest

from grader.grading import GradeResult, grade
from grader.notebook import parse_notebook
from grader.proxy import Channel, Learner, agent_source
from grader.sandbox import get_sandbox
from grader.sandbox.bwrap import BwrapSandbox
from grader.sandbox.docker import DockerForkSandbox, DockerSandbox
from grader.sandbox.fork import ForkSandbox
from grader.store import Store
from tests.attacks.catalog import ATTACKS, CATALOGUE_IDS, VARIANTS, Attack, E7_ALICE, E7_BOB, C11_MALLORY, D7_MALLORY
from tests.attacks.catalog_edges import EDGES
from tests.attacks.catalog_forbidden import FORBIDDEN
from tests.attacks.harness import (MARGIN_S, PRELUDE, Arena, AttackSucceeded, Run, Sampler, check_outputs,
                                   html_problems, notebook_bytes, outputs_of, read_tree, render_cells, tight_bank,
                                   tight_problem, tree_hash)
from tests.browser import CHROMIUM, render
from tests.classes import write_zip
from tests.conftest import SOFTMAX_OK, SOFTMAX_WRONG, notebook

pytestmark = pytest.mark.slow

UNAVAILABLE = {"docker": DockerSandbox().unavailable_reason(), "bwrap": BwrapSandbox().unavailable_reason(),
               "fork": ForkSandbox().unavailable_reason(), "docker-fork": DockerForkSandbox().unavailable_reason()}
BACKENDS = ("docker", "bwrap", "fork", "docker-fork")


def _params(attacks: list[Attack]) -> list[Any]:
    params = []
    for a in attacks:  # the NOT ISOLATED fallback is documented, never attacked: its escapes would be real
        why = ("out of reach there: " if not a.process_ok else "not run there (the suite targets isolating backends): ")
        params.append(pytest.param(a, "process", id=f"{a.id}-process",
                                   marks=pytest.mark.skip(reason=f"{a.id} on the process fallback is {why}{a.process}")))
    for backend in BACKENDS:
        for a in attacks:
            marks: list[Any] = [pytest.mark.docker] if backend.startswith("docker") else []
            if UNAVAILABLE[backend]:
                marks.append(pytest.mark.skip(reason=f"{backend} unavailable: {UNAVAILABLE[backend]}"))
            elif backend in a.skip:
                marks.append(pytest.mark.skip(reason=f"{a.id} is out of reach on {backend}: {a.skip[backend]}"))
            reason = a.xfail.get(backend) or a.xfail.get("*")
            if reason:
                marks.append(pytest.mark.xfail(strict=True, raises=AttackSucceeded, reason=reason))
            params.append(pytest.param(a, backend, id=f"{a.id}-{backend}", marks=marks))
    return params


# ====================================================================== helpers

class Neighbour:
    """Another sandbox of the same backend, holding a secret, that must come through unharmed."""

    def __init__(self, backend: str, arena: Arena):
        self.secret = arena.neighbour_secret
        self.session = get_sandbox(backend).open(tight_problem({"total_s": 180, "cell_s": 30}).limits)
        outcome = self.session.run_cells([(0, f"ATK_NEIGHBOUR = {self.secret!r}\ndef atk_alive():\n    return ATK_NEIGHBOUR\n")],
                                         time.monotonic() + 60)
        assert outcome.state == "ok", outcome
        self.session.install_agent(agent_source())
        self.learner = Learner(Channel(self.session, 10.0))

    def check(self) -> str | None:
        """None when the neighbour is intact, else what happened to it."""
        try:
            value = self.learner.atk_alive()
        except Exception as exc:  # noqa: BLE001
            return f"a neighbouring sandbox was hurt: {type(exc).__name__}: {exc}"
        return None if value == self.secret else f"a neighbouring sandbox's state changed: {value!r}"

    def close(self) -> None:
        self.session.close()


@contextlib.contextmanager
def _env(**values: str):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def cli(argv: list[str], **env: str) -> tuple[int, str, str]:
    """Run the grader's CLI in this process; returns (exit code, stdout, stderr)."""
    from grader.cli import main

    out, err = io.StringIO(), io.StringIO()
    handler = signal.getsignal(signal.SIGTERM)
    try:
        with _env(**env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        signal.signal(signal.SIGTERM, handler)
    return code, out.getvalue(), err.getvalue()


def attack_notebook(arena: Arena, cells: tuple[Any, ...], metadata: dict | None = None) -> bytes:
    return notebook_bytes(render_cells([PRELUDE, *cells], arena.placeholders()), metadata)


def next_submission_graded_normally(backend: str) -> None:
    r = grade(notebook(SOFTMAX_OK), tight_problem(), get_sandbox(backend), "next.ipynb")
    if r.status != "passed":
        raise AttackSucceeded(f"the next submission was not graded normally: {r.status} {r.error} "
                              f"{[c.message for c in r.checks if c.outcome != 'passed'][:2]}")


# ====================================================================== flows

def flow_grade(attack: Attack, backend: str, arena: Arena) -> Run:
    """Grade the hostile notebook (possibly several times in a row) with tightened limits."""
    problem = tight_problem(attack.limits)
    sandbox = get_sandbox(backend)
    nb = parse_notebook(attack_notebook(arena, attack.cells, attack.metadata))
    run = Run(backend, arena, problem)
    neighbour = Neighbour(backend, arena) if attack.neighbour else None
    if neighbour is not None:
        arena.reset_baseline()
    try:
        with Sampler(arena.token, tasks=attack.sample_tasks) as sampler:
            for _ in range(attack.runs):
                started = time.monotonic()
                try:
                    run.results.append(grade(nb, problem, sandbox, f"{attack.id}.ipynb"))
                except Exception as exc:  # noqa: BLE001 - the finding itself
                    run.crash = exc
                run.elapsed.append(time.monotonic() - started)
                if run.crash is not None:
                    break
        run.extra.update(max_tasks=sampler.max_tasks, max_rss_mb=sampler.max_rss_mb, start_rss_mb=sampler.start_rss_mb,
                         limit_s=problem.limits.total_s)
        if neighbour is not None and (hurt := neighbour.check()):
            run.findings.append(hurt)
    finally:
        if neighbour is not None:
            neighbour.close()
    run.outputs = outputs_of(run.results, arena.tmp / "out")
    return run


def _write_class(root: Path, students: dict[str, bytes], names: dict[str, str] | None = None) -> Path:
    for student, data in students.items():
        (root / student).mkdir(parents=True, exist_ok=True)
        name = (names or {}).get(student, "mle-act-softmax")
        (root / student / f"{name}.ipynb").write_bytes(data)
    return root


def run_batch(arena: Arena, backend: str, source: Path, jobs: int = 2, tasks: bool = False,
              extra: tuple[str, ...] = ()) -> tuple[int, str, str, Path, Sampler]:
    """`grader batch` on `source` with a tightened copy of the bank; worker PIDs are sampled for the census."""
    bank = arena.tmp / "bank"
    if not bank.exists():
        tight_bank(bank)
    out = arena.tmp / "out"
    with Sampler(arena.token, tasks=tasks, pids=True) as sampler:
        code, stdout, stderr = cli(["batch", str(source), "--out", str(out), "--jobs", str(jobs), "--sandbox", backend,
                                    *extra], GRADER_PROBLEMS=str(bank))
    arena.owners |= sampler.pids
    return code, stdout, stderr, out, sampler


def _rows(out: Path) -> dict[str, dict[str, Any]]:
    return {r["student"]: r for r in Store(out / "grader.db").batch_rows()} if (out / "grader.db").exists() else {}


def _batch_run(backend: str, arena: Arena, out: Path, stdout: str, stderr: str) -> Run:
    run = Run(backend, arena, tight_problem())
    rows = _rows(out)
    run.extra["rows"] = rows
    run.extra["limit_s"] = run.problem.limits.total_s
    run.elapsed = [r["duration_s"] for r in rows.values()]
    run.outputs = {**read_tree(out), "stdout": stdout, "stderr": stderr} if out.exists() else {"stdout": stdout, "stderr": stderr}
    return run


def flow_batch_starve(attack: Attack, backend: str, arena: Arena) -> Run:
    """C11: an attacker's CPU spinners run beside honest classmates graded at the same time."""
    ok = notebook_bytes([SOFTMAX_OK])
    root = _write_class(arena.tmp / "class", {"amallory": attack_notebook(arena, (SOFTMAX_OK, C11_MALLORY)),
                                              "bob": ok, "carol": ok})
    code, stdout, stderr, out, sampler = run_batch(arena, backend, root, jobs=2, tasks=True)
    run = _batch_run(backend, arena, out, stdout, stderr)
    rows = run.extra["rows"]
    assert code in (0, 1) and set(rows) == {"amallory", "bob", "carol"}, (code, stderr[-500:], list(rows))
    assert sampler.max_tasks > 0, "the spinners never ran"
    run.extra["max_tasks"] = sampler.max_tasks
    hurt = {s: (rows[s]["status"], rows[s]["error"]) for s in ("bob", "carol") if rows[s]["status"] != "passed"}
    if hurt:
        run.findings.append(f"classmates graded beside CPU spinners were not graded normally: {hurt}")
    run.extra["next_graded"] = True
    return run


def flow_batch_classmates(attack: Attack, backend: str, arena: Arena) -> Run:
    """D7: an attacker tries to kill, overwrite or reach classmates graded in the same batch."""
    ok = notebook_bytes([SOFTMAX_OK])
    root = _write_class(arena.tmp / "class", {"amallory": attack_notebook(arena, (SOFTMAX_OK, D7_MALLORY)),
                                              "alice": ok, "bob": ok, "carol": ok})
    before = tree_hash(root)
    code, stdout, stderr, out, _ = run_batch(arena, backend, root, jobs=2)
    run = _batch_run(backend, arena, out, stdout, stderr)
    rows = run.extra["rows"]
    assert code in (0, 1) and set(rows) == {"amallory", "alice", "bob", "carol"}, (code, stderr[-500:], list(rows))
    if tree_hash(root) != before:
        run.findings.append("a classmate's submission was changed")
    hurt = {s: (rows[s]["status"], rows[s]["error"]) for s in ("alice", "bob", "carol") if rows[s]["status"] != "passed"}
    if hurt:
        run.findings.append(f"classmates were not graded normally: {hurt}")
    run.extra["next_graded"] = True
    return run


def flow_zip_slip(attack: Attack, backend: str, arena: Arena) -> Run:
    """D9: hostile class archives are refused whole, nothing lands outside, then a clean one grades."""
    ok = notebook_bytes([SOFTMAX_OK])
    t = arena.token
    hostile = {
        "dotdot": ({"alice/mle-act-softmax.ipynb": ok, f"../../escape-{t}.ipynb": ok}, None),
        "absolute": ({"alice/mle-act-softmax.ipynb": ok, f"{arena.markers_dir}/abs-{t}.ipynb": ok}, None),
        "nested-dotdot": ({f"alice/../../../escape2-{t}.ipynb": ok}, None),
        "drive": ({f"C:/escape-{t}.ipynb": ok}, None),
        "backslash": ({f"..\\..\\escape3-{t}.ipynb": ok}, None),
        "symlink": ({"alice/mle-act-softmax.ipynb": ok}, {"bob/mle-act-softmax.ipynb": str(arena.secret_file)}),
        "dir-symlink": ({}, {"carol": str(arena.markers_dir)}),
        "bomb": ({"dave/mle-act-softmax.ipynb": b"\0" * (30 * 1024 * 1024)}, None),
    }
    run = Run(backend, arena, tight_problem())
    bank = arena.tmp / "bank"
    tight_bank(bank)
    for name, (entries, links) in hostile.items():
        archive = write_zip(arena.tmp / f"{name}.zip", entries, links)
        out = arena.tmp / f"out-{name}"
        started = time.monotonic()
        code, stdout, stderr = cli(["batch", str(archive), "--out", str(out), "--sandbox", backend],
                                   GRADER_PROBLEMS=str(bank))
        run.elapsed.append(time.monotonic() - started)
        run.outputs[f"{name}.stderr"] = stderr
        assert code == 2 and "refusing" in stderr or "larger than" in stderr, (name, code, stderr[-300:])
        assert not _rows(out), f"{name}: rows were recorded from a refused archive"
    escaped = [str(p) for p in Path("/tmp").glob(f"*{t}*")] + [str(p) for p in arena.tmp.parent.glob(f"*{t}*")]
    if escaped:
        run.findings.append(f"archive entries were written outside the extraction folder: {escaped}")
    clean = write_zip(arena.tmp / "clean.zip", {"class/alice/mle-act-softmax.ipynb": ok,
                                            "class/bob/mle-act-softmax.ipynb": notebook_bytes([SOFTMAX_WRONG])})
    code, stdout, stderr, out, _ = run_batch(arena, backend, clean)
    rows = _rows(out)
    assert code == 1 and rows["alice"]["status"] == "passed" and rows["bob"]["status"] == "failed", (code, stderr[-300:])
    run.outputs.update(read_tree(out))
    run.extra["next_graded"] = True
    return run


def flow_zip_dup(attack: Attack, backend: str, arena: Arena) -> Run:
    """D9 variant: duplicate or clashing archive entries are refused as bad input (exit 2), not an internal error."""
    import warnings

    ok = notebook_bytes([SOFTMAX_OK])
    run = Run(backend, arena, tight_problem())
    bank = arena.tmp / "bank"
    tight_bank(bank)
    for name, entries in {"duplicate": [("alice/mle-act-softmax.ipynb", ok), ("alice/mle-act-softmax.ipynb", b"{}")],
                          "file-dir-clash": [("alice", b"x"), ("alice/mle-act-softmax.ipynb", ok)]}.items():
        archive = arena.tmp / f"{name}.zip"
        with warnings.catch_warnings(), zipfile.ZipFile(archive, "w") as zf:
            warnings.simplefilter("ignore")
            for entry, data in entries:
                zf.writestr(entry, data)
        started = time.monotonic()
        code, stdout, stderr = cli(["batch", str(archive), "--out", str(arena.tmp / f"out-{name}"), "--sandbox", backend],
                                   GRADER_PROBLEMS=str(bank))
        run.elapsed.append(time.monotonic() - started)
        run.outputs[f"{name}.stderr"] = stderr
        if code != 2:
            run.findings.append(f"a {name} archive ended the batch with exit {code}: {stderr.strip()[-200:]}")
    return run


MALFORMED: dict[str, bytes] = {
    "empty": b"",
    "not-json": b"{not json",
    "nbformat-5": json.dumps({"cells": [], "metadata": {}, "nbformat": 5, "nbformat_minor": 99}).encode(),
    "no-cells": json.dumps({"metadata": {}, "nbformat": 4, "nbformat_minor": 5}).encode(),
    "cells-not-list": json.dumps({"cells": {"a": 1}, "metadata": {}, "nbformat": 4}).encode(),
    "cell-not-dict": json.dumps({"cells": [1, "x", None], "metadata": {}, "nbformat": 4}).encode(),
    "source-not-string": json.dumps({"cells": [{"cell_type": "code", "source": 42}], "metadata": {}, "nbformat": 4}).encode(),
    "deeply-nested": b"[" * 100_000 + b"]" * 100_000,
    "deep-in-metadata": b'{"nbformat": 4, "cells": [], "metadata": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
    "invalid-utf8": b'{"cells": [], "metadata": {}, "nbformat": 4, "x": "\xff\xfe"}',
    "huge-number": b'{"cells": [], "metadata": {}, "nbformat": 1e999999}',
    "json-array": b"[1, 2, 3]",
    "bash-kernel": json.dumps({"cells": [{"cell_type": "code", "source": "echo hi", "metadata": {}, "outputs": []}],
                               "metadata": {"kernelspec": {"name": "bash", "language": "bash"}}, "nbformat": 4}).encode(),
    "only-markdown": json.dumps({"cells": [{"cell_type": "markdown", "source": "def softmax(z): ..."}],
                                 "metadata": {}, "nbformat": 4}).encode(),
}


def flow_malformed(attack: Attack, backend: str, arena: Arena) -> Run:
    """D10: each malformed file ends as one 'invalid' row with a short, clear reason; nothing runs."""
    run = Run(backend, arena, tight_problem())
    bank = arena.tmp / "bank"
    tight_bank(bank)
    for name, data in MALFORMED.items():
        path = arena.tmp / f"{name}.ipynb"
        path.write_bytes(data)
        started = time.monotonic()
        code, stdout, stderr = cli(["submit", str(path), "--sandbox", backend, "--problem", "mle-act-softmax", "--json"],
                                   GRADER_PROBLEMS=str(bank))
        run.elapsed.append(time.monotonic() - started)
        assert code == 2, (name, code, stderr[-300:])
        [result] = json.loads(stdout)
        assert result["status"] == "invalid" and result["checks_passed"] == 0, (name, result)
        assert 0 < len(result["error"]["evalue"]) <= 300, (name, result["error"])
        run.outputs[f"{name}.json"] = stdout
        run.outputs[f"{name}.stderr"] = stderr
        assert run.elapsed[-1] < 20, f"{name}: reading a malformed notebook took {run.elapsed[-1]:.1f} s"
    attempts = list(Store(os.environ["GRADER_DB"]).attempts())
    assert len(attempts) == len(MALFORMED) and {a.status for a in attempts} == {"invalid"}
    return run


def flow_huge(attack: Attack, backend: str, arena: Arena) -> Run:
    """D11: a file over the size cap is refused before parsing; a large one has its outputs ignored."""
    run = Run(backend, arena, tight_problem())
    blob = "A" * (21 * 1024 * 1024)
    too_big = arena.tmp / "too-big.ipynb"
    too_big.write_bytes(notebook_bytes([SOFTMAX_WRONG, {"cell_type": "markdown", "source": blob, "metadata": {}}]))
    bank = arena.tmp / "bank"
    tight_bank(bank)
    started = time.monotonic()
    code, stdout, stderr = cli(["submit", str(too_big), "--sandbox", backend, "--problem", "mle-act-softmax", "--json"],
                               GRADER_PROBLEMS=str(bank))
    run.elapsed.append(time.monotonic() - started)
    [result] = json.loads(stdout)
    assert code == 2 and result["status"] == "invalid" and "larger than" in result["error"]["evalue"], result
    outputs = [{"output_type": "display_data", "metadata": {}, "data": {"image/png": "B" * (6 * 1024 * 1024),
                                                                          "text/html": "<script>alert(1)</script>"}}]
    large = notebook_bytes([
        {"cell_type": "markdown", "metadata": {}, "source": "![x](attachment:x.png)",
         "attachments": {"x.png": {"image/png": "C" * (6 * 1024 * 1024)}}},
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": outputs, "source": SOFTMAX_WRONG},
    ])
    assert 12 * 1024 * 1024 < len(large) < 20 * 1024 * 1024
    started = time.monotonic()
    r = grade(parse_notebook(large), run.problem, get_sandbox(backend), "large.ipynb")
    run.elapsed.append(time.monotonic() - started)
    run.results.append(r)
    assert r.status == "failed", (r.status, r.error)
    run.outputs.update(outputs_of(run.results, arena.tmp / "out"))
    return run


def flow_report_xss(attack: Attack, backend: str, arena: Arena) -> Run:
    """E7: HTML through exception types, messages and file names is inert in every HTML page written."""
    ok = notebook_bytes([SOFTMAX_OK])
    root = _write_class(arena.tmp / "class", {
        "alice": notebook_bytes([SOFTMAX_OK, E7_ALICE]), "bob": notebook_bytes([E7_BOB]), "carol": ok, "dave": ok},
        names={"carol": "<img src=x onerror=alert(1)>", "dave": "javascript:alert(1)"})
    code, stdout, stderr, out, _ = run_batch(arena, backend, root)
    run = _batch_run(backend, arena, out, stdout, stderr)
    rows = run.extra["rows"]
    assert code == 1 and set(rows) == {"alice", "bob", "carol", "dave"}, (code, stderr[-500:], list(rows))
    assert rows["alice"]["status"] == "error" and rows["bob"]["status"] == "failed", rows
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 5
    texts = "\n".join(p.read_text() for p in pages)
    assert "&lt;img src=x onerror=alert(1)&gt;" in texts and "&lt;script&gt;alert(1)&lt;/script&gt;" in texts, \
        "the payloads should appear, escaped"
    for page in pages:
        bad = html_problems(page.read_text())
        if bad:
            run.findings.append(f"{page.relative_to(out)} is not inert: {bad[:3]}")
    if CHROMIUM is not None:
        for page in [out / "report.html", *sorted((out / "feedback").glob("*/*.html"))[:3]]:
            dom, console = render(page)
            if console:
                run.findings.append(f"{page.relative_to(out)} logged to the console in a browser: {console[:3]}")
            if "<img" in dom or dom.count("<svg") > dom.count('<svg class="chart"') or "<iframe" in dom:
                run.findings.append(f"{page.relative_to(out)}: injected elements exist in the rendered DOM")
    run.extra["chromium"] = CHROMIUM is not None
    return run


def flow_report_names(attack: Attack, backend: str, arena: Arena) -> Run:
    """Variants of E7/D15: names the attacker controls (students' folders, files) reach the gradebook CSV and
    the instructor's terminal."""
    ok = notebook_bytes([SOFTMAX_OK])
    root = arena.tmp / "class"
    (root / "eve").mkdir(parents=True)
    students = ['=HYPERLINK("evil.example","open")', "+cmd|' calc'!A0", "@SUM(1+1)", "-2+3",
                "\x1b]0;owned\x07\x1b[2J\x1b]52;c;ZWNobyBwd25lZA==\x07"]
    for name in students:
        (root / name).mkdir()
        (root / name / "mle-act-softmax.ipynb").write_bytes(ok)
    (root / "eve" / "\x1b[31mnot-a-notebook\x1b[0m.txt").write_bytes(ok)
    (root / "eve" / "\x1b]0;owned\x07.ipynb").write_bytes(notebook_bytes(["x = 1"], problem=None))  # no problem
    code, stdout, stderr, out, _ = run_batch(arena, backend, root)
    run = _batch_run(backend, arena, out, stdout, stderr)
    assert code == 2 and len(run.extra["rows"]) == len(students), (code, stderr[-300:])  # eve's files: not graded
    run.extra["csv_cells"] = [cell for f in ("gradebook.csv", "students.csv")
                              for row in csv.reader(open(out / f, newline="")) for cell in row]
    return run


def flow_flood(attack: Attack, backend: str, arena: Arena) -> Run:
    """E8: resubmitting in a loop; each submission is graded on its own and recorded as one row."""
    bank = arena.tmp / "bank"
    tight_bank(bank)
    run = Run(backend, arena, tight_problem())
    paths = []
    for i, src in enumerate([SOFTMAX_WRONG, SOFTMAX_WRONG, SOFTMAX_OK]):
        p = arena.tmp / f"try{i}.ipynb"
        p.write_bytes(notebook_bytes([src]))
        paths.append(str(p))
    started = time.monotonic()
    code, stdout, stderr = cli(["submit", *paths, "--sandbox", backend, "--json"], GRADER_PROBLEMS=str(bank))
    run.elapsed.append(time.monotonic() - started)
    run.extra["limit_s"] = 3 * run.problem.limits.total_s
    results = json.loads(stdout)
    assert code == 1 and [r["status"] for r in results] == ["failed", "failed", "passed"], (code, stdout[-300:])
    code, hist, _ = cli(["history", "--json"])
    attempts = json.loads(hist)
    assert [a["status"] for a in attempts] == ["passed", "failed", "failed"]
    assert len({a["attempt_id"] for a in attempts}) == 3
    run.outputs = {"submit": stdout, "history": hist, "stderr": stderr}
    run.extra["next_graded"] = True  # the third submission, after two others, passed
    return run


_UNPRINTABLE = ("\x00", "\x1b", "\x07", "\u202e", "\ud800")


def _unclean(text: str) -> list[str]:
    return [repr(ch) for ch in _UNPRINTABLE if ch in text]


def flow_names(attack: Attack, backend: str, arena: Arena) -> Run:
    """E7 variant: hostile exception names and messages (escapes, 4 MiB, NUL) end as clean, capped rows, and
    neither `submit A B C` nor `batch` stops: every notebook gets its row, the honest one passes."""
    from tests.attacks.catalog_edges import E7_NAMES_CALL, E7_NAMES_CELL

    bank = arena.tmp / "bank"
    tight_bank(bank)
    notebooks = {"cell": attack_notebook(arena, (SOFTMAX_OK, E7_NAMES_CELL)), "call": attack_notebook(arena, (E7_NAMES_CALL,)),
                 "honest": notebook_bytes([SOFTMAX_OK])}
    run = Run(backend, arena, tight_problem())
    paths = []
    for name, data in notebooks.items():
        path = arena.tmp / f"{name}.ipynb"
        path.write_bytes(data)
        paths.append(str(path))
    started = time.monotonic()
    code, stdout, stderr = cli(["submit", *paths, "--sandbox", backend, "--problem", "mle-act-softmax", "--json"],
                               GRADER_PROBLEMS=str(bank))
    run.elapsed.append((time.monotonic() - started) / 3)
    run.outputs.update({"submit.json": stdout, "submit.stderr": stderr})
    if code != 1 or not stdout.strip():
        run.findings.append(f"submit of three notebooks ended with exit {code} and no results: {stderr.strip()[-300:]}")
        return run
    results = json.loads(stdout)
    run.results = [GradeResult.from_json(r) for r in results]
    statuses = [r["status"] for r in results]
    if statuses != ["error", "error", "passed"]:
        run.findings.append(f"submit statuses {statuses} (expected error, error, passed)")
    for r in results:
        err = r["error"] or {}
        texts = [str(err.get("ename", "")), str(err.get("evalue", ""))] + [c["message"] for c in r["checks"]]
        if any(len(t) > 300 for t in texts) or len(str(err.get("ename", ""))) > 100:
            run.findings.append(f"an uncapped name or message reached the result: {[len(t) for t in texts][:5]}")
        bad = _unclean("".join(texts))
        if bad:
            run.findings.append(f"control characters reached the result JSON: {bad}")
    if _unclean(stderr):
        run.findings.append(f"control characters reached the terminal: {_unclean(stderr)}")
    root = arena.tmp / "class"
    for student, data in notebooks.items():
        (root / student).mkdir(parents=True)
        (root / student / "mle-act-softmax.ipynb").write_bytes(data)
    code, stdout, stderr, out, _ = run_batch(arena, backend, root)
    rows = _rows(out)
    run.outputs.update({**read_tree(out), "batch.stdout": stdout, "batch.stderr": stderr})
    # exit 1: every notebook graded, not all passed (the two hostile ones are error rows), as for submit
    if code != 1 or set(rows) != set(notebooks) or rows.get("honest", {}).get("status") != "passed":
        run.findings.append(f"batch ended with exit {code}, rows {sorted(rows)}: {stderr.strip()[-300:]}")
    for student, row in rows.items():
        bad = _unclean(json.dumps(row["error"], ensure_ascii=False) + json.dumps(row["checks"], ensure_ascii=False))
        if bad:
            run.findings.append(f"control characters reached the store for {student}: {bad}")
    run.extra["next_graded"] = True
    return run


def flow_private(attack: Attack, backend: str, arena: Arena) -> Run:
    """A8 variant: while a kernel runs, another local user reaches neither its session directory, its key nor
    its sockets; the kernel runs as a user id that is no host account; the grader owns the socket directory."""
    import pwd
    import shutil
    import stat
    import subprocess
    import sys

    from tests.attacks.harness import token_tasks

    run = Run(backend, arena, tight_problem())
    run.extra["limit_s"] = run.problem.limits.total_s
    session = get_sandbox(backend).open(run.problem.limits)
    try:
        cells = render_cells([PRELUDE, "atk_name()\nimport time"], arena.placeholders())
        outcome = session.run_cells([(0, "\n".join(cells))], time.monotonic() + 20)
        assert outcome.state == "ok", outcome
        pids = {int(t.split("/")[0]) for t in token_tasks(arena.token) if "cmdline" not in t}
        assert pids, "the kernel process was not found on the host"
        uids = {int(Path(f"/proc/{p}/status").read_text().split("Uid:")[1].split()[0]) for p in pids}
        run.extra["kernel_uids"] = sorted(uids)
        for uid in uids:
            if uid == 0:
                run.findings.append("the kernel runs as root on the host")
            try:
                run.findings.append(f"the kernel runs as a host account: {pwd.getpwuid(uid).pw_name} ({uid})")
            except KeyError:
                pass
        dirs = session.dirs
        root, ipc, key = os.stat(dirs.root), os.stat(dirs.ipc), os.stat(dirs.ipc / "kernel.json")
        if root.st_uid != os.getuid() or stat.S_IMODE(root.st_mode) & 0o066:
            run.findings.append(f"the session directory is {oct(stat.S_IMODE(root.st_mode))} owned by {root.st_uid}")
        if ipc.st_uid != os.getuid() or ipc.st_uid in uids or stat.S_IMODE(ipc.st_mode) & 0o007:
            run.findings.append(f"the socket directory is {oct(stat.S_IMODE(ipc.st_mode))} owned by {ipc.st_uid}")
        if os.geteuid() == 0 and (stat.S_IMODE(key.st_mode) != 0o400 or key.st_uid not in uids):
            run.findings.append(f"kernel.json is {oct(stat.S_IMODE(key.st_mode))} owned by {key.st_uid}")
        if os.geteuid() == 0:  # another local user tries the directory, the key and every socket
            probe = ("import os, socket, sys\nreached = []\nroot = sys.argv[1]\n"
                     "for what, f in (('list', lambda: os.listdir(root)), ('key', lambda: open(root + '/ipc/kernel.json').read()),"
                     " ('ipc', lambda: os.listdir(root + '/ipc'))):\n"
                     "    try:\n        f(); reached.append(what)\n    except OSError:\n        pass\n"
                     "for port in range(1, 6):\n    s = socket.socket(socket.AF_UNIX)\n"
                     "    try:\n        s.connect(root + '/ipc/k-%d' % port); reached.append('socket %d' % port)\n"
                     "    except OSError:\n        pass\nprint(reached)")

            def nobody() -> None:
                os.setgroups([])
                os.setresgid(65534, 65534, 65534)
                os.setresuid(65534, 65534, 65534)

            python = shutil.which("python3", path="/usr/bin:/bin") or sys.executable  # one another user can run
            reached = subprocess.run([python, "-I", "-c", probe, str(dirs.root)], capture_output=True, text=True,
                                     preexec_fn=nobody, timeout=30).stdout.strip()
            run.extra["nobody_reached"] = reached
            if reached != "[]":
                run.findings.append(f"another local user reached the running kernel: {reached}")
    finally:
        session.close()
    return run


FLOWS: dict[str, Callable[[Attack, str, Arena], Run]] = {
    "grade": flow_grade, "batch_starve": flow_batch_starve, "batch_classmates": flow_batch_classmates,
    "zip_slip": flow_zip_slip, "malformed": flow_malformed, "huge": flow_huge, "report_xss": flow_report_xss,
    "report_names": flow_report_names, "flood": flow_flood, "zip_dup": flow_zip_dup, "names": flow_names,
    "private": flow_private,
}


# ====================================================================== the tests

def _assert_common(attack: Attack, run: Run, arena: Arena, needles: list[str]) -> None:
    if attack.settle_s:
        time.sleep(attack.settle_s)
    arena.check_leftovers()
    arena.check_markers()
    arena.check_network()
    if not run.extra.get("next_graded"):  # batch flows grade honest classmates beside and after the attacker
        next_submission_graded_normally(run.backend)
    if run.crash is not None:
        raise AttackSucceeded(f"grading raised {type(run.crash).__name__}: {str(run.crash)[:200]} "
                              "(no result row for the submission)")
    for r in run.results:
        if r.status not in attack.statuses:
            if r.status == "passed":
                raise AttackSucceeded(f"the hostile notebook passed ({r.checks_passed}/{r.checks_total})")
            raise AssertionError(f"status {r.status!r} not in {sorted(attack.statuses)}: {r.error}")
        if not attack.may_pass and r.checks_passed >= r.checks_total:
            raise AttackSucceeded(f"every check passed for a hostile notebook: {r.status}")
    limit = run.extra.get("limit_s", run.problem.limits.total_s if run.problem else 0)
    for t in run.elapsed:
        if t > limit + MARGIN_S:
            raise AttackSucceeded(f"grading took {t:.1f} s, beyond the {limit:g} s limit plus {MARGIN_S:g} s")
    check_outputs(run.outputs, needles, arena.secrets())
    if run.findings:
        raise AttackSucceeded("; ".join(run.findings))


@pytest.mark.parametrize("attack, backend", _params(ATTACKS + VARIANTS + EDGES + FORBIDDEN))
def test_attack(attack: Attack, backend: str, arena: Arena, needles: list[str]) -> None:
    arena.use_backend(backend)
    run = FLOWS[attack.flow](attack, backend, arena)
    _assert_common(attack, run, arena, needles)
    if attack.evidence is not None:
        attack.evidence(run)


def test_table_covers_the_whole_catalogue() -> None:
    """One entry per catalogue id, each with a check that can fail or a documented flow."""
    assert [a.id for a in ATTACKS] == CATALOGUE_IDS
    for a in ATTACKS + VARIANTS + EDGES + FORBIDDEN:
        assert a.flow in FLOWS, a.id
        assert a.flow != "grade" or a.cells, a.id
        assert a.statuses, a.id
        assert a.process, f"{a.id}: say how the NOT ISOLATED process fallback fares"
