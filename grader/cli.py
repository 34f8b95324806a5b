"""The command line: the only module that prints and exits (see shared CLI.md for the contract)."""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Sequence

from grader import __version__
from grader.errors import GraderError, UsageError
from grader.sandbox import BACKENDS

EXIT_OK, EXIT_NOT_PASSED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit 2, as for every bad usage
        raise UsageError(f"{message} (see '{self.prog} --help')")


_TERMINAL_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _terminal_safe(text: str) -> str:
    """Control characters (from file names or notebook text) shown escaped, never sent to the terminal."""
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _out(args: argparse.Namespace) -> Callable[[str], None]:
    """Human text goes to stdout normally and to stderr under --json. Control characters (which can
    come from file names or notebook text) are shown escaped, never sent to the terminal."""
    stream = sys.stderr if getattr(args, "json", False) else sys.stdout
    return lambda text: print(_terminal_safe(text), file=stream)


def _store(args: argparse.Namespace):
    from grader.store import Store, default_db_path

    return Store(args.db or default_db_path())


# ------------------------------------------------------------------ learner commands

def cmd_list(args: argparse.Namespace) -> int:
    from grader.problems import load_bank

    problems = [p for p in load_bank().values()
                if (not args.track or p.track == args.track) and (not args.topic or p.topic == args.topic)]
    problems.sort(key=lambda p: (p.track, p.topic, p.id))
    if args.json:
        print(json.dumps([p.summary() for p in problems]))
        return EXIT_OK
    if not problems:
        print("no problems match")
        return EXIT_OK
    width = max(len(p.id) for p in problems)
    for p in problems:
        print(f"{p.id:<{width}}  {p.track:<3}  {p.difficulty}  {p.topic:<22}  {p.title}")
    print(f"\n{len(problems)} problem{'s' if len(problems) != 1 else ''}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from grader.problems import get_problem

    p = get_problem(args.id)
    print(f"{p.id}  ({p.track}, {p.topic}, difficulty {p.difficulty})\n")
    print(p.statement().rstrip())
    return EXIT_OK


def cmd_start(args: argparse.Namespace) -> int:
    from grader.problems import get_problem

    p = get_problem(args.id)
    target = Path(args.dir) / f"{p.id}.ipynb"
    if target.exists() and not args.force:
        raise UsageError(f"{target} already exists; keep working in it, or pass --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(p.starter_path.read_bytes())
    print(f"wrote {target}: open it in Jupyter, then run 'grader submit {target}'")
    return EXIT_OK


def _problem_for(path: Path, hint: str | None, explicit: str | None):
    from grader.problems import get_problem

    if explicit:
        return get_problem(explicit)
    for pid in (hint, path.stem):
        if pid:
            try:
                return get_problem(pid)
            except UsageError:
                continue
    raise UsageError(f"{path}: cannot tell which problem this notebook is for; pass --problem ID "
                     "or name the file <problem-id>.ipynb")


class _EarlySession:
    """One notebook's sandbox, started before the grader's heavy imports so that it boots meanwhile.
    A container is started from a thread (the docker API mostly waits on dockerd); a process-based
    sandbox starts at once (forking while another thread imports would not be safe)."""

    def __init__(self, path: Path, explicit: str | None, sandbox: Any):
        self.problem_id: str | None = None
        self.session: Any = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        from grader.notebook import MAX_NOTEBOOK_BYTES, problem_hint

        try:
            if path.stat().st_size > MAX_NOTEBOOK_BYTES:  # too large to grade: the normal path says so
                return
            raw = json.loads(path.read_bytes())
            problem = _problem_for(path, problem_hint(raw.get("metadata") if isinstance(raw, dict) else None),
                                   explicit)
        except (OSError, ValueError, RecursionError, GraderError):
            return  # not clear yet: the normal path reports it
        self.problem_id = problem.id
        if sandbox.name == "docker":
            self._thread = threading.Thread(target=self._open, args=(sandbox, problem.limits), daemon=True)
            self._thread.start()
        else:
            self._open(sandbox, problem.limits)

    def _open(self, sandbox: Any, limits: Any) -> None:
        try:
            self.session = sandbox.open(limits)
        except BaseException as exc:  # noqa: BLE001 - raised again where the session is taken
            self._error = exc

    def take(self, problem_id: str) -> Any:
        """The session when it was opened for `problem_id`, else None."""
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self.session if problem_id == self.problem_id else None

    def close(self) -> None:
        if self._thread is not None:
            self._thread.join()
        if self.session is not None:
            self.session.close()  # idempotent: normally grading closed it already


def cmd_submit(args: argparse.Namespace) -> int:
    from grader.sandbox import get_sandbox

    say = _out(args)
    sandbox = get_sandbox(args.sandbox, bulk=len(args.notebooks) >= 3)
    if not sandbox.isolated:
        say(f"warning: the {sandbox.name} sandbox is NOT ISOLATED: the notebook can reach the network and read your files")
    early = _EarlySession(Path(args.notebooks[0]), args.problem, sandbox) if len(args.notebooks) == 1 else None
    try:
        return _submit(args, sandbox, say, early)
    finally:
        if early is not None:
            early.close()


def _submit(args: argparse.Namespace, sandbox: Any, say: Callable[[str], None], early: _EarlySession | None) -> int:
    from grader.checks import list_checks
    from grader.grading import grade, invalid_result
    from grader.notebook import InvalidNotebook, parse_notebook
    from grader.report import format_result

    store = _store(args)
    results = []
    for name in args.notebooks:
        path = Path(name)
        if not path.exists():
            raise UsageError(f"{path}: no such file")
        started = time.time()
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"{path}: cannot read ({exc.strerror})") from None
        try:
            nb = parse_notebook(data)
            hint = nb.problem_hint
        except InvalidNotebook as exc:
            nb, hint, invalid = None, None, str(exc)
        problem = _problem_for(path, hint, args.problem)
        session = early.take(problem.id) if early is not None else None
        if nb is None:
            result = invalid_result(problem.id, str(path), invalid, sandbox, total=len(list_checks(problem)))
        else:
            result = grade(nb, problem, sandbox, str(path), session=session)
        attempt_id = store.record(result, started)
        from dataclasses import replace

        result = replace(result, attempt_id=attempt_id)
        results.append(result)
        say(format_result(result, sandbox.label))
    if len(results) > 1:
        from grader.report import results_table

        say("\n" + results_table(results))
    if args.json:
        print(json.dumps([r.to_json() for r in results]))
    if any(r.status == "invalid" for r in results):
        return EXIT_USAGE
    return EXIT_OK if all(r.status == "passed" for r in results) else EXIT_NOT_PASSED


def cmd_history(args: argparse.Namespace) -> int:
    store = _store(args)
    attempts = list(store.attempts(problem=args.problem, limit=args.limit))
    if args.json:
        print(json.dumps([a.to_json() for a in attempts]))
        return EXIT_OK
    if not attempts:
        print("no attempts recorded yet" + (f" for {args.problem}" if args.problem else ""))
        return EXIT_OK
    say = _out(args)
    for a in attempts:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(a.finished_at))
        say(f"#{a.id:<5} {when}  {a.problem:<26} {a.status:<8} {a.checks_passed:>3}/{a.checks_total:<3} "
              f"{a.duration_s:6.1f}s  {a.sandbox}{'' if a.isolated else ' (NOT ISOLATED)'}  {a.notebook}")
    return EXIT_OK


