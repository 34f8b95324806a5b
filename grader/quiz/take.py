"""The interactive quiz: ask each question, read one line per answer (a terminal or a pipe), re-ask on bad input."""
from __future__ import annotations

from collections.abc import Callable

from grader.quiz.draw import Posed
from grader.quiz.render import question_text
from grader.quiz.score import Answer, parse_answer

PROMPT = "answer> "


def ask(posed: list[Posed], read_line: Callable[[], str], say: Callable[[str], None],
        prompt: Callable[[str], None]) -> dict[str, Answer | None]:
    """Collect one answer per question; an empty line skips, end of input leaves the rest unanswered.

    `read_line` behaves like `sys.stdin.readline` ('' only at end of input); `say` writes a line; `prompt`
    writes without a newline. The caller owns the streams, so this runs the same in a terminal and in tests.
    """
    answers: dict[str, Answer | None] = {p.key: None for p in posed}
    say(f"{len(posed)} questions. Type the answer and press Enter; an empty line skips a question, "
        "end of input (Ctrl-D) stops.")
    for n, p in enumerate(posed, 1):
        say("\n" + question_text(p, progress=f"{n}/{len(posed)}"))
        while True:
            prompt(PROMPT)
            line = read_line()
            if line == "":
                left = len(posed) - n + 1
                say(f"\nend of input: {left} question{'s' if left != 1 else ''} left unanswered")
                return answers
            text = line.strip()
            if not text:
                break
            try:
                answers[p.key] = parse_answer(p, text)
                break
            except ValueError as exc:
                say(f"  {p.key} {exc}; try again, or press Enter to skip")
    return answers
