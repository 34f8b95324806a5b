"""The readiness report as one self-contained HTML page with inline SVG plots (no network needed).

The plots' geometry is computed here; grader/templates/readiness.html draws it.
"""
from __future__ import annotations

import time
from typing import Any

from grader.html import render as render_page
from grader.readiness_text import counted_label
from grader.vocab import Track

WIDTH, HEIGHT = 480, 160  # of each plot, in pixels
_LABEL_W, _BAR_W, _ROW_H = 170, 260, 22  # bar plots: label column, a full bar, one row
TRACK_NAMES: dict[str, str] = {Track.DS: "Data scientist", Track.MLE: "ML engineer"}


def exam_plot(exams: list[dict[str, Any]], size: int, threshold: int) -> dict[str, Any] | None:
    """Exam scores oldest to newest as points, and the pass bar's height; None without exams."""
    if not exams:
        return None
    n = len(exams)
    span = WIDTH - 60
    xs = [40 + (i * span / (n - 1) if n > 1 else span / 2) for i in range(n)]
    ys = [HEIGHT - 20 - e["solved"] / max(1, e["size"]) * (HEIGHT - 40) for e in exams]
    return {"w": WIDTH, "h": HEIGHT, "size": size, "threshold": threshold,
            "bar_y": HEIGHT - 20 - threshold / size * (HEIGHT - 40),
            "polyline": " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True)),
            "dots": [{"x": x, "y": y, "label": f"{e['solved']}/{e['size']}"}
                     for x, y, e in zip(xs, ys, exams, strict=True)]}


def bar_plot(rows: list[tuple[str, float | None, float | None]], plot_id: str) -> dict[str, Any]:
    """Horizontal bars from (label, value in 0..1 or None, target in 0..1 or None)."""
    bars = []
    for i, (label, value, target) in enumerate(rows):
        width = (value or 0.0) * _BAR_W
        bars.append({"label": label, "y": 5 + _ROW_H * i, "x": _LABEL_W, "width": width, "value": value,
                     "target_x": None if target is None else _LABEL_W + target * _BAR_W})
    return {"id": plot_id, "w": WIDTH, "h": _ROW_H * len(rows) + 10, "bars": bars}


def render(rep: dict[str, Any]) -> str:
    """The page for `readiness.report()`'s data."""
    bar = rep["bar"]
    tracks = []
    for track, t in rep["tracks"].items():
        counted = [e for e in t["exams"] if e["counts"]]
        exams = [{**e, "label": counted_label(e), "drawn": time.strftime("%Y-%m-%d %H:%M",
                                                                          time.localtime(e["created_at"]))}
                 for e in t["exams"]]
        quizzes = [{**q, "label": counted_label(q), "taken": time.strftime("%Y-%m-%d %H:%M",
                                                                            time.localtime(q["taken_at"]))}
                   for q in t["quiz"]]
        ungraded = [{**q, "label": "would count" if q["counts"] else counted_label(q)}
                    for q in t["ungraded_quizzes"]]
        tracks.append({"id": track, "name": TRACK_NAMES[track], "t": t, "exams": exams, "quizzes": quizzes,
                       "ungraded": ungraded,
                       "latest_label": counted_label(t["latest_exam"]) if t["latest_exam"] else "",
                       "latest_quiz_label": counted_label(t["latest_quiz"]) if t["latest_quiz"] else "",
                       "exam_plot": exam_plot(counted, bar["exam_size"], bar["exam_pass"]),
                       "topics_plot": bar_plot([(tp["topic"], tp["solve_rate"], None) for tp in t["topics"]],
                                               f"topics-{track}")})
    st = rep["study"]
    sh, tg = st["shares"], st["targets"]
    study_plot = bar_plot([("individual (of all)", sh["individual"], tg["individual"]),
                           ("group (of all)", sh["group"], tg["group"]),
                           ("problem sets (of individual)", sh["problems"], tg["problems"]),
                           ("reading (of individual)", sh["reading"], tg["reading"]),
                           ("oral recitation (of group)", sh["oral"], tg["oral"]),
                           ("group problems (of group)", sh["group_problems"], tg["group_problems"])], "study-plot")
    guess = rep["guessing"]
    guessing = [{"track": track, "name": TRACK_NAMES[track], **g,
                 "known": [{**k} for k in g["pass_if_known"]]} for track, g in guess["tracks"].items()]
    return render_page("readiness.html", "Readiness report", bar=bar, tracks=tracks, study=st,
                       study_plot=study_plot, context=rep["context"], guessing=guessing,
                       guessing_error=guess.get("error"), generated=time.strftime("%Y-%m-%d %H:%M"))
