"""The readiness report and an exam's standing as terminal text (readiness_page.py is the HTML form)."""
from __future__ import annotations

import time
from typing import Any

from grader.counting import LEGACY
from grader.readiness import STUDY_TARGETS, context_line


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.0%}"


def counted_label(entry: dict[str, Any]) -> str:
    """'counted', 'practice: why', or the legacy note, from an entry's `counts` and `why`."""
    if entry["counts"]:
        return "counted"
    why = entry.get("why") or "practice"
    return why if why == LEGACY else f"practice: {why}"


def _when(t: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(t))


def _minutes(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes = round(seconds / 60)
    return f"{minutes // 60}h{minutes % 60:02d}m" if minutes >= 60 else f"{minutes} min"


def guessing_lines(guess: dict[str, Any]) -> list[str]:
    """What guessing is worth on the quiz, per track (or why it could not be computed)."""
    if guess.get("error"):
        return [f"guessing figures: not available ({guess['error']})"]
    lines = []
    for track, g in guess["tracks"].items():
        known = {k["known"]: k for k in g["pass_if_known"]}
        at30 = known.get(30)
        lines.append(f"guessing ({track} quiz): blind guesses score about {g['blind_score']:.1f} of {g['size']}, "
                     f"always picking the longest option {g['longest_option_score']:.1f}"
                     + (f"; knowing 30 of {g['size']} passes {at30['blind']:.1%} of the time guessing blind, "
                        f"{at30['longest_option']:.1%} picking the longest option" if at30 else ""))
    return lines


def readiness_lines(rep: dict[str, Any]) -> list[str]:
    """`grader readiness`: per track the verdict, every exam and quiz with whether it counted, the weakest topics;
    then the study split and the guessing figures."""
    lines = []
    for track, t in rep["tracks"].items():
        lines.append(f"{track} track: {'READY TO APPLY' if t['ready'] else 'not ready yet'}")
        if t["best_exam"]:
            be = t["best_exam"]
            lines.append(f"  coding exam: best counted {be['solved']}/{be['size']} (pass mark {be['threshold']}); "
                         f"{be['context']}")
        else:
            lines.append(f"  coding exam: no counted exam yet (grader exam new --track {track})")
        for e in t["exams"]:
            seen = "" if e["seen_before"] is None else f", {e['seen_before']} seen before"
            lines.append(f"    exam {e['exam_id']}  {_when(e['created_at'])}  {e['solved']}/{e['size']}  "
                         f"{e['state']}{seen}  {counted_label(e)}")
        if t["best_quiz"]:
            bq = t["best_quiz"]
            lines.append(f"  quiz: best counted {bq['correct']}/{bq['size']} (pass mark {bq['threshold']})")
        else:
            lines.append(f"  quiz: no counted quiz yet (grader quiz new --track {track})")
        for q in t["quiz"]:
            lines.append(f"    quiz result #{q['result_id']}  {_when(q['taken_at'])}  {q['correct']}/{q['size']}  "
                         f"{counted_label(q)}")
        for q in t["ungraded_quizzes"]:
            lines.append(f"    quiz {q['quiz_id']}  drawn {q['created']}, not graded yet  "
                         f"({'would count' if q['counts'] else counted_label(q)})")
        for w in t["weakest"]:
            rate = "not attempted" if w["solve_rate"] is None else f"{w['solve_rate']:.0%} solved"
            lines.append(f"  weak: {w['topic']} ({rate}); next: {', '.join(w['next']) or '-'}")
    st = rep["study"]
    sh = st["shares"]
    lines.append(f"study: {st['total_minutes']:.0f} min; individual {_pct(sh['individual'])} "
                 f"(target {STUDY_TARGETS['individual']:.0%}), group {_pct(sh['group'])} "
                 f"({STUDY_TARGETS['group']:.0%}); problem sets {_pct(sh['problems'])} of individual "
                 f"({STUDY_TARGETS['problems']:.0%}), oral {_pct(sh['oral'])} of group ({STUDY_TARGETS['oral']:.0%})")
    lines += guessing_lines(rep["guessing"])
    return lines


def exam_lines(st: dict[str, Any]) -> list[str]:
    """`grader exam status`: each problem's counted status and time, the score against the pass mark, whether
    the exam counts toward readiness, its state and its meaning."""
    lines = []
    for p in st["problems"]:
        after = f"  (submitted {_minutes(p['elapsed_s'])} after the start)" if p["elapsed_s"] is not None else ""
        lines.append(f"  {p['id']:<30} {p['status']}{after}")
    state = st["state"]
    if st["open"] and st["deadline"]:
        state += f", ends {st['deadline']}"
    lines.append(f"{st['solved']}/{st['size']} solved ({st['graded']} graded); pass mark {st['threshold']}: "
                 f"{'PASSED' if st['passed'] else 'not passed'}; exam {st['exam_id']} {state}; "
                 + ("counts toward readiness" if st["counts"] else counted_label(st)))
    if st["seen_before"] is not None:
        lines.append(f"{st['seen_before']} of the {st['size']} problems had been seen before this exam was drawn")
    lines.append(context_line(st["solved"], st["size"], st["threshold"]))
    return lines
