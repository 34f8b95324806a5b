"""One problem's submissions compared: which pairs share more code than chance, and where.

Code everyone was given (the starter notebook, the code in the statement) is removed first, and so is
code that more than COMMON_SHARE of the class wrote alike (the idiom of the day is not evidence).
Winnowed fingerprints find the candidate pairs through one sparse product; each candidate is then
measured exactly: the share of each student's own tokens that lie in runs of at least MIN_RUN tokens
whose k-grams are all in the other's code. Pairs at or above the threshold are reported with their shared fragments, and
pairs that chain three or more students together are reported as a cluster.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from grader.similarity.fingerprint import K, W, kgram_hashes, winnow
from grader.similarity.tokens import Tokens
from grader.vocab import SIMILARITY_THRESHOLD

DEFAULT_THRESHOLD = SIMILARITY_THRESHOLD  # on the bank's solutions and alternatives, see bench_similarity
COMMON_SHARE = 0.1  # k-grams in more than this share of a problem's submissions do not count...
COMMON_MIN = 10  # ...nor below this many submissions (MOSS's default), so a small group that shares stays visible
MIN_SHARED_TOKENS = 20  # below this, a match is a line or two that anyone may write alike
ESTIMATE_MARGIN = 0.25  # pairs whose shared fingerprints estimate under this x the threshold are not measured
MIN_RUN = K + W - 1  # shorter shared runs do not count (nor are they always seen: winnowing's guarantee)
MAX_SHOWN_BYTES = 32 * 1024  # of each side's code on the page (the scores use all of it)
SIDE_BY_SIDE = 100  # pairs per problem whose fragments are worked out for the page (all are scored and listed)


@dataclass(frozen=True)
class Document:
    """One student's code for one problem: its bytes, each token's byte span, and the k-gram hashes."""

    student: str
    code: bytes
    spans: np.ndarray  # (tokens, 2) start and end byte of each token in `code`
    hashes: np.ndarray  # hashes[i]: the k-gram of tokens i .. i+K-1
    cut: bool  # the code was longer than the tokeniser reads

    @property
    def n_tokens(self) -> int:
        return len(self.spans)


@dataclass(frozen=True)
class Side:
    """One student's half of a pair: the share of their own code found in the other's, and its fragments."""

    student: str
    similarity: float
    shared_tokens: int
    own_tokens: int
    segments: tuple[tuple[str, int], ...] = ()  # (text, fragment number or 0), in code order; () when not shown
    cut_shown: bool = False  # only the first MAX_SHOWN_BYTES are in `segments`
    cut_compared: bool = False  # the code was longer than the tokeniser reads


@dataclass(frozen=True)
class Pair:
    """Two students whose code for one problem looks alike; `score` is the larger of the two shares."""

    a: Side
    b: Side
    score: float
    fragments: int
    shown: bool  # its fragments were worked out (the first SIDE_BY_SIDE pairs of the problem)


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
    """The compact form of one student's tokens (the token texts are only needed for the hashes)."""
    spans = np.array(tokens.spans, dtype=np.int64).reshape(-1, 2)
    return Document(student, tokens.code, spans, kgram_hashes(tokens.kinds), tokens.truncated)


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


@dataclass(frozen=True)
class _Prepared:
    """Per document: which k-grams count (not given, not common), its own tokens, its counted hashes as a set."""

    counted: np.ndarray
    own: np.ndarray
    values: np.ndarray


