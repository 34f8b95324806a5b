"""One problem's submissions compared: which pairs share more code than chance, and where.

Code everyone was given (the starter notebook, the statement's examples) is removed first, and so is
code that more than a large share of the class wrote alike (the idiom of the day is not evidence).
Winnowed fingerprints find the candidate pairs through one sparse product; each candidate is then
measured exactly: the share of each student's own tokens that lie in runs of at least K tokens found
in the other's code. Pairs at or above the threshold are reported with their shared fragments, and
pairs that chain three or more students together are reported as a cluster.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from grader.similarity.fingerprint import K, kgram_hashes, winnow
from grader.similarity.tokens import Tokens
from grader.vocab import SIMILARITY_THRESHOLD

DEFAULT_THRESHOLD = SIMILARITY_THRESHOLD  # on the bank's solutions and alternatives, see bench_similarity
COMMON_SHARE = 0.4  # k-grams in more than this share of a problem's submissions do not count...
COMMON_MIN = 5  # ...once at least this many students wrote them (a cluster of three stays visible)
MIN_SHARED_TOKENS = 20  # below this, a match is a line or two that anyone may write alike
MAX_SHOWN_BYTES = 32 * 1024  # of each side's code on the page (the scores use all of it)


@dataclass(frozen=True)
class Document:
    """One student's code for one problem, as tokens and k-gram hashes."""

    student: str
    tokens: Tokens
    hashes: np.ndarray


@dataclass(frozen=True)
class Side:
    """One student's half of a pair: the share of their own code found in the other's, and its fragments."""

    student: str
    similarity: float
    shared_tokens: int
    own_tokens: int
    segments: tuple[tuple[str, int], ...]  # (text, fragment number or 0 when not shared), in code order
    cut_shown: bool  # only the first MAX_SHOWN_BYTES are in `segments`
    cut_compared: bool  # the code was longer than the tokeniser's caps


@dataclass(frozen=True)
class Pair:
    """Two students whose code for one problem looks alike; `score` is the larger of the two shares."""

    a: Side
    b: Side
    score: float
    fragments: int


@dataclass(frozen=True)
class Cluster:
    """Three or more students linked by flagged pairs."""

    students: tuple[str, ...]
    pairs: int
    max_score: float


@dataclass(frozen=True)
class Comparison:
    """The outcome for one problem."""

    pairs: tuple[Pair, ...]
    clusters: tuple[Cluster, ...]
    compared: int
    candidates: int
    common_kgrams: int


def document(student: str, tokens: Tokens) -> Document:
    return Document(student, tokens, kgram_hashes(tokens.kinds))


def boilerplate_hashes(pieces: list[Tokens]) -> np.ndarray:
    """Every k-gram of the code everyone was given (each piece hashed on its own), sorted and unique."""
    parts = [kgram_hashes(t.kinds) for t in pieces]
    return np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.uint64)


def _covered(positions: np.ndarray, n_tokens: int) -> np.ndarray:
    """Tokens covered by the k-grams starting at `positions` (a boolean mask over tokens)."""
    mask = np.zeros(n_tokens + 1, dtype=np.int32)
    np.add.at(mask, positions, 1)
    np.add.at(mask, positions + K, -1)
    return np.cumsum(mask[:n_tokens]) > 0


def compare(docs: list[Document], boilerplate: np.ndarray, threshold: float = DEFAULT_THRESHOLD) -> Comparison:
    """Every pair of `docs` whose code is alike beyond `threshold`, ranked, with fragments and clusters."""
    n = len(docs)
    given = [np.isin(d.hashes, boilerplate) for d in docs]
    own = [~_covered(np.flatnonzero(g), len(d.tokens.kinds)) for d, g in zip(docs, given)]
    # k-grams that too many students wrote alike do not count either
    uniques = [np.unique(d.hashes[~g]) for d, g in zip(docs, given)]
    values, df = np.unique(np.concatenate(uniques), return_counts=True) if uniques else (np.zeros(0), np.zeros(0))
    common = values[df > max(COMMON_MIN, COMMON_SHARE * n)]
    counted = [~g & ~np.isin(d.hashes, common) for d, g in zip(docs, given)]
    fingerprints = []
    for d, c in zip(docs, counted):
        pos = winnow(d.hashes)
        fingerprints.append(np.unique(d.hashes[pos[c[pos]]]))
    candidates = _candidates(fingerprints)
    sets = [np.unique(d.hashes[c]) for d, c in zip(docs, counted)]
    pairs = []
    for i, j in candidates:
        pair = _measure(docs[i], docs[j], counted[i], counted[j], sets[i], sets[j], own[i], own[j], threshold)
        if pair is not None:
            pairs.append(pair)
    pairs.sort(key=lambda p: (-p.score, -min(p.a.shared_tokens, p.b.shared_tokens), p.a.student, p.b.student))
    return Comparison(tuple(pairs), _clusters(pairs), n, len(candidates), len(common))


