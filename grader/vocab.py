"""The project's vocabularies and standard sizes: one definition each, imported everywhere else."""
from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """How one graded notebook ended (CLI.md: the `status` field)."""

    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    TIMEOUT = "timeout"
    MEMORY = "memory"
    INVALID = "invalid"


class Outcome(StrEnum):
    """How one hidden check ended."""

    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"


class Track(StrEnum):
    """The two learner tracks."""

    DS = "ds"
    MLE = "mle"


class Difficulty(StrEnum):
    """Problem and question difficulty."""

    EASY = "E"
    MEDIUM = "M"
    HARD = "H"


class StarterMode(StrEnum):
    """Which starter notebook is built: practice (task, then the hints collapsed) or exam (task only)."""

    PRACTICE = "practice"
    EXAM = "exam"


class SandboxName(StrEnum):
    """Sandbox backends (`--sandbox`); `auto` picks one of them."""

    DOCKER = "docker"
    DOCKER_FORK = "docker-fork"
    BWRAP = "bwrap"
    FORK = "fork"
    PROCESS = "process"


AUTO = "auto"  # `--sandbox auto`: the first backend that works here, in the order below

# The order `--sandbox auto` tries backends: for one notebook, and for many (batch, validate, exams).
AUTO_ORDER: tuple[SandboxName, ...] = (SandboxName.DOCKER, SandboxName.BWRAP, SandboxName.FORK,
                                       SandboxName.DOCKER_FORK, SandboxName.PROCESS)
BULK_ORDER: tuple[SandboxName, ...] = (SandboxName.FORK, SandboxName.DOCKER_FORK, SandboxName.DOCKER,
                                       SandboxName.BWRAP, SandboxName.PROCESS)

# The readiness bar: only draws of exactly these sizes and pass marks count toward readiness.
EXAM_SIZE, EXAM_PASS = 20, 17
QUIZ_SIZE, QUIZ_PASS = 50, 35


class AttemptKind(StrEnum):
    """Why an attempt was graded: practice, or the counted attempt of a readiness exam."""

    PRACTICE = "practice"
    EXAM = "exam"


class StudyKind(StrEnum):
    """Study-log entries: individual study (problem sets, reading) and group study (oral recitation, group problems)."""

    PROBLEMS = "problems"
    READING = "reading"
    ORAL = "oral"
    GROUP = "group"


class QuizMode(StrEnum):
    """How a quiz was answered: a filled answers file, or interactively in the terminal."""

    FILE = "file"
    INTERACTIVE = "interactive"


class SeedSource(StrEnum):
    """Who chose a draw's seed: the tool (a counted draw) or the learner with --seed (practice)."""

    TOOL = "tool"
    LEARNER = "learner"


class ExamState(StrEnum):
    """Where an exam stands: open for counted submissions, closed by the learner, or past its deadline."""

    OPEN = "open"
    CLOSED = "closed"
    TIME_UP = "time up"


class Pending(StrEnum):
    """An exam problem's status before its counted attempt: not graded yet, or never submitted (exam over)."""

    NOT_GRADED = "not graded"
    NOT_SUBMITTED = "not submitted"


# Records carry the version of the counting rules they were made under; 0 marks records made before
# honest records (exams and quizzes drawn, stored and scored from the store), which never count.
RULES_VERSION = 1

# The similarity report lists a pair when at least this share of one student's own code is in the other's.
SIMILARITY_THRESHOLD = 0.65


class RuleKind(StrEnum):
    """What kind of promise a rule of a problem statement makes (meta.yaml `rules: [{kind: ...}]`).

    The kind says where a check must look for the rule to be tested at a point where ignoring it
    fails (problems/README.md lists, per kind, the inputs and probes that do that).
    """

    VALUE = "value"                        # the result's values (the formula, the algorithm)
    EDGE_CASE = "edge-case"                # a stated special input: empty, one element, constant, all ties
    VALIDATION = "validation"              # a stated bad input raises (which exception, when)
    PRECISION = "precision"                # ties, stable order, rounding, overflow, near-ties, subnormals
    DTYPE = "dtype"                        # the result's type or dtype, on every branch
    SHAPE = "shape"                        # the result's shape, length, columns or index
    ORDER = "order"                        # the order of the result's items (sorted by, split order)
    INPUT_NOT_MODIFIED = "input-not-modified"  # the arguments are left unchanged
    NEW_OBJECT = "new-object"              # a new array / a fresh clone, never an argument returned or refitted
    RANDOMNESS_SOURCE = "randomness-source"  # draw only from the rng argument
    RANDOM_DISTRIBUTION = "random-distribution"  # the draws follow the stated distribution (statistical)
    DETERMINISM = "determinism"            # the same inputs and seed give the same result
    RESOURCE = "resource"                  # memory kept, time complexity, vectorised
    API = "api"                            # which method, estimator or call the statement names
    LEAKAGE = "leakage"                    # no peeking at test folds or future rows


# Mutation testing (issue 16): the share of non-equivalent generated mutants a problem's checks must kill.
MUTATION_TARGET = 0.95
