"""Fixtures of the attack suite: the network trap, the per-test arena, leak needles, the bank guard."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.attacks.catalog import ATTACKS, VARIANTS
from tests.attacks.harness import PROBLEMS, Arena, NetTrap, leak_needles, tree_hash
from tests.conftest import SOFTMAX_OK, SOFTMAX_WRONG


@pytest.fixture(scope="session")
def trap() -> NetTrap:
    t = NetTrap()
    yield t
    t.close()


@pytest.fixture(scope="session")
def needles() -> list[str]:
    public = [SOFTMAX_OK, SOFTMAX_WRONG]
    for a in ATTACKS + VARIANTS:
        public += [c if isinstance(c, str) else str(c.get("source", "")) for c in a.cells]
    found = leak_needles(public)
    assert len(found) >= 10, found  # the hidden checks must have lines worth looking for
    return found


@pytest.fixture(scope="module", autouse=True)
def problems_untouched() -> None:
    """Nothing any attack did may change the problem bank (hidden checks, references, metadata)."""
    before = tree_hash(PROBLEMS)
    yield
    after = tree_hash(PROBLEMS)
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    assert not changed, f"the problem bank changed during the attack suite: {changed[:10]}"


@pytest.fixture
def arena(tmp_path: Path, trap: NetTrap, monkeypatch: pytest.MonkeyPatch) -> Arena:
    a = Arena(tmp_path, trap)
    monkeypatch.setenv("GRADER_ATTACK_SECRET", a.env_secret)  # a host secret the kernel must never see
    monkeypatch.setenv("GRADER_TEST_SECRET_TOKEN", a.env_secret)
    return a
