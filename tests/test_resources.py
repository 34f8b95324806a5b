"""Shipped data found through importlib.resources, what a sandbox must not see, and the package list."""
from __future__ import annotations

import tomllib
from pathlib import Path

import grader
from grader import resources
from grader.problems import bank_root
from grader.quiz.bank import questions_root
from grader.sandbox.zygote import python_roots

REPO = Path(__file__).resolve().parents[1]


def test_the_data_packages_are_the_repository_folders_in_a_checkout():
    assert resources.problems_dir() == REPO / "problems" and resources.questions_dir() == REPO / "questions"
    assert (resources.sandbox_dir() / "Dockerfile").is_file()


def test_the_environment_overrides_still_win(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADER_PROBLEMS", str(tmp_path / "p"))
    monkeypatch.setenv("GRADER_QUESTIONS", str(tmp_path / "q"))
    assert bank_root() == tmp_path / "p" and questions_root() == tmp_path / "q"


def test_an_installed_grader_is_masked_in_a_sandbox_that_binds_its_environment(tmp_path, monkeypatch):
    package = Path(grader.__file__).parent
    assert resources.sandbox_masks(python_roots()) == []  # a checkout: the venv holds no grader files
    # As installed from a wheel: the package (holding the bank) lies inside a bound root.
    assert resources.sandbox_masks([str(package.parent)]) == sorted(
        str(p) for p in (package, bank_root().resolve(), questions_root().resolve()))
    monkeypatch.setenv("GRADER_PROBLEMS", str(package / "data" / "problems"))  # nested inside the package
    assert str(package) in resources.sandbox_masks([str(package.parent)])
    assert all(not m.startswith(str(package) + "/") for m in resources.sandbox_masks([str(package.parent)]))
    assert resources.sandbox_masks([str(tmp_path)]) == []


def test_every_package_and_data_folder_is_in_the_wheel_list():
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {".".join(p.relative_to(REPO).parent.parts) for p in (REPO / "grader").rglob("__init__.py")}
    assert found <= listed
    mapped = config["package-dir"]
    assert {k: v for k, v in mapped.items()} == {"grader.data.problems": "problems",
                                                 "grader.data.questions": "questions",
                                                 "grader.data.sandbox": "sandbox"}
    assert set(mapped) <= listed
