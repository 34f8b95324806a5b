"""Plain-data codec for everything that crosses the sandbox boundary.

This module is self-contained (standard library, numpy and pandas only) because its source is
also shipped into the sandboxed kernel, where the agent encodes results with it. The trusted
side only ever *decodes* with `loads`, which accepts a closed set of tagged JSON shapes and never
evaluates anything. What the kernel says is data, never a name to act on:
- array payloads are .npy bytes read by this module, not by `np.load`: the dtype comes from an
  allow-list (numbers, booleans, datetimes and timedeltas in a fixed unit, strings of bounded
  width), and the shape and width must account for exactly the bytes received, so nothing is
  allocated from a size the kernel merely declares;
- pandas columns rebuild only allow-listed extension dtypes; a time zone is UTC, a fixed UTC
  offset or an IANA name the standard library lists, resolved without opening a path the kernel
  chose (`dateutil/...` zones, which name files, are refused);
- lazy values (a range index) are capped as if they held the elements they stand for.
"""
from __future__ import annotations

import base64
import datetime
import io
import json
import math
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np

MAX_MESSAGE_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 32
MAX_JSON_VALUES = 1_000_000  # values in one message outside .npy payloads
MAX_STRING_WIDTH = 1 << 20  # characters (or bytes) per element of a fixed-width string array
MAX_NDIM = 32
MAX_RANGE_LENGTH = MAX_MESSAGE_BYTES // 8  # a range index no longer than a message could carry as int64
_UNITS = ("Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns")
_NPY_DESCR = re.compile(r"[<>|=]?(?:b1|[iu][1248]|f(?:2|4|8|16)|c(?:8|16|32)|[SU]\d{1,7}|[mM]8\[(?:"
                        + "|".join(_UNITS) + r")\])")
_NPY_HEADER = re.compile(r"\{'descr': '([^'\\]{1,32})', 'fortran_order': (True|False), "
                         r"'shape': \(((?:\d{1,19}, )*\d{1,19},?|)\), \} *\n")
_EXTENSION_DTYPES = ("Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Float32", "Float64",
                     "boolean", "string", "str")
_TZ_DTYPE = re.compile(r"datetime64\[(s|ms|us|ns), ([A-Za-z0-9_+:/-]{1,64})\]")
_FIXED_OFFSET = re.compile(r"UTC([+-])(\d\d):(\d\d)")
_ISO_TIMESTAMP = re.compile(r"-?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:[+-]\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?)?")


class CodecError(ValueError):
    """Raised when a value cannot be encoded or a message is not valid plain data."""


def _pd():
    try:
        import pandas as pd
    except ImportError:  # a kernel whose problem forbids pandas: its values cannot be rebuilt there
        raise CodecError("pandas values cannot be used here: pandas is not available") from None
    return pd


def plain_dtype(dtype: np.dtype) -> bool:
    """Whether arrays of `dtype` cross the boundary as data (the allow-list the decoder applies)."""
    return (dtype.fields is None and dtype.subdtype is None and not dtype.hasobject
            and _NPY_DESCR.fullmatch(dtype.str) is not None and 0 < dtype.itemsize <= 4 * MAX_STRING_WIDTH)


