"""grader: a sandboxed grader for machine-learning interview coding problems."""
from __future__ import annotations

__version__ = "0.1.0"
