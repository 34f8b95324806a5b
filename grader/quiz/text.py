"""Text of generated items: filling a stem template (with counted nouns), and spotting slips like "1 requests".

A template is a `str.format` string. One extension keeps stems grammatical for every drawn number: a format
spec containing `~` prints the number followed by a noun in the right number, `{n:~server}` gives "1 server"
and "3 servers", `{n:,~user}` gives "10,000 users", `{k:~principal component}` pluralizes the last word, and
`{n:~child/children}` names an irregular plural.
"""
from __future__ import annotations

import re
import string
from typing import Any

_ES = ("s", "x", "z", "ch", "sh")
# Words ending in "s" that are not plural nouns, so "1 ... is" or "1 ... has" is no slip.
_NOT_PLURAL = frozenset((
    "as", "is", "was", "has", "this", "thus", "its", "us", "yes", "plus", "minus", "less", "unless", "across",
    "always", "perhaps", "class", "loss", "bias", "process", "analysis", "basis", "axis", "chaos", "gas", "mass",
    "lens", "status", "focus", "census", "corpus", "series", "species", "news", "means", "does", "goes", "tails",
    "heads", "odds"))
_LINKS = "of|in|out|per|to|for|from|and|or|than|at|on|by|with"
_SCALES = "dozen|hundred|thousand|million|billion|trillion"  # "1 million users" is plural
_NOUN = rf" (?:(?!(?:{_LINKS}|{_SCALES}) )[a-z-]+ )?([a-z]+s)\b"
_SLIP = re.compile(rf"(?<![\d.,/-])\b1{_NOUN}")
_PARAM_SLIP = re.compile(rf"\x001\x01{_NOUN}")


def plural(noun: str) -> str:
    """The regular plural of a noun phrase's last word (request -> requests, batch -> batches, query -> queries)."""
    head, _, last = noun.rpartition(" ")
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(_ES):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def counted(value: Any, spec: str) -> str:
    """`value` formatted by the part of `spec` before `~`, then the noun after it in the right number."""
    number_spec, _, noun = spec.partition("~")
    one, _, many = noun.partition("/")
    word = one if value == 1 else (many or plural(one))
    return f"{format(value, number_spec)} {word}"


_OPEN, _CLOSE = "\x00", "\x01"  # around each filled-in value when marked, so slips are sought only there


class _Formatter(string.Formatter):
    def __init__(self, mark: bool) -> None:
        self.mark = mark

    def format_field(self, value: Any, format_spec: str) -> str:
        text = counted(value, format_spec) if "~" in format_spec else super().format_field(value, format_spec)
        return f"{_OPEN}{text}{_CLOSE}" if self.mark else text


def fill(template: str, **values: Any) -> str:
    """The template with every `{name...}` replaced; counted nouns (`{n:~noun}`) agree with their number."""
    return _Formatter(mark=False).vformat(template, (), values)


def parameter_slips(template: str, **values: Any) -> list[str]:
    """Slips like "1 requests" that a drawn value creates in a template (a parameter equal to 1 before a plural)."""
    marked = _Formatter(mark=True).vformat(template, (), values)
    found = []
    for m in _PARAM_SLIP.finditer(marked):
        if m.group(1) not in _NOT_PLURAL:
            found.append(m.group(0).replace(_OPEN, "").replace(_CLOSE, ""))
    return found


def placeholders(template: str) -> set[str] | None:
    """Field names used in a template, or None when the template does not parse."""
    try:
        return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template)
                if name is not None}
    except ValueError:
        return None


def grammar_slips(text: str) -> list[str]:
    """Phrases where the number 1 is followed by a plural noun ("1 requests", "1 principal components")."""
    return [m.group(0) for m in _SLIP.finditer(text) if m.group(1) not in _NOT_PLURAL]