def _npy_bytes(arr: np.ndarray) -> str:
    buf = io.BytesIO()
    np.save(buf, np.ascontiguousarray(arr) if arr.ndim else arr, allow_pickle=False)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _npy_load(text: str) -> np.ndarray:
    """An array from .npy bytes (format 1.0, as `np.save` writes it), read here rather than by `np.load`:
    an allow-listed dtype, and a shape that accounts for exactly the bytes that follow the header."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise CodecError("malformed array payload: not base64") from None
    if raw[:8] != b"\x93NUMPY\x01\x00" or len(raw) < 10:
        raise CodecError("malformed array payload: not a version 1.0 .npy")
    start = 10 + int.from_bytes(raw[8:10], "little")
    m = _NPY_HEADER.fullmatch(raw[10:start].decode("latin-1"))
    if m is None or len(raw) < start:
        raise CodecError("malformed array payload: unexpected .npy header")
    descr, fortran, dims = m.group(1), m.group(2) == "True", m.group(3)
    if _NPY_DESCR.fullmatch(descr) is None:
        raise CodecError(f"array dtype {descr[:16]!r} is not allowed (numbers, booleans, dates, bounded strings)")
    dtype = np.dtype(descr)
    shape = tuple(int(d) for d in dims.replace(",", " ").split())
    if dtype.itemsize == 0 or dtype.itemsize > 4 * MAX_STRING_WIDTH or len(shape) > MAX_NDIM:
        raise CodecError("array dtype or rank out of bounds")
    count = math.prod(shape)
    if count * dtype.itemsize != len(raw) - start:
        raise CodecError("array payload size does not match its declared shape and dtype")
    arr = np.frombuffer(raw, dtype=dtype, count=count, offset=start)
    return arr.reshape(shape, order="F" if fortran else "C").copy(order="K")


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones()) | {"UTC"}


def _timezone(name: str) -> Any:
    """A time zone from its name: UTC, `UTC+HH:MM`, or an IANA name the standard library lists (so the
    name never selects a file of the kernel's choosing)."""
    m = _FIXED_OFFSET.fullmatch(name)
    if m is not None:
        minutes = int(m.group(2)) * 60 + int(m.group(3))
        if minutes >= 24 * 60:
            raise CodecError("time zone offset out of range")
        return datetime.timezone(datetime.timedelta(minutes=minutes if m.group(1) == "+" else -minutes))
    if name == "UTC":
        return datetime.UTC
    if name in _zone_names():
        import zoneinfo

        return zoneinfo.ZoneInfo(name)
    raise CodecError(f"time zone {name[:40]!r} is not allowed (UTC, UTC+HH:MM or an IANA name)")


def _extension_dtype(name: str) -> Any:
    """An allow-listed pandas extension dtype from its name (`str(dtype)`)."""
    pd = _pd()
    if name in _EXTENSION_DTYPES:
        return pd.api.types.pandas_dtype(name)
    m = _TZ_DTYPE.fullmatch(name)
    if m is not None:
        return pd.DatetimeTZDtype(unit=m.group(1), tz=_timezone(m.group(2)))
    raise CodecError(f"column dtype {name[:40]!r} is not allowed")


# ---------------------------------------------------------------- encoding

def encode(obj: Any, handle: Callable[[Any], dict] | None = None, _depth: int = 0) -> Any:
    """Turn `obj` into JSON-able tagged data; objects that are not plain data go to `handle`."""
    if _depth > MAX_DEPTH:
        raise CodecError("value nested too deeply")
    d = _depth + 1
    if obj is None or type(obj) in (bool, int, str):
        return obj
    if type(obj) is float:
        return obj if math.isfinite(obj) else {"__t": "float", "v": repr(obj)}
    if type(obj) is list:
        return [encode(x, handle, d) for x in obj]
    if type(obj) is tuple:
        return {"__t": "tuple", "v": [encode(x, handle, d) for x in obj]}
    if type(obj) is dict:
        return {"__t": "dict", "items": [[encode(k, handle, d), encode(v, handle, d)] for k, v in obj.items()]}
    if type(obj) in (set, frozenset):
        return {"__t": type(obj).__name__, "v": [encode(x, handle, d) for x in obj]}
    if type(obj) is bytes:
        return {"__t": "bytes", "b64": base64.b64encode(obj).decode("ascii")}
    if type(obj) is np.ndarray and plain_dtype(obj.dtype):
        return {"__t": "ndarray", "npy": _npy_bytes(obj)}
    if type(obj) is np.ndarray and obj.dtype.hasobject:
        return {"__t": "objarray", "shape": list(obj.shape), "v": [encode(x, handle, d) for x in obj.ravel()]}
    if isinstance(obj, np.generic) and type(obj).__module__ == "numpy" and plain_dtype(obj.dtype):
        return {"__t": "npscalar", "npy": _npy_bytes(np.asarray(obj))}
    # No pandas object exists unless pandas was imported (a kernel whose problem forbids pandas cannot).
    pd = sys.modules.get("pandas")
    if pd is not None and hasattr(pd, "Index"):
        if type(obj) is pd.Timestamp:
            return {"__t": "timestamp", "v": obj.isoformat(), "tz": str(obj.tz) if obj.tz else None}
        if type(obj) is pd.Timedelta:
            return {"__t": "timedelta", "ns": int(obj.value)}
        if obj is pd.NaT:
            return {"__t": "nat"}
        if obj is pd.NA:
            return {"__t": "na"}
        if type(obj) is pd.Series:
            return {"__t": "series", "name": encode(obj.name, handle, d), "index": _enc_index(obj.index, handle, d),
                    "values": _enc_column(obj.array, obj.dtype, handle, d)}
        if type(obj) is pd.DataFrame:
            return {"__t": "frame", "columns": _enc_index(obj.columns, handle, d),
                    "index": _enc_index(obj.index, handle, d),
                    "data": [_enc_column(obj.iloc[:, i].array, obj.dtypes.iloc[i], handle, d)
                             for i in range(obj.shape[1])]}
        if isinstance(obj, pd.Index) and type(obj).__module__.startswith("pandas"):
            return _enc_index(obj, handle, d)
    if handle is None:
        raise CodecError(f"cannot encode {type(obj).__module__}.{type(obj).__qualname__}")
    return handle(obj)


def _enc_column(values: Any, dtype: Any, handle: Callable | None, depth: int) -> dict:
    pd = _pd()
    if isinstance(dtype, np.dtype) and plain_dtype(dtype):
        return {"kind": "npy", "npy": _npy_bytes(np.asarray(values))}
    if isinstance(dtype, pd.CategoricalDtype):
        cat = pd.Categorical(values)
        return {"kind": "category", "categories": _enc_index(cat.categories, handle, depth),
                "codes": _npy_bytes(np.asarray(cat.codes)), "ordered": bool(cat.ordered)}
    if isinstance(dtype, np.dtype):  # object dtype: keep every element exactly
        items = [encode(x, handle, depth + 1) for x in values]
    else:  # extension dtype: missing values travel as None and the dtype restores its own NA
        items = [None if pd.isna(x) else encode(x, handle, depth + 1) for x in values]
    return {"kind": "list", "dtype": str(dtype), "v": items}


def _enc_index(idx: Any, handle: Callable | None, depth: int) -> dict:
    pd = _pd()
    name = encode(idx.name, handle, depth) if not isinstance(idx, pd.MultiIndex) else None
    if type(idx) is pd.RangeIndex:
        return {"__t": "index", "kind": "range", "start": idx.start, "stop": idx.stop, "step": idx.step, "name": name}
    if type(idx) is pd.MultiIndex:
        return {"__t": "index", "kind": "multi", "names": [encode(n, handle, depth) for n in idx.names],
                "levels": [_enc_index(lv, handle, depth + 1) for lv in idx.levels],
                "codes": [_npy_bytes(np.asarray(c)) for c in idx.codes]}
    return {"__t": "index", "kind": "values", "name": name, "values": _enc_column(idx.array, idx.dtype, handle, depth)}


def dumps(obj: Any, handle: Callable[[Any], dict] | None = None) -> str:
    """Encode `obj` to a JSON string (see `encode`)."""
    return json.dumps(encode(obj, handle), allow_nan=False, separators=(",", ":"))


# ---------------------------------------------------------------- decoding

def loads(text: str | bytes, handle: Callable[[dict], Any] | None = None) -> Any:
    """Decode a message produced by `dumps`; anything outside the closed format is a CodecError."""
    if len(text) > MAX_MESSAGE_BYTES:
        raise CodecError(f"message larger than {MAX_MESSAGE_BYTES // (1024 * 1024)} MiB")
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise CodecError(f"message is not valid JSON: {str(exc)[:80]}") from None
    return decode(raw, handle)


def decode(raw: Any, handle: Callable[[dict], Any] | None = None, _depth: int = 0) -> Any:
    """Rebuild a value from tagged JSON data."""
    if _depth > MAX_DEPTH + 8:
        raise CodecError("value nested too deeply")
    d = _depth + 1
    if raw is None or type(raw) in (bool, int, float, str):
        return raw
    if type(raw) is list:
        return [decode(x, handle, d) for x in raw]
    if type(raw) is not dict:
        raise CodecError("unexpected JSON value")
    tag = raw.get("__t")
    try:
        if tag == "float":
            v = float(raw["v"])
            if math.isfinite(v):
                raise CodecError("finite float sent as special float")
            return v
        if tag == "tuple":
            return tuple(decode(x, handle, d) for x in _list(raw["v"]))
        if tag == "dict":
            out = {}
            for pair in _list(raw["items"]):
                if type(pair) is not list or len(pair) != 2:
                    raise CodecError("malformed dict item")
                out[decode(pair[0], handle, d)] = decode(pair[1], handle, d)
            return out
        if tag in ("set", "frozenset"):
            items = [decode(x, handle, d) for x in _list(raw["v"])]
            return set(items) if tag == "set" else frozenset(items)
        if tag == "bytes":
            return base64.b64decode(_str(raw["b64"]).encode("ascii"), validate=True)
        if tag == "ndarray":
            return _npy_load(_str(raw["npy"]))
        if tag == "objarray":
            shape = tuple(int(s) for s in _list(raw["shape"]))
            items = [decode(x, handle, d) for x in _list(raw["v"])]
            if len(shape) > MAX_NDIM or any(n < 0 for n in shape) or math.prod(shape) != len(items):
                raise CodecError("object array shape does not match its items")
            arr = np.empty(len(items), dtype=object)
            for i, x in enumerate(items):
                arr[i] = x
            return arr.reshape(shape)
        if tag == "npscalar":
            arr = _npy_load(_str(raw["npy"]))
            if arr.ndim != 0:
                raise CodecError("numpy scalar payload is not 0-d")
            return arr[()]
        if tag == "handle":
            if handle is None:
                raise CodecError("unexpected object handle")
            return handle(raw)
        pd = _pd()
        if tag == "timestamp":
            text = _str(raw["v"])
            if _ISO_TIMESTAMP.fullmatch(text) is None:
                raise CodecError("malformed timestamp")
            stamp = pd.Timestamp(text)
            tz = raw.get("tz")
            if tz is None:
                return stamp
            if stamp.tz is None:
                raise CodecError("a timestamp with a time zone but no UTC offset")
            return stamp.tz_convert(_timezone(_str(tz)))
        if tag == "timedelta":
            return pd.Timedelta(int(raw["ns"]), unit="ns")
        if tag == "nat":
            return pd.NaT
        if tag == "na":
            return pd.NA
        if tag == "index":
            return _dec_index(raw, handle, d)
        if tag == "series":
            index = _dec_index(raw["index"], handle, d)
            values = _dec_column(raw["values"], handle, d)
            if len(values) != len(index):
                raise CodecError("series index and values differ in length")
            return pd.Series(values, index=index, name=decode(raw["name"], handle, d), copy=False)
        if tag == "frame":
            columns = _dec_index(raw["columns"], handle, d)
            index = _dec_index(raw["index"], handle, d)
            data = [_dec_column(c, handle, d) for c in _list(raw["data"])]
            if len(data) != len(columns) or any(len(c) != len(index) for c in data):
                raise CodecError("frame columns do not match their labels")
            frame = pd.DataFrame({i: col for i, col in enumerate(data)}, index=index)
            frame.columns = columns
            return frame
    except CodecError:
        raise
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise CodecError(f"malformed {tag!r} value: {type(exc).__name__}") from None
    raise CodecError(f"unknown tag {tag!r}")


def _list(x: Any) -> list:
    if type(x) is not list:
        raise CodecError("expected a list")
    return x


def _str(x: Any) -> str:
    if type(x) is not str:
        raise CodecError("expected a string")
    return x


def _dec_column(raw: Any, handle: Callable | None, depth: int) -> Any:
    pd = _pd()
    if type(raw) is not dict:
        raise CodecError("malformed column")
    kind = raw.get("kind")
    if kind == "npy":
        arr = _npy_load(_str(raw["npy"]))
        if arr.ndim != 1:
            raise CodecError("column is not one-dimensional")
        return arr
    if kind == "category":
        cats = _dec_index(raw["categories"], handle, depth)
        codes = _npy_load(_str(raw["codes"]))
        return pd.Categorical.from_codes(codes, categories=cats, ordered=bool(raw["ordered"]))
    if kind == "list":
        dtype = _str(raw["dtype"])
        items = [decode(x, handle, depth + 1) for x in _list(raw["v"])]
        if dtype == "object":
            arr = np.empty(len(items), dtype=object)
            for i, x in enumerate(items):
                arr[i] = x
            return arr
        resolved = _extension_dtype(dtype)
        try:
            return pd.array(items, dtype=resolved)
        except (TypeError, ValueError, OverflowError) as exc:
            raise CodecError(f"cannot rebuild column of dtype {dtype[:40]}: {type(exc).__name__}") from None
    raise CodecError("unknown column kind")


def _dec_index(raw: Any, handle: Callable | None, depth: int) -> Any:
    pd = _pd()
    if type(raw) is not dict or raw.get("__t") != "index":
        raise CodecError("malformed index")
    kind = raw.get("kind")
    if kind == "range":
        start, stop, step = (int(raw[k]) for k in ("start", "stop", "step"))
        if step == 0 or len(range(start, stop, step)) > MAX_RANGE_LENGTH:
            raise CodecError("implausible range index")
        return pd.RangeIndex(start, stop, step, name=decode(raw["name"], handle, depth))
    if kind == "multi":
        levels = [_dec_index(lv, handle, depth + 1) for lv in _list(raw["levels"])]
        codes = [_npy_load(_str(c)) for c in _list(raw["codes"])]
        names = [decode(n, handle, depth) for n in _list(raw["names"])]
        return pd.MultiIndex(levels=levels, codes=codes, names=names, verify_integrity=True)
    if kind == "values":
        values = _dec_column(raw["values"], handle, depth)
        return pd.Index(values, name=decode(raw["name"], handle, depth), tupleize_cols=False, copy=False)
    raise CodecError("unknown index kind")
