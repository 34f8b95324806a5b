import numpy as np

from grader.checklib import assert_array

CUBES = "lambda x: float((x ** 3).sum())"


def _f(learner, source):
    """A scalar function defined inside the sandbox, passed to the learner's code as a handle."""
    return learner.invoke("builtins.eval", source)


def _points(seed, shape):
    rng = np.random.default_rng(seed)
    return rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.5, 2.0, size=shape)


def test_worked_example(learner):
    """The worked example: gradient of sum(x**3) at [1, -2, 0.5] is [3, 12, 0.75]."""
    got = learner.numerical_grad(_f(learner, CUBES), np.array([1.0, -2.0, 0.5]))
    assert_array(got, np.array([3.0, 12.0, 0.75]), rtol=1e-7, atol=0)


def test_sum_of_cubes_central_accuracy(learner):
    """f = sum(x**3) on 20 points: matches 3 x**2 within rtol 1e-7 (a forward difference is not accurate enough)."""
    x = _points(0, 20)
    got = learner.numerical_grad(_f(learner, CUBES), x)
    assert_array(got, 3 * x ** 2, rtol=1e-7, atol=0, what="gradient of sum(x**3)")


def test_two_dimensional_x(learner):
    """A 2-D x (2 x 5) is passed to f with its shape; f = sum_j x[0, j]**2 * x[1, j]."""
    x = _points(1, (2, 5))
    got = learner.numerical_grad(_f(learner, "lambda x: float((x[0] ** 2 * x[1]).sum())"), x)
    expected = np.stack([2 * x[0] * x[1], x[0] ** 2])
    assert_array(got, expected, rtol=1e-7, atol=1e-9, what="gradient for 2-D x")


def test_three_dimensional_x(learner):
    """A 3-D x (2 x 3 x 4): f = sum(sin(x)) gives cos(x)."""
    x = np.random.default_rng(2).uniform(-3, 3, size=(2, 3, 4))
    got = learner.numerical_grad(_f(learner, "lambda x: float(__import__('numpy').sin(x).sum())"), x)
    assert_array(got, np.cos(x), rtol=1e-7, atol=1e-8, what="gradient of sum(sin(x))")


def test_coupled_quadratic(learner):
    """A quadratic with cross terms, f = x.A.x: gradient (A + A.T) x; each coordinate is perturbed alone."""
    A = np.array([[2.0, 1.0, 0.0, 0.5], [1.0, 3.0, -1.0, 0.0], [0.0, -1.0, 4.0, 2.0], [0.5, 0.0, 2.0, 1.0]])
    src = "lambda x: float(x @ __import__('numpy').array(" + repr(A.tolist()) + ") @ x)"
    x = np.array([0.7, -1.3, 2.1, 0.4])
    got = learner.numerical_grad(_f(learner, src), x)
    assert_array(got, (A + A.T) @ x, rtol=1e-7, atol=1e-8, what="gradient of x.A.x")


def test_step_size_argument_is_used(learner):
    """With h = 0.1 the central difference of sum(x**3) is exactly 3 x**2 + h**2."""
    x = np.array([1.0, -0.5, 2.0, 0.25])
    got = learner.numerical_grad(_f(learner, CUBES), x, h=0.1)
    assert_array(got, 3 * x ** 2 + 0.01, rtol=1e-9, atol=1e-12, what="central difference with h=0.1")


def test_x_bitwise_unchanged(learner):
    """x is bitwise identical after the call (not even rounding drift from perturbing and restoring)."""
    x = np.random.default_rng(3).normal(scale=3.0, size=(4, 6))
    _, after = learner.numerical_grad.call_keep_args(_f(learner, CUBES), x.copy())
    assert isinstance(after[1], np.ndarray) and after[1].shape == x.shape, "x changed shape during the call"
    assert np.array_equal(after[1].view(np.int64), x.view(np.int64)), \
        "x is not bitwise identical after the call (restore the exact old value, or work on a copy)"


def test_shape_dtype_and_single_element(learner):
    """The result is float64 with x's shape; a one-element x works."""
    got = learner.numerical_grad(_f(learner, CUBES), np.array([[1.5]]))
    assert_array(got, np.array([[6.75]]), rtol=1e-7, atol=0, what="gradient for a (1, 1) x")


def test_matches_reference_softplus(learner, reference):
    """A non-polynomial function, f = sum(log(1 + exp(x))), matches the reference central difference."""
    src = "lambda x: float(__import__('numpy').log1p(__import__('numpy').exp(x)).sum())"
    x = np.random.default_rng(4).normal(size=(3, 3))
    got = learner.numerical_grad(_f(learner, src), x)
    expected = 1.0 / (1.0 + np.exp(-x))
    assert_array(got, expected, rtol=1e-7, atol=1e-9, what="gradient of sum(softplus(x))")
