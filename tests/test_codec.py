import base64
import io
import json

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