def compare(docs: list[Document], boilerplate: np.ndarray, threshold: float = DEFAULT_THRESHOLD) -> Comparison:
    """Every pair of `docs` whose code is alike at or above `threshold`, ranked, with fragments and clusters."""
    n = len(docs)
    given = [np.isin(d.hashes, boilerplate) for d in docs]
    # k-grams that too many students wrote alike are discounted like the starter's
    uniques = [np.unique(d.hashes[~g]) for d, g in zip(docs, given, strict=True)]
    values, df = np.unique(np.concatenate(uniques), return_counts=True) if uniques else (np.zeros(0), np.zeros(0))
    common = values[df > max(COMMON_MIN, COMMON_SHARE * n)]
    prepared = []
    fingerprints = []
    for d, g in zip(docs, given, strict=True):
        counted = ~g & ~np.isin(d.hashes, common)
        own = ~_covered(np.flatnonzero(~counted), d.n_tokens)  # tokens no given or common k-gram covers
        prepared.append(_Prepared(counted, own, np.unique(d.hashes[counted])))
        pos = winnow(d.hashes)
        fingerprints.append(np.unique(d.hashes[pos[counted[pos]]]))
    candidates = _candidates(fingerprints, threshold)
    scored = []
    for i, j in candidates:
        numbers = _measure(docs[i], docs[j], prepared[i], prepared[j])
        if numbers[0] >= threshold and min(numbers[3], numbers[4]) >= MIN_SHARED_TOKENS:
            scored.append((i, j, numbers))
    scored.sort(key=lambda t: (-t[2][0], -min(t[2][3], t[2][4]), docs[t[0]].student, docs[t[1]].student))
    pairs = [_pair(docs[i], docs[j], prepared[i], prepared[j], numbers, rank < SIDE_BY_SIDE)
             for rank, (i, j, numbers) in enumerate(scored)]
    return Comparison(tuple(pairs), _clusters(pairs), n, len(candidates), len(common))


def _candidates(fingerprints: list[np.ndarray], threshold: float) -> list[tuple[int, int]]:
    """Pairs of documents worth measuring, through one sparse product of documents by fingerprints.

    A pair needs two shared fingerprints (a shared run of MIN_SHARED_TOKENS tokens always has two: each
    window of W k-grams inside it keeps one), and a share of the smaller document's fingerprints of at least
    ESTIMATE_MARGIN times the threshold: winnowing samples k-grams evenly, so that share estimates the
    exact score (on the bank's solutions, copies and alternatives, no pair scoring 0.65 or more estimated
    under 0.37); the margin keeps the estimate's error from ever costing a pair, while the many pairs that
    share an idiom or two are never measured."""
    from scipy.sparse import csr_matrix

    rows = np.concatenate([np.full(len(f), i) for i, f in enumerate(fingerprints)]) if fingerprints else np.zeros(0)
    if not len(rows):
        return []
    values, cols = np.unique(np.concatenate(fingerprints), return_inverse=True)
    m = csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(len(fingerprints), len(values)))
    shared = (m @ m.T).tocoo()
    sizes = np.array([len(f) for f in fingerprints])
    smaller = np.minimum(sizes[shared.row], sizes[shared.col])
    keep = (shared.row < shared.col) & (shared.data >= 2) & (shared.data >= ESTIMATE_MARGIN * threshold * smaller)
    return sorted(zip(shared.row[keep].tolist(), shared.col[keep].tolist(), strict=True))


def _shared_positions(da: Document, db: Document, pa: _Prepared, pb: _Prepared) -> tuple[np.ndarray, np.ndarray]:
    """Start positions, in each document, of the counted k-grams the two have in common."""
    both = np.intersect1d(pa.values, pb.values, assume_unique=True)
    return np.flatnonzero(pa.counted & np.isin(da.hashes, both)), np.flatnonzero(pb.counted & np.isin(db.hashes, both))


def _measure(da: Document, db: Document, pa: _Prepared, pb: _Prepared) -> tuple[float, float, float, int, int]:
    """(score, A's share, B's share, A's shared tokens, B's shared tokens); only own tokens count, since a
    k-gram may reach into given code at its ends."""
    xa, xb = _shared_positions(da, db, pa, pb)
    shared_a = int(_shared_mask(xa, da, pa).sum())
    shared_b = int(_shared_mask(xb, db, pb).sum())
    sim_a, sim_b = shared_a / max(int(pa.own.sum()), 1), shared_b / max(int(pb.own.sum()), 1)
    return max(sim_a, sim_b), sim_a, sim_b, shared_a, shared_b


