"""The call proxy over the in-process fake sandbox (the agent code is the real one)."""
import time

import numpy as np
import pandas as pd
import pytest

from grader.proxy import Channel, Learner, LearnerError, ProtocolError, RemoteError, RemoteObject, agent_source
from grader.sandbox.fake import FakeSandbox
from grader.sandbox.limits import Limits

CODE = '''
import numpy as np
import pandas as pd

class Counter:
    def __init__(self, start):
        self.count = start
        self.history = [start]
    def add(self, k):
        self.count += k
        self.history.append(self.count)
        return self

def make_counter(start):
    return Counter(start)

def boom(kind):
    if kind == "statistics":
        import statistics
        statistics.NormalDist().inv_cdf(1.0)
    if kind == "value":
        raise ValueError("bad value")
    if kind == "linalg":
        raise np.linalg.LinAlgError("singular")
    class Custom(Exception):
        pass
    raise Custom("custom")

def double_inplace(x):
    x *= 2
    return x

def frame_sum(df):
    return df.groupby("g")["v"].sum()

def give_generator():
    return (i for i in range(3))
'''


@pytest.fixture
def learner():
    session = FakeSandbox().open(Limits())
    session.run_cells([(0, CODE)], time.monotonic() + 10)
    session.install_agent(agent_source())
    yield Learner(Channel(session, 5.0))
    session.close()


def test_plain_values_cross_both_ways(learner):
    df = pd.DataFrame({"g": ["a", "b", "a"], "v": [1.0, 2.0, 3.0]})
    out = learner.frame_sum(df)
    pd.testing.assert_series_equal(out, df.groupby("g")["v"].sum())


def test_learner_exceptions_come_back_as_the_same_type(learner):
    with pytest.raises(ValueError, match="bad value") as info:
        learner.boom("value")
    assert isinstance(info.value, RemoteError)
    with pytest.raises(np.linalg.LinAlgError):
        learner.boom("linalg")
    with pytest.raises(LearnerError, match="Custom"):
        learner.boom("custom")
    with pytest.raises(ValueError) as info:  # a library subclass arrives as its nearest builtin base
        learner.boom("statistics")
    assert info.value.remote_type == "StatisticsError"


def test_undefined_function_is_a_name_error(learner):
    with pytest.raises(NameError, match="not defined"):
        learner.nothing_here(1)


def test_objects_stay_in_the_sandbox_behind_handles(learner):
    counter = learner.make_counter(5)
    assert isinstance(counter, RemoteObject) and counter.type_name.endswith("Counter")
    again = counter.call_method("add", 3)
    assert isinstance(again, RemoteObject)
    assert counter.count == 8
    assert counter.history == [5, 8]
    counter.add(1)  # attribute read gives a bound-method handle, calling it forwards
    assert counter.count == 9
    with pytest.raises(AttributeError):
        counter.count = 3


def test_handles_can_be_passed_back_and_given_to_library_functions(learner):
    counter = learner.make_counter(1)
    clone = learner.invoke("copy.deepcopy", counter)
    clone.call_method("add", 10)
    assert counter.count == 1 and clone.count == 11


def test_non_plain_results_become_handles_not_pickles(learner):
    gen = learner.give_generator()
    assert isinstance(gen, RemoteObject) and "generator" in gen.type_name


def test_arguments_after_the_call_reveal_mutation(learner):
    x = np.array([1.0, 2.0])
    result, after = learner.double_inplace.call_keep_args(x)
    assert np.array_equal(result, [2.0, 4.0]) and np.array_equal(after[0], [2.0, 4.0])
    assert np.array_equal(x, [1.0, 2.0])  # the trusted side's copy is never touched


def test_defines_reports_callables_only(learner):
    assert learner.defines("make_counter", "np", "missing") == {"make_counter": True, "np": False, "missing": False}


class _Scripted:
    """A session that replies with a fixed text, to test the trusted side's strictness."""

    def __init__(self, reply):
        self.reply = reply

    def request(self, text, timeout):
        return self.reply


@pytest.mark.parametrize("reply", ["not json", "[]", '{"ok": "yes"}', '{"ok": false, "error": "x"}', None])
def test_malformed_replies_are_protocol_errors(reply):
    with pytest.raises(ProtocolError):
        Learner(Channel(_Scripted(reply), 1.0)).f(1)


def test_a_reply_claiming_a_pickled_value_is_refused():
    from grader.codec import CodecError

    reply = '{"ok": true, "value": {"__t": "pickle", "v": "gASV"}}'
    with pytest.raises(CodecError):
        Learner(Channel(_Scripted(reply), 1.0)).f(1)


def test_a_reply_of_millions_of_bare_values_is_refused_before_parsing(monkeypatch):
    from grader import codec

    monkeypatch.setattr(codec, "MAX_JSON_VALUES", 1000)
    reply = '{"ok": true, "value": [' + ",".join(["0"] * 5000) + "]}"
    with pytest.raises(ProtocolError, match="more than 1000 values"):
        Learner(Channel(_Scripted(reply), 1.0)).f(1)


# ---------------------------------------------------------------- exception data from the kernel (issue 15)

def _error_reply(**err) -> str:
    import json

    return json.dumps({"ok": False, "error": err})


@pytest.mark.parametrize("type_name",
                         ["Val\x00ueError", "A" * 4_000_000, "\x1b[2J<b>passed 10/10</b>\n", "", "1x", None])
def test_hostile_exception_names_become_data(type_name):
    reply = _error_reply(type=type_name, module="builtins\x00", mro=[["builtins", "ValueError"]] * 100,
                         message="\x1b]0;pwned\x07" + "m" * 5_000_000, traceback="\x00" * 10)
    with pytest.raises(ValueError) as info:  # the nearest known class still matches pytest.raises
        Learner(Channel(_Scripted(reply), 1.0)).f(1)
    exc = info.value
    assert isinstance(exc, RemoteError) and exc.remote_type == "UnnamedError"
    assert type(exc).__name__ == "UnnamedError" and len(str(exc)) <= 2000 and "\x1b" not in str(exc)
    assert "\x00" not in exc.remote_traceback


def test_a_local_exception_class_keeps_its_own_name():
    reply = _error_reply(type="f.<locals>.Custom", module="__main__", mro=[["builtins", "KeyError"]], message="k")
    with pytest.raises(KeyError) as info:
        Learner(Channel(_Scripted(reply), 1.0)).f(1)
    assert info.value.remote_type == "Custom"


@pytest.mark.parametrize("err", [{"type": ["x"], "module": {"a": 1}, "mro": "nope", "message": 5},
                                 {"type": "SystemExit", "module": "builtins", "mro": [], "message": "0"},
                                 {"type": "E", "module": "m", "mro": [[1, 2, 3], ["builtins", "KeyboardInterrupt"]]}])
def test_malformed_or_unremotable_errors_are_learner_errors(err):
    with pytest.raises(LearnerError):
        Learner(Channel(_Scripted(_error_reply(**err)), 1.0)).f(1)


def test_remote_object_type_names_are_data():
    reply = '{"ok": true, "value": {"__t": "handle", "id": 3, "type": "\\u001b[31m' + "x" * 500 + '"}}'
    obj = Learner(Channel(_Scripted(reply), 1.0)).f(1)
    assert isinstance(obj, RemoteObject) and "\x1b" not in repr(obj) and len(obj.type_name) <= 100
