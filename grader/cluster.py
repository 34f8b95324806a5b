"""Batch grading on the workers of a Dask cluster (`grader batch --cluster`, `grader worker check`).

The coordinator (the `grader batch` process) reads each notebook and sends it to a worker as data:
its bytes, the student, the problem id and the coordinator's version hash of that problem. A worker
grades it in its own isolating sandbox against its own problem bank (hidden checks stay on the
trusted side of that sandbox, as everywhere) and sends back the result as plain data; only the
coordinator writes the store and the outputs, so the gradebook is the one local grading writes.

Which workers may grade is decided once, before the batch, from a probe run on every worker
(`worker_report`). A worker is refused when it runs another grader version, problem bank or kernel
packages, when the sandbox asked for does not work there, when that sandbox is `process` (not
isolated) without --allow-unisolated, or, for docker, when its image is not the coordinator's.

The coordinator's image is what `image.local_identity()` finds here: the id (`sha256:...`) of its
locally built image when it has one, since an id names the exact bytes and survives
`docker save | docker load` onto the workers; otherwise the content-hash tag
(`grader-sandbox:<hash>`), which a worker matches when it built the same inputs. A coordinator
without a Docker daemon has no image to compare with, so docker workers are then refused.

A notebook is recorded once however workers come and go: each submission becomes one task with its
own key, a lost worker's tasks are re-run elsewhere by Dask itself, and the coordinator records a
key the first time it completes and then releases it (the store also keeps one row per pair).
"""
from __future__ import annotations

import logging
import os
import platform
import re
import socket
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from grader.batch import BatchOutcome, Submission, grade_loaded, settle
from grader.errors import GraderError, UsageError
from grader.extras import require
from grader.grading import GradeResult
from grader.vocab import AUTO, BULK_ORDER, SandboxName

if TYPE_CHECKING:
    from distributed import Client

CONNECT_TIMEOUT_S = 5.0
LIVENESS_S = 5.0
_TCP = re.compile(r"^tcp://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$")
_LOCAL = re.compile(r"^local:(\d{1,3})$")
# the isolating part of auto's bulk order
_AUTO_CANDIDATES: tuple[str, ...] = tuple(s for s in BULK_ORDER if s != SandboxName.PROCESS)


class ClusterUnreachable(UsageError):
    """No Dask scheduler answers at the address given."""


class WorkerMismatch(GraderError):
    """A worker's problem bank is not the coordinator's: it must not grade (the notebook stays not graded)."""


def parse_spec(spec: str) -> tuple[str, str | int]:
    """`("tcp", address)` or `("local", n_workers)`; a UsageError naming both forms otherwise."""
    if (m := _TCP.match(spec)) and 0 < int(m.group(2)) < 65536:
        return "tcp", spec
    if (m := _LOCAL.match(spec)) and 1 <= int(m.group(1)) <= 256:
        return "local", int(m.group(1))
    raise UsageError(f"--cluster {spec!r}: expected tcp://HOST:PORT (a running Dask scheduler) or local:N "
                     "(N local workers, 1 to 256)")


