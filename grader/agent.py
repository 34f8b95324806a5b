"""Kernel-side agent: answers the trusted side's calls from inside the sandbox.

Shipped as source into the learner's kernel after the notebook's cells have run (never
imported by the trusted side except by the in-process fake sandbox). It holds no secret and
decides nothing: it calls the learner's functions and encodes what they return. Values that
are not plain data stay here and are named by integer handles.
"""
import importlib
import json
import sys
import traceback
import warnings

import _grader_codec as codec

REPLY_MIME = "application/x-grader-reply+json"
_handles = {}


def _store(obj):
    hid = len(_handles) + 1
    _handles[hid] = obj
    t = type(obj)
    return {"__t": "handle", "id": hid, "type": f"{t.__module__}.{t.__qualname__}"}


def _resolve(raw):
    try:
        return _handles[int(raw["id"])]
    except (KeyError, TypeError, ValueError):
        raise codec.CodecError("unknown object handle") from None


def _target(req, ns):
    if req.get("fn") is not None:
        name = req["fn"]
        if name not in ns:
            raise NameError(f"name '{name}' is not defined in your notebook")
        obj = ns[name]
    elif req.get("target") is not None:
        obj = _resolve({"id": req["target"]})
    elif req.get("path") is not None:
        module, _, attr = req["path"].rpartition(".")
        obj = getattr(importlib.import_module(module), attr)
    else:
        raise ValueError("request names no target")
    if req.get("method") is not None:
        obj = getattr(obj, req["method"])
    return obj


def _error(exc):
    t = type(exc)
    try:
        message = str(exc)
    except Exception:  # noqa: BLE001 - a hostile __str__ must not break the reply
        message = "<unprintable message>"
    frames = traceback.format_exception(t, exc, exc.__traceback__, limit=-3)
    mro = [[c.__module__, c.__qualname__] for c in t.__mro__[1:] if isinstance(c.__module__, str)][:16]
    return {"type": t.__qualname__, "module": t.__module__, "mro": mro, "message": message[:2000],
            "traceback": "".join(frames)[-2000:]}


def handle(request_text, ns):
    """Answer one request (a JSON string) against namespace `ns`; returns the reply string."""
    try:
        req = json.loads(request_text)
        op = req["op"]
        if op == "has":
            return json.dumps({"ok": True, "value": {n: (n in ns and callable(ns[n])) for n in req["names"]}})
        args = codec.decode(req.get("args", []), _resolve)
        kwargs = codec.decode(req.get("kwargs", {"__t": "dict", "items": []}), _resolve)
    except Exception as exc:  # noqa: BLE001
        return json.dumps({"ok": False, "error": _error(exc), "stage": "request"})
    try:
        with warnings.catch_warnings():
            if req.get("warnings_error"):
                warnings.simplefilter("error", RuntimeWarning)
            target = _target(req, ns)
            if op == "getattr":
                value = getattr(target, req["attr"])
            elif op == "call" and req.get("probe"):  # a guarded / measured call (grader/probes.py)
                value = sys.modules["_grader_probes"].run(req["probe"], target, args, kwargs, _error, ns)
            elif op == "call":
                value = target(*args, **kwargs)
            else:
                raise ValueError(f"unknown op {op!r}")
    except Exception as exc:  # noqa: BLE001 - the learner's exception is the answer
        return json.dumps({"ok": False, "error": _error(exc), "stage": "call"})
    try:
        reply = {"ok": True, "value": codec.encode(value, _store)}
        if req.get("return_args"):
            reply["args"] = codec.encode(args, _store)
        return json.dumps(reply, allow_nan=False, separators=(",", ":"))
    except Exception as exc:  # noqa: BLE001
        return json.dumps({"ok": False, "error": _error(exc), "stage": "encode"})


def serve(request_text):
    """Kernel entry point: answer against the IPython user namespace and publish the reply."""
    from IPython import get_ipython
    from IPython.display import publish_display_data

    reply = handle(request_text, get_ipython().user_ns)
    publish_display_data({REPLY_MIME: reply})


def serve_file(path):
    """Kernel entry point for a request the host wrote to a file."""
    with open(path, encoding="utf-8") as f:
        serve(f.read())
