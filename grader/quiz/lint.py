"""`grader quiz validate`: every check of the bank as a whole, and the figures an author needs to see.

Defects fail the run: a malformed item (`grader.quiz.schema`), a duplicate id or stem, a numeric item whose
key, stem or tolerance is wrong (`grader.quiz.numbers`), a blueprint draw that cannot be made or reproduced,
a guessing cue in option lengths (`grader.quiz.cues`), and with `strict` a topic below its spec target.
Warnings only inform. The figures: per-topic counts, the length cues, and over `draws` standard quizzes per
track, how often items appear and what "always pick the longest option" scores (`grader.quiz.exposure`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.quiz.bank import (
    BLUEPRINT_SIZE,
    DIFFICULTIES,
    FORMATS,
    TOPICS,
    TRACKS,
    Defect,
    Item,
    Topic,
    questions_root,
    read_bank,
)
from grader.quiz.cues import MultiCue, RankSpread, SingleCue, multi_cue, rank_spread, single_cues
from grader.quiz.exposure import Exposure, measure
from grader.quiz.numbers import check_numeric
from grader.quiz.schema import normalized

MAX_SINGLE_SHARE_OF_BANK = 0.4


@dataclass(frozen=True)
class TopicCount:
    """How one topic stands: items written, the spec target, and per-track eligible items against the quota."""

    topic: Topic
    items: int
    eligible: dict[str, int]
    difficulty: dict[str, int]
    formats: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        t = self.topic
        return {"topic": t.title, "code": t.code, "items": self.items, "target": t.target,
                "ds": {"eligible": self.eligible["ds"], "quota": t.ds},
                "mle": {"eligible": self.eligible["mle"], "quota": t.mle},
                "difficulty": self.difficulty, "formats": self.formats}


@dataclass(frozen=True)
class BankReport:
    """What `grader quiz validate` found: defects fail the run; warnings and figures only inform."""

    items: int
    defects: tuple[Defect, ...]
    warnings: tuple[str, ...]
    topics: tuple[TopicCount, ...]
    single_cues: tuple[SingleCue, ...] = ()
    rank_spread: RankSpread | None = None
    multi_cue: MultiCue | None = None
    exposure: tuple[Exposure, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.defects

    def lines(self) -> list[str]:
        """The human report: the topic table, figures, warnings and defects, one line each."""
        width = max(len(t.topic.title) for t in self.topics)
        out = [f"{'topic':<{width}} {'items':>5} {'target':>6}  {'ds (quota)':>10}  {'mle (quota)':>11}"
               "   E/M/H    single/multi/num/order"]
        for t in self.topics:
            d, f = t.difficulty, t.formats
            out.append(f"{t.topic.title:<{width}} {t.items:>5} {t.topic.target:>6}  "
                       f"{t.eligible['ds']:>4} ({t.topic.ds:>2})   {t.eligible['mle']:>5} ({t.topic.mle:>2})   "
                       f"{d['E']:>2}/{d['M']}/{d['H']:<2}  "
                       f"{f['single']:>3}/{f['multi']}/{f['numeric']}/{f['ordering']}")
        out.append(f"{'total':<{width}} {self.items:>5} {sum(t.topic.target for t in self.topics):>6}")
        out += [cue.describe() for cue in self.single_cues[:1]]
        out += [self.rank_spread.describe()] if self.rank_spread else []
        out += [self.multi_cue.describe()] if self.multi_cue else []
        out += [e.describe() for e in self.exposure]
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"BAD  {d}" for d in self.defects]
        return out

    def to_json(self) -> dict[str, Any]:
        formats = {f: sum(t.formats[f] for t in self.topics) for f in FORMATS}
        return {"ok": self.ok, "items": self.items, "target": sum(t.topic.target for t in self.topics),
                "defects": [d.to_json() for d in self.defects], "warnings": list(self.warnings),
                "formats": formats, "topics": [t.to_json() for t in self.topics],
                "cues": {"single": [c.to_json() for c in self.single_cues],
                         "ranks": self.rank_spread.to_json() if self.rank_spread else None,
                         "multi": self.multi_cue.to_json() if self.multi_cue else None},
                "exposure": [e.to_json() for e in self.exposure]}


def _topic_counts(items: dict[str, Item], root: Path, strict: bool) -> tuple[list[TopicCount], list[str], list[Defect]]:
    counts, warnings, defects = [], [], []
    for topic in TOPICS:
        mine = [i for i in items.values() if i.topic == topic.code]
        eligible = {str(t): sum(1 for i in mine if i.weight(t) > 0) for t in TRACKS}
        counts.append(TopicCount(topic, len(mine), eligible,
                                 {d: sum(1 for i in mine if i.difficulty == d) for d in DIFFICULTIES},
                                 {f: sum(1 for i in mine if i.format == f) for f in FORMATS}))
        if len(mine) < topic.target:
            message = f"{topic.title} has {len(mine)} of the {topic.target} items the spec targets"
            if strict:
                defects.append(Defect(root.name, "", message))
            else:
                warnings.append(message)
    for track in TRACKS:
        short = [f"{c.topic.title} {c.eligible[track]}/{c.topic.quota(track)}" for c in counts
                 if c.eligible[track] < c.topic.quota(track)]
        if short:
            warnings.append(f"{track} blueprint: too few items for one quiz in {', '.join(short)}; "
                            "draws fill from other topics")
    return counts, warnings, defects


def _draw_defects(items: dict[str, Item], root: Path) -> list[Defect]:
    from grader.quiz.draw import DrawError, draw

    defects = []
    for track in TRACKS:
        for seed in range(3):
            try:
                first, again = draw(items, track, seed=seed), draw(items, track, seed=seed)
            except DrawError as exc:
                defects.append(Defect(root.name, "", f"{track} blueprint draw impossible: {exc}"))
                break
            ids = [d.id for d in first.items]
            if len(set(ids)) != len(ids) or len(ids) != BLUEPRINT_SIZE:
                defects.append(Defect(root.name, "", f"{track} draw with seed {seed} repeats or misses items"))
            if first.items != again.items:
                defects.append(Defect(root.name, "", f"{track} draw with seed {seed} is not reproducible"))
    return defects


def validate_bank(root: Path | None = None, strict: bool = False, draws: int = 200) -> BankReport:
    """Check every item and the bank; with `strict`, topics below their spec target are defects too."""
    root = root or questions_root()
    items, defects = read_bank(root)
    stems: dict[str, Item] = {}
    for item in items.values():
        norm = normalized(item.stem)
        if norm in stems:
            defects.append(Defect(item.source, item.id, f"duplicate stem (same as {stems[norm].id})"))
        else:
            stems[norm] = item
        if item.format == "numeric":
            defects += check_numeric(item)
    counts, warnings, short = _topic_counts(items, root, strict)
    defects += short
    drawable = _draw_defects(items, root)
    defects += drawable
    singles, ranks, multi = single_cues(items.values()), rank_spread(items.values()), multi_cue(items.values())
    for cue in singles:
        if not cue.ok:
            defects.append(Defect(root.name, "", f"guessing cue: {cue.describe()}; vary which option is longest: "
                                                 "distractors as specific as the key, keys no plainer than them"))
    for spread in (ranks, multi):
        if not spread.ok:
            defects.append(Defect(root.name, "", f"guessing cue: {spread.describe()}"))
    if items and sum(1 for i in items.values() if i.format == "single") > MAX_SINGLE_SHARE_OF_BANK * len(items):
        warnings.append("more than 40% of the items are single-answer; the spec wants at most 40% of a quiz")
    exposure = tuple(measure(items, t, draws) for t in TRACKS) if draws and not drawable and items else ()
    return BankReport(items=len(items), defects=tuple(defects), warnings=tuple(warnings), topics=tuple(counts),
                      single_cues=tuple(singles), rank_spread=ranks, multi_cue=multi, exposure=exposure)
