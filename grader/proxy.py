"""Trusted-side proxy to the learner's code running in the sandbox.

Hidden checks get a `Learner` object: `learner.softmax(z)` sends a call request to the agent in
the sandbox and decodes the reply with the strict codec. Results that are not plain data come
back as `RemoteObject` handles whose attribute reads and calls are forwarded. An exception raised
by the learner's code is re-raised here as the same builtin/numpy/pandas/sklearn type (so
`pytest.raises` works), mixed with `RemoteError` so the grader knows where it came from.

What the kernel says about an exception is data: the type is looked up in fixed tables (never
imported or fetched by a name the kernel chose), a class name is used only when it is an
identifier, and the message and traceback are capped and stripped of control characters. Anything
that does not fit becomes a plain `LearnerError`.
"""
from __future__ import annotations

import builtins
import json
import re
from pathlib import Path
from typing import Any

from grader import codec
from grader.sandbox.base import Session, exception_name, kernel_text

_AGENT_FILES = (("_grader_codec", "codec.py"), ("_grader_probes", "probes.py"), ("_grader_agent", "agent.py"))
_NOT_REMOTABLE = {"SystemExit", "KeyboardInterrupt", "GeneratorExit", "BaseExceptionGroup", "ExceptionGroup"}
_LIBRARY_EXCEPTIONS = {
    ("numpy.linalg", "LinAlgError"): ("numpy.linalg", "LinAlgError"),
    ("numpy.exceptions", "AxisError"): ("numpy.exceptions", "AxisError"),
    ("numpy.exceptions", "ComplexWarning"): ("numpy.exceptions", "ComplexWarning"),
    ("sklearn.exceptions", "NotFittedError"): ("sklearn.exceptions", "NotFittedError"),
    ("sklearn.exceptions", "ConvergenceWarning"): ("sklearn.exceptions", "ConvergenceWarning"),
    ("pandas.errors", "MergeError"): ("pandas.errors", "MergeError"),
    ("pandas.errors", "IntCastingNaNError"): ("pandas.errors", "IntCastingNaNError"),
    ("pandas.errors", "InvalidIndexError"): ("pandas.errors", "InvalidIndexError"),
}


def agent_source() -> str:
    """Python source that installs the codec and agent modules inside the kernel."""
    here = Path(__file__).parent
    lines = ["import sys as _s, types as _t"]
    for module, filename in _AGENT_FILES:
        src = (here / filename).read_text(encoding="utf-8")
        lines.append(f"_m = _t.ModuleType({module!r}); _s.modules[{module!r}] = _m")
        lines.append(f"exec(compile({src!r}, {'<' + module + '>'!r}, 'exec'), _m.__dict__)")
    lines.append("del _s, _t, _m")
    return "\n".join(lines)


class RemoteError(Exception):
    """Mixin marking an exception raised by the learner's code inside the sandbox."""

    remote_type: str = ""
    remote_traceback: str = ""


class LearnerError(RemoteError):
    """The learner's code raised an exception type that has no trusted-side counterpart."""


class ProtocolError(Exception):
    """The sandbox answered with something that is not a valid reply."""


_BUILTIN_EXCEPTIONS = {name: cls for name, cls in vars(builtins).items()
                       if isinstance(cls, type) and issubclass(cls, Exception) and name not in _NOT_REMOTABLE}
_MESSAGE_CAP = 2000
_MRO_CAP = 16
_CACHE_CAP = 256
_UNPRINTABLE_KEEP_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069"
                                     "\ufeff\ud800-\udfff]")
_exception_cache: dict[tuple, type] = {}


def _base_exception(module: str, name: str) -> type | None:
    """The trusted-side class for a remote (module, qualified name), from fixed tables only."""
    if module == "builtins":
        return _BUILTIN_EXCEPTIONS.get(name)
    target = _LIBRARY_EXCEPTIONS.get((module, name))
    if target is None:
        return None
    import importlib

    try:
        return getattr(importlib.import_module(target[0]), target[1])
    except (ImportError, AttributeError):
        return None


def _text(value: Any, cap: int = _MESSAGE_CAP) -> str:
    """A kernel string with its lines kept: capped, control characters removed."""
    text = value if isinstance(value, str) else ""
    return _UNPRINTABLE_KEEP_LINES.sub("", text[:cap])


