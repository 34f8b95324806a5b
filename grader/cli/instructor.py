"""Instructor commands: `grader batch` (grade a class) and `grader worker check` (Dask workers)."""
from __future__ import annotations

from pathlib import Path

import click

from grader.cli.base import App, allow_unisolated_option, jobs_option, json_option, pass_app, sandbox_option
from grader.errors import ExitCode
from grader.vocab import EXAM_PASS, EXAM_SIZE

CLUSTER_HELP = "tcp://HOST:PORT of a Dask scheduler, or local:N to start N local workers"


@click.command()
@click.argument("submissions", metavar="SUBMISSIONS", type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="Folder for the gradebook, report, feedback and the batch's store.")
@jobs_option
@sandbox_option
@click.option("--regrade", is_flag=True, help="Grade again what is already graded.")
@click.option("--student", "students", multiple=True, metavar="S", help="Only this student (repeatable).")
@allow_unisolated_option
@click.option("--pass", "pass_mark", type=click.IntRange(min=1), default=EXAM_PASS, show_default=True,
              help="Problems a student must solve to be ready.")
@click.option("--size", type=click.IntRange(min=1), default=EXAM_SIZE, show_default=True,
              help="Problems in a readiness exam (for the report).")
@click.option("--cluster", metavar="ADDRESS", help=f"Grade on a Dask cluster: {CLUSTER_HELP}.")
@json_option
@pass_app
def batch(app: App, submissions: Path, out: Path, jobs: int, sandbox: str, regrade: bool, students: tuple[str, ...],
          allow_unisolated: bool, pass_mark: int, size: int, cluster: str | None) -> int:
    """Grade a class: SUBMISSIONS/<student>/<problem-id>.ipynb, a flat folder of
    <student>__<problem-id>.ipynb, or a zip of either. Rerunning grades only what is left."""
    from grader.batch_run import BatchOptions, run_batch
    from grader.cli.progress import progress_for

    opts = BatchOptions(submissions=submissions, out=out, jobs=jobs, sandbox=sandbox, regrade=regrade,
                        students=students, allow_unisolated=allow_unisolated, pass_mark=pass_mark, size=size,
                        cluster=cluster)
    report = run_batch(opts, progress_for(app), notify=app.say)
    ready = sum(s["ready"] for s in report.students)
    app.say(f"wrote {out}/gradebook.csv, students.csv, report.html, feedback/ and gradescope/ "
            f"({report.rows} rows, {ready}/{len(report.students)} students ready)")
    app.emit(report.to_json())
    if report.outcome.failed_to_grade:
        app.note(f"grader: error: {report.outcome.failed_to_grade} notebooks could not be graded (first: "
                 f"{report.outcome.first_failure[:200]}); rerun the same command to retry them")
        return ExitCode.INTERNAL
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


COMMANDS = (batch, worker)