def _candidates(fingerprints: list[np.ndarray]) -> list[tuple[int, int]]:
    """Pairs of documents sharing at least one fingerprint, through one sparse product."""
    from scipy.sparse import csr_matrix

    rows = np.concatenate([np.full(len(f), i) for i, f in enumerate(fingerprints)]) if fingerprints else np.zeros(0)
    if not len(rows):
        return []
    values, cols = np.unique(np.concatenate(fingerprints), return_inverse=True)
    m = csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(len(fingerprints), len(values)))
    shared = (m @ m.T).tocoo()
    keep = shared.row < shared.col
    return sorted(zip(shared.row[keep].tolist(), shared.col[keep].tolist()))


def _measure(da: Document, db: Document, ca: np.ndarray, cb: np.ndarray, sa: np.ndarray, sb: np.ndarray,
             own_a: np.ndarray, own_b: np.ndarray, threshold: float) -> Pair | None:
    both = np.intersect1d(sa, sb, assume_unique=True)
    if not len(both):
        return None
    pa = np.flatnonzero(ca & np.isin(da.hashes, both))
    pb = np.flatnonzero(cb & np.isin(db.hashes, both))
    # only the student's own tokens count: a k-gram may reach into given code at its ends
    cov_a, cov_b = _covered(pa, len(da.tokens.kinds)), _covered(pb, len(db.tokens.kinds))
    shared_a, shared_b = int((cov_a & own_a).sum()), int((cov_b & own_b).sum())
    n_own_a, n_own_b = int(own_a.sum()), int(own_b.sum())
    sim_a, sim_b = shared_a / max(n_own_a, 1), shared_b / max(n_own_b, 1)
    score = max(sim_a, sim_b)
    if score < threshold or min(shared_a, shared_b) < MIN_SHARED_TOKENS:
        return None
    labels_a, runs = _runs(cov_a & own_a)
    label_of_hash = {}
    for p in pa:  # a k-gram found in several of A's fragments takes the first
        label = int(labels_a[p:p + K].max())
        if label:
            label_of_hash.setdefault(int(da.hashes[p]), label)
    labels_b = np.zeros(len(cov_b), dtype=np.int64)
    for p in pb:
        span = labels_b[p:p + K]
        span[(span == 0) & own_b[p:p + K]] = label_of_hash.get(int(db.hashes[p]), 0)
    side_a = _side(da, labels_a, sim_a, shared_a, n_own_a)
    side_b = _side(db, labels_b, sim_b, shared_b, n_own_b)
    return Pair(side_a, side_b, round(score, 4), runs)


def _runs(covered: np.ndarray) -> tuple[np.ndarray, int]:
    """Number each maximal run of covered tokens 1, 2, ... (0 where not covered)."""
    starts = covered & ~np.concatenate([[False], covered[:-1]])
    labels = np.cumsum(starts) * covered
    return labels.astype(np.int64), int(starts.sum())


def _side(doc: Document, labels: np.ndarray, similarity: float, shared: int, own: int) -> Side:
    code, spans = doc.tokens.code, doc.tokens.spans
    shown = code[:MAX_SHOWN_BYTES]
    segments: list[tuple[str, int]] = []
    cursor = 0
    i = 0
    while i < len(spans) and spans[i][1] <= len(shown):
        label = int(labels[i])
        if not label:
            i += 1
            continue
        j = i
        while j + 1 < len(spans) and labels[j + 1] == label and spans[j + 1][1] <= len(shown):
            j += 1
        start, end = spans[i][0], spans[j][1]
        if start > cursor:
            segments.append((shown[cursor:start].decode("utf-8", "replace"), 0))
        segments.append((shown[start:end].decode("utf-8", "replace"), label))
        cursor = end
        i = j + 1
    if cursor < len(shown):
        segments.append((shown[cursor:].decode("utf-8", "replace"), 0))
    return Side(doc.student, round(similarity, 4), shared, own, tuple(segments), len(code) > MAX_SHOWN_BYTES,
                doc.tokens.truncated)


def _clusters(pairs: list[Pair]) -> tuple[Cluster, ...]:
    """Connected groups of three or more students among the flagged pairs."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        parent[find(p.a.student)] = find(p.b.student)
    groups: dict[str, list[str]] = {}
    for s in parent:
        groups.setdefault(find(s), []).append(s)
    out = []
    for members in groups.values():
        if len(members) >= 3:
            inside = [p for p in pairs if p.a.student in members]
            out.append(Cluster(tuple(sorted(members)), len(inside), max(p.score for p in inside)))
    return tuple(sorted(out, key=lambda c: (-len(c.students), -c.max_score, c.students)))
