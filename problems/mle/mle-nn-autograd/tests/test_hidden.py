import math

import numpy as np

from grader.checklib import assert_scalar, finite_difference

RT, AT = 1e-6, 1e-8


def _v(learner, x):
    v = learner.Value(float(x))
    assert not isinstance(v, (int, float, str, list, tuple, dict, type(None))), \
        "Value(...) should create an object"
    return v


def _op(a, name, *args):
    return a.call_method(name, *args)


def _grad(v, what):
    g = v.grad
    assert isinstance(g, (float, np.floating)) and not isinstance(g, bool), \
        f"grad of {what} should be a float, got {type(g).__name__}"
    return float(g)


def _check(v, expected, what):
    assert_scalar(_grad(v, what), expected, rtol=RT, atol=AT, what=f"grad of {what}")


def test_worked_example(learner):
    """The worked example: tanh(x*y + x**2) with x=2, y=-3, including the intermediate node's grad."""
    x, y = _v(learner, 2.0), _v(learner, -3.0)
    z = _op(_op(x, "__mul__", y), "__add__", _op(x, "__pow__", 2))
    out = _op(z, "tanh")
    out.call_method("backward")
    assert_scalar(z.data, -2.0, what="z.data")
    t = math.tanh(-2.0)
    assert_scalar(out.data, t, what="out.data")
    _check(x, (1 - t * t) * (-3.0 + 4.0), "x")
    _check(y, (1 - t * t) * 2.0, "y")
    _check(z, 1 - t * t, "z")
    _check(out, 1.0, "the output")


def test_x_times_x_gives_2x(learner):
    """x * x gives x.grad = 2x; x * x * x gives 3x^2 (the same node used twice in one operation)."""
    x = _v(learner, 1.7)
    sq = _op(x, "__mul__", x)
    sq.call_method("backward")
    _check(x, 3.4, "x in x * x")
    x = _v(learner, -1.3)
    cube = _op(_op(x, "__mul__", x), "__mul__", x)
    cube.call_method("backward")
    _check(x, 3 * 1.3 ** 2, "x in x * x * x")


def test_each_operation_derivative(learner):
    """Local derivatives of +, -, *, ** (3, -1, 0.5), exp and tanh, with Value and constant operands."""
    cases = [
        ("__add__", 1.5, -0.5, 1.0, 1.0),
        ("__sub__", 1.5, -0.5, 1.0, -1.0),
        ("__mul__", 1.5, -0.5, -0.5, 1.5),
    ]
    for name, a0, b0, da, db in cases:
        a, b = _v(learner, a0), _v(learner, b0)
        _op(a, name, b).call_method("backward")
        _check(a, da, f"a in a.{name}(b)")
        _check(b, db, f"b in a.{name}(b)")
        assert_scalar(a.data, a0, what=f"a.data after a.{name}(b) (operands must not change)")
    for name, const, d in (("__add__", 4, 1.0), ("__sub__", 1.0, 1.0), ("__mul__", 2.5, 2.5)):
        a = _v(learner, 0.8)
        _op(a, name, const).call_method("backward")
        _check(a, d, f"a in a.{name}({const})")
    for k, d in ((3, 3 * 1.2 ** 2), (-1, -1 / 1.2 ** 2), (0.5, 0.5 / math.sqrt(1.2))):
        a = _v(learner, 1.2)
        _op(a, "__pow__", k).call_method("backward")
        _check(a, d, f"a in a ** {k}")
    for name, d in (("exp", math.exp(0.3)), ("tanh", 1 - math.tanh(0.3) ** 2)):
        a = _v(learner, 0.3)
        _op(a, name).call_method("backward")
        _check(a, d, f"a in a.{name}()")


def test_diamond_graph(learner):
    """A node reaching the output along two paths of different lengths gets the sum of both."""
    x = _v(learner, 0.5)
    a = _op(x, "tanh")
    b = _op(a, "exp")
    c = _op(_op(b, "__mul__", 2.0), "__mul__", a)   # long path a -> exp -> *2 -> *a, plus a directly
    out = _op(c, "__add__", a)
    out.call_method("backward")
    ta = math.tanh(0.5)
    dout_da = 2.0 * math.exp(ta) * ta + 2.0 * math.exp(ta) + 1.0
    _check(a, dout_da, "the shared node a")
    _check(x, dout_da * (1 - ta * ta), "x")
    _check(b, 2.0 * ta, "b = exp(a)")


