"""`make grade`: the demo submissions in examples/ go to a throwaway database (and it says so); the learner's own
notebooks in work/ go to the learner's database. Run on a copy of the Makefile with a stand-in `grader`."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FAKE_GRADER = """#!/bin/sh
# records how make called it: the arguments, the learner's GRADER_DB, whether --db's folder exists now
echo "args: $*" >> "$LOG"
echo "env-db: $GRADER_DB" >> "$LOG"
prev=""
for a in "$@"; do
  if [ "$prev" = "--db" ]; then [ -d "$(dirname "$a")" ] && echo "db-dir-exists: $(dirname "$a")" >> "$LOG"; fi
  prev="$a"
done
exit 1
"""

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _checkout(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = tmp_path / "repo"
    (repo / "examples").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", repo / "Makefile")
    shutil.copy(ROOT / "examples" / "01-passes.ipynb", repo / "examples" / "01-passes.ipynb")
    (repo / "pyproject.toml").write_text("")
    stamp = repo / "stamp"
    stamp.write_text("")  # newer than pyproject.toml: make skips the virtual environment set-up
    os.utime(repo / "pyproject.toml", (0, 0))
    fake = tmp_path / "bin"
    fake.mkdir()
    for name, body in (("grader", FAKE_GRADER), ("bwrap", "#!/bin/sh\nexit 0\n")):
        (fake / name).write_text(body)
        (fake / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}", "LOG": str(tmp_path / "calls.log"),
           "GRADER_DB": str(tmp_path / "learner.db")}
    return repo, env


def _make_grade(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    fake_bin = Path(env["PATH"].split(":")[0])
    return subprocess.run(["make", "-s", "grade", f"BIN={fake_bin}", f"STAMP={repo / 'stamp'}"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def test_the_demo_is_graded_into_a_throwaway_database(tmp_path):
    repo, env = _checkout(tmp_path)
    proc = _make_grade(repo, env)
    log = (tmp_path / "calls.log").read_text()
    assert proc.returncode == 0, proc.stderr  # graded but not passed (1) is not a make failure
    assert "throwaway database" in proc.stdout and "your own record is not touched" in proc.stdout
    args = next(line for line in log.splitlines() if line.startswith("args: "))
    assert args.startswith("args: submit --db ") and args.endswith("examples/01-passes.ipynb")
    db = args.split()[3]
    assert db != env["GRADER_DB"] and "db-dir-exists" in log  # a fresh folder while grading...
    assert not Path(db).parent.exists()  # ...removed afterwards
    assert not Path(env["GRADER_DB"]).exists()


def test_the_learners_notebooks_go_to_the_learners_database(tmp_path):
    repo, env = _checkout(tmp_path)
    (repo / "work").mkdir()
    shutil.copy(ROOT / "examples" / "01-passes.ipynb", repo / "work" / "mle-act-softmax.ipynb")
    proc = _make_grade(repo, env)
    log = (tmp_path / "calls.log").read_text()
    assert proc.returncode == 0 and "throwaway" not in proc.stdout
    assert "args: submit work/mle-act-softmax.ipynb" in log and "--db" not in log
    assert f"env-db: {env['GRADER_DB']}" in log
