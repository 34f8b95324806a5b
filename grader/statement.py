"""A problem statement (`problem.md`) split into the task and the hints.

The format (issue 19): a `# Title` line, the task, and optionally a `## Hints` heading after which
everything to the end of the file is hints. Exam starters and `grader show` carry the task only, so
a heading that merely looks like the hints heading (`### Hints`, `## Hint:`, `**Hints**`) is an error:
text under it would otherwise be shown in an exam as part of the task.

Headings are found with a CommonMark parser, so `## Hints` inside a code block is text, not a heading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from grader.errors import ProblemFormatError

HINTS_HEADING = "## Hints"
_HINTISH = re.compile(r"^hints?\b", re.IGNORECASE)
_DECORATION = "*_:`. \t"
_PARSER = MarkdownIt("commonmark")
_POINTS_AT_HINTS = re.compile(r"\b(see|in|from|check|read) the hints?\b|\bhints? (below|section)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Statement:
    """A parsed problem.md: `task` runs from the title up to `## Hints`; `hints` is what follows it ('' if none)."""

    title: str
    task: str
    hints: str

    @property
    def markdown(self) -> str:
        """The whole statement again: the task, then the hints under their heading."""
        return self.task + (f"\n\n{HINTS_HEADING}\n\n{self.hints}" if self.hints else "")


def _blocks(tokens: list[Token]) -> list[tuple[Token, Token | None]]:
    """Each top-level block's opening token with the inline token that holds its text (if any)."""
    out: list[tuple[Token, Token | None]] = []
    for i, tok in enumerate(tokens):
        if tok.level == 0 and tok.nesting in (0, 1) and tok.map is not None:
            inline = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].type == "inline" else None
            out.append((tok, inline))
    return out


def _headings(tokens: list[Token]) -> list[tuple[Token, str]]:
    """Every heading at any depth (inside a list or quote too), with its text."""
    return [(tok, tokens[i + 1].content.strip()) for i, tok in enumerate(tokens)
            if tok.type == "heading_open" and tok.map is not None]


def _is_hints_heading(tok: Token, text: str) -> bool:
    return tok.tag == "h2" and tok.markup == "##" and tok.level == 0 and text == "Hints"


def split(md: str, where: str | Path = "problem.md") -> Statement:
    """Parse a statement; raise ProblemFormatError (naming `where` and the line) when it is malformed."""
    text = md.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    tokens = _PARSER.parse(text)
    blocks = _blocks(tokens)
    first = blocks[0][0] if blocks else None
    if first is None or first.type != "heading_open" or first.tag != "h1" or first.markup != "#":
        raise ProblemFormatError(f"{where}: the first line must be the title, written '# Title'")
    title = (blocks[0][1].content.strip() if blocks[0][1] else "")
    if not title:
        raise ProblemFormatError(f"{where}: the title line '#' is empty")
    starts: list[int] = []
    for tok, heading in _headings(tokens):
        line = tok.map[0] + 1 if tok.map else 0
        if _is_hints_heading(tok, heading):
            starts.append(line)
        elif _HINTISH.match(heading.strip(_DECORATION)):
            raise ProblemFormatError(f"{where}: line {line}: the heading {lines[line - 1].strip()!r} looks like the "
                                     f"hints heading; the hints start at a line '{HINTS_HEADING}' exactly")
    for tok, inline in blocks:
        if tok.type == "paragraph_open" and inline is not None and "\n" not in inline.content.strip():
            bare = inline.content.strip().strip(_DECORATION)
            if bare.lower() in ("hint", "hints") and tok.map:
                raise ProblemFormatError(f"{where}: line {tok.map[0] + 1}: {inline.content.strip()!r} looks like the "
                                         f"hints heading; the hints start at a line '{HINTS_HEADING}' exactly")
    if len(starts) > 1:
        raise ProblemFormatError(f"{where}: line {starts[1]}: a second '{HINTS_HEADING}' heading (the first is at "
                                 f"line {starts[0]}); everything after the first one is already hints")
    end = starts[0] - 1 if starts else len(lines)
    if not any(tok.map[0] < end for tok, _ in blocks[1:] if tok.map):
        raise ProblemFormatError(f"{where}: the task is empty: write what to implement under the title")
    task = "\n".join(lines[:end]).strip()
    hints = "\n".join(lines[end + 1:]).strip() if starts else ""
    if starts and not hints:
        raise ProblemFormatError(f"{where}: line {starts[0]}: '{HINTS_HEADING}' has nothing under it; "
                                 "write the hints or remove the heading")
    return Statement(title=title, task=task, hints=hints)


def read(path: Path) -> Statement:
    """Read and split a problem.md file."""
    try:
        md = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemFormatError(f"{path}: file missing (every problem needs it)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemFormatError(f"{path}: cannot read ({exc})") from None
    return split(md, path)


def prose_lines(md: str, shortest: int = 16) -> list[str]:
    """The lines of running text in some Markdown (paragraphs, list items, headings; not code), stripped,
    of at least `shortest` characters: what can be searched for elsewhere to find it repeated."""
    tokens = _PARSER.parse(md.replace("\r\n", "\n"))
    lines = (ln.strip() for tok in tokens if tok.type == "inline" for ln in tok.content.splitlines())
    return [ln for ln in lines if len(ln) >= shortest]


def lint(statement: Statement, where: str | Path = "problem.md") -> list[str]:
    """Breaches of the format's rules that still parse: the task must stand alone."""
    out = []
    found = _POINTS_AT_HINTS.search(statement.task)
    if found:
        out.append(f"{where}: the task says {found.group(0)!r}: the task must stand alone "
                   "(exam starters have no hints)")
    if re.search(r"</?details\b", statement.hints, re.IGNORECASE):
        out.append(f"{where}: the hints hold a <details> tag, which would break the practice starter's collapsed block")
    return out
