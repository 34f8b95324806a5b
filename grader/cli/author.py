"""Author commands: `grader validate` (prove problems) and `grader sandbox status|build`."""
from __future__ import annotations

import os

import click

from grader.cli.base import App, jobs_option, json_option, pass_app, sandbox_option, track_option
from grader.errors import ExitCode, UsageError
from grader.vocab import Difficulty

DIFFICULTY_CHOICES = tuple(d.value for d in Difficulty)


@click.command()
@click.argument("ids", metavar="[ID]...", nargs=-1)
@click.option("--all", "all_problems", is_flag=True, help="Every problem of the bank (also the default without IDs).")
@jobs_option
@sandbox_option
@click.option("--mutate", is_flag=True, help="Also grade generated mutants of each solution and write mutation.json.")
@click.option("--sample", type=click.IntRange(min=0), default=0, metavar="N",
              help="Mutate only N random problems with rules, writing nothing (the CI gate).")
@click.option("--seed", type=int, help="The seed of --sample (printed by every sampled run).")
@click.option("--require-rules", is_flag=True, help="Every problem must list rules and have a current mutation record.")
@json_option
@pass_app
def validate(app: App, ids: tuple[str, ...], all_problems: bool, jobs: int, sandbox: str, mutate: bool, sample: int,
             seed: int | None, require_rules: bool) -> int:
    """Prove problems: rules covered, the reference passes, the starter and every mutant fail, within the limits."""
    from grader.problems import get_problem, load_bank
    from grader.validate import GENERATED, CaseResult, Options
    from grader.validate import validate as run_validation

    if all_problems or not ids:
        problems = sorted(load_bank().values(), key=lambda p: p.id)
    else:
        problems = [get_problem(i) for i in ids]
    jobs = jobs or os.cpu_count() or 1
    options = Options(sandbox=sandbox, jobs=jobs, mutate=mutate or bool(sample), sample=sample, seed=seed,
                      require_rules=require_rules)
    app.say(f"validating {len(problems)} problem{'s' if len(problems) != 1 else ''}, {jobs} notebooks at a time")

    def show(res: CaseResult) -> None:
        if res.case.kind == GENERATED:
            return  # generated mutants are counted in the table, which lists the survivors
        mark = "ok " if res.ok else "BAD"
        rule = f" breaks {res.case.breaks}" if res.case.breaks else ""
        app.say(f"{mark}  {res.case.problem:<26} {res.case.kind:<11} {res.case.label[:40]:<40} {res.status:<7} "
                f"{res.checks_passed}/{res.checks_total}  {res.duration_s:.2f}s{rule}"
                + ("" if res.ok and "graded twice" not in res.detail else f"  {res.detail}"))

    report = run_validation(problems, options, show)
    for m in report.errors:
        app.say(f"BAD  {m}")
    for m in report.notes[:5]:
        app.say(f"note {m}")
    if len(report.notes) > 5:
        app.say(f"note ... and {len(report.notes) - 5} more problems without rules")
    if report.mutation:
        if report.seed is not None:
            app.say(f"mutation re-run for a random sample (--seed {report.seed} repeats it)")
        app.say(f"{'problem':<28} {'generated':>9} {'stillborn':>9} {'killed':>6} {'equivalent':>10} {'survived':>8} "
                f"{'score':>7}")
        for row in report.mutation:
            app.say(f"{row['problem']:<28} {row['generated']:>9} {row['stillborn']:>9} {row['killed']:>6} "
                    f"{row['equivalent']:>10} {row['survived']:>8} {row['score']:>7.1%}")
            for sv in row["survivors"]:
                if not sv["equivalent"]:
                    app.say(f"     survivor {sv['id']}: {sv['change']}")
    graded = [r for r in report.cases if r.case.kind != GENERATED]
    app.say(f"{len(graded) - len(report.bad_cases)}/{len(graded)} notebooks as expected over {len(problems)} problems "
            f"in {report.duration_s:.1f}s ({report.duration_s / max(1, len(problems)):.2f}s per problem, "
            f"{report.sandbox} sandbox)")
    app.emit(report.to_json())
    return ExitCode.OK if report.ok else ExitCode.NOT_PASSED


@click.group()
def sandbox() -> None:
    """The sandboxes: which work here, and the Docker image."""


