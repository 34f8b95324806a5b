"""Drawing a quiz by the track's blueprint, and posing a drawn item (shuffled choices, generated numbers, key)."""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace
from typing import Any

from grader.errors import UsageError
from grader.quiz.bank import BLUEPRINT_SIZE, LETTERS, TOPICS, TRACKS, Item, topic_name
from grader.quiz.sampling import fair_sample, weighted_sample
from grader.quiz.text import fill
from grader.vocab import QUIZ_PASS

QUIZ_FORMAT = 1
MAX_SINGLE_SHARE = 0.4  # problem-bank.md 3.2: single-answer items at most 40% of a drawn quiz
MAX_REDRAWS = 50  # draws tried before single-answer items are swapped out instead


class DrawError(UsageError):
    """The bank cannot supply the quiz asked for (too few items for the size)."""


class QuizFileError(UsageError):
    """quiz.json is missing, unreadable, or inconsistent with the bank (edited by hand, or the bank changed)."""


@dataclass(frozen=True)
class DrawnItem:
    """One question of a quiz: its answer key (q01...), the bank item, the shown order of choices, drawn numbers."""

    key: str
    id: str
    order: tuple[int, ...] = ()
    params: dict[str, Any] = field(default_factory=dict)
    digest: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "id": self.id, "order": list(self.order), "params": self.params,
                "digest": self.digest}


@dataclass(frozen=True)
class Shortfall:
    """A topic with fewer eligible items than its quota; the difference was drawn from other topics."""

    topic: str  # the code; shown by name
    quota: int
    drawn: int

    def to_json(self) -> dict[str, Any]:
        return {"topic": topic_name(self.topic), "code": self.topic, "quota": self.quota, "drawn": self.drawn}


@dataclass(frozen=True)
class Quiz:
    """A drawn quiz: everything grading needs, as stored in quiz.json."""

    track: str
    seed: int
    size: int
    threshold: int
    items: tuple[DrawnItem, ...]
    shortfalls: tuple[Shortfall, ...] = ()
    created: str = ""

    @property
    def filled(self) -> int:
        """Questions drawn from other topics because some topic was short."""
        return sum(s.quota - s.drawn for s in self.shortfalls)

    def shortfall_note(self) -> str:
        """One line for stderr saying which topics were short, or '' when the blueprint was met."""
        if not self.shortfalls:
            return ""
        short = ", ".join(f"{topic_name(s.topic)} ({s.drawn} of {s.quota})" for s in self.shortfalls)
        return (f"warning: {self.filled} of {self.size} questions come from other {self.track} topics because "
                f"the bank is short of the blueprint in {short}")

    def to_json(self) -> dict[str, Any]:
        return {"format": QUIZ_FORMAT, "track": self.track, "seed": self.seed, "size": self.size,
                "threshold": self.threshold, "created": self.created, "filled": self.filled,
                "shortfalls": [s.to_json() for s in self.shortfalls], "items": [i.to_json() for i in self.items]}


def default_threshold(size: int) -> int:
    """35 of 50, and the same 70% (rounded up) for other sizes."""
    return QUIZ_PASS if size == BLUEPRINT_SIZE else math.ceil(0.7 * size)


def quotas(track: str, size: int = BLUEPRINT_SIZE) -> dict[str, int]:
    """Per-topic draws for a quiz of `size`: the 50-question blueprint scaled by largest remainders."""
    exact = {t.code: t.quota(track) * size / BLUEPRINT_SIZE for t in TOPICS}
    out = {code: int(x) for code, x in exact.items()}
    order = sorted(exact, key=lambda c: (-(exact[c] - out[c]), c))
    for code in order[: size - sum(out.values())]:
        out[code] += 1
    return out


def _cap_single(chosen: list[Item], eligible: list[Item], size: int, weight: dict[str, float],
                rng: random.Random) -> list[Item]:
    """Swap single-answer items for other formats of the same topic until they are at most 40% (when possible)."""
    excess = sum(1 for i in chosen if i.format == "single") - int(MAX_SINGLE_SHARE * size)
    if excess <= 0:
        return chosen
    taken = {i.id for i in chosen}
    spare: dict[str, list[Item]] = {}
    for i in eligible:
        if i.id not in taken and i.format != "single":
            spare.setdefault(i.topic, []).append(i)
    out = list(chosen)
    singles = [k for k, i in enumerate(out) if i.format == "single"]
    rng.shuffle(singles)
    for k in singles:
        pool = spare.get(out[k].topic)
        if excess <= 0:
            break
        if pool:
            pick = weighted_sample(pool, 1, [weight[i.id] for i in pool], rng)[0]
            pool.remove(pick)
            out[k] = pick
            excess -= 1
    return out


def clashes(chosen: list[Item]) -> list[tuple[str, str]]:
    """Pairs of drawn items that exclude each other (one gives the other's answer away)."""
    ids = {i.id for i in chosen}
    return sorted({(min(i.id, x), max(i.id, x)) for i in chosen for x in i.excludes if x in ids})