def remote_exception(err: dict) -> Exception:
    """Build the trusted-side exception for an error reported by the agent (never raises)."""
    try:
        return _remote_exception(err)
    except Exception:  # noqa: BLE001 - whatever the kernel sent, one hostile reply never stops grading
        exc = LearnerError(kernel_text(err.get("message") if isinstance(err, dict) else None))
        exc.remote_type = "LearnerError"
        return exc


def _remote_exception(err: dict) -> Exception:
    module = kernel_text(err.get("module"), 100)
    qualname = kernel_text(err.get("type"), 200)
    # The class's own name (a local class's qualified name is f.<locals>.E), used only as an identifier.
    shown = exception_name(qualname.rsplit(".", 1)[-1]) or "UnnamedError"
    message = _text(err.get("message"))
    raw_mro = err.get("mro")
    mro: list[Any] = raw_mro if isinstance(raw_mro, list) else []
    ancestry = [(module, qualname)] + [(kernel_text(m[0], 100), kernel_text(m[1], 100)) for m in mro[:_MRO_CAP]
                                       if isinstance(m, list) and len(m) == 2]
    key = tuple(ancestry)
    cls = _exception_cache.get(key)
    if cls is None:
        # The nearest known class in the remote MRO: statistics.StatisticsError arrives as a ValueError.
        base = next((b for b in (_base_exception(m, n) for m, n in ancestry) if b is not None), None)
        cls = type(shown, (RemoteError, base), {}) if base is not None and base is not Exception else LearnerError
        if len(_exception_cache) >= _CACHE_CAP:
            _exception_cache.clear()
        _exception_cache[key] = cls
    try:
        exc = cls(message) if cls is not LearnerError else LearnerError(f"{module}.{shown}: {message}")
    except Exception:  # noqa: BLE001 - exception types with unusual constructors
        exc = LearnerError(f"{shown}: {message}")
    exc.remote_type = shown
    exc.remote_traceback = _text(err.get("traceback"))
    return exc


class Channel:
    """Encodes requests, sends them through a sandbox session and decodes replies strictly."""

    def __init__(self, session: Session, timeout: float):
        self.session = session
        self.timeout = timeout
        self.calls = 0

    def _encode_arg(self, obj: Any) -> dict:
        if isinstance(obj, RemoteObject):
            return {"__t": "handle", "id": object.__getattribute__(obj, "_id")}
        raise codec.CodecError(f"cannot send {type(obj).__name__} into the sandbox")

    def request(self, req: dict, timeout: float | None = None) -> dict:
        self.calls += 1
        text = json.dumps(req, allow_nan=False)
        reply_text = self.session.request(text, self.timeout if timeout is None else timeout)
        if not isinstance(reply_text, str):
            raise ProtocolError("the sandbox sent no reply")
        if len(reply_text) > codec.MAX_MESSAGE_BYTES:
            raise ProtocolError("the reply is larger than the message limit")
        # Bulk data travels as .npy inside strings; a reply of millions of bare JSON values would only
        # make this trusted process build millions of Python objects.
        values = reply_text.count(",") + reply_text.count("[") + reply_text.count("{")
        if values > codec.MAX_JSON_VALUES:
            raise ProtocolError(f"the reply holds more than {codec.MAX_JSON_VALUES} values (return arrays, not lists)")
        try:
            reply = json.loads(reply_text)
        except (ValueError, RecursionError):
            raise ProtocolError("the reply is not JSON") from None
        if type(reply) is not dict or type(reply.get("ok")) is not bool:
            raise ProtocolError("malformed reply")
        if not reply["ok"]:
            err = reply.get("error")
            if type(err) is not dict:
                raise ProtocolError("malformed error reply")
            raise remote_exception(err)
        return reply

    def call(self, target: dict, args: tuple, kwargs: dict, *, timeout: float | None = None,
             warnings_error: bool = False, return_args: bool = False, probe: dict | None = None) -> Any:
        req = dict(target, op="call", args=codec.encode(list(args), self._encode_arg),
                   kwargs=codec.encode(dict(kwargs), self._encode_arg),
                   warnings_error=warnings_error, return_args=return_args)
        if probe:  # the agent answers {"value", "error", "report"} (grader/probes.py; read by checklib)
            req["probe"] = probe
        reply = self.request(req, timeout)
        value = self.decode(reply.get("value"))
        if return_args:
            return value, self.decode(reply.get("args"))
        return value

    def getattr(self, handle_id: int, name: str, timeout: float | None = None) -> Any:
        reply = self.request({"op": "getattr", "target": handle_id, "attr": name, "args": [],
                              "kwargs": {"__t": "dict", "items": []}}, timeout)
        return self.decode(reply.get("value"))

    def decode(self, raw: Any) -> Any:
        return codec.decode(raw, lambda h: RemoteObject(self, int(h["id"]), kernel_text(h.get("type", "?"), 100)))