# ------------------------------------------------------------------ readiness: exams, study log, report

def cmd_exam_new(args: argparse.Namespace) -> int:
    from grader import exam
    from grader.problems import load_bank

    store = _store(args)
    bank = load_bank()
    if args.size < 1 or not 0 < args.pass_mark <= args.size:
        raise UsageError("--size must be at least 1 and --pass between 1 and --size")
    seen = {pid for e in store.exams(args.track) for pid in e["problems"]}
    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    drawn = exam.draw(bank, args.track, args.size, seed, seen)
    for note in drawn.notes:
        print(f"note: {note}", file=sys.stderr)
    directory = Path(args.dir)
    if (directory / "exam.json").exists():
        raise UsageError(f"{directory} already holds an exam; choose another --dir")
    directory.mkdir(parents=True, exist_ok=True)
    exam_id = exam.new_exam_id()
    size = len(drawn.problems)
    threshold = min(args.pass_mark, size)
    created = store.exam_create(exam_id, args.track, seed, size, threshold, list(drawn.problems))
    for pid in drawn.problems:
        (directory / f"{pid}.ipynb").write_bytes(bank[pid].starter_path.read_bytes())
    exam.write_exam_json(directory, {"id": exam_id, "track": args.track, "seed": seed, "size": size,
                                     "threshold": threshold, "problems": list(drawn.problems), "created_at": created})
    print(f"wrote {size} starter notebooks and exam.json to {directory} (seed {seed}); pass mark {threshold}/{size}.\n"
          f"Solve them, then run 'grader exam submit {directory}'")
    return EXIT_OK


