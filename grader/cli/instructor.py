"""Instructor commands: `grader batch` (grade a class), `grader similarity` (which code looks copied) and
`grader worker check` (Dask workers)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from grader.cli.base import App, allow_unisolated_option, jobs_option, json_option, pass_app, sandbox_option
from grader.errors import ExitCode
from grader.vocab import EXAM_PASS, EXAM_SIZE, SIMILARITY_THRESHOLD, Status

if TYPE_CHECKING:
    from grader.batch_run import BatchReport

CLUSTER_HELP = "tcp://HOST:PORT of a Dask scheduler, or local:N to start N local workers"


@click.command()
@click.argument("submissions", metavar="SUBMISSIONS", type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="Folder for the gradebook, report, feedback and the batch's store.")
@jobs_option
@sandbox_option
@click.option("--regrade", is_flag=True, help="Grade again what is already graded and unchanged.")
@click.option("--student", "students", multiple=True, metavar="S", help="Only this student (repeatable).")
@allow_unisolated_option
@click.option("--allow-skipped", is_flag=True,
              help="Files that are not graded (listed with their reason) do not make the exit code 2.")
@click.option("--pass", "pass_mark", type=click.IntRange(min=1), default=EXAM_PASS, show_default=True,
              help="Problems a student must solve to be ready, when the class sat an exam of --size problems.")
@click.option("--size", type=click.IntRange(min=1), default=EXAM_SIZE, show_default=True,
              help="Problems per student in an exam; readiness is reported only when every student has that many.")
@click.option("--cluster", metavar="ADDRESS", help=f"Grade on a Dask cluster: {CLUSTER_HELP}.")
@click.option("--no-similarity", is_flag=True, help="Leave out the similarity report (which code looks copied).")
@json_option
@pass_app
def batch(app: App, submissions: Path, out: Path, jobs: int, sandbox: str, regrade: bool, students: tuple[str, ...],
          allow_unisolated: bool, allow_skipped: bool, pass_mark: int, size: int, cluster: str | None,
          no_similarity: bool) -> int:
    """Grade a class: SUBMISSIONS/<student>/<problem-id>.ipynb, a flat folder of
    <student>__<problem-id>.ipynb, or a zip of either. A rerun grades what is new or changed.

    Exit 0 when every notebook passed, 1 when some did not, 2 when a file was not graded (unless
    --allow-skipped) or a notebook is invalid, 3 when the grader could not grade or store something."""
    from grader.batch_run import BatchOptions, run_batch
    from grader.cli.progress import progress_for

    opts = BatchOptions(submissions=submissions, out=out, jobs=jobs, sandbox=sandbox, regrade=regrade,
                        students=students, allow_unisolated=allow_unisolated, pass_mark=pass_mark, size=size,
                        cluster=cluster, allow_skipped=allow_skipped, similarity=not no_similarity)
    report = run_batch(opts, progress_for(app), notify=app.say)
    _summarize(app, report)
    app.emit(report.to_json())
    return report.exit_code()


def _summarize(app: App, report: BatchReport) -> None:
    """The closing lines: what was written, the class in one line, and why the exit code is not 0."""
    n = len(report.statuses)
    passed = sum(s == Status.PASSED for s in report.statuses)
    scores = [s["score"] for s in report.students]
    ready = [s["ready"] for s in report.students if s["ready"] is not None]
    tail = f", {sum(ready)}/{len(ready)} students ready" if ready else ""
    mean = f", mean score {sum(scores) / len(scores):.0%}" if scores else ""
    app.say(f"wrote {report.out}/gradebook.csv, students.csv, report.html, feedback/ and gradescope/ "
            f"({n} notebooks of {len(report.students)} students: {passed} passed{mean}{tail})")
    if report.outcome.warmups:
        w = report.outcome.warmups
        app.say(f"sandbox warm-up: {sum(w) / len(w):.1f} s per worker ({len(w)} worker{'s' if len(w) != 1 else ''}), "
                "not counted in the notebooks' times")
    if report.outcome.failed_to_grade:
        app.note(f"grader: error: {report.outcome.failed_to_grade} notebooks could not be graded (first: "
                 f"{report.outcome.first_failure[:200]}); rerun the same command to retry them")
    if report.saving.lost:
        app.note(f"grader: error: {len(report.saving.lost)} results could neither be stored nor kept in a journal "
                 "(printed above): grade them again once the disk or database is writable")
    if report.saving.kept:
        app.note(f"warning: {report.saving.kept} results are not in the database yet: kept in "
                 f"{', '.join(map(str, sorted(report.saving.kept_in)))}, which the next run imports")
    skips = report.counted_skips
    if skips and not report.allow_skipped:
        app.note(f"grader: {len(skips)} file{'s were' if len(skips) != 1 else ' was'} not graded (listed above and in "
                 "report.html); fix them and rerun, or pass --allow-skipped to accept this")
    invalid = sum(s == Status.INVALID for s in report.statuses)
    if invalid:
        app.note(f"grader: {invalid} notebook{'s are' if invalid != 1 else ' is'} invalid (not gradable): "
                 "see report.html and their feedback pages")


@click.command()
@click.argument("submissions", metavar="SUBMISSIONS", type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="Folder for similarity.html, similarity.csv and similarity/.")
@click.option("--threshold", type=float, default=SIMILARITY_THRESHOLD, show_default=True,
              help="List pairs where at least this share of one student's own code is in the other's.")
@click.option("--jobs", type=click.IntRange(min=0), default=0,
              help="Problems compared at once (default: one per core).")
@json_option
@pass_app
def similarity(app: App, submissions: Path, out: Path, threshold: float, jobs: int) -> int:
    """Which submissions in a class look copied: per problem, pairs and clusters, the shared code side by
    side. SUBMISSIONS is laid out as for batch. Evidence to look at, not a verdict."""
    from grader import similarity as sim

    result = sim.report_class(submissions, out, threshold, app.say, jobs)
    for warning in result.skipped:
        app.note(f"warning: {warning}")
    for p in result.problems:
        for line in p.not_compared:
            app.note(f"warning: {p.problem}: {line}, not compared")
    app.say(f"{result.flagged} pairs at or above {threshold:.0%} over {len(result.problems)} problems; wrote "
            f"{out}/similarity.html, similarity.csv and similarity/ (evidence to look at, not a verdict)")
    app.emit(sim.to_json(result))
    return ExitCode.OK


@click.group()
def worker() -> None:
    """Dask workers for 'grader batch --cluster'."""


@worker.command("check")
@click.option("--cluster", metavar="ADDRESS", required=True, help=f"The cluster: {CLUSTER_HELP}.")
@sandbox_option
@allow_unisolated_option
@json_option
@pass_app
def worker_check(app: App, cluster: str, sandbox: str, allow_unisolated: bool) -> int:
    """Which workers may grade: their sandboxes, image and problem bank (exit 3 when none may)."""
    from grader import cluster as dask_cluster

    with dask_cluster.connect(cluster) as client:
        statuses = dask_cluster.check_workers(client, sandbox, dask_cluster.expected_image(), allow_unisolated)
    app.emit([s.to_json() for s in statuses])
    if not app.json:
        works = {st.address: " ".join(f"{n}:{'yes' if r is None else 'no'}" for n, r in st.sandboxes.items()) or "-"
                 for st in statuses}
        width = max([len("SANDBOXES"), *map(len, works.values())])
        app.say(f"{'WORKER':<24} {'HOST':<20} {'SANDBOXES':<{width}} {'DOCKER IMAGE':<14} MAY GRADE")
        for st in statuses:
            image = {True: "matches", False: "differs", None: "n/a"}[st.image_match]
            verdict = f"eligible ({st.sandbox})" if st.eligible else f"REFUSED: {st.reason}"
            app.say(f"{st.address:<24} {st.host[:20]:<20} {works[st.address]:<{width}} {image:<14} {verdict}")
        ok = [s for s in statuses if s.eligible]
        app.say(f"\n{len(ok)}/{len(statuses)} workers eligible"
                + (f", grading in the {ok[0].sandbox} sandbox" if ok else ""))
    return ExitCode.OK if any(s.eligible for s in statuses) else ExitCode.INTERNAL


COMMANDS = (batch, similarity, worker)
