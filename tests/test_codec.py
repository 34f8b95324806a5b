import base64
import datetime
import io
import json
import os

import numpy as np
import pandas as pd
import pytest

from grader import codec
from grader.codec import CodecError


@pytest.mark.parametrize("value", [
    None, True, 3, -2.5, "text", [1, [2, 3]], (1, "a"), {"k": [1, 2], 3: None}, {1, 2}, frozenset({"a"}), b"\x00\xff",
    np.float32(1.5), np.int64(-7), np.bool_(True),
])
def test_plain_values_round_trip_with_exact_types(value):
    out = codec.loads(codec.dumps(value))
    assert out == value and type(out) is type(value)


def test_special_floats_round_trip():
    out = codec.loads(codec.dumps([float("nan"), float("inf"), -float("inf")]))
    assert np.isnan(out[0]) and out[1] == float("inf") and out[2] == -float("inf")


@pytest.mark.parametrize("arr", [np.arange(12, dtype=np.int32).reshape(3, 4), np.zeros((0, 3)),
                                 np.array([1.5, np.nan], dtype=np.float32), np.array(["ab", "c"]),
                                 np.array(3.0), np.arange(6).reshape(2, 3).T])
def test_arrays_keep_shape_dtype_values(arr):
    out = codec.loads(codec.dumps(arr))
    assert type(out) is np.ndarray and out.dtype == arr.dtype and out.shape == arr.shape
    assert np.array_equal(out, arr, equal_nan=arr.dtype.kind == "f")


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"g": ["x", "y", None], "v": [1.0, np.nan, 3.0], "n": [1, 2, 3]}),
    pd.DataFrame({"c": pd.Categorical(["a", "b", "a"]), "i": pd.array([1, None, 3], dtype="Int64")}, index=[10, 20, 30]),
    pd.DataFrame({"t": pd.to_datetime(["2024-01-01", "2024-03-01"])}, index=pd.Index(["a", "b"], name="key")),
    pd.DataFrame({"v": [1, 2]}, index=pd.MultiIndex.from_tuples([("a", 1), ("b", 2)], names=["k", "n"])),
    pd.DataFrame(columns=["a", "b"]).astype({"a": "int64", "b": "float64"}),
])
def test_frames_round_trip_with_dtypes_and_index(frame):
    pd.testing.assert_frame_equal(codec.loads(codec.dumps(frame)), frame)


def test_series_round_trip_keeps_name_and_index():
    s = pd.Series([3, 1, 2], index=[7, 8, 9], name="rank", dtype="int64")
    pd.testing.assert_series_equal(codec.loads(codec.dumps(s)), s)


def test_objects_that_are_not_plain_data_need_a_handle():
    class Thing:
        pass

    with pytest.raises(CodecError):
        codec.dumps(Thing())
    out = codec.encode([Thing()], handle=lambda o: {"__t": "handle", "id": 1})
    assert out == [{"__t": "handle", "id": 1}]


def test_subclasses_of_plain_types_are_not_plain():
    class Evil(float):
        def __eq__(self, other):
            return True

    with pytest.raises(CodecError):
        codec.dumps(Evil(1.0))


def _npy(arr: np.ndarray, allow_pickle: bool = False) -> str:
    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=allow_pickle)
    return base64.b64encode(buf.getvalue()).decode()


@pytest.mark.parametrize("raw", [
    '{"__t": "pickle", "v": "x"}',
    '{"a": 1}',
    '{"__t": "ndarray", "npy": "%s"}' % _npy(np.array([object()], dtype=object), allow_pickle=True),
    '{"__t": "ndarray", "npy": "not base64!"}',
    '{"__t": "float", "v": "1.5"}',
    '{"__t": "dict", "items": [[1]]}',
    '{"__t": "index", "kind": "range", "start": 0, "stop": 10, "step": 0, "name": null}',
    "[" * 5000 + "]" * 5000,
    "not json",
])
def test_decoder_rejects_anything_outside_the_format(raw):
    with pytest.raises(CodecError):
        codec.loads(raw)


def test_decoder_refuses_oversized_messages(monkeypatch):
    monkeypatch.setattr(codec, "MAX_MESSAGE_BYTES", 100)
    with pytest.raises(CodecError, match="larger"):
        codec.loads(json.dumps(list(range(100))))


def test_handles_are_decoded_only_with_a_factory():
    raw = {"__t": "handle", "id": 4, "type": "x.Y"}
    with pytest.raises(CodecError):
        codec.decode(raw)
    assert codec.decode(raw, handle=lambda h: ("handle", h["id"])) == ("handle", 4)


# ---------------------------------------------------------------- what the kernel says is data (issue 15)

def _header_only(descr: str, shape: tuple, payload: bytes = b"") -> str:
    """A .npy header declaring `descr` x `shape`, followed by only `payload`."""
    head = "{'descr': %r, 'fortran_order': False, 'shape': %r, }" % (descr, shape)
    head += " " * (-(len(head) + 11) % 64) + "\n"
    raw = b"\x93NUMPY\x01\x00" + len(head).to_bytes(2, "little") + head.encode() + payload
    return base64.b64encode(raw).decode()


