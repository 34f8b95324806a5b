"""Attacks on the trusted side's edges (issue 15): memory through the codec and the kernel channels, paths
the kernel names, what the kernel says about its exceptions, and the sandbox's own edges.

Each entry is a variant of a catalogue attack (its id says which), run by test_attacks.py with the same
common invariants as every other entry, plus an evidence check of its own.
"""
from __future__ import annotations

from tests.attacks.catalog import NOT_PASSED, Attack
from tests.attacks.harness import AttackSucceeded, Run
from tests.conftest import SOFTMAX_OK

_HOST_GROWTH_MB = 160  # what one grading may add to the trusted process under a memory attack


def fail_if(condition: bool, message: str) -> None:
    if condition:
        raise AttackSucceeded(message)


def ev_host_growth(limit_mb: float = _HOST_GROWTH_MB):
    def check(run: Run) -> None:
        grew = run.extra["max_rss_mb"] - run.extra["start_rss_mb"]
        fail_if(grew > limit_mb, f"the trusted process grew by {grew:.0f} MiB while grading (bound {limit_mb} MiB)")
    return check


# ---------------------------------------------------------------- memory through the codec

# Replies that declare huge values in a few hundred bytes: a string dtype for a list column (pandas would
# allocate items x width), and .npy headers whose shape or width is far beyond the bytes that follow.
E5_DTYPE = r'''
import base64
import numpy as np


def _npy(descr, shape, payload=b""):
    head = "{'descr': %r, 'fortran_order': False, 'shape': %r, }" % (descr, tuple(shape))
    head += " " * (-(len(head) + 11) % 64) + "\n"
    return base64.b64encode(b"\x93NUMPY\x01\x00" + len(head).to_bytes(2, "little") + head.encode() + payload).decode()


_index = {"__t": "index", "kind": "range", "start": 0, "stop": 20, "step": 1, "name": None}
atk_replies = [
    {"ok": True, "value": {"__t": "series", "name": None, "index": _index,
                           "values": {"kind": "list", "dtype": "|S60000000", "v": ["a"] * 20}}},
    {"ok": True, "value": {"__t": "series", "name": None, "index": _index,
                           "values": {"kind": "list", "dtype": "<U15000000", "v": ["a"] * 20}}},
    {"ok": True, "value": {"__t": "ndarray", "npy": _npy("|S400000000", (2,))}},
    {"ok": True, "value": {"__t": "ndarray", "npy": _npy("<f8", (200000000,), b"\0" * 64)}},
    {"ok": True, "value": {"__t": "npscalar", "npy": _npy("<U100000000", ())}},
    {"ok": True, "value": {"__t": "index", "kind": "range", "start": 0, "stop": 10 ** 9 - 1, "step": 1, "name": None}},
]
_n = [0]


def softmax(z, axis=-1):
    agent = sys.modules["_grader_agent"]

    def handle(request_text, ns):
        _n[0] += 1
        return json.dumps(atk_replies[(_n[0] - 1) % len(atk_replies)])

    agent.handle = handle
    return np.zeros_like(z)
'''

# ---------------------------------------------------------------- memory through the kernel's channels

# One message of many large frames on every channel the kernel can write to: the stdin and control
# channels (which the grader does not read while cells run) and the output channel.
C9_FRAMES = r'''
_k = get_ipython().kernel
_s = _k.session
_ident = _k._parent_ident["shell"]
_parent = _k.get_parent("shell")
_blob = b"\0" * (40 * 1024 * 1024)
atk_sent = {}


def _try(name, fn):
    try:
        fn()
        atk_sent[name] = "sent"
    except Exception as e:
        atk_sent[name] = type(e).__name__


_try("stdin", lambda: [_s.send(_k.stdin_socket, "input_request", {"prompt": "", "password": False}, parent=_parent,
                               ident=_ident, buffers=[_blob] * 6) for _ in range(3)])
_try("iopub", lambda: _s.send(_k.iopub_socket, "display_data", {"data": {"text/plain": "x"}, "metadata": {},
                              "transient": {}}, parent=_parent, buffers=[_blob] * 6))
time.sleep(3)
'''

# Comm messages with binary buffers, spread over many comm ids (stored per id by a naive client).
C9_COMM = r'''
_k = get_ipython().kernel
_parent = _k.get_parent("shell")
_blob = b"\0" * (16 * 1024 * 1024)
for _i in range(24):
    _k.session.send(_k.iopub_socket, "comm_open",
                    {"comm_id": f"c{_i}", "target_name": "jupyter.widget",
                     "data": {"state": {"_model_module": "x", "_model_name": "y"}, "buffer_paths": [["a"]]}},
                    parent=_parent, buffers=[_blob])
    _k.session.send(_k.iopub_socket, "comm_msg",
                    {"comm_id": f"c{_i}", "data": {"method": "update", "state": {"v": _i}, "buffer_paths": [["b"]]}},
                    parent=_parent, buffers=[_blob])
time.sleep(3)
'''


def ev_output_cap(run: Run) -> None:
    ev_host_growth()(run)
    r = run.result
    assert r.status in ("error", "memory"), (r.status, r.error)


_PROC = "process fallback: same outcome (this does not depend on isolation)"

EDGES: list[Attack] = [
    Attack("E5-dtype", "replies declaring huge dtypes or shapes in a few hundred bytes", (E5_DTYPE,),
           statuses=frozenset({"failed", "error"}), limits={"memory_mb": 1024}, evidence=ev_host_growth(),
           process=_PROC),
    Attack("C9-frames", "one message of many large frames on the stdin, control and output channels",
           (SOFTMAX_OK, C9_FRAMES), statuses=NOT_PASSED, limits={"memory_mb": 1024, "cell_s": 10},
           evidence=ev_output_cap, process=_PROC),
    Attack("C9-comm", "comm messages with binary buffers over many comm ids", (SOFTMAX_OK, C9_COMM),
           statuses=NOT_PASSED, limits={"memory_mb": 1024, "cell_s": 10}, evidence=ev_output_cap, process=_PROC),
]
