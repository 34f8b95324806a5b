"""Scoring: parsing answers (from answers.toml or a typed line), checking them, and the quiz result."""
from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.errors import UsageError
from grader.quiz.bank import LETTERS, topic_name
from grader.quiz.draw import Posed, Quiz

Answer = str | tuple[str, ...] | float
MAX_ANSWERS_BYTES = 256 * 1024  # 50 answers and their comments take about 5 KiB
_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_KEY_LINE = re.compile(r"""^\s*["']?([A-Za-z0-9_-]+)["']?\s*=""")


class AnswersError(UsageError):
    """answers.toml cannot be read or holds an answer of the wrong form (names the line)."""


def _letters(value: Any) -> list[str] | None:
    """Letters from a TOML list of strings or a typed line ('A, D', 'A D' or 'AD'); None if neither."""
    if isinstance(value, list):
        if not all(isinstance(v, str) for v in value):
            return None
        tokens = [v.strip() for v in value]
    elif isinstance(value, str):
        tokens = [t for t in re.split(r"[\s,;]+", value.strip()) if t]
        if len(tokens) == 1 and tokens[0].isalpha():
            tokens = list(tokens[0])
    else:
        return None
    return [t.upper() for t in tokens]


def parse_answer(p: Posed, value: Any) -> Answer | None:
    """One answer in canonical form; None when left empty; ValueError with what is expected when malformed."""
    if value == "" or value == []:
        return None
    n = len(p.choices)
    allowed = LETTERS[:n]
    span = f"A to {LETTERS[n - 1]}" if n else ""
    if p.format == "single":
        letter = value.strip().upper() if isinstance(value, str) else ""
        if len(letter) != 1 or letter not in allowed:
            raise ValueError(f'must be one letter from {span}, like "C"')
        return letter
    if p.format == "numeric":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:
                raise ValueError("must be a finite number") from None
        elif isinstance(value, str):
            try:
                number = float(value.strip().replace("_", ""))
            except ValueError:
                raise ValueError("must be a number, like 0.25 (no units, no commas)") from None
        else:
            raise ValueError("must be a number, like 0.25")
        if not math.isfinite(number):
            raise ValueError("must be a finite number")
        return number
    letters = _letters(value)
    if letters is None or not letters or any(len(t) != 1 or t not in allowed for t in letters):
        raise ValueError(f'must be a list of letters from {span}, like ["A", "D"]')
    if len(set(letters)) != len(letters):
        raise ValueError("names a letter twice")
    if p.format == "multi":
        return tuple(sorted(letters))
    if len(letters) != n:
        raise ValueError(f"must put all {n} letters ({', '.join(allowed)}) in order, each once")
    return tuple(letters)


def is_correct(p: Posed, answer: Answer | None) -> bool:
    """Exact letter, exact set (all or nothing), exact order, or a number within the item's tolerance."""
    if answer is None:
        return False
    if p.format == "numeric":
        assert p.item.tolerance is not None and isinstance(answer, float) and isinstance(p.expected, float)
        return p.item.tolerance.accepts(answer, p.expected)
    return answer == p.expected


def _key_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        m = _KEY_LINE.match(line)
        if m:
            lines.setdefault(m.group(1), number)
    return lines


def read_answers(path: Path, posed: list[Posed]) -> dict[str, Answer | None]:
    """Parse answers.toml against the quiz; any malformed line raises AnswersError naming the line."""
    try:
        if path.stat().st_size > MAX_ANSWERS_BYTES:
            raise AnswersError(f"{path}: larger than {MAX_ANSWERS_BYTES // 1024} KiB; write one line per answer "
                               'like q07 = "C"')
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise AnswersError(f"{path}: no answers file; fill in the template 'grader quiz new' wrote") from None
    except UnicodeDecodeError:
        raise AnswersError(f"{path}: not UTF-8 text; write answers like q07 = \"C\"") from None
    except OSError as exc:
        raise AnswersError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise AnswersError(f"{path}: nested too deeply; write answers like q07 = \"C\"") from None
    except ValueError as exc:
        if not isinstance(exc, tomllib.TOMLDecodeError):  # a number too long to convert
            raise AnswersError(f"{path}: not valid TOML ({str(exc)[:60]})") from None
        message = str(exc)
        m = _TOML_AT.search(message)
        where = f" line {m.group(1)}" if m else ""
        message = _TOML_AT.sub("", message)
        raise AnswersError(f"{path}{where}: not valid TOML ({message}); write answers like "
                           'q07 = "C", q12 = ["A", "D"], q20 = 0.25') from None
    lines = _key_lines(text)
    by_key = {p.key: p for p in posed}
    problems = []
    answers: dict[str, Answer | None] = {}
    for key, value in data.items():
        at = f"{path} line {lines[key]}" if key in lines else str(path)
        if key not in by_key:
            first, last = posed[0].key, posed[-1].key
            problems.append(f"{at}: there is no question {key!r} in this quiz (it has {first} to {last})")
            continue
        try:
            answers[key] = parse_answer(by_key[key], value)
        except ValueError as exc:
            problems.append(f"{at}: {key} {exc}")
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise AnswersError(problems[0] + more)
    return {p.key: answers.get(p.key) for p in posed}