class RemoteObject:
    """A value that stayed in the sandbox; attribute reads and calls are forwarded to it."""

    def __init__(self, channel: Channel, handle_id: int, type_name: str):
        object.__setattr__(self, "_channel", channel)
        object.__setattr__(self, "_id", handle_id)
        object.__setattr__(self, "type_name", type_name)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self._channel.getattr(self._id, name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("remote objects are read-only on the trusted side")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._channel.call({"target": self._id}, args, kwargs)

    def call_method(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """`obj.name(*args, **kwargs)` in one round trip."""
        return self._channel.call({"target": self._id, "method": name}, args, kwargs)

    def call_method_keep_args(self, name: str, *args: Any, **kwargs: Any) -> tuple[Any, list]:
        """Like `call_method`, also returning the positional arguments as they are after the call (rule G1)."""
        return self._channel.call({"target": self._id, "method": name}, args, kwargs, return_args=True)

    def call_method_probed(self, name: str, probe: dict, *args: Any, **kwargs: Any) -> Any:
        """`obj.name(...)` under kernel-side probes; use `checklib.probe_call`, which reads the answer."""
        return self._channel.call({"target": self._id, "method": name}, args, kwargs, probe=probe)

    def __repr__(self) -> str:
        return f"<remote {self.type_name}>"


class RemoteFunction:
    """A function defined in the learner's notebook."""

    def __init__(self, channel: Channel, name: str, timeout: float | None = None, warnings_error: bool = False):
        self._channel = channel
        self.name = name
        self._timeout = timeout
        self._warnings_error = warnings_error

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._channel.call({"fn": self.name}, args, kwargs, timeout=self._timeout,
                                  warnings_error=self._warnings_error)

    def call_keep_args(self, *args: Any, **kwargs: Any) -> tuple[Any, list]:
        """Call and also return the positional arguments as they are after the call (rule G1)."""
        return self._channel.call({"fn": self.name}, args, kwargs, timeout=self._timeout,
                                  warnings_error=self._warnings_error, return_args=True)

    def call_probed(self, probe: dict, *args: Any, **kwargs: Any) -> Any:
        """Call under kernel-side probes; use `checklib.probe_call`, which reads the answer."""
        return self._channel.call({"fn": self.name}, args, kwargs, timeout=self._timeout,
                                  warnings_error=self._warnings_error, probe=probe)

    def __repr__(self) -> str:
        return f"<learner function {self.name}>"


class Learner:
    """What hidden checks receive as the `learner` fixture."""

    def __init__(self, channel: Channel):
        self._channel = channel

    def __getattr__(self, name: str) -> RemoteFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        return RemoteFunction(self._channel, name)

    def fn(self, name: str, *, timeout: float | None = None, warnings: str | None = None) -> RemoteFunction:
        """The learner's function `name` with call options (`warnings="error"` turns RuntimeWarning into errors)."""
        return RemoteFunction(self._channel, name, timeout=timeout, warnings_error=warnings == "error")

    def invoke(self, path: str, *args: Any, **kwargs: Any) -> Any:
        """Call a library function inside the sandbox, e.g. `invoke("sklearn.base.clone", model)`."""
        return self._channel.call({"path": path}, args, kwargs)

    def defines(self, *names: str) -> dict[str, bool]:
        """Which of `names` the notebook defines as callables."""
        reply = self._channel.request({"op": "has", "names": list(names)})
        value = reply.get("value")
        if type(value) is not dict:
            raise ProtocolError("malformed reply")
        return {n: value.get(n) is True for n in names}
