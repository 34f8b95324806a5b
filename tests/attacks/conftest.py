"""Fixtures of the attack suite: the network trap, the per-test arena, leak needles, the bank guard."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.attacks.catalog import ATTACKS, VARIANTS
from tests.attacks.catalog_edges import EDGES
from tests.attacks.harness import PROBLEMS, Arena, HostTrap, NetTrap, leak_needles, tree_hash
from tests.conftest import SOFTMAX_OK, SOFTMAX_WRONG


@pytest.fixture(scope="session")
def trap() -> NetTrap:
    t = NetTrap()
    yield t
    t.close()


@pytest.fixture(scope="session")
def host_trap(tmp_path_factory: pytest.TempPathFactory) -> HostTrap:
    t = HostTrap(tmp_path_factory.mktemp("host-trap"))
    yield t
    t.close()


@pytest.fixture(scope="session")
def needles() -> list[str]:
    public = [SOFTMAX_OK, SOFTMAX_WRONG]
    for a in ATTACKS + VARIANTS + EDGES:
        public += [c if isinstance(c, str) else str(c.get("source", "")) for c in a.cells]
    found = leak_needles(public)
    assert len(found) >= 10, found  # the hidden checks must have lines worth looking for
    return found


@pytest.fixture(scope="module", autouse=True)
def problems_untouched() -> None:
    """Nothing any attack did may change the problem bank: the attacked problem's folder is unchanged and no
    file an attack writes (conftest.py, a token-named marker) appeared anywhere in the bank. Other problems are
    not compared, because authors may edit the bank while the suite runs."""
    attacked = PROBLEMS / "mle" / "mle-act-softmax"
    before = tree_hash(attacked)
    yield
    after = tree_hash(attacked)
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    assert not changed, f"the attacked problem's files changed during the attack suite: {changed[:10]}"
    planted = [str(p) for p in PROBLEMS.rglob("*") if p.name == "conftest.py" or p.name.startswith("atk")]
    assert not planted, f"files planted in the problem bank: {planted[:10]}"


@pytest.fixture
def arena(tmp_path: Path, trap: NetTrap, host_trap: HostTrap, monkeypatch: pytest.MonkeyPatch) -> Arena:
    a = Arena(tmp_path, trap, host=host_trap)
    monkeypatch.setenv("GRADER_ATTACK_SECRET", a.env_secret)  # a host secret the kernel must never see
    monkeypatch.setenv("GRADER_TEST_SECRET_TOKEN", a.env_secret)
    return a
