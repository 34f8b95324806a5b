"""The `grader quiz` command group: new, grade, take, validate, history (wired in by grader/cli.py)."""
from __future__ import annotations

import argparse
import json
import secrets
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from grader.errors import UsageError

EXIT_OK, EXIT_NOT_PASSED = 0, 1  # the CLI contract's codes; errors carry their own (UsageError: 2)


# grader.cli is imported inside functions, so grader/cli.py may import this module at any point.
def _out(args: argparse.Namespace) -> Callable[[str], None]:
    from grader.cli import _out as out

    return out(args)


def _store(args: argparse.Namespace):
    from grader.cli import _store as store

    return store(args)


def _warn(text: str) -> None:
    print(text, file=sys.stderr)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _draw(args: argparse.Namespace):
    from grader.quiz.bank import load_bank
    from grader.quiz.draw import draw, pose_quiz

    bank = load_bank()
    seed = args.seed if args.seed is not None else secrets.randbelow(900_000) + 100_000
    quiz = draw(bank, args.track, size=args.size, threshold=args.threshold, seed=seed, created=_now())
    if quiz.shortfalls:
        _warn(quiz.shortfall_note())
    return quiz, pose_quiz(quiz, bank)


def _load_quiz(directory: Path):
    from grader.quiz.bank import load_bank
    from grader.quiz.draw import QuizFileError, pose_quiz, quiz_from_json
    from grader.quiz.render import QUIZ_JSON

    if not directory.is_dir():
        raise UsageError(f"{directory}: no such folder; write a quiz with "
                         f"'grader quiz new --track ds --out {directory}'")
    path = directory / QUIZ_JSON
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{directory} has no {QUIZ_JSON}: it is not a quiz folder "
                         f"(write one with 'grader quiz new --track ds --out {directory}')") from None
    except json.JSONDecodeError as exc:
        raise QuizFileError(f"{path} line {exc.lineno}: not valid JSON ({exc.msg}); the file was edited "
                            "(write a new quiz with 'grader quiz new')") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read ({exc})") from None
    bank = load_bank()
    quiz = quiz_from_json(data, bank, str(path))
    changed = [d.key for d in quiz.items if d.digest and d.digest != bank[d.id].digest]
    if changed:
        _warn(f"warning: {len(changed)} question{'s' if len(changed) != 1 else ''} changed in the bank since "
              f"this quiz was written ({', '.join(changed)}); graded against the current wording and key")
    return quiz, pose_quiz(quiz, bank)


def _finish(args: argparse.Namespace, quiz, posed, answers, mode: str) -> int:
    from grader.quiz.results import record_result
    from grader.quiz.score import format_result, score

    result = score(quiz, posed, answers)
    result_id = record_result(_store(args), result, mode)
    _out(args)(format_result(result, posed))
    if args.json:
        print(json.dumps({**result.to_json(), "result_id": result_id, "mode": mode}))
    return EXIT_OK if result.passed else EXIT_NOT_PASSED


def cmd_quiz_new(args: argparse.Namespace) -> int:
    from grader.quiz.render import ANSWERS, QUIZ_MD, write_quiz

    say = _out(args)
    quiz, posed = _draw(args)
    directory = Path(args.out)
    write_quiz(directory, quiz, posed, force=args.force)
    say(f"wrote {directory / QUIZ_MD} and {directory / ANSWERS}: {quiz.size} {quiz.track} questions, "
        f"{quiz.threshold} to pass, seed {quiz.seed}")
    say(f"fill in {directory / ANSWERS}, then run 'grader quiz grade {directory}'")
    if args.json:
        print(json.dumps({"dir": str(directory), "track": quiz.track, "seed": quiz.seed, "size": quiz.size,
                          "threshold": quiz.threshold, "filled": quiz.filled,
                          "shortfalls": [s.to_json() for s in quiz.shortfalls],
                          "items": [{"id": d.key, "item": d.id} for d in quiz.items]}))
    return EXIT_OK


def cmd_quiz_grade(args: argparse.Namespace) -> int:
    from grader.quiz.render import ANSWERS
    from grader.quiz.score import read_answers

    directory = Path(args.dir)
    quiz, posed = _load_quiz(directory)
    answers = read_answers(directory / ANSWERS, posed)
    return _finish(args, quiz, posed, answers, "file")


