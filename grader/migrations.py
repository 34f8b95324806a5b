"""The results store's schema: numbered migrations, applied in order by `Store` (`PRAGMA user_version`).

Each entry is one schema version: statements separated by ';' (no ';' inside them). Never edit a merged
entry; append a new one.
"""
from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: attempts
    """
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        problem TEXT NOT NULL,
        problem_version TEXT NOT NULL DEFAULT '',
        notebook TEXT NOT NULL,
        notebook_sha256 TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('passed','failed','error','timeout','memory','invalid')),
        checks_passed INTEGER NOT NULL,
        checks_total INTEGER NOT NULL,
        checks_json TEXT NOT NULL DEFAULT '[]',
        error_json TEXT,
        duration_s REAL NOT NULL,
        sandbox TEXT NOT NULL,
        isolated INTEGER NOT NULL,
        sandbox_detail TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'practice',
        started_at REAL NOT NULL,
        finished_at REAL NOT NULL
    );
    CREATE INDEX attempts_problem ON attempts(problem, finished_at);
    """,
    # 2: batch grading, one row per (student, problem) of a class
    """
    CREATE TABLE batch_results (
        student TEXT NOT NULL,
        problem TEXT NOT NULL,
        notebook TEXT NOT NULL,
        notebook_sha256 TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('passed','failed','error','timeout','memory','invalid')),
        checks_passed INTEGER NOT NULL,
        checks_total INTEGER NOT NULL,
        checks_json TEXT NOT NULL DEFAULT '[]',
        error_json TEXT,
        duration_s REAL NOT NULL,
        sandbox TEXT NOT NULL,
        isolated INTEGER NOT NULL,
        sandbox_detail TEXT NOT NULL DEFAULT '',
        graded_at REAL NOT NULL,
        PRIMARY KEY (student, problem)
    );
    """,
    # 3: readiness exams and the study log
    """
    CREATE TABLE exams (
        id TEXT PRIMARY KEY,
        track TEXT NOT NULL,
        seed INTEGER NOT NULL,
        size INTEGER NOT NULL,
        threshold INTEGER NOT NULL,
        problems_json TEXT NOT NULL,
        created_at REAL NOT NULL
    );
    ALTER TABLE attempts ADD COLUMN exam_id TEXT REFERENCES exams(id);
    CREATE INDEX attempts_exam ON attempts(exam_id, problem);
    CREATE TABLE study_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('problems','reading','oral','group')),
        minutes REAL NOT NULL CHECK (minutes > 0),
        note TEXT NOT NULL DEFAULT '',
        logged_at REAL NOT NULL
    );
    """,
    # 4: non-coding quiz results, one row per graded quiz
    """
    CREATE TABLE quiz_results (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        track TEXT NOT NULL CHECK (track IN ('ds','mle')),
        seed INTEGER NOT NULL,
        size INTEGER NOT NULL,
        threshold INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        passed INTEGER NOT NULL,
        items_json TEXT NOT NULL DEFAULT '[]',
        taken_at REAL NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('file','interactive'))
    );
    CREATE INDEX quiz_results_track ON quiz_results(track, taken_at);
    """,
    # 5: honest records (issue 17). Exams gain the counting rules they were made under (0: before honest
    # records, never counted), who chose the seed, a deadline, a close time, their folder and the problems
    # the learner had seen before the draw. Quizzes are drawn into the store (items, option order, numbers)
    # and each graded attempt refers to its draw; older results have none and never count.
    """
    ALTER TABLE exams ADD COLUMN rules INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE exams ADD COLUMN seed_source TEXT NOT NULL DEFAULT 'unknown';
    ALTER TABLE exams ADD COLUMN deadline REAL;
    ALTER TABLE exams ADD COLUMN closed_at REAL;
    ALTER TABLE exams ADD COLUMN dir TEXT NOT NULL DEFAULT '';
    ALTER TABLE exams ADD COLUMN seen_json TEXT;
    CREATE TABLE quizzes (
        id TEXT PRIMARY KEY,
        track TEXT NOT NULL CHECK (track IN ('ds','mle')),
        seed INTEGER NOT NULL,
        seed_source TEXT NOT NULL CHECK (seed_source IN ('tool','learner')),
        size INTEGER NOT NULL,
        threshold INTEGER NOT NULL,
        draw_json TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('file','interactive')),
        rules INTEGER NOT NULL,
        created_at REAL NOT NULL
    );
    CREATE INDEX quizzes_track ON quizzes(track, created_at);
    ALTER TABLE quiz_results ADD COLUMN quiz_id TEXT REFERENCES quizzes(id);
    CREATE INDEX quiz_results_quiz ON quiz_results(quiz_id, id)
    """,
    # 6: batch reruns (what a row was graded against, notebooks that disappeared), runs, imported journals
    """
    ALTER TABLE batch_results ADD COLUMN problem_version TEXT NOT NULL DEFAULT '';
    ALTER TABLE batch_results ADD COLUMN missing_since REAL;
    CREATE TABLE batch_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at REAL NOT NULL,
        finished_at REAL NOT NULL,
        summary_json TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE journal_imports (
        id TEXT PRIMARY KEY,
        imported_at REAL NOT NULL
    );
    """,
]
