"""The readiness report and an exam's standing as terminal text (readiness_page.py is the HTML form)."""
from __future__ import annotations

from typing import Any

from grader.readiness import STUDY_TARGETS, context_line


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.0%}"


def readiness_lines(rep: dict[str, Any]) -> list[str]:
    """`grader readiness`: per track the verdict, both tests, the weakest topics; then the study split."""
    lines = []
    for track, t in rep["tracks"].items():
        lines.append(f"{track} track: {'READY TO APPLY' if t['ready'] else 'not ready yet'}")
        if t["latest_exam"]:
            le, be = t["latest_exam"], t["best_exam"]
            lines.append(f"  coding exam: latest {le['solved']}/{le['size']}, best {be['solved']}/{be['size']} "
                         f"(pass mark {le['threshold']}); {le['context']}")
        else:
            lines.append(f"  coding exam: none yet (grader exam new --track {track})")
        if t["latest_quiz"]:
            q, bq = t["latest_quiz"], t["best_quiz"]
            lines.append(f"  quiz: latest {q['correct']}/{q['size']}, best {bq['correct']}/{bq['size']} "
                         f"(pass mark {q['threshold']})")
        else:
            lines.append(f"  quiz: none yet (grader quiz new --track {track})")
        for w in t["weakest"]:
            rate = "not attempted" if w["solve_rate"] is None else f"{w['solve_rate']:.0%} solved"
            lines.append(f"  weak: {w['topic']} ({rate}); next: {', '.join(w['next']) or '-'}")
    st = rep["study"]
    sh = st["shares"]
    lines.append(f"study: {st['total_minutes']:.0f} min; individual {_pct(sh['individual'])} "
                 f"(target {STUDY_TARGETS['individual']:.0%}), group {_pct(sh['group'])} "
                 f"({STUDY_TARGETS['group']:.0%}); problem sets {_pct(sh['problems'])} of individual "
                 f"({STUDY_TARGETS['problems']:.0%}), oral {_pct(sh['oral'])} of group ({STUDY_TARGETS['oral']:.0%})")
    return lines


def exam_lines(st: dict[str, Any]) -> list[str]:
    """`grader exam status`: each problem's counted status, the score against the pass mark, its meaning."""
    lines = [f"  {p['id']:<30} {p['status']}" for p in st["problems"]]
    lines.append(f"{st['solved']}/{st['size']} solved ({st['graded']} graded); pass mark {st['threshold']}: "
                 f"{'READY' if st['ready'] else 'not ready yet'}")
    lines.append(context_line(st["solved"], st["size"], st["threshold"]))
    return lines
