"""The built wheel works anywhere: installed into a fresh venv outside the repository, it lists the bank,
grades a demo notebook, reports its sandboxes, keeps the hidden checks out of the sandbox, and says
which extra to install when one is missing."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grader.errors import GraderError
from grader.notebook import code_notebook
from grader.problems import load_bank
from grader.sandbox import get_sandbox
from tests.conftest import SOFTMAX_OK

REPO = Path(__file__).resolve().parents[1]


def _available(name: str) -> bool:
    try:
        get_sandbox(name)
    except GraderError:
        return False
    return True


def _run(argv: list[str], cwd: Path, env: dict[str, str], timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(grader executable, its site-packages, environment): the working tree's wheel in a fresh venv."""
    tmp = tmp_path_factory.mktemp("wheel")
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                           capture_output=True, check=True).stdout.decode().split("\0")
    src = tmp / "src"
    for name in filter(None, files):
        if (REPO / name).is_file():  # a file deleted but not yet staged is skipped
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, src / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRADER_", "VIRTUAL_ENV", "PYTHON"))}
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(src)], tmp, env)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp / "dist").glob("grader-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", f"{wheel}[docker]"], tmp, env)
    assert pip.returncode == 0, pip.stderr[-2000:]
    where = "import grader, pathlib; print(pathlib.Path(grader.__file__).parent)"
    site = Path(_run([str(venv / "bin" / "python"), "-c", where], tmp, env).stdout.strip())
    assert site.is_relative_to(venv) and not site.is_relative_to(REPO)
    run_dir = tmp / "cwd"
    run_dir.mkdir()
    env["GRADER_DB"] = str(tmp / "grader.db")
    return venv / "bin" / "grader", site, env


pytestmark = pytest.mark.slow


def test_the_wheel_carries_the_whole_bank(installed):
    grader, site, env = installed
    shipped = {str(p.relative_to(REPO / "problems")) for p in (REPO / "problems").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    inside = {str(p.relative_to(site / "data" / "problems")) for p in (site / "data" / "problems").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert shipped == inside
    assert (site / "data" / "sandbox" / "Dockerfile").is_file() and (site / "templates" / "page.html").is_file()
    assert (site / "similarity" / "tokens.py").is_file()
    assert (site / "templates" / "similarity" / "problem.html").is_file()
    got = _run([str(grader), "list", "--json"], site.parent.parent, env)
    assert got.returncode == 0, got.stderr
    assert {p["id"] for p in json.loads(got.stdout)} == set(load_bank())
    quiz = _run([str(grader), "quiz", "validate", "--json"], site.parent.parent, env)
    assert quiz.returncode == 0 and json.loads(quiz.stdout)["ok"], quiz.stderr[-500:]


def test_sandbox_status_and_the_demo_notebooks(installed, tmp_path):
    grader, _, env = installed
    status = _run([str(grader), "sandbox", "status", "--json"], tmp_path, env)
    assert status.returncode == 0, status.stderr
    assert {r["name"] for r in json.loads(status.stdout)} == {"docker", "docker-fork", "bwrap", "fork", "process"}
    for name in ("01-passes.ipynb", "02-fails-a-check.ipynb"):
        shutil.copy(REPO / "examples" / name, tmp_path / name)
    good = _run([str(grader), "submit", "01-passes.ipynb", "--json"], tmp_path, env)
    assert good.returncode == 0, good.stderr[-1000:]
    assert json.loads(good.stdout)[0]["status"] == "passed"
    bad = _run([str(grader), "submit", "02-fails-a-check.ipynb", "--json"], tmp_path, env)
    assert bad.returncode == 1 and json.loads(bad.stdout)[0]["status"] == "failed", bad.stderr[-1000:]


@pytest.mark.parametrize("backend", ["bwrap", "fork"])
def test_the_installed_checks_are_out_of_the_sandboxs_sight(installed, tmp_path, backend):
    if not _available(backend):
        pytest.skip(f"the {backend} sandbox does not work here")
    grader, site, env = installed
    hidden = site / "data" / "problems" / "mle" / "mle-act-softmax" / "tests" / "test_hidden.py"
    assert hidden.is_file()
    probe = (f"import os\nassert not os.path.exists({str(hidden)!r}), 'hidden checks visible'\n"
             f"assert os.listdir({str(site)!r}) == [], 'grader package visible'\n")
    nb = tmp_path / "mle-act-softmax.ipynb"
    nb.write_bytes(code_notebook([probe, SOFTMAX_OK], "mle-act-softmax"))
    got = _run([str(grader), "submit", str(nb), "--sandbox", backend, "--json"], tmp_path, env)
    result = json.loads(got.stdout)[0]
    assert got.returncode == 0 and result["status"] == "passed", (result["error"], got.stderr[-500:])


def test_overrides_and_a_missing_extra(installed, tmp_path):
    grader, _, env = installed
    bank = tmp_path / "bank" / "mle"
    shutil.copytree(REPO / "problems" / "mle" / "mle-act-softmax", bank / "mle-act-softmax")
    got = _run([str(grader), "list", "--json"], tmp_path, {**env, "GRADER_PROBLEMS": str(tmp_path / "bank")})
    assert [p["id"] for p in json.loads(got.stdout)] == ["mle-act-softmax"]
    dask = _run([str(grader), "worker", "check", "--cluster", "local:1"], tmp_path, env, timeout=120)
    assert dask.returncode == 3 and dask.stderr.count("\n") == 1, dask.stderr
    assert "pip install 'grader[dask]'" in dask.stderr
