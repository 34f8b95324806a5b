"""The generator registry, `Key`, and the math helpers the generators share.

A generator is a pure function of the parameters an item lists in `params` (no randomness, no state): the quiz
seed picks one value per parameter, the stem shows them, and the function returns a `Key`: the right value and
the values that the usual mistakes give, each named by the mistake. `grader quiz validate` fails an item whose
tolerance admits any of those wrong values. A mistake that gives exactly the right number for some parameters is
not a wrong answer there (the validator skips it), but one that comes close is a defect of the item's params.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import NormalDist


@dataclass(frozen=True)
class Key:
    """A computed key and the wrong answers the classic mistakes give, by the mistake that gives each."""

    value: float
    wrong: Mapping[str, float] = field(default_factory=dict)


GENERATORS: dict[str, Callable[..., Key]] = {}


def generator(func: Callable[..., Key]) -> Callable[..., Key]:
    """Register a generator under its function name (the name items use in `generator = "..."`)."""
    GENERATORS[func.__name__] = func
    return func


def normal_quantile(q: float) -> float:
    """The standard normal quantile z(q)."""
    return NormalDist().inv_cdf(q)


def entropy(counts: Sequence[float], base: float = 2.0) -> float:
    """Shannon entropy of counts or shares, in bits unless another base is given."""
    total = sum(counts)
    return -sum(c / total * math.log(c / total, base) for c in counts if c)


def softmax(logits: Sequence[float]) -> list[float]:
    """Softmax probabilities, computed stably."""
    top = max(logits)
    exps = [math.exp(z - top) for z in logits]
    return [e / sum(exps) for e in exps]
