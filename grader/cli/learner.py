"""Learner commands: list, show, start, submit, history."""
from __future__ import annotations

import time
from pathlib import Path

import click

from grader.cli.base import App, db_option, json_option, pass_app, sandbox_option, track_option
from grader.errors import ExitCode, UsageError
from grader.vocab import StarterMode, Status


@click.command("list")
@track_option(required=False, help_text="Only this track: ds or mle.")
@click.option("--topic", metavar="TOPIC", help="Only this topic (as 'grader list' shows it).")
@json_option
@pass_app
def list_problems(app: App, track: str | None, topic: str | None) -> int:
    """List the problem bank."""
    from grader.problems import load_bank

    problems = sorted((p for p in load_bank().values()
                       if (not track or p.track == track) and (not topic or p.topic == topic)),
                      key=lambda p: (p.track, p.topic, p.id))
    app.emit([p.summary() for p in problems])
    if app.json:
        return ExitCode.OK
    if not problems:
        app.say("no problems match")
        return ExitCode.OK
    width = max(len(p.id) for p in problems)
    for p in problems:
        app.say(f"{p.id:<{width}}  {p.track:<3}  {p.difficulty}  {p.topic:<22}  {p.title}")
    app.say(f"\n{len(problems)} problem{'s' if len(problems) != 1 else ''}")
    return ExitCode.OK


@click.command()
@click.argument("problem_id", metavar="ID")
@click.option("--hints", is_flag=True, help="Also print the hints (refused while an open exam has drawn the problem).")
@db_option
@pass_app
def show(app: App, problem_id: str, hints: bool) -> int:
    """Show the task of one problem (--hints: and its hints)."""
    from grader.exam_sitting import open_exam
    from grader.problems import get_problem
    from grader.statement import HINTS_HEADING, read

    p = get_problem(problem_id)
    stmt = read(p.statement_path)
    exam = open_exam(app.existing_store(), p.id) if hints else None
    if exam is not None:
        raise UsageError(f"no hints for {p.id} while exam {exam['id']} is open (it drew this problem); "
                         f"they can be shown once the exam is over ('grader exam close {exam.get('dir') or 'DIR'}', "
                         "or its time limit)")
    app.say(f"{p.id}  ({p.track}, {p.topic}, difficulty {p.difficulty})\n")
    app.say(stmt.task)
    if hints:
        app.say(f"\n{HINTS_HEADING}\n\n{stmt.hints or '(this problem has no hints)'}")
    return ExitCode.OK


@click.command()
@click.argument("problem_id", metavar="ID")
@click.option("--dir", "directory", default="work", show_default=True, type=click.Path(path_type=Path),
              help="Folder to write ID.ipynb into.")
@click.option("--force", is_flag=True, help="Replace an existing notebook.")
@db_option
@pass_app
def start(app: App, problem_id: str, directory: Path, force: bool) -> int:
    """Write the starter notebook of a problem (its metadata names the problem)."""
    from grader.exam_sitting import open_exam
    from grader.problems import get_problem

    p = get_problem(problem_id)
    target = directory / f"{p.id}.ipynb"
    if target.exists() and not force:
        raise UsageError(f"{target} already exists; keep working in it, or pass --force to replace it")
    exam = open_exam(app.existing_store(), p.id)
    if exam is not None:
        from grader.authoring import build_starter, notebook_bytes

        data = notebook_bytes(build_starter(p, StarterMode.EXAM))
        app.note(f"note: {p.id} is in your open exam {exam['id']}: this starter has no hints")
    else:
        data = p.starter_path.read_bytes()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    app.say(f"wrote {target}: open it in Jupyter, then run 'grader submit {target}'")
    return ExitCode.OK


@click.command()
@click.argument("notebooks", metavar="NOTEBOOK...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--problem", metavar="ID", help="The problem id (default: the notebook's metadata, else its file name).")
@sandbox_option
@json_option
@db_option
@pass_app
def submit(app: App, notebooks: tuple[Path, ...], problem: str | None, sandbox: str) -> int:
    """Grade notebooks and record the attempts."""
    from grader.exam_sitting import refuse_practice
    from grader.sandbox import get_sandbox
    from grader.submit import EarlySession, Entry, grade_files, peek_problem

    store = app.existing_store()
    if store is not None and store.open_exams():
        for path in notebooks:  # practice on an open exam's problem would show its checks before the exam's attempt
            found = peek_problem(path, problem)
            if found is not None:
                refuse_practice(store, found.id)
    chosen = get_sandbox(sandbox, bulk=len(notebooks) >= 3)
    if not chosen.isolated:
        app.say(f"warning: the {chosen.name} sandbox is NOT ISOLATED: the notebook can reach the network "
                "and read your files")
    # One notebook: its sandbox boots while the grader imports the checks machinery below.
    early = EarlySession(notebooks[0], problem, chosen) if len(notebooks) == 1 else None
    try:
        from grader.report import format_result, results_table, storage_note

        results = []
        for result in grade_files([Entry(path, problem) for path in notebooks], chosen, app.store(), early):
            results.append(result)
            app.say(format_result(result, chosen.label))
            if (note := storage_note(result)) is not None:
                app.note(note)
    finally:
        if early is not None:
            early.close()
    if len(results) > 1:
        app.say("\n" + results_table(results))
    app.emit([r.to_json() for r in results])
    if any("unsaved" in r.extra and not r.extra["journal"] for r in results):
        return ExitCode.INTERNAL
    if any(r.status == Status.INVALID for r in results):
        return ExitCode.USAGE
    return ExitCode.OK if all(r.status == Status.PASSED for r in results) else ExitCode.NOT_PASSED


@click.command()
@click.option("--problem", metavar="ID", help="Only attempts at this problem.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many attempts, newest first.")
@json_option
@db_option
@pass_app
def history(app: App, problem: str | None, limit: int | None) -> int:
    """Past attempts, newest first."""
    attempts = list(app.store().attempts(problem=problem, limit=limit))
    app.emit([a.to_json() for a in attempts])
    if app.json:
        return ExitCode.OK
    if not attempts:
        app.say("no attempts recorded yet" + (f" for {problem}" if problem else ""))
    for a in attempts:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(a.finished_at))
        app.say(f"#{a.id:<5} {when}  {a.problem:<26} {a.status:<8} {a.checks_passed:>3}/{a.checks_total:<3} "
                f"{a.duration_s:6.1f}s  {a.sandbox}{'' if a.isolated else ' (NOT ISOLATED)'}  {a.notebook}")
    return ExitCode.OK


COMMANDS = (list_problems, show, start, submit, history)
