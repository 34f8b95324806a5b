"""The similarity report's outputs: similarity.csv, similarity.html, a page per problem, JSON, batch's section.

Pages are the project's jinja2 templates (grader/templates/similarity/, in the one page shell) with
autoescape on, so student names, problem ids from file names and the code itself are always text, never
markup; the shell's Content-Security-Policy lets nothing run but its own table-sorting script.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from grader.gradebook import csv_cell, safe_name
from grader.html import environment, render
from grader.similarity.compare import COMMON_MIN, COMMON_SHARE, MIN_RUN, MIN_SHARED_TOKENS, SIDE_BY_SIDE, Pair
from grader.similarity.run import ClassResult, ProblemResult

CSV_COLUMNS = ("problem", "student_a", "student_b", "score", "similarity_a", "similarity_b", "shared_tokens_a",
               "shared_tokens_b", "fragments", "cluster")
MAX_PAIRS_LISTED = 1000  # in the index's table
BATCH_PAIRS = 10  # in batch's report


@dataclass(frozen=True)
class PairRow:
    """A pair as the pages show it: where it is, its cluster, and whether its code is shown side by side."""

    problem: str
    rank: int
    pair: Pair
    cluster: str
    link: str | None

    @property
    def a(self):
        return self.pair.a

    @property
    def b(self):
        return self.pair.b

    @property
    def score(self) -> float:
        return self.pair.score

    @property
    def fragments(self) -> int:
        return self.pair.fragments

    @property
    def shown(self) -> bool:
        return self.link is not None


class _View:
    """Pages, cluster ids and pair rows for one class result (names and links worked out once)."""

    def __init__(self, result: ClassResult):
        self.result = result
        self.pages: dict[str, str] = {}
        taken: set[str] = set()
        for p in result.problems:  # two ids can share a safe file name: number the later ones
            base = safe_name(p.problem)
            name, n = base, 1
            while name.lower() in taken:
                n += 1
                name = f"{base}-{n}"
            taken.add(name.lower())
            self.pages[p.problem] = f"similarity/{name}.html"
        self.clusters: list[dict[str, Any]] = []
        self.rows: dict[str, list[PairRow]] = {}
        for p in result.problems:
            member: dict[str, str] = {}
            for c in p.comparison.clusters:
                cid = f"C{len(self.clusters) + 1}"
                self.clusters.append({"id": cid, "problem": p.problem, "page": self.pages[p.problem],
                                      "students": c.students, "pairs": c.pairs, "max_score": c.max_score})
                member.update({s: cid for s in c.students})
            self.rows[p.problem] = [
                PairRow(p.problem, rank, pair, member.get(pair.a.student, ""),
                        f"{self.pages[p.problem]}#pair-{rank}" if pair.shown else None)
                for rank, pair in enumerate(p.comparison.pairs, 1)]

    def problem(self, p: ProblemResult) -> dict[str, Any]:
        rows = self.rows[p.problem]
        return {"id": p.problem, "title": p.title, "in_bank": p.title is not None, "page": self.pages[p.problem],
                "compared": p.comparison.compared, "pairs": rows, "pairs_hidden": len(rows) > SIDE_BY_SIDE,
                "clusters": [c for c in self.clusters if c["problem"] == p.problem],
                "not_compared": list(p.not_compared)}

    def all_rows(self) -> list[PairRow]:
        rows = [r for p in self.result.problems for r in self.rows[p.problem]]
        return sorted(rows, key=lambda r: (-r.score, r.problem, r.rank))


def write_outputs(result: ClassResult, out: Path) -> list[Path]:
    """similarity.csv, similarity.html and similarity/<problem>.html in `out`; returns the paths written."""
    view = _View(result)
    (out / "similarity").mkdir(parents=True, exist_ok=True)
    written = [_write_csv(view, out / "similarity.csv")]
    params = {"common_share": COMMON_SHARE, "common_min": COMMON_MIN, "min_run": MIN_RUN,
              "min_shared": MIN_SHARED_TOKENS}
    rows = view.all_rows()
    index = render("similarity/index.html", "Similarity report", threshold=result.threshold, params=params,
                    problems=[view.problem(p) for p in result.problems], clusters=view.clusters,
                    pairs=rows[:MAX_PAIRS_LISTED], pairs_hidden=max(0, len(rows) - MAX_PAIRS_LISTED),
                    skipped=list(result.skipped),
                    not_compared=[f"{p.problem}: {line}" for p in result.problems for line in p.not_compared])
    (out / "similarity.html").write_text(index, encoding="utf-8")
    written.append(out / "similarity.html")
    for p in result.problems:
        page = out / view.pages[p.problem]
        page.write_text(render("similarity/problem.html", f"Similarity: {p.problem}", threshold=result.threshold,
                                p=view.problem(p)), encoding="utf-8")
        written.append(page)
    return written


def _write_csv(view: _View, path: Path) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(CSV_COLUMNS)
        for r in view.all_rows():
            w.writerow([csv_cell(r.problem), csv_cell(r.a.student), csv_cell(r.b.student), f"{r.score:.4f}",
                        f"{r.a.similarity:.4f}", f"{r.b.similarity:.4f}", r.a.shared_tokens, r.b.shared_tokens,
                        r.fragments, r.cluster])
    return path


def to_json(result: ClassResult) -> dict[str, Any]:
    """The report as one JSON document (`grader similarity --json`)."""
    view = _View(result)

    def side(s: Any) -> dict[str, Any]:
        return {"student": s.student, "similarity": s.similarity, "shared_tokens": s.shared_tokens,
                "own_tokens": s.own_tokens}

    problems = []
    for p in result.problems:
        problems.append({
            "problem": p.problem, "in_bank": p.title is not None, "compared": p.comparison.compared,
            "not_compared": list(p.not_compared),
            "pairs": [{"a": side(r.a), "b": side(r.b), "score": r.score, "fragments": r.fragments,
                       "cluster": r.cluster or None} for r in view.rows[p.problem]],
            "clusters": [{"id": c["id"], "students": list(c["students"]), "pairs": c["pairs"],
                          "max_score": c["max_score"]} for c in view.clusters if c["problem"] == p.problem]})
    return {"threshold": result.threshold, "pairs": result.flagged, "clusters": len(view.clusters),
            "problems": problems, "skipped": list(result.skipped)}


def _section(**context: Any) -> Markup:
    return Markup(environment().get_template("similarity/batch_section.html").render(**context))


def batch_section(result: ClassResult) -> Markup:
    """The section batch's report.html shows: the highest pairs, clusters, and a link to the full report."""
    view = _View(result)
    rows = view.all_rows()
    return _section(failed="", threshold=result.threshold, pairs=rows[:BATCH_PAIRS], total=len(rows),
                    clusters=view.clusters)


def failed_section(reason: str) -> Markup:
    """Batch's section when the comparison itself failed: the reason, escaped."""
    return _section(failed=reason, threshold=0.0, pairs=[], total=0, clusters=[])
