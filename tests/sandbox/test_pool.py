"""docker-fork's pool of template containers (fork.pooled_template): templates for other import sets or
budgets are kept while free, up to POOL_KEEP per kind, so a class that alternates between problems does not
restart a container at every switch."""
from __future__ import annotations

from pathlib import Path

from grader.sandbox import fork
from grader.sandbox.fork import POOL_KEEP, Template, pooled_template, release_template


class _Fake(Template):
    def __init__(self, tag: str):
        super().__init__(Path("/tmp"), lambda: not self.closed, lambda: "")
        self.tag, self.closed = tag, False

    def close(self) -> None:
        self.closed = True


def _take(tag: str) -> _Fake:
    got = pooled_template("test-pool", lambda t: t.tag == tag, lambda: _Fake(tag))  # type: ignore[attr-defined]
    assert isinstance(got, _Fake)
    return got


def test_free_templates_of_other_sets_are_kept_then_the_oldest_closed(monkeypatch):
    monkeypatch.setattr(fork, "_templates", {})
    a = _take("numpy")
    release_template(a)
    b = _take("numpy,sklearn")
    release_template(b)
    assert _take("numpy") is a and not a.closed  # kept while b was in use, reused
    release_template(a)
    made = [a, b]
    for i in range(POOL_KEEP):
        t = _take(f"set{i}")
        release_template(t)
        made.append(t)
    assert len(fork._templates) == POOL_KEEP
    assert [t.closed for t in made[:2]] == [True, True]  # the oldest went first
    assert not any(t.closed for t in made[-POOL_KEEP:])


def test_a_template_in_use_is_never_closed_or_shared(monkeypatch):
    monkeypatch.setattr(fork, "_templates", {})
    held = [_take("numpy") for _ in range(POOL_KEEP + 1)]
    assert len({id(t) for t in held}) == POOL_KEEP + 1 and not any(t.closed for t in held)
    dead = held[0]
    release_template(dead)
    dead.closed = True  # died while free: removed, a fresh one made
    fresh = _take("numpy")
    assert fresh is not dead and dead not in fork._templates.values()
