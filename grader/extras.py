"""Optional features and the pip extras that bring their packages (`pip install 'grader[docker,dask]'`)."""
from __future__ import annotations

import importlib.util

from grader.errors import MissingExtra

EXTRAS = {"docker": "docker", "distributed": "dask"}  # importable module -> the extra that installs it


def require(module: str, feature: str) -> None:
    """Raise MissingExtra (exit 3, one line) when `module`, which `feature` needs, is not installed."""
    if importlib.util.find_spec(module) is None:
        extra = EXTRAS[module]
        raise MissingExtra(f"{feature} needs the '{extra}' extra, which is not installed: "
                           f"pip install 'grader[{extra}]'")
