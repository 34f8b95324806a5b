"""Generate mutants of a reference solution: every operator at every place it applies, one change each.

The source is parsed with libcst (a concrete syntax tree, so a mutant differs from the solution only
where it was mutated). Code that cannot change behaviour a check can see is left alone: docstrings,
annotations, imports, decorators, and the message of a `raise` or `assert` (the statement itself is
removed by the drop-validation operator). Each mutant has a stable id, `operator@line:col#hash`,
where the hash is of the mutated source: it stays the same while `solution.py` is unchanged, so
equivalent mutants recorded in `mutation.yaml` stay valid.
"""
from __future__ import annotations

import ast
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from grader.mutation.operators import DOMAIN_OPERATORS, Context, Replacement, only_raises

# Bump when operators change what they generate: every recorded result then counts as stale.
ENGINE_VERSION = "1"


@dataclass(frozen=True)
class Mutant:
    """One generated mutant of a solution."""

    id: str
    operator: str
    line: int
    change: str  # "old code -> new code", one line, capped
    source: str

    def compiles(self) -> bool:
        """Whether the mutated source compiles (it is compiled here, never run on this side)."""
        try:
            compile(self.source, "solution.py", "exec")
        except (SyntaxError, ValueError):
            return False
        return True


def _mutmut_operators() -> list[tuple[str, type, Callable[[Any], Iterable[cst.CSTNode]]]]:
    """The general-purpose operators of mutmut 3 (string mutants and `x = None` are left out: a changed
    message or a None that crashes at once are killed by any check and only cost sandbox time)."""
    from mutmut.mutation import mutators as mm

    def removals_only(node: cst.Call) -> Iterator[cst.CSTNode]:
        for new in mm.operator_arg_removal(node):
            if isinstance(new, cst.Call) and len(new.args) < len(node.args):
                yield new

    return [
        ("number", cst.BaseNumber, mm.operator_number),
        ("name", cst.Name, mm.operator_name),
        ("augmented-assignment", cst.AugAssign, mm.operator_augmented_assignment),
        ("unary", cst.UnaryOperation, mm.operator_remove_unary_ops),
        ("arg-removal", cst.Call, removals_only),
        ("string-method", cst.Call, mm.operator_symmetric_string_methods_swap),
        ("keyword", cst.CSTNode, mm.operator_keywords),
        ("operator", cst.CSTNode, mm.operator_swap_op),
        ("match", cst.Match, mm.operator_match),
        ("if-expression", cst.IfExp, mm.operator_if_exp),
    ]


class _Collector(cst.CSTVisitor):
    """Every node where a mutation can change behaviour, in source order."""

    _SKIP = (cst.Annotation, cst.Import, cst.ImportFrom, cst.Decorator, cst.FormattedString)

    def __init__(self) -> None:
        self.nodes: list[cst.CSTNode] = []
        self._raise_only: set[int] = set()  # statements of an `if ...: raise` (dropped with their if)

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, self._SKIP) or _is_docstring(node) or id(node) in self._raise_only:
            return False
        if isinstance(node, cst.If) and _is_main_guard(node):
            return False
        if isinstance(node, cst.If) and only_raises(node.body):
            body = node.body.body if isinstance(node.body, cst.IndentedBlock) else [node.body]
            self._raise_only.update(id(s) for s in body)
        self.nodes.append(node)
        # A raise or assert is dropped as a whole (drop-validation); its message is not mutated.
        return not isinstance(node, (cst.Raise, cst.Assert))


def _is_docstring(node: cst.CSTNode) -> bool:
    return (isinstance(node, cst.SimpleStatementLine) and len(node.body) == 1 and isinstance(node.body[0], cst.Expr)
            and isinstance(node.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))


def _is_main_guard(node: cst.If) -> bool:
    return "__main__" in cst.Module([]).code_for_node(node.test)


def _context(module: cst.Module) -> Context:
    np_alias = math_alias = None
    for stmt in module.body:
        for small in getattr(stmt, "body", []) if isinstance(stmt, cst.SimpleStatementLine) else []:
            if isinstance(small, cst.Import):
                for alias in small.names:
                    name = cst.Module([]).code_for_node(alias.name)
                    named = alias.asname is not None and isinstance(alias.asname.name, cst.Name)
                    local = alias.asname.name.value if named else name  # type: ignore[union-attr]
                    if name == "numpy":
                        np_alias = local
                    elif name == "math":
                        math_alias = local
    return Context(np=np_alias, math=math_alias)


def _canonical(code: str) -> str:
    """The code's syntax tree as text: mutants that differ only in layout are one mutant."""
    try:
        return ast.dump(ast.parse(code))
    except (SyntaxError, ValueError):
        return code


def _one_line(code: str, cap: int = 70) -> str:
    text = " ".join(code.split())
    return text if len(text) <= cap else text[: cap - 1] + "…"


def generate(source: str) -> list[Mutant]:
    """Every distinct mutant of `source`, in source order (mutants equal to the source or to an earlier
    mutant are dropped)."""
    wrapper = MetadataWrapper(cst.parse_module(source))
    module = wrapper.module
    positions = wrapper.resolve(PositionProvider)
    collector = _Collector()
    module.visit(collector)
    ctx = _context(module)
    general = _mutmut_operators()
    seen = {_canonical(source)}
    out: list[Mutant] = []
    for node in collector.nodes:
        pos = positions.get(node)
        line, col = (pos.start.line, pos.start.column) if pos is not None else (0, 0)
        for op_name, new in _replacements(node, ctx, general):
            try:
                mutated = module.deep_replace(node, new)  # type: ignore[type-var]
                code = mutated.code  # type: ignore[union-attr]
            except Exception:  # noqa: BLE001 - an operator built an invalid tree: no mutant
                continue
            key = _canonical(code)
            if key in seen:
                continue
            seen.add(key)
            digest = hashlib.sha256(code.encode()).hexdigest()[:8]
            old = cst.Module([]).code_for_node(node)
            shown = "(removed)" if isinstance(new, cst.RemovalSentinel) else (
                " ".join(cst.Module([]).code_for_node(n) for n in new.nodes) if isinstance(new, cst.FlattenSentinel)
                else cst.Module([]).code_for_node(new))
            out.append(Mutant(f"{op_name}@{line}:{col}#{digest}", op_name, line,
                              f"{_one_line(old)} -> {_one_line(shown)}", code))
    return out


General = list[tuple[str, type, Callable[[Any], Iterable[cst.CSTNode]]]]


def _replacements(node: cst.CSTNode, ctx: Context, general: General) -> Iterator[tuple[str, Replacement]]:
    for domain_op in DOMAIN_OPERATORS:
        yield from domain_op(node, ctx)
    for name, kind, general_op in general:
        if isinstance(node, kind):
            for new in general_op(node):
                yield name, new
