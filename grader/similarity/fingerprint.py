"""k-gram hashes of a token stream and their winnowed fingerprints (Schleimer, Wilkerson and Aiken,
"Winnowing: local algorithms for document fingerprinting", SIGMOD 2003; the method behind MOSS).

Every run of K consecutive tokens is hashed; in each window of W consecutive hashes the rightmost
smallest is kept. Any shared run of at least K + W - 1 tokens therefore shares a fingerprint, and a
run shorter than K tokens never counts. Hashes are stable across processes and runs (no salted
`hash()`), so the same code always has the same fingerprints.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

K = 10  # tokens in a k-gram: about one short statement (`e = np.exp(z - m)` is 11)
W = 5  # winnowing window: a shared run of K + W - 1 = 14 tokens is always seen
_BASE = np.uint64(1_000_003)


@lru_cache(maxsize=65536)
def token_id(kind: str) -> int:
    """A stable 64-bit number for one normalised token."""
    return int.from_bytes(hashlib.blake2b(kind.encode("utf-8", "replace"), digest_size=8).digest(), "little")


def kgram_hashes(kinds: tuple[str, ...] | list[str], k: int = K) -> np.ndarray:
    """The hash of each run of `k` tokens (position i covers tokens i..i+k-1); empty when fewer tokens."""
    n = len(kinds) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    ids = np.fromiter((token_id(t) for t in kinds), dtype=np.uint64, count=len(kinds))
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        for j in range(k):
            h = h * _BASE + ids[j:j + n]
    # mix the bits so that the window minimum is not biased towards particular tokens
    h ^= h >> np.uint64(31)
    with np.errstate(over="ignore"):
        h *= np.uint64(0x9E3779B97F4A7C15)
    h ^= h >> np.uint64(29)
    return h


def winnow(hashes: np.ndarray, w: int = W) -> np.ndarray:
    """Positions of the winnowed fingerprints: the rightmost minimum of every window of `w` hashes."""
    n = len(hashes)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if n <= w:
        return np.array([n - 1 - int(np.argmin(hashes[::-1]))], dtype=np.int64)
    windows = sliding_window_view(hashes, w)
    rightmost = w - 1 - np.argmin(windows[:, ::-1], axis=1)
    return np.unique(rightmost + np.arange(len(windows)))