@sandbox.command("status")
@json_option
@pass_app
def sandbox_status(app: App) -> int:
    """Which sandboxes work here, and why not; which one auto picks."""
    from grader.sandbox import all_sandboxes

    rows = []
    for sb in all_sandboxes():
        reason = sb.unavailable_reason()
        rows.append({"name": sb.name, "isolated": sb.isolated, "available": reason is None, "reason": reason})
    app.emit(rows)
    if not app.json:
        for r in rows:
            state = "works" if r["available"] else "unavailable"
            label = "" if r["isolated"] else " (NOT ISOLATED: no network cut, host files readable)"
            app.say(f"{r['name']:<8} {state}{label}" + (f": {r['reason']}" if r["reason"] else ""))
        works = {r["name"] for r in rows if r["available"]}
        one = next((sb.name for sb in all_sandboxes() if sb.name in works), None)
        many = next((sb.name for sb in all_sandboxes(bulk=True) if sb.name in works), None)
        app.say(f"\n--sandbox auto uses: {one} for one notebook, {many} for batch, validate, exams and 3+ notebooks")
    return ExitCode.OK if any(r["available"] for r in rows) else ExitCode.INTERNAL


@sandbox.command("build")
@click.option("--force", is_flag=True, help="Rebuild even when an identical image exists.")
@pass_app
def sandbox_build(app: App, force: bool) -> int:
    """Build the Docker sandbox image offline (skipped when it is up to date)."""
    from grader.sandbox import image

    tag, image_id = image.build(say=app.note, force=force)
    app.say(f"{tag} {image_id}")
    return ExitCode.OK


@click.group()
def problem() -> None:
    """Authoring: new problems and their starters."""


@problem.command("new")
@click.argument("problem_id", metavar="ID")
@track_option(required=True, help_text="The track the problem belongs to: ds or mle.")
@click.option("--topic", required=True, help="A topic of the track's exam blueprint (e.g. 'bootstrapping').")
@click.option("--title", help="The problem's title (default: from the id).")
@click.option("--difficulty", type=click.Choice(DIFFICULTY_CHOICES), default=Difficulty.MEDIUM.value,
              show_default=True, help="E, M or H.")
@click.option("--function", "function", help="The graded function's name (default: the id's words after the track).")
@pass_app
def problem_new(app: App, problem_id: str, track: str, topic: str, title: str | None, difficulty: str,
                function: str | None) -> int:
    """Create a problem folder ID (<track>-<words>, e.g. ds-ab-my-test) from a template that validates."""
    from grader.problems import bank_root
    from grader.scaffold import new_problem

    p = new_problem(bank_root(), problem_id, track, topic, title=title, difficulty=difficulty, name=function)
    app.say(f"created {p.path}: replace the placeholder in problem.md, skeleton.py, example.py, solution.py, "
            f"mutants/ and tests/, then run 'grader problem starter {p.id}' and 'grader validate {p.id}'")
    return ExitCode.OK


@problem.command("starter")
@click.argument("ids", metavar="[ID]...", nargs=-1)
@click.option("--all", "all_problems", is_flag=True, help="Every problem of the bank.")
@json_option
@pass_app
def problem_starter(app: App, ids: tuple[str, ...], all_problems: bool) -> int:
    """Rebuild starter.ipynb from problem.md, skeleton.py and example.py."""
    from grader.authoring import rebuild_starters
    from grader.problems import get_problem, load_bank

    if all_problems == bool(ids):
        raise UsageError("name problem ids or pass --all (not both)")
    problems = sorted(load_bank().values(), key=lambda p: p.id) if all_problems else [get_problem(i) for i in ids]
    rows = []
    for r in rebuild_starters(problems):
        rows.append(r)
        app.say(f"BAD  {r.error}" if r.error else f"{'wrote' if r.changed else 'unchanged'}  {r.path}")
    if len(rows) > 1:
        app.say(f"{sum(r.changed for r in rows)} starters rewritten, {sum(r.error is not None for r in rows)} failed, "
                f"{len(rows)} problems")
    app.emit([r.to_json() for r in rows])
    return ExitCode.NOT_PASSED if any(r.error for r in rows) else ExitCode.OK


COMMANDS = (validate, problem, sandbox)