@pytest.mark.parametrize("npy", [
    _header_only("<f8", (200_000_000,)),             # 1.6 GB declared, nothing sent
    _header_only("<f8", (4,), b"\0" * 31),           # one byte short
    _header_only("<f8", (4,), b"\0" * 33),           # one byte over
    _header_only("|S400000000", (2,)),               # a width beyond the string cap
    _header_only("|V16", (1,), b"\0" * 16),          # void and structured dtypes are not data here
    _header_only("|O", (1,), b"\0" * 8),
    _header_only("<M8", (1,), b"\0" * 8),            # a datetime without a unit
    _header_only("<f8", (0,) * 40),                  # a rank beyond the cap
])
def test_array_payloads_must_account_for_exactly_the_bytes_received(npy: str) -> None:
    with pytest.raises(CodecError):
        codec.decode({"__t": "ndarray", "npy": npy})


def test_allowed_array_dtypes_round_trip_and_others_stay_behind_handles() -> None:
    for arr in (np.arange(3, dtype=np.uint16), np.array(["ab", "c"]), np.array([b"x"]), np.zeros(2, "m8[ms]"),
                np.array([1 + 2j], np.complex64), np.zeros((2, 0, 3), np.float16), np.array(True)):
        back = codec.loads(codec.dumps(arr))
        assert back.dtype == arr.dtype and back.shape == arr.shape and np.array_equal(back, arr) and back.flags.writeable
    structured = np.zeros(2, dtype=[("a", "<i4"), ("b", "<f8")])
    with pytest.raises(CodecError):
        codec.dumps(structured)
    assert codec.encode(structured, handle=lambda o: {"__t": "handle", "id": 1, "type": "x"})["__t"] == "handle"


_RANGE2 = {"__t": "index", "kind": "range", "start": 0, "stop": 2, "step": 1, "name": None}


def _column(dtype: str, values: list) -> dict:
    return {"__t": "series", "name": None, "index": _RANGE2, "values": {"kind": "list", "dtype": dtype, "v": values}}


@pytest.mark.parametrize("dtype", [
    "|S60000000", "<U30000000", "object_", "Sparse[float64, nan]", "interval[int64, right]", "period[D]",
    "datetime64[ns, dateutil//etc/passwd]", "datetime64[ns, dateutil/../../etc/shadow]", "datetime64[ns, /etc/passwd]",
    "datetime64[ns, ../../../../etc/passwd]", "datetime64[ns, Not/AZone]", "datetime64[ns, UTC+99:00]",
    "datetime64[D, UTC]", "category", "mypackage.MyDtype",
])
def test_column_dtypes_come_from_an_allow_list(dtype: str) -> None:
    with pytest.raises(CodecError, match="not allowed|out of range"):
        codec.decode(_column(dtype, ["a", "b"]))


def test_time_zones_never_open_a_path_the_kernel_chose(tmp_path, monkeypatch) -> None:
    fifo = tmp_path / "tz-fifo"
    os.mkfifo(fifo)  # opening it would block: the test would hang, not pass
    opened: list[str] = []
    real_open = open

    def recording_open(f, *a, **k):
        opened.append(str(f))
        return real_open(f, *a, **k)

    monkeypatch.setattr("builtins.open", recording_open)
    for name in (f"dateutil/{fifo}", str(fifo), f"../../..{fifo}", "/usr/share/zoneinfo/UTC", "dateutil/UTC"):
        for raw in (_column(f"datetime64[ns, {name}]", [None, None]),
                    {"__t": "timestamp", "v": "2020-01-01T00:00:00+00:00", "tz": name}):
            with pytest.raises(CodecError, match="not allowed") as err:
                codec.decode(raw)
            assert str(fifo) not in str(err.value)  # the same refusal whether the file exists or not: no oracle
    assert not any(str(fifo) in f or "zoneinfo/UTC" in f for f in opened)


def test_named_and_fixed_zones_round_trip() -> None:
    for tz in ("UTC", "Europe/Paris", "America/New_York", datetime.timezone(datetime.timedelta(hours=-3, minutes=-30))):
        s = pd.Series(pd.date_range("2021-03-27", periods=3, freq="12h", tz=tz))
        pd.testing.assert_series_equal(codec.loads(codec.dumps(s)), s)
        stamp = s.iloc[1]
        back = codec.loads(codec.dumps(stamp))
        assert back == stamp and str(back.tz) == str(stamp.tz)
    ambiguous = pd.Timestamp("2020-11-01T01:30:00").tz_localize("US/Eastern", ambiguous=False)
    assert codec.loads(codec.dumps(ambiguous)).utcoffset() == ambiguous.utcoffset()
    with pytest.raises(CodecError, match="malformed timestamp"):
        codec.decode({"__t": "timestamp", "v": "2020-01-01 00:00 dateutil//etc/passwd", "tz": None})


def test_lazy_values_are_capped_as_if_they_held_their_elements() -> None:
    big = {"__t": "index", "kind": "range", "start": 0, "stop": codec.MAX_RANGE_LENGTH + 1, "step": 1, "name": None}
    with pytest.raises(CodecError, match="implausible"):
        codec.decode(big)
    assert len(codec.decode(dict(big, stop=codec.MAX_RANGE_LENGTH))) == codec.MAX_RANGE_LENGTH
    with pytest.raises(CodecError, match="shape"):
        codec.decode({"__t": "objarray", "shape": [10 ** 12], "v": [1]})
