"""HTML pages from jinja2 templates (grader/templates/) with autoescape on for every template.

One page shell (`page.html`) holds the Content-Security-Policy, the styles and the table-sorting
script: the policy allows only that script (by its hash) and inline styles, no other source, so a
string that came from a notebook can neither run nor load anything even where it reaches a page.
"""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from grader.checks import MESSAGE_CAP, clean_text


def _asset(name: str) -> str:
    return (resources.files("grader") / "templates" / name).read_text(encoding="utf-8")


SORT_SCRIPT = _asset("sort.js")
STYLE = _asset("page.css")


def csp() -> str:
    """The pages' policy: nothing but inline styles, data: images and the sort script itself."""
    digest = base64.b64encode(hashlib.sha256(SORT_SCRIPT.encode()).digest()).decode()
    return f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:"


def _clean(value: object, cap: int = MESSAGE_CAP) -> str:
    return clean_text(str(value), cap)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _fixed(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("grader", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(clean=_clean, pct=_pct, fixed=_fixed)
    return env


def render(template: str, title: str, **context: Any) -> str:
    """A page: `template` (which extends page.html) rendered with `context`, every value escaped."""
    return environment().get_template(template).render(
        title=title, csp=csp(), style=Markup(STYLE), script=Markup(SORT_SCRIPT), **context)
