"""The readiness report as one self-contained HTML page with inline SVG plots (no network needed)."""
from __future__ import annotations

import html
import time
from typing import Any

from grader.gradebook import html_page

_W, _H = 480, 160


def _exam_plot(exams: list[dict[str, Any]], size: int, threshold: int) -> str:
    """Exam scores over time, with the pass bar as a dashed line."""
    if not exams:
        return "<p>No exams yet.</p>"
    n = len(exams)
    x = [40 + (i * (_W - 60) / max(1, n - 1) if n > 1 else (_W - 60) / 2) for i in range(n)]
    y = [_H - 20 - e["solved"] / max(1, e["size"]) * (_H - 40) for e in exams]
    bar_y = _H - 20 - threshold / size * (_H - 40)
    points = " ".join(f"{a:.1f},{b:.1f}" for a, b in zip(x, y, strict=True))
    dots = "".join(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="4" fill="#2a6"><title>{e["solved"]}/{e["size"]}</title></circle>'
                   for a, b, e in zip(x, y, exams, strict=True))
    axes = (f'<line x1="30" y1="{_H - 20}" x2="{_W - 10}" y2="{_H - 20}" stroke="#888"/>'
            f'<line x1="30" y1="20" x2="30" y2="{_H - 20}" stroke="#888"/>'
            f'<text x="24" y="{_H - 16}" text-anchor="end" font-size="11">0</text>'
            f'<text x="24" y="24" text-anchor="end" font-size="11">{size}</text>'
            f'<text x="{_W / 2:.0f}" y="{_H - 4}" text-anchor="middle" font-size="11">exams, oldest to newest</text>')
    return (f'<svg class="plot" id="exam-plot" width="{_W}" height="{_H}" role="img" aria-label="exam scores">{axes}'
            f'<line x1="30" y1="{bar_y:.1f}" x2="{_W - 10}" y2="{bar_y:.1f}" stroke="#a31515" stroke-dasharray="5,4"/>'
            f'<text x="{_W - 10}" y="{bar_y - 4:.1f}" text-anchor="end" font-size="11">pass {threshold}/{size}</text>'
            f'<polyline points="{points}" fill="none" stroke="#2a6" stroke-width="2"/>{dots}</svg>')


def _bars(rows: list[tuple[str, float | None, float | None]], plot_id: str) -> str:
    """Horizontal bars: (label, value in 0..1 or None, target or None)."""
    height = 22 * len(rows) + 10
    parts = [f'<svg class="plot" id="{plot_id}" width="{_W}" height="{height}" role="img">']
    for i, (label, value, target) in enumerate(rows):
        y = 5 + 22 * i
        width = (value or 0.0) * 260
        text = "n/a" if value is None else f"{value:.0%}"
        parts.append(f'<text x="0" y="{y + 14}" font-size="12">{html.escape(label)}</text>'
                     f'<rect x="170" y="{y + 3}" width="{width:.1f}" height="14" fill="#4a8"/>'
                     f'<text x="{175 + width:.1f}" y="{y + 14}" font-size="12">{text}</text>')
        if target is not None:
            tx = 170 + target * 260
            parts.append(f'<line x1="{tx:.1f}" y1="{y}" x2="{tx:.1f}" y2="{y + 20}" stroke="#a31515"/>')
    parts.append("</svg>")
    return "".join(parts)


def render(rep: dict[str, Any]) -> str:
    e = html.escape
    bar = rep["bar"]
    parts = ["<h1>Am I ready to apply?</h1>",
             f"<p>The bar: at least {bar['exam_pass']} of {bar['exam_size']} coding problems in a drawn exam, and at "
             f"least {bar['quiz_pass']} of {bar['quiz_size']} non-coding questions.</p>"]
    for track, t in rep["tracks"].items():
        name = {"ds": "Data scientist", "mle": "ML engineer"}[track]
        parts.append(f'<section id="track-{track}"><h2>{name} track</h2>')
        verdict = "ready to apply" if t["ready"] else "not ready yet"
        parts.append(f'<p class="verdict">{verdict}: coding {"passed" if t["coding_ready"] else "not passed"}, '
                     f'quiz {"passed" if t["quiz_ready"] else "not passed"}.</p>')
        latest, best = t["latest_exam"], t["best_exam"]
        if latest:
            parts.append(f'<p>Latest exam: <b class="latest-exam">{latest["solved"]}/{latest["size"]}</b> '
                         f'(pass mark {latest["threshold"]}); best: <b class="best-exam">{best["solved"]}/{best["size"]}</b>. '
                         f'{e(latest["context"])}.</p>')
        size = latest["size"] if latest else bar["exam_size"]
        threshold = latest["threshold"] if latest else bar["exam_pass"]
        parts.append(_exam_plot(t["exams"], size, threshold))
        if t["latest_quiz"]:
            q, bq = t["latest_quiz"], t["best_quiz"]
            parts.append(f'<p>Latest quiz: <b class="latest-quiz">{q["correct"]}/{q["size"]}</b> (pass mark {q["threshold"]}); '
                         f'best {bq["correct"]}/{bq["size"]}.</p>')
        else:
            parts.append("<p>No quiz taken yet.</p>")
        parts.append("<h3>Solve rate by topic</h3>")
        parts.append(_bars([(tp["topic"], tp["solve_rate"], None) for tp in t["topics"]], f"topics-{track}"))
        if t["weakest"]:
            items = "".join(f"<li>{e(w['topic'])}: next {', '.join(e(n) for n in w['next']) or 'all solved'}</li>"
                            for w in t["weakest"])
            parts.append(f"<h3>Weakest topics and what to do next</h3><ul>{items}</ul>")
        parts.append("</section>")
    st = rep["study"]
    sh, tg = st["shares"], st["targets"]
    parts.append(f'<section id="study"><h2>Study split</h2><p>{st["total_minutes"]:.0f} minutes logged. '
                 "Red marks are the method's targets.</p>")
    parts.append(_bars([("individual (of all)", sh["individual"], tg["individual"]),
                        ("group (of all)", sh["group"], tg["group"]),
                        ("problem sets (of individual)", sh["problems"], tg["problems"]),
                        ("reading (of individual)", sh["reading"], tg["reading"]),
                        ("oral recitation (of group)", sh["oral"], tg["oral"]),
                        ("group problems (of group)", sh["group_problems"], tg["group_problems"])], "study-plot"))
    parts.append("</section>")
    rows = "".join(f"<tr><td>{c['p']:.0%}</td><td>{c['exam']:.1%}</td><td>{c['quiz']:.1%}</td></tr>" for c in rep["context"])
    parts.append('<section id="context"><h2>What the bars mean</h2><table><thead><tr><th>true solve rate</th>'
                 f"<th>P(at least {bar['exam_pass']}/{bar['exam_size']})</th><th>P(at least {bar['quiz_pass']}/{bar['quiz_size']})</th>"
                 f"</tr></thead><tbody>{rows}</tbody></table></section>")
    parts.append(f"<p><small>Generated {time.strftime('%Y-%m-%d %H:%M')} by grader.</small></p>")
    return html_page("Readiness report", "\n".join(parts))