def test_node_with_many_consumers(learner):
    """A node used by four operations (including itself squared) accumulates all four contributions."""
    x, y = _v(learner, 0.7), _v(learner, -1.1)
    a = _op(x, "__mul__", y)
    terms = [_op(a, "__mul__", a), _op(a, "exp"), _op(a, "__sub__", y), _op(_op(a, "tanh"), "__mul__", 3.0)]
    out = terms[0]
    for t in terms[1:]:
        out = _op(out, "__add__", t)
    out.call_method("backward")
    av = 0.7 * -1.1
    da = 2 * av + math.exp(av) + 1.0 + 3.0 * (1 - math.tanh(av) ** 2)
    _check(a, da, "a = x * y")
    _check(x, da * -1.1, "x")
    _check(y, da * 0.7 - 1.0, "y")


def _neuron_ref(reference, p):
    """Reference forward: (tanh(w . x + b) - 0.3) ** 2 + exp(-w0 * x0), built with reference.Value."""
    V = reference.Value
    w, x, b = [V(v) for v in p[:3]], [V(v) for v in p[3:6]], V(p[6])
    s = b
    for wi, xi in zip(w, x):
        s = s + wi * xi
    out = (s.tanh() - 0.3) ** 2 + (w[0] * x[0] * -1.0).exp()
    return out.data


def test_neuron_finite_differences(learner, reference):
    """A small neuron with a squared-error loss: every leaf gradient matches finite differences."""
    p = np.array([0.4, -0.7, 1.1, 0.9, 0.2, -0.5, 0.1])
    leaves = [_v(learner, v) for v in p]
    w, x, b = leaves[:3], leaves[3:6], leaves[6]
    s = b
    for wi, xi in zip(w, x):
        s = _op(s, "__add__", _op(wi, "__mul__", xi))
    err = _op(_op(_op(s, "tanh"), "__sub__", 0.3), "__pow__", 2)
    out = _op(err, "__add__", _op(_op(_op(w[0], "__mul__", x[0]), "__mul__", -1.0), "exp"))
    out.call_method("backward")
    assert_scalar(out.data, _neuron_ref(reference, p), what="the neuron's output value")
    fd = finite_difference(lambda v: _neuron_ref(reference, v), p)
    names = ["w0", "w1", "w2", "x0", "x1", "x2", "b"]
    for leaf, name, g in zip(leaves, names, fd):
        assert_scalar(_grad(leaf, name), g, rtol=1e-6, atol=1e-8, what=f"grad of {name} (vs finite differences)")


def test_fresh_graph_after_backward(learner):
    """A second graph built after a first backward gets correct grads and leaves the first graph's grads alone."""
    a, b = _v(learner, 1.5), _v(learner, 2.0)
    _op(_op(a, "__mul__", b), "tanh").call_method("backward")
    ga, gb = _grad(a, "a (first graph)"), _grad(b, "b (first graph)")
    t = math.tanh(3.0)
    assert_scalar(ga, (1 - t * t) * 2.0, what="grad of a in the first graph")
    c, d = _v(learner, -0.4), _v(learner, 0.9)
    _op(_op(_op(c, "__mul__", d), "__add__", c), "exp").call_method("backward")
    e = math.exp(-0.4 * 0.9 - 0.4)
    _check(c, e * (0.9 + 1.0), "c in the second graph")
    _check(d, e * -0.4, "d in the second graph")
    assert_scalar(_grad(a, "a"), ga, rtol=0, atol=0, what="grad of a from the first graph after the second backward")
    assert_scalar(_grad(b, "b"), gb, rtol=0, atol=0, what="grad of b from the first graph after the second backward")


def test_new_nodes_have_zero_grad(learner):
    """data is stored as a float, and new leaves and operation results start with grad 0.0."""
    a = _v(learner, 3)
    assert isinstance(a.data, (float, np.floating)) and float(a.data) == 3.0, "Value(3).data should be 3.0 (a float)"
    assert _grad(a, "a new Value") == 0.0, "a new Value should have grad 0.0"
    c = _op(a, "__mul__", _v(learner, 2.0))
    assert _grad(c, "an operation result") == 0.0, "the result of an operation should start with grad 0.0"
    assert_scalar(c.data, 6.0, what="(3 * 2).data")


def test_long_chain(learner):
    """A chain of 25 alternating tanh and *1.1 operations: the leaf gradient is the product of local ones."""
    x = _v(learner, 0.3)
    v, val, g = x, 0.3, 1.0
    for i in range(25):
        if i % 2 == 0:
            v = _op(v, "tanh")
            t = math.tanh(val)
            g *= 1 - t * t
            val = t
        else:
            v = _op(v, "__mul__", 1.1)
            g *= 1.1
            val *= 1.1
    v.call_method("backward")
    assert_scalar(v.data, val, what="the chain's output value")
    _check(x, g, "x at the start of the chain")
