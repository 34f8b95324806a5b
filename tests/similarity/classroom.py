"""A class written in code for the similarity tests: who copied from whom is known by construction.

A small problem bank (GRADER_PROBLEMS) holds `mle-sim-rows`, whose starter ships a helper `_as_2d`
that every student keeps, and a copy of the real `mle-act-softmax`. The class:

- alice wrote `rows` from scratch; bob handed in alice's code with every name changed, the functions
  in another order and other comments and layout (a copy: found);
- carol wrote `rows` from scratch; erin copied carol's and rewrote one function (found, the rest shown);
- frank wrote `rows`; hank renamed it and ivan reformatted it (a cluster of three);
- dave and gina each wrote their own `rows` (nobody copied: not flagged);
- on softmax, kim handed in the bank's loop-based alternative, lee and nell the three lines the statement's
  hints spell out (different correct solutions of one short function, and code the statement gives: not
  flagged), and mo kim's code with every name changed and its comment dropped (found);
- on a problem that is not in the bank, twelve students pasted the same long helper from a tutorial and
  wrote their own function after it (not flagged: the helper is in more than ten of the submissions).
"""
from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import nbformat

from grader.notebook import code_notebook
from grader.problems import bank_root

PROBLEM = "mle-sim-rows"
OFF_BANK = "lab-outliers"

HELPER = '''
import numpy as np


def _as_2d(x):
    """The input as a 2-D float array (a 1-D input becomes one row)."""
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim != 2:
        raise ValueError(f"expected a 1-D or 2-D array, got {arr.ndim} dimensions")
    return arr
'''

SKELETON = HELPER + '''

def zscore_rows(x):
    """Each row minus its mean, over its standard deviation (0 where a row is constant)."""
    raise NotImplementedError


def top_k_mask(x, k):
    """A boolean mask of the k largest entries of each row (ties: the earlier entry first)."""
    raise NotImplementedError
'''

EXAMPLE = '''
x = np.array([[1.0, 2.0, 3.0], [4.0, 4.0, 4.0]])
print(zscore_rows(x))
print(top_k_mask(x, 2))
'''

STATEMENT = '''# Row statistics

Write `zscore_rows(x)` and `top_k_mask(x, k)`. The starter's helper `_as_2d` turns the input into a
2-D float array.

**Example**

    >>> x = np.array([[1.0, 2.0, 3.0], [4.0, 4.0, 4.0]])
    >>> zscore_rows(x)
    array([[-1.22474487,  0.        ,  1.22474487],
           [ 0.        ,  0.        ,  0.        ]])
    >>> top_k_mask(x, 2)
    array([[False,  True,  True],
           [ True,  True, False]])
'''

ALICE = '''
def _check_k(k, n):
    if not isinstance(k, (int, np.integer)):
        raise TypeError("k must be an integer")
    if k < 0 or k > n:
        raise ValueError(f"k must be between 0 and {n}, got {k}")


def zscore_rows(x):
    arr = _as_2d(x)
    centred = arr - arr.mean(axis=1, keepdims=True)
    spread = arr.std(axis=1, keepdims=True)
    safe = np.where(spread == 0, 1.0, spread)
    return np.where(spread == 0, 0.0, centred / safe)


def top_k_mask(x, k):
    arr = _as_2d(x)
    _check_k(k, arr.shape[1])
    order = np.argsort(-arr, axis=1, kind="stable")
    mask = np.zeros(arr.shape, dtype=bool)
    rows = np.arange(arr.shape[0])[:, None]
    mask[rows, order[:, :k]] = True
    return mask
'''

