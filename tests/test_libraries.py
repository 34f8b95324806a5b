"""The restricted libraries and each problem's forbidden set (grader/libraries.py), and how the sandboxes
find and hide them (zygote.library_paths, stray_site_dirs, Template.masks, the stand-in package)."""
from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

from grader.errors import ProblemFormatError, SandboxUnavailable
from grader.libraries import (
    RESTRICTED,
    STAND_IN,
    direct_needs,
    forbidden_libraries,
    restricted_arg,
    run_time_needs,
    stand_in_for,
    static_only_libraries,
)
from grader.meta import parse_meta
from grader.problems import load_bank
from grader.sandbox.fork import Template, preload_for, zygote_args
from grader.sandbox.zygote import library_paths, stray_site_dirs

ALL = frozenset(RESTRICTED)


def test_the_four_import_sets_of_the_bank():
    assert forbidden_libraries(["numpy"]) == ALL
    assert forbidden_libraries(["numpy", "pandas"]) == ALL - {"pandas"}
    # scikit-learn needs SciPy at run time: SciPy cannot be hidden there, only refused in import lines
    assert forbidden_libraries(["numpy", "pandas", "sklearn"]) == ALL - {"pandas", "sklearn", "scipy"}
    assert static_only_libraries(["numpy", "pandas", "sklearn"]) == {"scipy"}
    assert forbidden_libraries(["numpy", "sklearn"]) == ALL - {"sklearn", "scipy"}
    assert static_only_libraries(["numpy", "sklearn"]) == {"scipy"}
    assert static_only_libraries(["numpy"]) == frozenset()


def test_dotted_and_unknown_allowed_imports():
    assert forbidden_libraries(["numpy", "sklearn.linear_model"]) == ALL - {"sklearn", "scipy"}
    assert forbidden_libraries(["numpy", "no_such_library_xyz"]) == ALL
    assert forbidden_libraries(["scipy"]) == ALL - {"scipy"}


def test_needs_follow_installed_metadata_transitively():
    lines = [canonicalize_name(r) for r in metadata.requires("scikit-learn") or []]
    needs = direct_needs("scikit-learn")
    assert {"numpy", "scipy"} <= needs
    assert all(any(line.startswith(n) for line in lines) for n in needs)  # each comes from a Requires-Dist line
    # markers are evaluated, extras left out (pytest's metadata has both)
    pytest_needs = direct_needs("pytest")
    assert {"iniconfig", "packaging", "pluggy"} <= pytest_needs
    assert not pytest_needs & {"colorama", "exceptiongroup", "tomli", "hypothesis", "numpy", "xmlschema"}
    assert {"scipy", "numpy"} <= run_time_needs(["scikit-learn"])
    assert "scikit-learn" not in run_time_needs(["pandas"]) and "scipy" not in run_time_needs(["pandas"])
    assert run_time_needs(["numpy"]) >= {"numpy"}
    assert direct_needs("no-such-distribution-xyz") == frozenset()


def test_the_table_names_the_installed_distributions_of_its_import_names():
    provided = metadata.packages_distributions()
    for name, dist in RESTRICTED.items():
        if name in provided:  # installed: the table's distribution is the one providing the import name
            assert canonicalize_name(dist) in {canonicalize_name(d) for d in provided[name]}, name
    assert {"pandas", "sklearn", "scipy"} <= set(provided)  # the sandbox environment holds these three


def test_every_bank_problem_carries_its_forbidden_set():
    bank = load_bank()
    sets = {}
    for problem in bank.values():
        assert problem.limits.forbidden == forbidden_libraries(problem.allowed_imports), problem.id
        sets[tuple(sorted(problem.allowed_imports))] = problem.limits.forbidden
    assert {"pandas", "sklearn", "scipy"} <= sets[("numpy",)]


def test_authors_cannot_set_the_forbidden_set_in_meta(tmp_path):
    raw = {"id": "mle-x", "title": "X", "track": "mle", "topic": "activations", "difficulty": "easy",
           "defines": ["f"], "provenance": "p", "limits": {"forbidden": ["pandas"]}}
    with pytest.raises(ProblemFormatError):
        parse_meta(raw, tmp_path / "meta.yaml")