def _separate(chosen: list[Item], eligible: list[Item], weight: dict[str, float], rng: random.Random) -> list[Item]:
    """Replace one item of each clashing pair by a spare that clashes with nothing drawn: of the same topic and
    format if possible, else the same topic, else any. Needed only when every redraw clashed (tiny banks)."""
    out = list(chosen)
    while pairs := clashes(out):
        drop = max(k for k, i in enumerate(out) if i.id in pairs[0])
        gone = out.pop(drop)
        ids = {i.id for i in out}
        spare = [i for i in eligible if i.id not in ids and i.id != gone.id
                 and not set(i.excludes) & ids and not any(i.id in o.excludes for o in out)]
        for pool in ([i for i in spare if i.topic == gone.topic and i.format == gone.format],
                     [i for i in spare if i.topic == gone.topic], spare):
            if pool:
                out.insert(drop, weighted_sample(pool, 1, [weight[i.id] for i in pool], rng)[0])
                break
        else:
            raise DrawError(f"the question bank cannot make a quiz of {len(chosen)} items without two that exclude "
                            f"each other ({pairs[0][0]} and {pairs[0][1]}); ask for a smaller --size")
    return out


def _thaw(value: Any) -> Any:
    return [_thaw(v) for v in value] if isinstance(value, (tuple, list)) else value


def _freeze(value: Any) -> Any:
    return tuple(_freeze(v) for v in value) if isinstance(value, (tuple, list)) else value


def instantiate(item: Item, seed: int) -> DrawnItem:
    """The item as one quiz shows it: choices shuffled and parameters drawn, both from (seed, item id) alone."""
    rng = random.Random(f"item:{seed}:{item.id}")
    n = len(item.choices)
    order: tuple[int, ...] = tuple(range(n))
    if item.format == "ordering":
        for _ in range(20):  # never show the steps already in the right order
            order = tuple(rng.sample(range(n), n))
            if order != tuple(range(n)):
                break
    elif n and item.shuffle:
        order = tuple(rng.sample(range(n), n))
    params = {name: _thaw(rng.choice(item.params[name])) for name in sorted(item.params)}
    return DrawnItem(key="", id=item.id, order=order, params=params, digest=item.digest)


def _by_blueprint(eligible: list[Item], quota: dict[str, int], size: int, track: str,
                  rng: random.Random) -> tuple[list[Item], list[Shortfall]]:
    """Each topic's quota drawn fairly from its items (by weight); short topics filled from the track's others."""
    chosen: list[Item] = []
    shortfalls = []
    for topic in TOPICS:
        pool = [i for i in eligible if i.topic == topic.code]
        want = quota[topic.code]
        chosen += fair_sample(pool, want, [i.weight(track) for i in pool], rng)
        if len(pool) < want:
            shortfalls.append(Shortfall(topic.code, want, len(pool)))
    taken = {i.id for i in chosen}
    rest = [i for i in eligible if i.id not in taken]
    for pool in ([i for i in rest if quota[i.topic] > 0], [i for i in rest if quota[i.topic] == 0]):
        missing = size - len(chosen)
        if missing <= 0:
            break
        # prefer the topics this track's blueprint weighs most
        prefer = [i.weight(track) * max(quota[i.topic], 0.5) for i in pool]
        chosen += weighted_sample(pool, min(missing, len(pool)), prefer, rng)
    return chosen, shortfalls


def draw(bank: dict[str, Item], track: str, size: int = BLUEPRINT_SIZE, threshold: int | None = None,
         seed: int = 0, created: str = "") -> Quiz:
    """Draw `size` distinct items by the track's topic quotas; short topics are filled from the track's others."""
    if track not in TRACKS:
        raise DrawError(f"unknown track {track!r}; choose one of {', '.join(TRACKS)}")
    if size < 1:
        raise DrawError("--size must be at least 1")
    threshold = default_threshold(size) if threshold is None else threshold
    if not 0 <= threshold <= size:
        raise DrawError(f"--pass must be between 0 and the quiz size ({size})")
    eligible = [i for _, i in sorted(bank.items()) if i.weight(track) > 0]
    if size > len(eligible):
        raise DrawError(f"the question bank has only {len(eligible)} items for the {track} track; "
                        f"ask for --size {len(eligible)} or fewer")
    quota = quotas(track, size)
    cap = int(MAX_SINGLE_SHARE * size)
    feasible = sum(1 for i in eligible if i.format != "single") >= size - cap
    # Redraw (from the seed alone) until single-answer items are <= 40% (when the bank allows) and no two items
    # that exclude each other were drawn together; rejecting whole draws keeps equal-weight items drawn alike.
    for attempt in range(MAX_REDRAWS):
        rng = random.Random(f"quiz:{track}:{seed}" + (f":{attempt}" if attempt else ""))
        chosen, shortfalls = _by_blueprint(eligible, quota, size, track, rng)
        singles_ok = not feasible or sum(1 for i in chosen if i.format == "single") <= cap
        if singles_ok and not clashes(chosen):
            break
    weight = {i.id: i.weight(track) for i in eligible}
    if sum(1 for i in chosen if i.format == "single") > cap:
        chosen = _cap_single(chosen, eligible, size, weight, rng)
    chosen = _separate(chosen, eligible, weight, rng)
    rng.shuffle(chosen)
    width = max(2, len(str(size)))
    items = tuple(replace(instantiate(i, seed), key=f"q{n:0{width}d}") for n, i in enumerate(chosen, 1))
    return Quiz(track=track, seed=seed, size=size, threshold=threshold, items=items,
                shortfalls=tuple(shortfalls), created=created)


