"""Numeric question generators: the key of a generated item, and its classic wrong answers, from its parameters.

`core` holds the registry and `Key`; each module beside it registers the generators of a group of topics.
"""
from __future__ import annotations

from grader.quiz.generators import deep, learning, stats, systems  # noqa: F401  (importing registers them)
from grader.quiz.generators.core import GENERATORS, Key, generator

__all__ = ["GENERATORS", "Key", "generator"]
