"""Mutation operators for numpy / pandas / scikit-learn solutions, on libcst nodes.

mutmut's operators (comparison boundaries, arithmetic, numbers, True/False, is/in, augmented
assignment, argument removal, ...) are reused as they are; the operators here add the mistakes
candidates make in this domain: dropping a validation branch, changing axis / ddof / keepdims /
sort kind / rounding, dropping a max-shift or a clip, adding or removing a dtype cast or a copy,
swapping returned items, and drawing from numpy's global or a fresh generator instead of `rng`.

Each operator takes a node and the module's context and yields (operator name, replacement).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import libcst as cst
import libcst.matchers as m

Replacement = cst.CSTNode | cst.FlattenSentinel | cst.RemovalSentinel
Yield = Iterator[tuple[str, Replacement]]

PASS = cst.SimpleStatementLine([cst.Pass()])
RNG_NAMES = ("rng", "random_state", "generator", "gen", "prng")
# Generator methods and the legacy global function that draws the same thing.
GLOBAL_DRAW = {"random": "random", "normal": "normal", "uniform": "uniform", "choice": "choice",
               "permutation": "permutation", "shuffle": "shuffle", "binomial": "binomial",
               "poisson": "poisson", "exponential": "exponential", "standard_normal": "standard_normal",
               "multinomial": "multinomial", "gamma": "gamma", "beta": "beta", "geometric": "geometric",
               "integers": "randint", "multivariate_normal": "multivariate_normal", "laplace": "laplace",
               "dirichlet": "dirichlet", "lognormal": "lognormal", "permuted": "permutation"}
# Strings that name a variant of a method (keyword or positional), and a plausible wrong variant.
STRING_SWAPS = {"left": "right", "right": "left", "inner": "left", "outer": "inner", "stable": "quicksort",
                "mergesort": "quicksort", "linear": "nearest", "average": "min", "dense": "min", "first": "last",
                "last": "first", "min": "max", "max": "min", "mean": "median", "median": "mean", "sum": "mean",
                "count": "size", "size": "count", "both": "left", "neither": "both", "float64": "float32",
                "float32": "float64", "int64": "int32", "ffill": "bfill", "bfill": "ffill", "D": "h", "h": "D"}
# Function or method names and a plausible confusion.
NAME_SWAPS = {"mean": "median", "median": "mean", "sum": "mean", "max": "min", "min": "max", "amax": "amin",
              "amin": "amax", "argmax": "argmin", "argmin": "argmax", "nanmean": "mean", "nansum": "sum",
              "nanmax": "max", "nanmin": "min", "percentile": "quantile", "quantile": "percentile",
              "log": "log1p", "log1p": "log", "exp": "expm1", "expm1": "exp", "var": "std", "std": "var",
              "floor": "ceil", "ceil": "floor", "idxmax": "idxmin", "idxmin": "idxmax", "nlargest": "nsmallest",
              "nsmallest": "nlargest", "head": "tail", "tail": "head", "cumsum": "cumprod", "maximum": "minimum",
              "minimum": "maximum", "predict_proba": "predict", "decision_function": "predict",
              "searchsorted": "digitize", "any": "all", "all": "any", "sort_values": "sort_index", "ffill": "bfill",
              "bfill": "ffill", "nunique": "count", "unique": "drop_duplicates"}
IDENTITY_CALLS = {"abs", "sqrt", "cumsum", "sort", "unique", "exp", "log", "squeeze", "ravel", "flatten"}
COPY_CALLS = {"clone", "deepcopy", "copy"}
MIN_MAX = {"max", "min", "amax", "amin", "nanmax", "nanmin"}


@dataclass(frozen=True)
class Context:
    """What the operators need to know about the module: how numpy and math are imported."""

    np: str | None
    math: str | None


def _name(expr: cst.BaseExpression) -> str | None:
    """The called name: `f` for f(...), `attr` for x.attr(...)."""
    if isinstance(expr, cst.Name):
        return expr.value
    if isinstance(expr, cst.Attribute):
        return expr.attr.value
    return None


def _code(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def _dotted(expr: cst.BaseExpression) -> str:
    if isinstance(expr, cst.Name):
        return expr.value
    if isinstance(expr, cst.Attribute):
        return f"{_dotted(expr.value)}.{expr.attr.value}"
    return ""


def _np_call(ctx: Context, func: str, *args: cst.Arg) -> cst.Call | None:
    if ctx.np is None:
        return None
    return cst.Call(func=cst.parse_expression(f"{ctx.np}.{func}"), args=list(args))


def _arg(value: cst.BaseExpression, keyword: str | None = None) -> cst.Arg:
    if keyword is None:
        return cst.Arg(value=value)
    return cst.Arg(value=value, keyword=cst.Name(keyword), equal=cst.AssignEqual(
        whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")))


def _paren(expr: cst.BaseExpression) -> cst.BaseExpression:
    if isinstance(expr, (cst.Name, cst.Integer, cst.Float, cst.Call, cst.Attribute, cst.Subscript)):
        return expr
    return expr.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


def _plus(expr: cst.BaseExpression, k: int) -> cst.BinaryOperation:
    op: cst.BaseBinaryOp = cst.Add() if k > 0 else cst.Subtract()
    return cst.BinaryOperation(left=_paren(expr), operator=op, right=cst.Integer(str(abs(k))))


# ---------------------------------------------------------------- statements


def drop_validation(node: cst.CSTNode, ctx: Context) -> Yield:
    """`if cond: raise ...` deleted (an elif/else branch is kept); a bare `raise` or `assert` deleted."""
    if isinstance(node, cst.If) and only_raises(node.body):
        orelse = node.orelse
        if orelse is None:
            yield "drop-validation", PASS
        elif isinstance(orelse, cst.If):
            yield "drop-validation", orelse
        else:
            yield "drop-validation", cst.FlattenSentinel(list(orelse.body.body))
    elif isinstance(node, cst.SimpleStatementLine) and any(isinstance(s, (cst.Raise, cst.Assert)) for s in node.body):
        yield "drop-validation", PASS


def only_raises(body: cst.BaseSuite) -> bool:
    stmts = body.body if isinstance(body, cst.IndentedBlock) else [body]
    return bool(stmts) and all(isinstance(s, cst.SimpleStatementLine) and all(isinstance(x, cst.Raise) for x in s.body)
                               for s in stmts)


def swap_returned_items(node: cst.CSTNode, ctx: Context) -> Yield:
    """`return a, b` -> `return b, a`."""
    if isinstance(node, cst.Return) and isinstance(node.value, cst.Tuple) and len(node.value.elements) >= 2:
        els = list(node.value.elements)
        first, second = els[0], els[1]
        els[0], els[1] = second.with_changes(comma=first.comma), first.with_changes(comma=second.comma)
        yield "swap-returned-items", node.with_changes(value=node.value.with_changes(elements=els))


def cast_result(node: cst.CSTNode, ctx: Context) -> Yield:
    """`return v` -> `return np.asarray(v, dtype=np.float64)`: a cast the statement does not ask for."""
    if isinstance(node, cst.Return) and node.value is not None and not isinstance(node.value, cst.Tuple) \
            and ctx.np is not None and not m.matches(node.value, m.Name("None")) \
            and not (isinstance(node.value, cst.Call) and _name(node.value.func) in ("asarray", "array", "astype",
                                                                                   "float", "int", "bool", "str")):
        call = _np_call(ctx, "asarray", _arg(node.value), _arg(cst.parse_expression(f"{ctx.np}.float64"), "dtype"))
        yield "add-cast", node.with_changes(value=call)


# ---------------------------------------------------------------- calls


def keyword_changes(node: cst.CSTNode, ctx: Context) -> Yield:
    """axis / ddof / keepdims / kind / copy / dtype keywords changed or dropped; ddof added to np.std/np.var."""
    if not isinstance(node, cst.Call):
        return
    args = list(node.args)
    for i, a in enumerate(args):
        if a.keyword is None:
            continue
        key = a.keyword.value
        rest = args[:i] + args[i + 1:]
        if rest and i == len(args) - 1:
            rest[-1] = rest[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        if key in ("axis", "keepdims", "kind", "dtype", "copy", "ddof", "stable", "sort", "dropna", "observed",
                   "as_index", "ignore_index", "inclusive", "closed", "side", "method", "endpoint", "replace"):
            yield f"drop-{key}", node.with_changes(args=rest)
        if key == "axis":
            for alt in ("None", "0", "-1"):
                if _code(a.value) != alt:
                    new = a.with_changes(value=cst.parse_expression(alt))
                    yield "change-axis", node.with_changes(args=[*args[:i], new, *args[i + 1:]])
        if key == "ddof" and isinstance(a.value, cst.Integer):
            flipped = "1" if a.value.value == "0" else "0"
            new = a.with_changes(value=cst.Integer(flipped))
            yield "change-ddof", node.with_changes(args=[*args[:i], new, *args[i + 1:]])
    name = _dotted(node.func)
    if ctx.np and name in (f"{ctx.np}.std", f"{ctx.np}.var", f"{ctx.np}.nanstd", f"{ctx.np}.nanvar") \
            and not any(a.keyword and a.keyword.value == "ddof" for a in args):
        yield "add-ddof", node.with_changes(args=[*args, _arg(cst.Integer("1"), "ddof")])


def string_swaps(node: cst.CSTNode, ctx: Context) -> Yield:
    """A string naming a variant ('left', 'stable', 'linear', 'mean', 'float64', ...) swapped for a wrong one."""
    if isinstance(node, cst.SimpleString) and not node.value.startswith(("'''", '"""')):
        text = node.evaluated_value
        if isinstance(text, str) and text in STRING_SWAPS:
            quote = node.value[-1]
            yield "swap-string", node.with_changes(value=f"{quote}{STRING_SWAPS[text]}{quote}")