@contextmanager
def connect(spec: str, timeout_s: float = CONNECT_TIMEOUT_S) -> Iterator[Client]:
    """A Dask client for `spec` (see `parse_spec`), closed on exit with any cluster it started."""
    kind, value = parse_spec(spec)
    require("distributed", "grading on a Dask cluster")
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if kind == "local":
            assert isinstance(value, int)
            cluster = LocalCluster(n_workers=value, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, worker_dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster, timeout=timeout_s * 4)
        else:
            client = Client(str(value), timeout=timeout_s)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterUnreachable(f"cannot reach the Dask scheduler at {spec}: {str(exc)[:200]}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ------------------------------------------------------------------ on each worker

def environment() -> dict[str, str]:
    """What must be equal on coordinator and workers for results to be equal: grader, bank, kernel packages."""
    from grader import __version__
    from grader.problems import bank_fingerprint
    from grader.sandbox.image import requirements

    try:
        bank = bank_fingerprint()
    except GraderError as exc:
        bank = f"unreadable ({str(exc)[:160]})"
    return {"grader": __version__, "bank": bank,
            "kernel": f"python=={'.'.join(platform.python_version_tuple()[:2])}\n{requirements()}"}


def worker_report() -> dict[str, Any]:
    """This host's identity for `check_workers`: sandboxes that work here, docker image, environment."""
    from grader.sandbox import all_sandboxes
    from grader.sandbox.image import local_identity

    sandboxes = [{"name": sb.name, "isolated": sb.isolated, "reason": sb.unavailable_reason()}
                 for sb in all_sandboxes()]
    tag, image_id = local_identity()
    return {"host": socket.gethostname(), "pid": os.getpid(), **environment(), "sandboxes": sandboxes,
            "image": {"tag": tag, "id": image_id}}


def grade_bytes(student: str, problem_id: str, problem_version: str, notebook: bytes | str,
                sandbox_name: str, name: str | None = None) -> dict[str, Any]:
    """Grade one notebook sent as data (bytes, or the coordinator's one-line reason it is unreadable).

    Runs on a worker, against the worker's own bank; a problem whose version differs from the
    coordinator's raises WorkerMismatch (not graded, never a verdict). Returns `GradeResult.to_record()`.
    """
    from grader.notebook import InvalidNotebook, Notebook, parse_notebook
    from grader.problems import load_bank

    problem = load_bank().get(problem_id)
    if problem is not None and problem.version != problem_version:
        raise WorkerMismatch(f"worker {socket.gethostname()} has version {problem.version} of {problem_id}, "
                             f"the coordinator {problem_version or 'none'}: install the same problem bank there")

    def load() -> Notebook:
        if isinstance(notebook, str):
            raise InvalidNotebook(notebook)
        return parse_notebook(notebook)

    return grade_loaded(student, problem_id, load, sandbox_name, name).to_record()


# ------------------------------------------------------------------ which workers may grade

@dataclass(frozen=True)
class WorkerStatus:
    """One worker as `worker check` shows it: eligible when `sandbox` is set, else refused for `reason`."""

    address: str
    host: str
    sandboxes: dict[str, str | None]  # name -> why it does not work there (None: it works)
    image: str
    image_match: bool | None  # None: no image on one side to compare
    sandbox: str = ""
    isolated: bool = True
    reason: str = ""

    @property
    def eligible(self) -> bool:
        return bool(self.sandbox)

    @property
    def label(self) -> str:
        return self.sandbox if self.isolated else f"{self.sandbox} (NOT ISOLATED)"

    def to_json(self) -> dict[str, Any]:
        return {"address": self.address, "host": self.host, "sandboxes": self.sandboxes, "image": self.image,
                "image_match": self.image_match, "eligible": self.eligible, "sandbox": self.sandbox or None,
                "isolated": self.isolated, "reason": self.reason or None}


def _environment_refusal(report: dict[str, Any], reference: dict[str, str]) -> str | None:
    if report.get("grader") != reference["grader"]:
        return f"it runs grader {report.get('grader')}, the coordinator {reference['grader']}: install the same version"
    if report.get("bank") != reference["bank"]:
        return (f"its problem bank differs from the coordinator's (fingerprint {report.get('bank')} vs "
                f"{reference['bank']}): install the same problems there")
    if report.get("kernel") != reference["kernel"]:
        theirs, ours = set(str(report.get("kernel")).splitlines()), set(reference["kernel"].splitlines())
        diff = ", ".join(sorted(theirs - ours)[:3]) or "missing packages"
        return f"its Python or kernel packages differ from the coordinator's ({diff}): install the same versions"
    return None


def _sandbox_refusal(report: dict[str, Any], name: str, expected_image: str | None,
                     allow_unisolated: bool) -> str | None:
    found = {s["name"]: s for s in report["sandboxes"]}
    if name not in found:
        return f"it has no {name} sandbox"
    if not found[name]["isolated"] and not allow_unisolated:
        return f"the {name} sandbox is NOT ISOLATED; pass --allow-unisolated to grade without isolation"
    if found[name]["reason"] is not None:
        return f"the {name} sandbox does not work there: {found[name]['reason']}"
    if name.startswith("docker"):
        if expected_image is None:
            return ("the coordinator has no sandbox image to compare with: run 'grader sandbox build' on the "
                    "coordinator, or choose --sandbox bwrap")
        if expected_image not in (report["image"]["tag"], report["image"]["id"]):
            return (f"its sandbox image {report['image']['id'] or report['image']['tag']} is not the coordinator's "
                    f"{expected_image}: load the coordinator's image there (docker save | docker load)")
    return None


def assess(reports: dict[str, dict[str, Any] | BaseException], sandbox_name: str, expected_image: str | None,
           reference: dict[str, str], allow_unisolated: bool = False) -> list[WorkerStatus]:
    """Each worker's eligibility from its report. With `auto`, all eligible workers share one sandbox:
    the isolating one (in `auto`'s order for many notebooks) that the most workers can use."""
    usable = {a: r for a, r in reports.items() if isinstance(r, dict)}
    env_refusal = {a: _environment_refusal(r, reference) for a, r in usable.items()}
    if sandbox_name == AUTO:
        candidates: tuple[str, ...] = _AUTO_CANDIDATES + ((SandboxName.PROCESS,) if allow_unisolated else ())

        def count(name: str) -> int:
            return sum(env_refusal[a] is None and _sandbox_refusal(r, name, expected_image, allow_unisolated) is None
                       for a, r in usable.items())
        chosen = max(candidates, key=lambda n: (count(n), -candidates.index(n)))
        nothing_works = count(chosen) == 0
    else:
        chosen, nothing_works, candidates = sandbox_name, False, (sandbox_name,)
    statuses = []
    for address in sorted(reports):
        report = reports[address]
        if not isinstance(report, dict):
            statuses.append(WorkerStatus(address, "?", {}, "", None, reason=(
                f"the probe failed there ({type(report).__name__}: {str(report)[:160]}): "
                "is grader installed on that host?")))
            continue
        reason = env_refusal[address]
        if reason is None and nothing_works:
            reason = "no usable sandbox there: " + "; ".join(
                f"{n}: {_sandbox_refusal(report, n, expected_image, allow_unisolated)}" for n in candidates)
        elif reason is None:
            reason = _sandbox_refusal(report, chosen, expected_image, allow_unisolated)
            if reason is not None and sandbox_name == AUTO:
                reason = f"auto chose {chosen}, which most workers can use, and {reason}"
        ids = report["image"]
        image = ids["id"] or ids["tag"] or ""
        match = None if expected_image is None or not image else expected_image in (ids["id"], ids["tag"])
        isolated = next((s["isolated"] for s in report["sandboxes"] if s["name"] == chosen), True)
        statuses.append(WorkerStatus(address, report["host"], {s["name"]: s["reason"] for s in report["sandboxes"]},
                                     image, match, "" if reason else chosen, isolated, reason or ""))
    return statuses


def expected_image() -> str | None:
    """The coordinator's sandbox image: its built image id, else its content-hash tag, else None."""
    from grader.sandbox.image import local_identity

    tag, image_id = local_identity()
    return image_id or tag


def check_workers(client: Client, sandbox_name: str, expected: str | None,
                  allow_unisolated: bool = False) -> list[WorkerStatus]:
    """Probe every worker of `client`'s cluster and say which may grade, in which sandbox, or why not."""
    from grader.sandbox import BACKENDS

    if sandbox_name not in (AUTO, *BACKENDS):
        raise UsageError(f"unknown sandbox {sandbox_name!r}: choose one of auto, {', '.join(BACKENDS)}")
    reports = client.run(worker_report, on_error="return")
    if not reports:
        raise GraderError("the Dask cluster has no workers: start some with 'dask worker ADDRESS --nthreads 1'")
    return assess(reports, sandbox_name, expected, environment(), allow_unisolated)


def eligible(statuses: list[WorkerStatus]) -> list[WorkerStatus]:
    """The workers that may grade (all in one sandbox); a GraderError when there are none."""
    chosen = [s for s in statuses if s.eligible]
    if not chosen:
        first = statuses[0].reason if statuses else "no workers"
        raise GraderError(f"no Dask worker may grade: {len(statuses)} refused (first: {first[:240]}); "
                          "see 'grader worker check --cluster ADDRESS'")
    return chosen


# ------------------------------------------------------------------ the batch

def _payload(sub: Submission) -> bytes | str:
    from grader.notebook import InvalidNotebook, read_notebook_bytes

    try:
        return read_notebook_bytes(sub.path)
    except InvalidNotebook as exc:
        return str(exc)


def _live(client: Client, workers: list[str]) -> list[str]:
    return [w for w in workers if w in client.scheduler_info(n_workers=-1)["workers"]]


def _result_of(fut: Any) -> GradeResult:
    return GradeResult.from_json(fut.result())


def run_on_cluster(client: Client, subs: list[Submission], sandbox_name: str, workers: list[str],
                   record: Callable[[Submission, GradeResult], None], on_failure: Callable[[Submission, str], None],
                   window: int | None = None) -> BatchOutcome:
    """Grade `subs` on `workers` (eligible addresses) in `sandbox_name`, calling `record` once per submission
    as results arrive; same outcome as `batch.run`. At most `window` notebooks (default: two per worker
    thread) are in flight, so the coordinator's memory stays flat however large the class."""
    from distributed import wait

    from grader.problems import load_bank

    outcome = BatchOutcome()
    if not subs:
        return outcome
    bank = load_bank()
    info = client.scheduler_info(n_workers=-1)["workers"]
    window = window or 2 * sum(info.get(w, {}).get("nthreads", 1) for w in workers)
    run_id = uuid.uuid4().hex[:12]
    queue = iter(enumerate(subs))
    pending: dict[Any, Submission] = {}
    recorded: set[str] = set()
    try:
        while True:
            while len(pending) < window and (item := next(queue, None)) is not None:
                index, sub = item
                version = bank[sub.problem].version if sub.problem in bank else ""
                fut = client.submit(grade_bytes, sub.student, sub.problem, version, _payload(sub), sandbox_name,
                                    sub.source or None, key=f"grade-{run_id}-{index}", workers=workers,
                                    allow_other_workers=False, pure=False)
                pending[fut] = sub
            if not pending:
                return outcome
            try:
                done = wait(list(pending), timeout=LIVENESS_S, return_when="FIRST_COMPLETED").done
            except TimeoutError:
                if not _live(client, workers):
                    raise GraderError(f"no eligible Dask worker remains ({len(workers)} lost); "
                                      "rerun the same command to grade the rest") from None
                continue
            for fut in done:
                sub = pending.pop(fut)
                if fut.key not in recorded:
                    recorded.add(fut.key)
                    settle(outcome, sub, partial(_result_of, fut), record, on_failure)
                fut.release()
    except BaseException:
        client.cancel(list(pending))
        raise
