"""Where a learner stands on both tests and on the study method, computed from the store alone.

A track is ready only when a counted exam (the standard draw, the tool's seed) has at least EXAM_PASS problems
solved at their first graded attempt, and a counted quiz (the standard blueprint draw, the tool's seed) scored at
least QUIZ_PASS at its first grading (grader/counting.py). Every exam and quiz is listed with whether it counted,
and if not why.
"""
from __future__ import annotations

import math
import time
from collections import defaultdict
from typing import Any

from grader.exam_sitting import exam_status
from grader.problems import Problem
from grader.quiz.results import quiz_results, ungraded_quizzes
from grader.store import Store
from grader.vocab import EXAM_PASS, EXAM_SIZE, QUIZ_PASS, QUIZ_SIZE, Difficulty, Status, StudyKind, Track

_EASIEST_FIRST: dict[str, int] = {d: i for i, d in enumerate(Difficulty)}
STUDY_TARGETS = {"individual": 0.8, "group": 0.2, "problems": 0.7, "reading": 0.3, "oral": 0.6, "group_problems": 0.4}


def p_reach(p: float, n: int, k: int) -> float:
    """P(at least k of n) for independent items each solved with probability p."""
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1))


def context_line(solved: int, size: int, threshold: int) -> str:
    """A score read against chance, e.g. what 16/20 says about a learner's true rate."""
    rate = solved / size if size else 0.0
    return (f"{solved}/{size}: a learner who truly solves {rate:.0%} of problems reaches {threshold}/{size} "
            f"{p_reach(rate, size, threshold):.0%} of the time; at 85% it is {p_reach(0.85, size, threshold):.0%}, "
            f"at 90% {p_reach(0.9, size, threshold):.0%}")


def _study(store: Store) -> dict[str, Any]:
    logged = store.study_minutes()
    m: dict[str, float] = {k: logged.get(k, 0.0) for k in StudyKind}
    individual, group = m[StudyKind.PROBLEMS] + m[StudyKind.READING], m[StudyKind.ORAL] + m[StudyKind.GROUP]
    total = individual + group

    def share(a: float, b: float) -> float | None:
        return a / b if b else None

    return {"minutes": m, "total_minutes": total,
            "shares": {"individual": share(individual, total), "group": share(group, total),
                       "problems": share(m["problems"], individual), "reading": share(m["reading"], individual),
                       "oral": share(m["oral"], group), "group_problems": share(m["group"], group)},
            "targets": STUDY_TARGETS}


def _exams(store: Store, track: str, now: float) -> list[dict[str, Any]]:
    exams = []
    for exam in store.exams(track):
        st = exam_status(store, exam, now)
        exams.append({"exam_id": exam["id"], "created_at": exam["created_at"], "solved": st["solved"],
                      "graded": st["graded"], "size": exam["size"], "threshold": exam["threshold"],
                      "passed": st["passed"], "ready": st["ready"], "counts": st["counts"], "why": st["why"],
                      "state": st["state"], "seen_before": st["seen_before"],
                      "context": context_line(st["solved"], exam["size"], exam["threshold"])})
    return exams


def _quizzes(store: Store, track: str) -> list[dict[str, Any]]:
    return [{"result_id": r.id, "quiz_id": r.quiz_id, "correct": r.correct, "size": r.size,
             "threshold": r.threshold, "passed": r.passed, "taken_at": r.taken_at, "mode": r.mode,
             **r.counting.to_json()}
            for r in quiz_results(store, track=track, newest_first=False)]


def track_report(store: Store, bank: dict[str, Problem], track: str, now: float | None = None) -> dict[str, Any]:
    """One track: every exam and quiz with whether it counted, the verdict, topics and what to do next."""
    now = time.time() if now is None else now
    problems = {pid: p for pid, p in bank.items() if p.track == track}
    exams = _exams(store, track, now)
    counted_exams = [e for e in exams if e["counts"]]
    attempted: dict[str, set[str]] = defaultdict(set)
    solved: dict[str, set[str]] = defaultdict(set)
    for a in store.attempts():
        p = problems.get(a.problem)
        if p is None:
            continue
        attempted[p.topic].add(p.id)
        if a.status == Status.PASSED:
            solved[p.topic].add(p.id)
    topics = []
    for topic in sorted({p.topic for p in problems.values()}):
        n_att, n_sol = len(attempted[topic]), len(solved[topic])
        topics.append({"topic": topic, "problems": sum(p.topic == topic for p in problems.values()),
                       "attempted": n_att, "solved": n_sol, "solve_rate": n_sol / n_att if n_att else None})
    weakest = sorted(topics, key=lambda t: (t["solve_rate"] if t["solve_rate"] is not None else -1.0, t["topic"]))[:3]
    for t in weakest:
        topic = str(t["topic"])
        todo = sorted((p for p in problems.values() if p.topic == topic and p.id not in solved[topic]),
                      key=lambda p: (p.id in attempted[topic], _EASIEST_FIRST[p.difficulty], p.id))
        t["next"] = [p.id for p in todo[:3]]
    all_att = sum(len(s) for s in attempted.values())
    all_sol = sum(len(s) for s in solved.values())
    rate = all_sol / all_att if all_att else None
    quiz = _quizzes(store, track)
    counted_quiz = [q for q in quiz if q["counts"]]
    return {
        "track": track, "bank_size": len(problems), "exams": exams,
        "latest_exam": exams[-1] if exams else None,
        "best_exam": max(counted_exams, key=lambda e: e["solved"]) if counted_exams else None,
        "coding_ready": any(e["ready"] for e in counted_exams),
        "quiz": quiz, "latest_quiz": quiz[-1] if quiz else None,
        "best_quiz": max(counted_quiz, key=lambda q: q["correct"]) if counted_quiz else None,
        "quiz_ready": any(q["passed"] for q in counted_quiz),
        "ungraded_quizzes": ungraded_quizzes(store, track),
        "topics": topics, "weakest": weakest, "solve_rate": rate,
        "p_pass_exam": p_reach(rate, EXAM_SIZE, EXAM_PASS) if rate is not None else None,
    }


def guessing() -> dict[str, Any]:
    """What guessing is worth on each track's quiz, from the question bank as it is now (or why not)."""
    from grader.errors import GraderError
    from grader.quiz.bank import load_bank
    from grader.quiz.guessing import measure

    try:
        bank = load_bank()
        return {"tracks": {str(t): measure(bank, t).to_json() for t in Track}, "error": None}
    except GraderError as exc:  # a malformed bank: the report still shows the record
        return {"tracks": {}, "error": str(exc)}


def report(store: Store, bank: dict[str, Problem], guess: dict[str, Any] | None = None) -> dict[str, Any]:
    """The readiness report for both tracks, the study split, the thresholds' meaning and the guessing figures
    (`guess`, computed from the question bank unless given)."""
    tracks = {str(t): track_report(store, bank, t) for t in Track}
    for t in tracks.values():
        t["ready"] = t["coding_ready"] and t["quiz_ready"]
    return {"tracks": tracks, "study": _study(store), "guessing": guessing() if guess is None else guess,
            "bar": {"exam_size": EXAM_SIZE, "exam_pass": EXAM_PASS, "quiz_size": QUIZ_SIZE, "quiz_pass": QUIZ_PASS},
            "context": [{"p": p, "exam": p_reach(p, EXAM_SIZE, EXAM_PASS), "quiz": p_reach(p, QUIZ_SIZE, QUIZ_PASS)}
                        for p in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)]}
