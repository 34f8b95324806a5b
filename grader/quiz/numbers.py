"""Checks of numeric items over their parameter draws: keys, stems, and tolerances that are neither loose nor tight.

For every combination of parameters (all of them up to 400, else 400 sampled), a generated item must give a
finite, reproducible key, and its stem and explanation must render and read grammatically. For every numeric
item and every draw, the tolerance must:
- reject each classic wrong answer (the generator's `Key.wrong`, or the item's `wrong` list), also after the
  wrong answer is rounded to 3 significant figures; a mistake that gives exactly the key is no mistake there;
- accept the key rounded to 3 significant figures (an honest, correctly rounded answer);
- when absolute, be at most 5% of the key (else values that span magnitudes need a relative tolerance);
- when exact (abs = 0), have a whole-number key.
"""
from __future__ import annotations

import itertools
import math
import random
from collections.abc import Iterator
from typing import Any

from grader.quiz.bank import Defect, Item, Tolerance
from grader.quiz.generators import Key
from grader.quiz.text import parameter_slips

MAX_COMBOS = 400
SIG_FIGS = 3
MAX_ABS_SHARE = 0.05


def _thaw(value: Any) -> Any:
    return [_thaw(v) for v in value] if isinstance(value, tuple) else value


def param_combos(item: Item) -> Iterator[dict[str, Any]]:
    """Every combination of an item's parameter choices (as a quiz passes them), or a seeded sample of 400."""
    names = sorted(item.params)
    total = math.prod(len(item.params[n]) for n in names)
    if total <= MAX_COMBOS:
        for values in itertools.product(*(item.params[n] for n in names)):
            yield {n: _thaw(v) for n, v in zip(names, values, strict=True)}
        return
    rng = random.Random(f"validate:{item.id}")
    for _ in range(MAX_COMBOS):
        yield {n: _thaw(rng.choice(item.params[n])) for n in names}


def round_sig(value: float, digits: int = SIG_FIGS) -> float:
    """`value` rounded to `digits` significant figures."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def tolerance_problems(tol: Tolerance, key: Key) -> list[tuple[str, str]]:
    """(kind, message) for each way this tolerance is wrong for this key and its wrong answers."""
    value: float = key.value
    out: list[tuple[str, str]] = []
    exact = tol.kind == "abs" and tol.value == 0
    if exact:
        if value != round(value):
            out.append(("exact", f"an exact tolerance needs a whole-number key, not {value:.6g}"))
    else:
        if not tol.accepts(round_sig(value), value):
            out.append(("tight", f"{tol.describe()} rejects {round_sig(value):.6g}, the key {value:.6g} rounded "
                                 f"to {SIG_FIGS} significant figures"))
        if tol.kind == "abs" and value and tol.value > MAX_ABS_SHARE * abs(value):
            out.append(("loose", f"{tol.describe()} is more than {MAX_ABS_SHARE:.0%} of the key {value:.4g}: "
                                 "use a relative tolerance"))
    for why, wrong in key.wrong.items():
        if not math.isfinite(wrong) or math.isclose(wrong, value, rel_tol=1e-9, abs_tol=1e-12):
            continue
        if tol.accepts(wrong, value) or (not exact and tol.accepts(round_sig(wrong), value)):
            out.append((f"wrong:{why}", f"{tol.describe()} admits the wrong answer {wrong:.6g} ({why}) against "
                                       f"the key {value:.6g}"))
    return out


def check_numeric(item: Item) -> list[Defect]:
    """Every defect of one numeric item over its parameter draws (the first draw of each kind, with a count)."""
    from grader.quiz.draw import instantiate

    assert item.tolerance is not None
    found: dict[str, tuple[str, int]] = {}  # kind of problem -> (its first message, draws that have it)
    any_wrong = False
    combos = list(param_combos(item)) if item.generator else [{}]
    for params in combos:
        at = f" for {params}" if params else ""
        problems: dict[str, str] = {}
        try:
            key, again = item.answer_key(params), item.answer_key(params)
            if item.generator:
                for slip in parameter_slips(item.stem, **params) + parameter_slips(item.explanation, **params,
                                                                                   answer=key.value):
                    problems["grammar"] = f"reads '{slip}'{at}; count nouns with {{name:~noun}}"
        except Exception as exc:  # noqa: BLE001 - any failure of author code is a defect to report
            message = f"generator '{item.generator}' fails{at}: {type(exc).__name__}: {exc}"
            return [Defect(item.source, item.id, message)]
        if not math.isfinite(key.value):
            problems["finite"] = f"generator '{item.generator}' gives a non-finite key{at}"
        else:
            if key != again:
                problems["repro"] = f"generator '{item.generator}' is not reproducible: two calls{at} differ"
            any_wrong |= any(not math.isclose(w, key.value, rel_tol=1e-9, abs_tol=1e-12) for w in key.wrong.values())
            problems.update((kind, text + at) for kind, text in tolerance_problems(item.tolerance, key))
        for kind, text in problems.items():
            first, n = found.get(kind, (text, 0))
            found[kind] = (first, n + 1)
    if not any_wrong:
        found["no-wrong"] = ("names no classic wrong answer: list them (the generator's Key.wrong, or "
                             "wrong = [{ value = ..., why = \"...\" }]) so the validator can check the tolerance", 1)
    if item.generator and any(instantiate(item, seed) != instantiate(item, seed) for seed in range(5)):
        found["seed"] = ("drawing this item twice with the same seed gives different parameters", 1)
    defects = []
    for message, count in found.values():
        more = f" (in {count} of {len(combos)} parameter draws)" if len(combos) > 1 and count > 1 else ""
        defects.append(Defect(item.source, item.id, message + more))
    return defects
