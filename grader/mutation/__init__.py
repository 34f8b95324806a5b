"""Automatic mutants of reference solutions (issue 16): generated with libcst and mutmut's operators
plus this domain's, graded through the real sandbox, recorded per problem in `mutation.json`."""
from __future__ import annotations

from grader.mutation.engine import ENGINE_VERSION, Mutant, generate

__all__ = ["ENGINE_VERSION", "Mutant", "generate"]