# alice's code: every name changed, functions reordered, other comments and layout
BOB = '''
def top_k_mask(values, how_many):
    # pick the biggest entries per row
    data = _as_2d(values)
    validate(how_many, data.shape[1])
    idx = np.argsort(-data, axis=1, kind="stable")
    result = np.zeros(data.shape, dtype=bool)
    r = np.arange(data.shape[0])[:, None]
    result[r, idx[:, :how_many]] = True
    return result


def validate(count, width):
    if not isinstance(count, (int, np.integer)):
        raise TypeError("count has to be an int")
    if count < 0 or count > width:
        raise ValueError(f"bad count {count} for width {width}")


def zscore_rows(values):
    data = _as_2d(values)
    # subtract the mean of each row
    diff = data - data.mean(axis=1,
                            keepdims=True)
    sd = data.std(axis=1, keepdims=True)
    denom = np.where(sd == 0, 1.0, sd)
    return np.where(sd == 0, 0.0, diff / denom)
'''

CAROL = '''
def _row_moments(row):
    total = 0.0
    for v in row:
        total += v
    mu = total / len(row)
    acc = 0.0
    for v in row:
        acc += (v - mu) ** 2
    return mu, (acc / len(row)) ** 0.5


def zscore_rows(x):
    arr = _as_2d(x)
    out = np.zeros_like(arr)
    for i in range(arr.shape[0]):
        mu, sigma = _row_moments(arr[i])
        if sigma > 0:
            for j in range(arr.shape[1]):
                out[i, j] = (arr[i, j] - mu) / sigma
    return out


def top_k_mask(x, k):
    arr = _as_2d(x)
    mask = np.zeros(arr.shape, dtype=bool)
    for i, row in enumerate(arr):
        ranked = sorted(range(len(row)), key=lambda j: (-row[j], j))
        for j in ranked[:k]:
            mask[i, j] = True
    return mask
'''

# carol's code with top_k_mask rewritten
ERIN = CAROL[:CAROL.index("def top_k_mask")] + '''def top_k_mask(x, k):
    import heapq
    arr = _as_2d(x)
    picked = [heapq.nsmallest(k, range(arr.shape[1]), key=lambda c: (-arr[r, c], c)) for r in range(arr.shape[0])]
    return np.array([[c in p for c in range(arr.shape[1])] for p in picked], dtype=bool)
'''

DAVE = '''
def zscore_rows(x):
    a = _as_2d(x)
    n = a.shape[1]
    mean = a.sum(axis=1) / n
    var = np.maximum((a * a).sum(axis=1) / n - mean ** 2, 0.0)
    sd = np.sqrt(var)
    scale = np.divide(1.0, sd, out=np.zeros_like(sd), where=sd > 1e-12)
    return (a - mean[:, None]) * scale[:, None]


def top_k_mask(x, k):
    a = _as_2d(x)
    ranks = np.argsort(np.argsort(-a, axis=1, kind="mergesort"), axis=1, kind="mergesort")
    return ranks < k
'''

FRANK = '''
from statistics import pstdev, fmean


def zscore_rows(x):
    rows = _as_2d(x).tolist()
    result = []
    for row in rows:
        m, s = fmean(row), pstdev(row)
        result.append([0.0 if s == 0 else (v - m) / s for v in row])
    return np.array(result, dtype=np.float64).reshape(_as_2d(x).shape)


def top_k_mask(x, k):
    table = _as_2d(x)
    flags = []
    for row in table.tolist():
        keep = set(sorted(range(len(row)), key=lambda c: (-row[c], c))[:k])
        flags.append([c in keep for c in range(len(row))])
    return np.array(flags, dtype=bool).reshape(table.shape)
'''

HANK = (FRANK.replace("rows", "lines").replace("row", "line").replace("result", "acc")
        .replace("table", "grid").replace("flags", "bits").replace("keep", "chosen").replace("m, s", "mu, sd")
        .replace("(v - m) / s", "(v - mu) / sd").replace("s == 0", "sd == 0").replace("zscore_lines", "zscore_rows"))

IVAN = FRANK.replace("    ", "  ").replace("result = []", "result = []  # one list per row").replace(", ", ",")