def name_swaps(node: cst.CSTNode, ctx: Context) -> Yield:
    """np.mean <-> np.median, .max() <-> .min(), argmax <-> argmin, predict_proba -> predict, ..."""
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        attr = node.func.attr.value
        if attr in NAME_SWAPS:
            yield "swap-function", node.with_changes(func=node.func.with_changes(attr=cst.Name(NAME_SWAPS[attr])))


def drop_calls(node: cst.CSTNode, ctx: Context) -> Yield:
    """A one-argument transform (abs, sqrt, sort, cumsum, ...) or a copy (clone, deepcopy, .copy()) left out."""
    if not isinstance(node, cst.Call):
        return
    name = _name(node.func)
    positional = [a for a in node.args if a.keyword is None and not a.star]
    dotted = _dotted(node.func)
    is_np = ctx.np is not None and dotted.startswith(f"{ctx.np}.")
    if isinstance(node.func, cst.Attribute) and not is_np and name == "copy" and not node.args:
        yield "drop-copy", node.func.value  # x.copy() -> x
    elif isinstance(node.func, cst.Attribute) and not is_np and name == "astype" and node.args:
        yield "drop-cast", node.func.value  # x.astype(T) -> x
    elif name in COPY_CALLS and len(positional) == 1 and len(node.args) == 1:
        yield "drop-copy", positional[0].value  # clone(est), deepcopy(x), np.copy(x), copy.copy(x) -> the argument
    elif is_np and name in IDENTITY_CALLS and len(positional) == 1:
        yield "drop-call", positional[0].value
    elif dotted in ("float", "int") and len(positional) == 1 and len(node.args) == 1:
        yield "drop-cast", positional[0].value
    elif is_np and name == "array" and positional:
        yield "drop-copy", node.with_changes(func=cst.parse_expression(f"{ctx.np}.asarray"))