def _load_exam(args: argparse.Namespace, store: Any) -> tuple[dict, Path]:
    from grader import exam

    directory = Path(args.dir)
    doc = exam.read_exam_json(directory)
    stored = store.exam(doc["exam_id"])
    exam.check_untampered(doc, stored, directory / "exam.json")
    return stored, directory


def cmd_exam_submit(args: argparse.Namespace) -> int:
    from grader.grading import grade, invalid_result
    from grader.notebook import InvalidNotebook, read_notebook
    from grader.problems import get_problem
    from grader.report import format_result
    from grader.sandbox import get_sandbox

    say = _out(args)
    store = _store(args)
    stored, directory = _load_exam(args, store)
    sandbox = get_sandbox(args.sandbox, bulk=True)
    counted = store.exam_attempts(stored["id"])
    for pid in stored["problems"]:
        path = directory / f"{pid}.ipynb"
        if not path.exists():
            say(f"{path}: missing, not graded")
            continue
        problem = get_problem(pid)
        started = time.time()
        try:
            result = grade(read_notebook(path), problem, sandbox, str(path))
        except InvalidNotebook as exc:
            result = invalid_result(pid, str(path), str(exc), sandbox)
        first = pid not in counted
        store.record(result, started, kind="exam" if first else "practice", exam_id=stored["id"] if first else None)
        say(format_result(result, sandbox.label) + ("" if first else "\n  (practice: this exam already counted a graded attempt)"))
    return _print_exam_status(args, store, stored)


def _print_exam_status(args: argparse.Namespace, store: Any, stored: dict) -> int:
    from grader import exam
    from grader.readiness import context_line

    st = exam.status(stored, store.exam_attempts(stored["id"]))
    if args.json:
        print(json.dumps(st))
    else:
        for p in st["problems"]:
            print(f"  {p['id']:<30} {p['status']}")
        print(f"{st['solved']}/{st['size']} solved ({st['graded']} graded); pass mark {st['threshold']}: "
              f"{'READY' if st['ready'] else 'not ready yet'}")
        print(context_line(st["solved"], st["size"], st["threshold"]))
    return EXIT_OK if st["ready"] else EXIT_NOT_PASSED


def cmd_exam_status(args: argparse.Namespace) -> int:
    store = _store(args)
    stored, _ = _load_exam(args, store)
    return _print_exam_status(args, store, stored)


def cmd_log_add(args: argparse.Namespace) -> int:
    if not 0 < args.minutes <= 24 * 60:
        raise UsageError("MINUTES must be between 1 and 1440")
    _store(args).log_study(args.kind, args.minutes, args.note or "")
    print(f"logged {args.minutes:g} minutes of {args.kind}")
    return EXIT_OK


