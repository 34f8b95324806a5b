"""Author commands: `grader validate` (prove problems) and `grader sandbox status|build`."""
from __future__ import annotations

import os
import time
from pathlib import Path

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
@json_option
@pass_app
def validate(app: App, ids: tuple[str, ...], all_problems: bool, jobs: int, sandbox: str) -> int:
    """Prove problems: the reference passes, the starter and every mutant fail, within the limits."""
    from grader.authoring import starter_problems
    from grader.problems import get_problem, load_bank
    from grader.sandbox import get_sandbox
    from grader.validate import cases_for, description_problems, run_cases

    if all_problems or not ids:
        problems = sorted(load_bank().values(), key=lambda p: p.id)
    else:
        problems = [get_problem(i) for i in ids]
    chosen = get_sandbox(sandbox, bulk=True)
    jobs = jobs or os.cpu_count() or 1
    app.say(f"validating {len(problems)} problem{'s' if len(problems) != 1 else ''} in the {chosen.label} sandbox, "
            f"{jobs} at a time")
    notes = [m for p in problems for m in description_problems(p) + starter_problems(p)]
    for m in notes:
        app.say(f"BAD  {m}")
    cases = [c for p in problems for c in cases_for(p)]
    started = time.monotonic()
    results = []
    for res in run_cases(cases, chosen.name, jobs):
        results.append(res)
        mark = "ok " if res.ok else "BAD"
        app.say(f"{mark}  {res.case.problem:<26} {res.case.kind:<11} {Path(res.case.path).name:<28} "
                f"{res.status:<7} {res.checks_passed}/{res.checks_total}  {res.duration_s:.2f}s"
                + ("" if res.ok and "graded twice" not in res.detail else f"  {res.detail}"))
    elapsed = time.monotonic() - started
    bad = [r for r in results if not r.ok]
    app.say(f"{len(results) - len(bad)}/{len(results)} notebooks as expected over {len(problems)} problems "
            f"in {elapsed:.1f}s ({elapsed / max(1, len(problems)):.2f}s per problem)")
    app.emit({"ok": not bad and not notes, "duration_s": round(elapsed, 2), "problems": len(problems),
              "cases": [r.to_json() for r in results], "description_errors": notes})
    return ExitCode.OK if not bad and not notes else ExitCode.NOT_PASSED


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
