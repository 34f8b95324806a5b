"""Python code as a normalised token stream: what a copy keeps when names, literals and layout change.

Tokens come from tree-sitter's Python grammar, which parses anything (a syntax error or an IPython
magic becomes an ERROR node whose tokens are still read) and gives exact byte spans for highlighting.
Names the author chose become `V`, numbers `N`, strings (f-strings included) `S`; comments and
formatting vanish. Attribute names after a dot (`np.exp`), builtins (`range`, `sum`) and imported
module paths keep their text: renaming one's own variables does not change them, and they tell apart
two honest solutions that share only their shape. The code is only parsed, never executed.
"""
from __future__ import annotations

import builtins
import time
from dataclasses import dataclass
from functools import lru_cache

MAX_CODE_BYTES = 256 * 1024  # more code than any solution needs; the rest is not compared
MAX_TOKENS = 40_000
PARSE_BUDGET_S = 2.0  # tree-sitter's error recovery is bounded by time, not trusted to be fast

_BUILTINS = frozenset(n for n in dir(builtins) if not n.startswith("_"))
_LITERALS = {"integer": "N", "float": "N", "string": "S", "concatenated_string": "S"}
_DROPPED = {"comment", "line_continuation"}


class Unparsable(Exception):
    """The code could not be parsed within PARSE_BUDGET_S (pathological input)."""


@dataclass(frozen=True)
class Tokens:
    """A normalised token stream: `kinds[i]` is token i's normal form, `spans[i]` its bytes in `code`."""

    code: bytes
    kinds: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    truncated: bool = False


@lru_cache(maxsize=1)
def _parser():
    import tree_sitter_python
    from tree_sitter import Language, Parser

    return Parser(Language(tree_sitter_python.language()))


def _parse(code: bytes):
    """The syntax tree, or None when parsing runs over its time budget."""
    deadline = time.process_time() + PARSE_BUDGET_S  # CPU time: a busy machine is not a hostile file

    def read(offset: int, _point: object) -> bytes:
        return code[offset:offset + 65536]

    def over_budget(_offset: int, _has_error: bool) -> bool:
        return time.process_time() > deadline

    try:
        return _parser().parse(read, progress_callback=over_budget)
    except (ValueError, RuntimeError):
        return None


def tokenize(code: str) -> Tokens:
    """Normalised tokens of `code` (capped at MAX_CODE_BYTES and MAX_TOKENS). Syntax errors are read through;
    only code that cannot be parsed within PARSE_BUDGET_S raises Unparsable."""
    raw = code.encode("utf-8", "replace")
    truncated = len(raw) > MAX_CODE_BYTES
    raw = raw[:MAX_CODE_BYTES]
    tree = _parse(raw)
    if tree is None:
        raise Unparsable(f"the code could not be parsed within {PARSE_BUDGET_S:g} s")
    kinds: list[str] = []
    spans: list[tuple[int, int]] = []
    parents: list[str] = []  # types of the current node's ancestors (tree-sitter's parent lookup walks from the root)
    cursor = tree.walk()
    while True:  # an iterative pre-order walk: deep nesting cannot exhaust the Python stack
        node = cursor.node
        kind = node.type
        if kind not in _LITERALS and cursor.goto_first_child():
            parents.append(kind)
            continue
        start, end = node.byte_range
        if end > start and kind not in _DROPPED:
            if kind in _LITERALS:
                norm = _LITERALS[kind]
            elif kind == "identifier":
                text = raw[start:end].decode("utf-8", "replace")
                parent = parents[-1] if parents else ""
                kept = (parent == "attribute" and cursor.field_name == "attribute") or parent == "dotted_name" \
                    or text in _BUILTINS  # API names, not the author's: `np.exp`, `import numpy.linalg`, `range`
                norm = text if kept else "V"
            else:
                norm = kind  # keywords, operators, punctuation; true, false, none, ellipsis
            kinds.append(norm)
            spans.append((start, end))
            if len(kinds) >= MAX_TOKENS:
                truncated = True
                break
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return Tokens(raw, tuple(kinds), tuple(spans), truncated)
            parents.pop()
    return Tokens(raw, tuple(kinds), tuple(spans), truncated)
