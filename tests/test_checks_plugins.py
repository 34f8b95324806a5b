"""Hidden checks run with pytest's plugin autoloading off: an installed pytest plugin never runs beside them."""
from __future__ import annotations

import importlib.metadata
import sys

import pytest

from grader import checks

PLUGIN = "grader_probe_plugin"


@pytest.fixture
def installed_plugin(tmp_path, monkeypatch):
    """A pytest plugin installed the way pip installs one: a distribution with a pytest11 entry point."""
    dist = tmp_path / "grader_probe-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: grader-probe\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[pytest11]\nprobe = {PLUGIN}\n")
    (tmp_path / f"{PLUGIN}.py").write_text("LOADED = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, PLUGIN, raising=False)
    yield tmp_path
    sys.modules.pop(PLUGIN, None)


def test_pytest_itself_would_load_the_plugin(installed_plugin):
    assert any(ep.value == PLUGIN for ep in importlib.metadata.entry_points(group="pytest11"))
    empty = installed_plugin / "test_empty.py"
    empty.write_text("def test_nothing():\n    pass\n")
    pytest.main([str(empty), "--collect-only", "-q", "-p", "no:cacheprovider", "-p", "no:terminal"])
    assert PLUGIN in sys.modules  # so the next test can fail


def test_the_hidden_checks_do_not_load_it(installed_plugin, softmax_problem, monkeypatch):
    monkeypatch.setattr(checks, "_collected", {})
    assert checks.list_checks(softmax_problem)
    assert PLUGIN not in sys.modules