def cmd_readiness(args: argparse.Namespace) -> int:
    from grader import readiness, readiness_page
    from grader.problems import load_bank

    rep = readiness.report(_store(args), load_bank())
    if args.html:
        Path(args.html).write_text(readiness_page.render(rep), encoding="utf-8")
        print(f"wrote {args.html}", file=sys.stderr)
    if args.json:
        print(json.dumps(rep))
        return EXIT_OK
    for track, t in rep["tracks"].items():
        print(f"{track} track: {'READY TO APPLY' if t['ready'] else 'not ready yet'}")
        if t["latest_exam"]:
            le, be = t["latest_exam"], t["best_exam"]
            print(f"  coding exam: latest {le['solved']}/{le['size']}, best {be['solved']}/{be['size']} "
                  f"(pass mark {le['threshold']}); {le['context']}")
        else:
            print(f"  coding exam: none yet (grader exam new --track {track})")
        if t["latest_quiz"]:
            q, bq = t["latest_quiz"], t["best_quiz"]
            print(f"  quiz: latest {q['correct']}/{q['size']}, best {bq['correct']}/{bq['size']} (pass mark {q['threshold']})")
        else:
            print(f"  quiz: none yet (grader quiz new --track {track})")
        for w in t["weakest"]:
            rate = "not attempted" if w["solve_rate"] is None else f"{w['solve_rate']:.0%} solved"
            print(f"  weak: {w['topic']} ({rate}); next: {', '.join(w['next']) or '-'}")
    st = rep["study"]
    sh = st["shares"]

    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.0%}"

    print(f"study: {st['total_minutes']:.0f} min; individual {pct(sh['individual'])} (target 80%), "
          f"group {pct(sh['group'])} (20%); problem sets {pct(sh['problems'])} of individual (70%), "
          f"oral {pct(sh['oral'])} of group (60%)")
    return EXIT_OK


# ------------------------------------------------------------------ instructor commands