def _jsonable(value: Answer | None) -> Any:
    return list(value) if isinstance(value, tuple) else value


@dataclass(frozen=True)
class ItemResult:
    """The verdict on one question, with what was expected and why."""

    key: str
    item: str
    topic: str
    format: str
    correct: bool
    expected: Answer
    given: Answer | None
    explanation: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.key, "item": self.item, "topic": topic_name(self.topic), "topic_code": self.topic,
                "format": self.format,
                "correct": self.correct, "expected": _jsonable(self.expected), "given": _jsonable(self.given),
                "explanation": self.explanation}


@dataclass(frozen=True)
class QuizResult:
    """A scored quiz: k of size, passed when k >= threshold."""

    track: str
    seed: int
    size: int
    threshold: int
    items: tuple[ItemResult, ...]
    filled: int = 0

    @property
    def correct(self) -> int:
        return sum(1 for i in self.items if i.correct)

    @property
    def passed(self) -> bool:
        return self.correct >= self.threshold

    @property
    def unanswered(self) -> list[str]:
        return [i.key for i in self.items if i.given is None]

    def to_json(self) -> dict[str, Any]:
        return {"correct": self.correct, "size": self.size, "threshold": self.threshold, "passed": self.passed,
                "track": self.track, "seed": self.seed, "unanswered": self.unanswered, "filled": self.filled,
                "items": [i.to_json() for i in self.items]}


def score(quiz: Quiz, posed: list[Posed], answers: dict[str, Answer | None]) -> QuizResult:
    """Score every question; a missing answer is wrong."""
    items = tuple(ItemResult(key=p.key, item=p.item.id, topic=p.item.topic, format=p.format,
                             correct=is_correct(p, answers.get(p.key)), expected=p.expected,
                             given=answers.get(p.key), explanation=p.explanation)
                  for p in posed)
    return QuizResult(track=quiz.track, seed=quiz.seed, size=quiz.size, threshold=quiz.threshold, items=items,
                      filled=quiz.filled)


def show_answer(value: Answer | None, p: Posed | None = None) -> str:
    """An answer as text: 'C', 'A, D', 'C A D B', a number (with the tolerance when `p` is given)."""
    if value is None:
        return "(unanswered)"
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.6g}"
        tol = p.item.tolerance if p is not None else None
        return text + (f" ({tol.describe()})" if tol and not (tol.kind == "abs" and tol.value == 0) else "")
    if isinstance(value, tuple):
        return ", ".join(value)
    return value


def format_result(result: QuizResult, posed: list[Posed]) -> str:
    """Every question with given and expected answer and the explanation, then the score line."""
    lines = []
    for r, p in zip(result.items, posed, strict=True):
        mark = "ok   " if r.correct else "WRONG"
        lines.append(f"{r.key}  {mark}  {r.format:<8}  given {show_answer(r.given):<14}  "
                     f"expected {show_answer(r.expected, p)}  ({topic_name(r.topic)})")
        lines.append(f"       {r.explanation}")
    if result.unanswered:
        lines.append(f"\nunanswered (counted wrong): {', '.join(result.unanswered)}")
    verdict = "PASSED" if result.passed else "NOT PASSED"
    lines.append(f"\nscore {result.correct}/{result.size}: {verdict} ({result.threshold} needed)")
    return "\n".join(lines)