def quiz_from_json(data: Any, bank: dict[str, Item], where: str) -> Quiz:
    """Rebuild a quiz from quiz.json, refusing anything the bank and the drawing rules could not have produced."""

    def bad(message: str) -> QuizFileError:
        return QuizFileError(f"{where}: {message}; the file was edited or the question bank changed "
                             "(write a new quiz with 'grader quiz new')")

    if not isinstance(data, dict) or data.get("format") != QUIZ_FORMAT:
        raise bad(f"not a quiz file of format {QUIZ_FORMAT}")
    track, seed, size, threshold = data.get("track"), data.get("seed"), data.get("size"), data.get("threshold")
    if track not in TRACKS:
        raise bad(f"'track' must be one of {', '.join(TRACKS)}")
    if not (isinstance(seed, int) and isinstance(size, int) and isinstance(threshold, int)) or any(
            isinstance(v, bool) for v in (seed, size, threshold)):
        raise bad("'seed', 'size' and 'threshold' must be integers")
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or len(raw_items) != size or size < 1:
        raise bad(f"'items' must list exactly 'size' ({size}) questions")
    if not 0 <= threshold <= size:
        raise bad(f"'threshold' {threshold} is outside 0..{size}")
    width = max(2, len(str(size)))
    items, seen = [], set()
    for n, raw in enumerate(raw_items, 1):
        key = f"q{n:0{width}d}"
        if not isinstance(raw, dict) or raw.get("key") != key:
            raise bad(f"question {n} must have key {key!r}")
        iid = raw.get("id")
        if iid not in bank:
            raise bad(f"{key} names {iid!r}, which is not in the question bank")
        if iid in seen:
            raise bad(f"{key} repeats item {iid!r}")
        seen.add(iid)
        item = bank[iid]
        order, params = raw.get("order"), raw.get("params")
        n_choices = len(item.choices)
        if not isinstance(order, list) or not all(type(j) is int for j in order) or \
                sorted(order) != list(range(n_choices)):
            raise bad(f"{key} ({iid}) has an 'order' that is not a permutation of its {n_choices} choices")
        if not isinstance(params, dict) or set(params) != set(item.params) or any(
                _freeze(v) not in item.params[k] for k, v in params.items()):
            raise bad(f"{key} ({iid}) has 'params' that the item does not offer")
        items.append(DrawnItem(key=key, id=iid, order=tuple(order), params=params, digest=str(raw.get("digest", ""))))
    shortfalls = []
    for s in data.get("shortfalls", []):
        if not isinstance(s, dict) or not all(isinstance(s.get(k), int) for k in ("quota", "drawn")):
            raise bad("'shortfalls' entries need 'topic', 'quota' and 'drawn'")
        shortfalls.append(Shortfall(str(s.get("code", s.get("topic"))), s["quota"], s["drawn"]))
    return Quiz(track=track, seed=seed, size=size, threshold=threshold, items=tuple(items),
                shortfalls=tuple(shortfalls), created=str(data.get("created", "")))


@dataclass(frozen=True)
class Posed:
    """A drawn item ready to ask and to score: final stem, labelled choices, and the expected answer."""

    key: str
    item: Item
    stem: str
    choices: tuple[str, ...]
    expected: str | tuple[str, ...] | float
    explanation: str

    @property
    def format(self) -> str:
        return self.item.format


def pose(item: Item, drawn: DrawnItem) -> Posed:
    """Apply the drawn order and parameters: choices in shown order, key in shown letters, numbers computed."""
    choices = tuple(item.choices[j] for j in drawn.order)
    shown = {bank_index: LETTERS[pos] for pos, bank_index in enumerate(drawn.order)}
    expected: str | tuple[str, ...] | float
    if item.format == "single":
        expected = shown[item.key[0]]
    elif item.format == "multi":
        expected = tuple(sorted(shown[j] for j in item.key))
    elif item.format == "ordering":
        expected = tuple(shown[j] for j in range(len(item.steps)))
    else:
        expected = item.numeric_key(drawn.params)
    stem, explanation = item.stem, item.explanation
    if item.generator:
        stem = fill(stem, **drawn.params)
        explanation = fill(explanation, **drawn.params, answer=expected)
    return Posed(key=drawn.key, item=item, stem=stem, choices=choices, expected=expected, explanation=explanation)


def pose_quiz(quiz: Quiz, bank: dict[str, Item]) -> list[Posed]:
    """Every question of a quiz, posed in quiz order."""
    return [pose(bank[d.id], d) for d in quiz.items]