def test_library_paths_cover_package_vendored_libs_and_metadata():
    found = library_paths({**RESTRICTED, "no_such_library_xyz": "no-such-library-xyz"})
    assert found["no_such_library_xyz"] == []
    for name in ("pandas", "sklearn", "scipy"):
        paths = found[name]
        assert any(os.path.basename(p) == name for p in paths), paths
        assert any(p.endswith(".dist-info") for p in paths), paths
        assert all(os.path.isdir(p) for p in paths)
    assert any(p.endswith("scipy.libs") for p in found["scipy"]) or not any(
        Path(p).with_name("scipy.libs").exists() for p in found["scipy"])


def test_stray_site_dirs_are_never_on_the_interpreters_path():
    stray = stray_site_dirs([sys.prefix, sys.base_prefix])
    on_path = [os.path.realpath(p) for p in sys.path if p]
    for d in stray:
        assert not any(p == d or p.startswith(d + "/") for p in on_path), d
    if os.path.realpath(sys.prefix) != os.path.realpath(sys.base_prefix):  # a venv: the base's site folder is stray
        base_sites = [p for p in Path(sys.base_prefix).glob("lib/python3*/site-packages")]
        assert all(os.path.realpath(p) in stray for p in base_sites)


def test_the_stand_in_package_raises_module_not_found(tmp_path):
    pkg = tmp_path / "pandas"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(STAND_IN.read_text())
    code = (f"import sys\nsys.path.insert(0, {str(tmp_path)!r})\ntry:\n    import pandas.core\n"
            "except ModuleNotFoundError as e:\n    print(type(e).__name__, e.name, e)\n")
    out = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.startswith("ModuleNotFoundError pandas No module named 'pandas'"), out
    assert stand_in_for("/x/site-packages/pandas", frozenset({"pandas"}))
    assert not stand_in_for("/x/site-packages/pandas-3.0.dist-info", frozenset({"pandas"}))
    assert not stand_in_for("/x/site-packages/scipy", frozenset({"pandas"}))


def test_templates_preload_only_what_the_set_allows():
    full = preload_for(frozenset())
    numpy_only = preload_for(forbidden_libraries(["numpy"]))
    assert any(m.startswith("sklearn") for m in full) and "pandas" in full
    assert "numpy" in numpy_only and not any(m.split(".")[0] in RESTRICTED for m in numpy_only)
    args = zygote_args(frozenset({"pandas"}))
    assert args[:4] == ["--libraries", restricted_arg(), "--forbid", "pandas"]
    assert restricted_arg().split(",") == sorted(f"{n}={d}" for n, d in RESTRICTED.items())


def _template(ready: dict) -> Template:
    t = Template(Path("/tmp"), lambda: True, lambda: "")
    t.ready = ready
    return t


def test_template_masks_hide_stray_sites_and_forbidden_libraries_only():
    ready = {"libraries": {"pandas": ["/s/pandas", "/s/pandas-3.dist-info"], "scipy": ["/s/scipy"]},
             "stray": ["/base/site-packages", "/base/site-packages/inner"], "modules": ["numpy", "os"]}
    t = _template(ready)
    assert t.masks(frozenset({"pandas"})) == ["/base/site-packages", "/s/pandas", "/s/pandas-3.dist-info"]
    assert t.masks(frozenset()) == ["/base/site-packages"]
    loaded = _template({**ready, "modules": ["numpy", "pandas"]})
    with pytest.raises(SandboxUnavailable, match="pandas"):
        loaded.masks(frozenset({"pandas"}))


def test_fork_mounts_put_the_stand_in_into_forbidden_package_folders(tmp_path):
    from grader.sandbox.fork import sandbox_mounts
    from grader.sandbox.launch import SessionDirs
    from grader.sandbox.limits import Limits

    dirs = SessionDirs(root=tmp_path, ipc=tmp_path / "ipc", req=tmp_path / "req", work=tmp_path, ipc_in="/grader/ipc",
                       req_in="/grader/req", work_in="/home/learner")
    layout = {"system": {}, "etc": [], "python_roots": ["/venv"], "python": "/venv/bin/python"}
    mounts = sandbox_mounts(dirs, Limits(forbidden=frozenset({"pandas"})), 5000, layout, str,
                            ["/venv/site/pandas", "/venv/site/pandas-3.dist-info"])
    kinds = [(m[0], m[2]) for m in mounts if m[2].startswith("/venv/site")]
    assert kinds == [("tmpfs", "/venv/site/pandas"), ("file", "/venv/site/pandas/__init__.py"),
                     ("dir", "/venv/site/pandas"), ("tmpfs", "/venv/site/pandas-3.dist-info")]
