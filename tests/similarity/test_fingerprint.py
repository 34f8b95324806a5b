"""k-gram hashes and winnowing: stable across processes, and a long enough shared run is always seen."""
from __future__ import annotations

import json
import random
import subprocess
import sys

import numpy as np

from grader.similarity.fingerprint import K, W, kgram_hashes, winnow


def test_hashes_are_the_same_in_another_process():
    kinds = ["def", "V", "(", "V", ")", ":", "return", "V", "+", "N", "exp", "."]
    here = kgram_hashes(kinds).tolist()
    code = ("import json; from grader.similarity.fingerprint import kgram_hashes; "
            f"print(json.dumps(kgram_hashes({kinds!r}).tolist()))")
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert here == json.loads(there)


def test_fewer_tokens_than_k_have_no_kgrams():
    assert len(kgram_hashes(["V"] * (K - 1))) == 0
    assert len(kgram_hashes(["V"] * K)) == 1


def test_winnow_keeps_one_per_window():
    rng = np.random.default_rng(0)
    hashes = rng.integers(0, 2**63, size=200, dtype=np.uint64)
    picked = set(winnow(hashes).tolist())
    for start in range(len(hashes) - W + 1):
        assert picked & set(range(start, start + W)), f"window at {start} has no fingerprint"
    assert winnow(hashes[:3]).tolist() == [int(np.argmin(hashes[:3]))]
    assert len(winnow(np.zeros(0, dtype=np.uint64))) == 0


def test_a_shared_run_of_k_plus_w_minus_1_tokens_always_shares_a_fingerprint():
    rng = random.Random(1)
    vocab = [f"t{i}" for i in range(40)]
    for _ in range(200):
        shared = [rng.choice(vocab) for _ in range(K + W - 1)]
        a = [rng.choice(vocab) for _ in range(rng.randint(0, 50))] + shared + [rng.choice(vocab) for _ in range(30)]
        b = [rng.choice(vocab) for _ in range(rng.randint(0, 50))] + shared + [rng.choice(vocab) for _ in range(30)]
        ha, hb = kgram_hashes(a), kgram_hashes(b)
        assert set(ha[winnow(ha)].tolist()) & set(hb[winnow(hb)].tolist())