def drop_shift_and_clip(node: cst.CSTNode, ctx: Context) -> Yield:
    """`x - max(x)` -> `x`; `np.clip(a, lo, hi)` / `a.clip(...)` -> `a`; `np.maximum(a, b)` -> `a` and `b`."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Subtract, cst.Add)) \
            and isinstance(node.right, cst.Call) and _name(node.right.func) in MIN_MAX:
        yield "drop-shift", node.left
    if not isinstance(node, cst.Call):
        return
    name = _name(node.func)
    positional = [a.value for a in node.args if a.keyword is None and not a.star]
    if name == "clip":
        if isinstance(node.func, cst.Attribute) and _dotted(node.func) != f"{ctx.np}.clip":
            yield "drop-clip", node.func.value
        elif positional:
            yield "drop-clip", positional[0]
    elif name in ("maximum", "minimum", "max", "min", "fmax", "fmin") and len(positional) == 2 \
            and (isinstance(node.func, cst.Name) or _dotted(node.func).startswith(f"{ctx.np}.")):
        yield "drop-clip", positional[0]
        yield "drop-clip", positional[1]


def rounding(node: cst.CSTNode, ctx: Context) -> Yield:
    """round / np.round (half to even) -> floor, ceil, int(x + 0.5); int(x) -> round(x)."""
    if not isinstance(node, cst.Call):
        return
    positional = [a.value for a in node.args if a.keyword is None and not a.star]
    dotted = _dotted(node.func)
    is_round = dotted == "round" or (ctx.np is not None and dotted in (f"{ctx.np}.round", f"{ctx.np}.around",
                                                                      f"{ctx.np}.rint"))
    if is_round and len(positional) == 1 and len(node.args) == 1:
        x = positional[0]
        if ctx.np:
            for fn in ("floor", "ceil"):
                yield "change-rounding", _np_call(ctx, fn, _arg(x))  # type: ignore[misc]
            yield "change-rounding", _np_call(ctx, "floor", _arg(_plus_half(x)))  # type: ignore[misc]
        if dotted == "round":
            yield "change-rounding", cst.Call(func=cst.Name("int"), args=[_arg(_plus_half(x))])
    elif dotted == "int" and len(positional) == 1 and len(node.args) == 1:
        yield "change-rounding", cst.Call(func=cst.Name("round"), args=[_arg(positional[0])])
    elif ctx.math and dotted in (f"{ctx.math}.floor", f"{ctx.math}.ceil"):
        other = "ceil" if dotted.endswith("floor") else "floor"
        yield "change-rounding", node.with_changes(func=cst.parse_expression(f"{ctx.math}.{other}"))


def _plus_half(x: cst.BaseExpression) -> cst.BinaryOperation:
    return cst.BinaryOperation(left=_paren(x), operator=cst.Add(), right=cst.Float("0.5"))


def random_source(node: cst.CSTNode, ctx: Context) -> Yield:
    """`rng.normal(...)` -> `np.random.normal(...)` (global state), `np.random.default_rng(0).normal(...)`
    (a fresh generator) and a generator seeded from rng; `np.random.default_rng(seed)` unseeded."""
    if not isinstance(node, cst.Call) or ctx.np is None:
        return
    func = node.func
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value in RNG_NAMES \
            and func.attr.value in GLOBAL_DRAW:
        method = func.attr.value
        yield "global-random", node.with_changes(func=cst.parse_expression(f"{ctx.np}.random.{GLOBAL_DRAW[method]}"))
        fresh = cst.parse_expression(f"{ctx.np}.random.default_rng(0).{method}")
        yield "fresh-generator", node.with_changes(func=fresh)
        yield "derived-generator", node.with_changes(func=cst.parse_expression(
            f"{ctx.np}.random.default_rng({func.value.value}.integers(2**32)).{method}"))
    if _dotted(func) == f"{ctx.np}.random.default_rng" and node.args:
        yield "unseeded-generator", node.with_changes(args=[])


def off_by_one(node: cst.CSTNode, ctx: Context) -> Yield:
    """Slice bounds and range() arguments +/- 1; integer literals - 1 (mutmut adds the + 1)."""
    if isinstance(node, cst.Slice):
        for field in ("lower", "upper"):
            bound = getattr(node, field)
            if bound is not None and not isinstance(bound, cst.Integer):
                for k in (1, -1):
                    yield "off-by-one", node.with_changes(**{field: _plus(bound, k)})
    elif isinstance(node, cst.Call) and _dotted(node.func) == "range":
        args = list(node.args)
        for i, a in enumerate(args):
            if a.keyword is None and not isinstance(a.value, cst.Integer):
                for k in (1, -1):
                    new = a.with_changes(value=_plus(a.value, k))
                    yield "off-by-one", node.with_changes(args=[*args[:i], new, *args[i + 1:]])
    elif isinstance(node, cst.Integer) and node.evaluated_value > 0:
        yield "off-by-one", node.with_changes(value=str(node.evaluated_value - 1))


def flip_comparison(node: cst.CSTNode, ctx: Context) -> Yield:
    """`<` <-> `>` and `<=` <-> `>=` (mutmut already moves each boundary: `<` <-> `<=`)."""
    flips: dict[type, type[cst.BaseCompOp]] = {
        cst.LessThan: cst.GreaterThan, cst.GreaterThan: cst.LessThan,
        cst.LessThanEqual: cst.GreaterThanEqual, cst.GreaterThanEqual: cst.LessThanEqual}
    if isinstance(node, cst.ComparisonTarget) and type(node.operator) in flips:
        yield "flip-comparison", node.with_changes(operator=flips[type(node.operator)]())


DOMAIN_OPERATORS: tuple[Callable[[cst.CSTNode, Context], Yield], ...] = (
    drop_validation, swap_returned_items, cast_result, keyword_changes, string_swaps, name_swaps, drop_calls,
    drop_shift_and_clip, rounding, random_source, off_by_one, flip_comparison,
)