GINA = '''
def zscore_rows(x):
    import pandas as pd
    frame = pd.DataFrame(_as_2d(x))
    centred = frame.sub(frame.mean(axis=1), axis=0)
    scale = frame.std(axis=1, ddof=0).replace(0.0, np.nan)
    return centred.div(scale, axis=0).fillna(0.0).to_numpy()


def top_k_mask(x, k):
    grid = _as_2d(x)
    out = np.zeros(grid.shape, dtype=bool)
    if k:
        cut = np.partition(grid, grid.shape[1] - k, axis=1)[:, grid.shape[1] - k][:, None]
        above = grid > cut
        room = k - above.sum(axis=1, keepdims=True)
        tied = (grid == cut) & (np.cumsum(grid == cut, axis=1) <= room)
        out = above | tied
    return out
'''

AS_HINTED = '''
import numpy as np

def softmax(x, axis=-1):
    top = np.max(x, axis=axis, keepdims=True)
    ex = np.exp(x - top)
    return ex / np.sum(ex, axis=axis, keepdims=True)
'''

TUTORIAL = '''
import numpy as np


def robust_summary(values, trim=0.1):
    """Median, MAD and trimmed mean, as the course tutorial wrote them."""
    arr = np.sort(np.asarray(values, dtype=float))
    cut = int(len(arr) * trim)
    trimmed = arr[cut:len(arr) - cut] if cut else arr
    median = float(np.median(arr))
    mad = float(np.median(np.abs(arr - median)))
    return {"median": median, "mad": mad, "trimmed_mean": float(trimmed.mean())}
'''

OWN_OUTLIERS = [
    '''
def outliers(values):
    s = robust_summary(values)
    return [v for v in values if abs(v - s["median"]) > 3 * s["mad"]]
''',
    '''
def outliers(xs):
    q1, q3 = np.percentile(xs, [25, 75])
    fence = 1.5 * (q3 - q1)
    return sorted(x for x in xs if x < q1 - fence or x > q3 + fence)
''',
    '''
def outliers(data):
    arr = np.asarray(data, dtype=float)
    z = (arr - arr.mean()) / (arr.std() or 1.0)
    return arr[np.abs(z) > 3].tolist()
''',
    '''
def outliers(points, k=3.5):
    med = np.median(points)
    mad = np.median([abs(p - med) for p in points]) or 1e-9
    out = []
    for p in points:
        if 0.6745 * abs(p - med) / mad > k:
            out.append(p)
    return out
''',
    '''
def outliers(vals):
    srt = sorted(vals)
    n = len(srt)
    lo, hi = srt[n // 10], srt[-(n // 10) - 1]
    width = hi - lo
    return [v for v in vals if v < lo - width or v > hi + width]
''',
    '''
def outliers(series):
    import pandas as pd
    s = pd.Series(series, dtype=float)
    rolling = s.rolling(5, center=True, min_periods=1).median()
    return s[(s - rolling).abs() > 2 * s.std()].tolist()
''',
    '''
def outliers(values, cutoff=2.0):
    from statistics import mean, stdev
    m, sd = mean(values), stdev(values)
    return [v for v in values if sd and abs(v - m) / sd > cutoff]
''',
    '''
def outliers(a):
    a = np.asarray(a, dtype=float)
    lo, hi = np.quantile(a, [0.01, 0.99])
    return a[(a < lo) | (a > hi)].tolist()
''',
    '''
def outliers(numbers):
    result = []
    ordered = sorted(numbers)
    gaps = [b - a for a, b in zip(ordered, ordered[1:])]
    typical = sorted(gaps)[len(gaps) // 2] if gaps else 0
    for i, g in enumerate(gaps):
        if typical and g > 10 * typical:
            result.extend(ordered[i + 1:] if i >= len(gaps) // 2 else ordered[:i + 1])
    return sorted(set(result))
''',
    '''
def outliers(xs, rounds=3):
    xs = list(xs)
    flagged = []
    for _ in range(rounds):
        centre = np.median(xs)
        worst = max(xs, key=lambda v: abs(v - centre))
        if abs(worst - centre) > 4 * np.median(np.abs(np.array(xs) - centre)):
            flagged.append(worst)
            xs.remove(worst)
    return flagged
''',
    '''
def outliers(samples):
    counts, edges = np.histogram(samples, bins=10)
    rare = {i for i, c in enumerate(counts) if c == 1}
    which = np.clip(np.digitize(samples, edges) - 1, 0, len(counts) - 1)
    return [s for s, b in zip(samples, which) if b in rare]
''',
    '''
def outliers(v):
    summary = robust_summary(v, trim=0.2)
    spread = summary["mad"] * 1.4826 or 1.0
    scores = {x: (x - summary["trimmed_mean"]) / spread for x in v}
    return [x for x, score in scores.items() if abs(score) > 3.5]
''',
]


