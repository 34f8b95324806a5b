"""Stands in for a library's package in a sandbox whose problem does not allow that library."""
raise ModuleNotFoundError(f"No module named {__name__!r}: this problem does not allow it (see its allowed imports)",
                          name=__name__)