def _pair(da: Document, db: Document, pa: _Prepared, pb: _Prepared, numbers: tuple, shown: bool) -> Pair:
    score, sim_a, sim_b, shared_a, shared_b = numbers
    own_a, own_b = int(pa.own.sum()), int(pb.own.sum())
    if not shown:
        side_a = Side(da.student, round(sim_a, 4), shared_a, own_a, cut_compared=da.cut)
        side_b = Side(db.student, round(sim_b, 4), shared_b, own_b, cut_compared=db.cut)
        return Pair(side_a, side_b, round(score, 4), 0, False)
    xa, xb = _shared_positions(da, db, pa, pb)
    labels_a, runs = _runs(_shared_mask(xa, da, pa))
    label_of_hash: dict[int, int] = {}
    for p in xa:  # a k-gram found in several of A's fragments takes the first
        label = int(labels_a[p:p + K].max())
        if label:
            label_of_hash.setdefault(int(da.hashes[p]), label)
    labels_b = np.zeros(db.n_tokens, dtype=np.int64)
    shared_b_mask = _shared_mask(xb, db, pb)
    for p in xb:
        span = labels_b[p:p + K]
        span[(span == 0) & shared_b_mask[p:p + K]] = label_of_hash.get(int(db.hashes[p]), 0)
    side_a = _side(da, labels_a, sim_a, shared_a, own_a)
    side_b = _side(db, labels_b, sim_b, shared_b, own_b)
    return Pair(side_a, side_b, round(score, 4), runs, True)


def _shared_mask(positions: np.ndarray, doc: Document, prep: _Prepared) -> np.ndarray:
    """The own tokens of `doc` in shared runs holding at least MIN_RUN of them (fewer is what anyone may write
    alike). Given or common code inside a run does not break it: a copy interleaved with the starter stays whole."""
    mask = _covered(positions, doc.n_tokens) & prep.own
    labels, runs = _runs(mask | ~prep.own)
    if runs:
        own_in_run = np.bincount(labels[mask], minlength=runs + 1)
        mask &= own_in_run[labels] >= MIN_RUN
    return mask


def _runs(covered: np.ndarray) -> tuple[np.ndarray, int]:
    """Number each maximal run of covered tokens 1, 2, ... (0 where not covered)."""
    starts = covered & ~np.concatenate([[False], covered[:-1]])
    labels = np.cumsum(starts) * covered
    return labels.astype(np.int64), int(starts.sum())


def _side(doc: Document, labels: np.ndarray, similarity: float, shared: int, own: int) -> Side:
    """One side for the page: the code (up to MAX_SHOWN_BYTES) cut into plain and shared segments."""
    code, spans = doc.code, doc.spans
    shown = code[:MAX_SHOWN_BYTES]
    segments: list[tuple[str, int]] = []
    cursor = 0
    i = 0
    n = len(spans)
    while i < n and spans[i][1] <= len(shown):
        label = int(labels[i])
        if not label:
            i += 1
            continue
        j = i
        while j + 1 < n and labels[j + 1] == label and spans[j + 1][1] <= len(shown):
            j += 1
        start, end = int(spans[i][0]), int(spans[j][1])
        if start > cursor:
            segments.append((shown[cursor:start].decode("utf-8", "replace"), 0))
        segments.append((shown[start:end].decode("utf-8", "replace"), label))
        cursor = end
        i = j + 1
    if cursor < len(shown):
        segments.append((shown[cursor:].decode("utf-8", "replace"), 0))
    return Side(doc.student, round(similarity, 4), shared, own, tuple(segments), len(code) > MAX_SHOWN_BYTES, doc.cut)


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