def make_bank(root: Path) -> Path:
    """A problem bank with `mle-sim-rows` and a copy of the real `mle-act-softmax`."""
    shutil.copytree(bank_root() / "mle" / "mle-act-softmax", root / "mle" / "mle-act-softmax")
    pdir = root / "mle" / PROBLEM
    (pdir / "tests").mkdir(parents=True)
    (pdir / "mutants").mkdir()
    (pdir / "meta.yaml").write_text(textwrap.dedent(f"""\
        id: {PROBLEM}
        title: Row statistics
        track: mle
        topic: numerics
        difficulty: E
        defines: [zscore_rows, top_k_mask]
        provenance: written for the similarity tests
        """))
    (pdir / "problem.md").write_text(STATEMENT)
    (pdir / "solution.py").write_text(HELPER + ALICE)
    (pdir / "mutants" / "m1.py").write_text(SKELETON)
    (pdir / "tests" / "test_hidden.py").write_text("def test_nothing(learner):\n    \"\"\"Placeholder.\"\"\"\n")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(STATEMENT), nbformat.v4.new_code_cell(SKELETON.strip()),
                nbformat.v4.new_code_cell(EXAMPLE.strip())]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["grader"] = {"problem": PROBLEM}
    nbformat.write(nb, str(pdir / "starter.ipynb"))
    return root


def rows_notebook(code: str) -> bytes:
    """A student's notebook for `mle-sim-rows`: the starter's helper kept, their code, the example cell."""
    return code_notebook([HELPER.strip() + "\n\n" + code.strip(), EXAMPLE.strip()], PROBLEM)


def make_class(root: Path) -> Path:
    """The class described in this module's docstring, in the `<student>/<problem>.ipynb` layout."""
    softmax = bank_root() / "mle" / "mle-act-softmax"
    loops = (softmax / "alternatives" / "a1_loops.py").read_text()
    renamed = re.sub(r"\s*# .*", "", loops)
    for old, new in {"moved": "view", "out": "result", "flat_in": "src", "flat_out": "dst", "r": "i", "row": "vals",
                     "m": "peak", "exps": "terms", "s": "total", "c": "j", "e": "t", "v": "x"}.items():
        renamed = re.sub(rf"\b{old}\b", new, renamed)
    work: dict[tuple[str, str], bytes] = {}
    for student, code in {"alice": ALICE, "bob": BOB, "carol": CAROL, "erin": ERIN, "frank": FRANK, "hank": HANK,
                          "ivan": IVAN, "dave": DAVE, "gina": GINA}.items():
        work[(student, PROBLEM)] = rows_notebook(code)
    work[("kim", "mle-act-softmax")] = code_notebook([loops], "mle-act-softmax")
    work[("lee", "mle-act-softmax")] = code_notebook([(softmax / "solution.py").read_text()], "mle-act-softmax")
    work[("nell", "mle-act-softmax")] = code_notebook([AS_HINTED], "mle-act-softmax")
    work[("mo", "mle-act-softmax")] = code_notebook([renamed], "mle-act-softmax")
    for i, own in enumerate(OWN_OUTLIERS):
        work[(f"s{i}", OFF_BANK)] = code_notebook([TUTORIAL, own])
    for (student, problem), data in work.items():
        (root / student).mkdir(parents=True, exist_ok=True)
        (root / student / f"{problem}.ipynb").write_bytes(data)
    return root