def cmd_batch(args: argparse.Namespace) -> int:
    from contextlib import ExitStack

    from grader import batch, gradebook
    from grader.store import Store

    say = _out(args)
    if args.cluster and args.jobs:
        raise UsageError("--jobs does not apply with --cluster: each Dask worker grades --nthreads notebooks at a time")
    local = None if args.cluster else _local_batch_sandbox(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    store = Store(out / "grader.db")
    with batch.temp_workdir() as tmp, ExitStack() as stack:
        folder = batch.prepare(Path(args.submissions), tmp)
        subs, skipped = batch.discover(folder)
        for warning in skipped:
            say(f"warning: {warning}")
        if args.student:
            subs = [s for s in subs if s.student in args.student]
            if not subs:
                raise UsageError(f"no submissions for {', '.join(args.student)} in {args.submissions}")
        graded = store.batch_graded()
        todo = [s for s in subs if args.regrade or (s.student, s.problem) not in graded]
        if local is not None:
            jobs = args.jobs or os.cpu_count() or 1
            where = f"in the {local.label} sandbox, {jobs} at a time"

            def run(record: Callable, failed: Callable) -> Any:
                return batch.run(todo, local.name, jobs, record, failed)
        elif not todo:  # nothing to send: no need to start or probe a cluster
            where = f"on the Dask cluster at {args.cluster}"

            def run(record: Callable, failed: Callable) -> Any:
                return batch.BatchOutcome()
        else:
            where, run = _cluster_batch(args, stack.enter_context, todo, say)
        say(f"{len(subs)} submissions, {len(subs) - len(todo)} already graded, {len(todo)} to grade {where}")
        progress = _Progress(len(todo), enabled=not args.json)

        sandbox_peaks: list[float] = []

        def record(sub: Any, result: Any) -> None:
            store.batch_record(sub.student, result)
            if result.peak_memory_mb is not None:
                sandbox_peaks.append(result.peak_memory_mb)
            progress.advance(f"{sub.student} {sub.problem} {result.status} {result.checks_passed}/{result.checks_total}")

        def failed(sub: Any, message: str) -> None:
            progress.advance(f"{sub.student} {sub.problem} NOT GRADED: {message[:160]}")

        try:
            outcome = run(record, failed)
        finally:
            progress.close()
            gradebook.write_all(store.batch_rows(), out, threshold=args.pass_mark, size=args.size)
    rows = store.batch_rows()
    summary = gradebook.students_summary(rows, args.pass_mark)
    say(f"wrote {out}/gradebook.csv, students.csv, report.html, feedback/ and gradescope/ "
        f"({len(rows)} rows, {sum(s['ready'] for s in summary)}/{len(summary)} students ready)")
    if args.json:
        import resource

        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest worker or template
        print(json.dumps({"out": str(out), "graded_now": outcome.graded, "not_graded": outcome.failed_to_grade,
                          "rows": len(rows), "students": summary, "coordinator_peak_mb": round(peak_mb, 1),
                          "workers_peak_mb": round(workers_mb, 1),
                          "sandbox_peak_mb": max(sandbox_peaks, default=None)}))
    if outcome.failed_to_grade:
        print(f"grader: error: {outcome.failed_to_grade} notebooks could not be graded (first: "
              f"{outcome.first_failure[:200]}); rerun the same command to retry them", file=sys.stderr)
        return EXIT_INTERNAL
    return EXIT_OK


def _cluster_batch(args: argparse.Namespace, enter: Callable, todo: list, say: Callable[[str], None]) -> tuple[str, Callable]:
    """Connect (`enter` keeps the client open for the batch), refuse ineligible workers aloud, and return
    (where the batch grades, how to run it)."""
    from grader import cluster

    client = enter(cluster.connect(args.cluster))
    statuses = cluster.check_workers(client, args.sandbox, cluster.expected_image(), args.allow_unisolated)
    for st in statuses:
        if not st.eligible:
            say(f"warning: worker {st.address} ({st.host}) is refused work: {st.reason}")
    ok = cluster.eligible(statuses)
    where = (f"in the {ok[0].label} sandbox{' (the one all eligible workers share)' if args.sandbox == 'auto' else ''}"
             f" on {len(ok)} Dask worker{'s' if len(ok) != 1 else ''} at {args.cluster}")

    def run(record: Callable, failed: Callable) -> Any:
        return cluster.run_on_cluster(client, todo, ok[0].sandbox, [s.address for s in ok], record, failed)
    return where, run


def _local_batch_sandbox(args: argparse.Namespace) -> Any:
    from grader.sandbox import get_sandbox

    sandbox = get_sandbox(args.sandbox, bulk=True)
    if not sandbox.isolated and not args.allow_unisolated:
        raise UsageError(f"batch grading needs an isolating sandbox (docker or bwrap) and only '{sandbox.name}' "
                         "works here; install bubblewrap or Docker, or pass --allow-unisolated to grade without isolation")
    return sandbox


def cmd_worker_check(args: argparse.Namespace) -> int:
    from grader import cluster

    with cluster.connect(args.cluster) as client:
        statuses = cluster.check_workers(client, args.sandbox, cluster.expected_image(), args.allow_unisolated)
    if args.json:
        print(json.dumps([s.to_json() for s in statuses]))
    else:
        say = _out(args)
        works = {st.address: " ".join(f"{n}:{'yes' if r is None else 'no'}" for n, r in st.sandboxes.items()) or "-"
                 for st in statuses}
        width = max([len("SANDBOXES"), *map(len, works.values())])
        say(f"{'WORKER':<24} {'HOST':<20} {'SANDBOXES':<{width}} {'DOCKER IMAGE':<14} MAY GRADE")
        for st in statuses:
            image = {True: "matches", False: "differs", None: "n/a"}[st.image_match]
            verdict = f"eligible ({st.sandbox})" if st.eligible else f"REFUSED: {st.reason}"
            say(f"{st.address:<24} {st.host[:20]:<20} {works[st.address]:<{width}} {image:<14} {verdict}")
        ok = [s for s in statuses if s.eligible]
        say(f"\n{len(ok)}/{len(statuses)} workers eligible" + (f", grading in the {ok[0].sandbox} sandbox" if ok else ""))
    return EXIT_OK if any(s.eligible for s in statuses) else EXIT_INTERNAL


class _Progress:
    """A rich progress bar on a terminal, plain lines otherwise, nothing when disabled (--json)."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.done, self.enabled = total, 0, enabled and total > 0
        self._bar = None
        if self.enabled and sys.stderr.isatty():
            from rich.progress import Progress

            self._bar = Progress(transient=True)
            self._bar.start()
            self._task = self._bar.add_task("grading", total=total)

    def advance(self, line: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self._bar is not None:
            from rich.markup import escape

            self._bar.update(self._task, advance=1,
                             description=escape(_TERMINAL_UNSAFE.sub("?", line[:60])))
        else:
            print(f"[{self.done}/{self.total}] {_terminal_safe(line)}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


# ------------------------------------------------------------------ author commands

def cmd_validate(args: argparse.Namespace) -> int:
    from grader.problems import get_problem, load_bank
    from grader.validate import GENERATED, Options, validate

    say = _out(args)
    if args.all or not args.ids:
        problems = sorted(load_bank().values(), key=lambda p: p.id)
    else:
        problems = [get_problem(i) for i in args.ids]
    jobs = args.jobs or os.cpu_count() or 1
    options = Options(sandbox=args.sandbox, jobs=jobs, mutate=args.mutate or bool(args.sample), sample=args.sample,
                      seed=args.seed, require_rules=args.require_rules)
    say(f"validating {len(problems)} problem{'s' if len(problems) != 1 else ''}, {jobs} notebooks at a time")

    def show(res: Any) -> None:
        if res.case.kind == GENERATED:
            return  # generated mutants are counted in the table, which lists the survivors
        mark = "ok " if res.ok else "BAD"
        kind = res.case.kind
        rule = f" breaks {res.case.breaks}" if res.case.breaks else ""
        say(f"{mark}  {res.case.problem:<26} {kind:<11} {res.case.label[:40]:<40} {res.status:<7} "
            f"{res.checks_passed}/{res.checks_total}  {res.duration_s:.2f}s{rule}"
            + ("" if res.ok and "graded twice" not in res.detail else f"  {res.detail}"))

    report = validate(problems, options, show)
    for m in report.errors:
        say(f"BAD  {m}")
    for m in report.notes[:5]:
        say(f"note {m}")
    if len(report.notes) > 5:
        say(f"note ... and {len(report.notes) - 5} more problems without rules")
    if report.mutation:
        if report.seed is not None:
            say(f"mutation re-run for a random sample (--seed {report.seed} repeats it)")
        say(f"{'problem':<28} {'generated':>9} {'stillborn':>9} {'killed':>6} {'equivalent':>10} {'survived':>8} {'score':>7}")
        for row in report.mutation:
            say(f"{row['problem']:<28} {row['generated']:>9} {row['stillborn']:>9} {row['killed']:>6} "
                f"{row['equivalent']:>10} {row['survived']:>8} {row['score']:>7.1%}")
            for sv in row["survivors"]:
                if not sv["equivalent"]:
                    say(f"     survivor {sv['id']}: {sv['change']}")
    graded = [r for r in report.cases if r.case.kind != GENERATED]
    say(f"{len(graded) - len(report.bad_cases)}/{len(graded)} notebooks as expected over {len(problems)} problems "
        f"in {report.duration_s:.1f}s ({report.duration_s / max(1, len(problems)):.2f}s per problem, {report.sandbox} sandbox)")
    if args.json:
        print(json.dumps(report.to_json()))
    return EXIT_OK if report.ok else EXIT_NOT_PASSED


def cmd_sandbox_status(args: argparse.Namespace) -> int:
    from grader.sandbox import all_sandboxes

    rows = []
    for sb in all_sandboxes():
        reason = sb.unavailable_reason()
        rows.append({"name": sb.name, "isolated": sb.isolated, "available": reason is None, "reason": reason})
    if args.json:
        print(json.dumps(rows))
    else:
        for r in rows:
            state = "works" if r["available"] else "unavailable"
            label = "" if r["isolated"] else " (NOT ISOLATED: no network cut, host files readable)"
            print(f"{r['name']:<8} {state}{label}" + (f": {r['reason']}" if r["reason"] else ""))
        works = {r["name"] for r in rows if r["available"]}
        one = next((sb.name for sb in all_sandboxes() if sb.name in works), None)
        many = next((sb.name for sb in all_sandboxes(bulk=True) if sb.name in works), None)
        print(f"\n--sandbox auto uses: {one} for one notebook, {many} for batch, validate, exams and 3+ notebooks")
    return EXIT_OK if any(r["available"] for r in rows) else EXIT_INTERNAL


def cmd_sandbox_build(args: argparse.Namespace) -> int:
    from grader.sandbox import image

    tag, image_id = image.build(say=lambda text: print(text, file=sys.stderr), force=args.force)
    print(f"{tag} {image_id}")
    return EXIT_OK


# ------------------------------------------------------------------ parser

def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="grader", description="Sandboxed grader for ML interview coding problems.")
    parser.add_argument("--version", action="version", version=f"grader {__version__}")
    parser.add_argument("--db", help="results database (default: $GRADER_DB or ~/.local/share/grader/grader.db)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, func: Callable, help_text: str, json_flag: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        if json_flag:
            p.add_argument("--json", action="store_true", help="one JSON document on stdout")
        return p

    p = command("list", cmd_list, "list the problem bank")
    p.add_argument("--track", choices=["ds", "mle"])
    p.add_argument("--topic")
    p = command("show", cmd_show, "show the statement of one problem", json_flag=False)
    p.add_argument("id")
    p = command("start", cmd_start, "write the starter notebook of a problem", json_flag=False)
    p.add_argument("id")
    p.add_argument("--dir", default="work")
    p.add_argument("--force", action="store_true", help="replace an existing notebook")
    p = command("submit", cmd_submit, "grade notebooks and record the attempts")
    p.add_argument("notebooks", nargs="+", metavar="NOTEBOOK")
    p.add_argument("--problem", help="the problem id (default: the notebook's metadata, else its file name)")
    p.add_argument("--sandbox", default="auto", choices=["auto", *BACKENDS])
    p = command("history", cmd_history, "past attempts, newest first")
    p.add_argument("--problem")
    p.add_argument("--limit", type=int, default=None)
    p = sub.add_parser("exam", help="readiness exams: draw, submit, status", description="readiness exams")
    esub = p.add_subparsers(dest="exam_command", metavar="ACTION", parser_class=_Parser, required=True)
    e = esub.add_parser("new", help="draw an exam of starter notebooks")
    e.add_argument("--track", required=True, choices=["ds", "mle"])
    e.add_argument("--size", type=int, default=20)
    e.add_argument("--pass", dest="pass_mark", type=int, default=17)
    e.add_argument("--seed", type=int)
    e.add_argument("--dir", default="exam")
    e.set_defaults(func=cmd_exam_new, json=False)
    e = esub.add_parser("submit", help="grade the exam's notebooks (the first graded attempt of each counts)")
    e.add_argument("dir", metavar="DIR")
    e.add_argument("--sandbox", default="auto", choices=["auto", *BACKENDS])
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_exam_submit)
    e = esub.add_parser("status", help="k/size and whether it meets the pass mark")
    e.add_argument("dir", metavar="DIR")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_exam_status)
    p = sub.add_parser("log", help="the study log", description="the study log")
    lsub = p.add_subparsers(dest="log_command", metavar="ACTION", parser_class=_Parser, required=True)
    e = lsub.add_parser("add", help="record study time")
    e.add_argument("kind", choices=["problems", "reading", "oral", "group"])
    e.add_argument("minutes", type=float)
    e.add_argument("--note")
    e.set_defaults(func=cmd_log_add, json=False)
    p = command("readiness", cmd_readiness, "where you stand on both tests and on the study split")
    p.add_argument("--html", metavar="FILE", help="also write a self-contained HTML report")
    p = command("batch", cmd_batch, "grade a class: SUBMISSIONS/<student>/<problem-id>.ipynb, a flat folder or a zip")
    p.add_argument("submissions", metavar="SUBMISSIONS")
    p.add_argument("--out", required=True, help="folder for the gradebook, report, feedback and the batch's store")
    p.add_argument("--jobs", type=int, default=0, help="notebooks graded at once (default: number of cores)")
    p.add_argument("--sandbox", default="auto", choices=["auto", *BACKENDS])
    p.add_argument("--regrade", action="store_true", help="grade again what is already graded")
    p.add_argument("--student", action="append", help="only this student (repeatable)")
    p.add_argument("--allow-unisolated", action="store_true", help="accept the NOT ISOLATED process sandbox")
    p.add_argument("--pass", dest="pass_mark", type=int, default=17, help="problems a student must solve to be ready")
    p.add_argument("--size", type=int, default=20, help="problems in a readiness exam (for the report)")
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="grade on a Dask cluster: tcp://HOST:PORT of its scheduler, or local:N to start N local workers")
    p = command("validate", cmd_validate, "prove problems: reference passes, starter and mutants fail")
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--all", action="store_true")
    p.add_argument("--jobs", type=int, default=0, help="notebooks graded at once (default: number of cores)")
    p.add_argument("--sandbox", default="auto", choices=["auto", *BACKENDS])
    p.add_argument("--mutate", action="store_true",
                   help="also grade generated mutants of each solution and write mutation.json")
    p.add_argument("--sample", type=int, default=0, metavar="N",
                   help="mutate only N random problems with rules, writing nothing (the CI gate)")
    p.add_argument("--seed", type=int, help="the seed of --sample")
    p.add_argument("--require-rules", action="store_true",
                   help="every problem must list rules and have a current mutation record")
    p = sub.add_parser("sandbox", help="sandbox image and availability", description="sandbox image and availability")
    ssub = p.add_subparsers(dest="sandbox_command", metavar="ACTION", parser_class=_Parser, required=True)
    s = ssub.add_parser("status", help="which sandboxes work here, and why not")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_sandbox_status)
    p = sub.add_parser("worker", help="Dask workers for 'batch --cluster'", description="Dask workers for 'batch --cluster'")
    wsub = p.add_subparsers(dest="worker_command", metavar="ACTION", parser_class=_Parser, required=True)
    w = wsub.add_parser("check", help="which workers may grade: their sandboxes, image and problem bank")
    w.add_argument("--cluster", metavar="ADDRESS", required=True, help="tcp://HOST:PORT of the scheduler, or local:N")
    w.add_argument("--sandbox", default="auto", choices=["auto", *BACKENDS])
    w.add_argument("--allow-unisolated", action="store_true", help="accept the NOT ISOLATED process sandbox")
    w.add_argument("--json", action="store_true")
    w.set_defaults(func=cmd_worker_check)
    from grader.quiz.cli import register as register_quiz

    register_quiz(sub, command)
    s = ssub.add_parser("build", help="build the docker sandbox image offline (skipped when up to date)")
    s.add_argument("--force", action="store_true", help="rebuild even when an identical image exists")
    s.set_defaults(func=cmd_sandbox_build)
    return parser


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # unwinds through every session's clean-up, as Ctrl-C does


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (never raises for expected failures)."""
    parser = build_parser()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        return int(args.func(args))
    except GraderError as exc:
        print(_TERMINAL_UNSAFE.sub("?", f"grader: error: {exc}"), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("grader: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, exit 3
        if os.environ.get("GRADER_DEBUG"):
            raise
        print(f"grader: internal error: {type(exc).__name__}: {str(exc)[:300]} (set GRADER_DEBUG=1 for a traceback)",
              file=sys.stderr)
        return EXIT_INTERNAL


def entry() -> Any:
    sys.exit(main())