def cmd_quiz_take(args: argparse.Namespace) -> int:
    from grader.quiz.take import ask

    stream = sys.stderr if args.json else sys.stdout
    quiz, posed = _draw(args)

    def prompt(text: str) -> None:
        stream.write(text)
        stream.flush()

    def read_line() -> str:
        line = sys.stdin.readline()
        if line and not sys.stdin.isatty():  # piped answers: echo them so the transcript reads like a session
            stream.write(line if line.endswith("\n") else line + "\n")
        return line

    say = _out(args)
    say(f"{quiz.track.upper()} quiz, seed {quiz.seed}: {quiz.threshold} of {quiz.size} to pass")
    answers = ask(posed, read_line, say, prompt)
    say("")
    return _finish(args, quiz, posed, answers, "interactive")


def cmd_quiz_validate(args: argparse.Namespace) -> int:
    from grader.quiz.bank import questions_root, validate_bank

    say = _out(args)
    root = questions_root()
    report = validate_bank(root, strict=args.strict)
    for line in report.lines():
        say(line)
    say(f"{root}: {report.items} items, " + ("no defects" if report.ok else f"{len(report.defects)} defects"))
    if args.json:
        print(json.dumps({**report.to_json(), "root": str(root)}))
    return EXIT_OK if report.ok else EXIT_NOT_PASSED


def cmd_quiz_history(args: argparse.Namespace) -> int:
    from grader.quiz.results import quiz_results

    records = quiz_results(_store(args), track=args.track, limit=args.limit)
    if args.json:
        print(json.dumps([r.to_json() for r in records]))
        return EXIT_OK
    if not records:
        print("no quiz results recorded yet")
    for r in records:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(r.taken_at))
        verdict = "passed" if r.passed else "not passed"
        print(f"#{r.id:<5} {when}  {r.track:<3}  {r.correct:>3}/{r.size:<3} {verdict:<10} "
              f"(pass {r.threshold})  seed {r.seed}  {r.mode}")
    return EXIT_OK


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _draw_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--track", required=True, choices=["ds", "mle"])
    p.add_argument("--size", type=_positive, default=50, metavar="N", help="questions (default: 50)")
    p.add_argument("--pass", dest="threshold", type=int, default=None, metavar="N",
                   help="correct answers needed (default: 35 of 50, 70%% for other sizes)")
    p.add_argument("--seed", type=int, default=None, metavar="N",
                   help="draw this quiz again (default: a random seed, recorded)")


def _group_usage(args: argparse.Namespace) -> int:
    raise UsageError("choose an action: grader quiz new|grade|take|validate|history (see 'grader quiz --help')")


def register(sub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add `grader quiz ACTION ...` to the main parser's subcommands (`command` is build_parser's helper)."""
    from grader.cli import _Parser

    group = command("quiz", _group_usage, "the non-coding quiz: 50 questions, 35 to pass", json_flag=False)
    qsub = group.add_subparsers(dest="quiz_command", metavar="ACTION", parser_class=_Parser, required=True)

    def action(name: str, func: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        p = qsub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        p.add_argument("--json", action="store_true", help="one JSON document on stdout")
        return p

    p = action("new", cmd_quiz_new, "write a quiz: quiz.md (the questions) and answers.toml (a template to fill in)")
    _draw_options(p)
    p.add_argument("--out", required=True, metavar="DIR", help="folder for quiz.md, answers.toml and quiz.json")
    p.add_argument("--force", action="store_true", help="replace a quiz already in DIR")
    p = action("grade", cmd_quiz_grade, "score the filled-in answers.toml of a quiz folder and record the result")
    p.add_argument("dir", metavar="DIR")
    p = action("take", cmd_quiz_take, "take a quiz interactively: one answer per line on standard input")
    _draw_options(p)
    p = action("validate", cmd_quiz_validate, "check every question of the bank and the blueprint draws")
    p.add_argument("--strict", action="store_true",
                   help="also fail when a topic has fewer items than the spec targets")
    p = action("history", cmd_quiz_history, "recorded quiz results, newest first")
    p.add_argument("--track", choices=["ds", "mle"])
    p.add_argument("--limit", type=int, default=None)
