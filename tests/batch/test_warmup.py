"""A batch worker's warm-up starts one sandbox template per set of forbidden libraries among the batch's
problems (issue 17), so no notebook's time includes a template start."""
from __future__ import annotations

from grader import batch
from grader.libraries import forbidden_libraries
from grader.sandbox.fake import FakeSandbox
from grader.sandbox.limits import Limits


def test_a_worker_warms_one_template_per_import_set(monkeypatch):
    warmed: list[frozenset[str] | None] = []

    class Warming(FakeSandbox):
        def warm_up(self, limits: Limits | None = None) -> None:
            warmed.append(limits.forbidden if limits is not None else None)

    monkeypatch.setattr("grader.sandbox.get_sandbox", lambda name: Warming())
    batch._warm_up("fake", ("mle-act-softmax", "mle-loss-bce-logits", "ds-skl-group-cv", "mle-tree-gbm", "nope"))
    assert warmed == [forbidden_libraries(["numpy"]), forbidden_libraries(["numpy", "pandas", "sklearn"]),
                      forbidden_libraries(["numpy", "sklearn"])]
    warmed.clear()
    batch._warm_up("fake", ("nope",))
    assert warmed == [None]
