"""Data, not code: shipped as the package grader.data.sandbox (see grader/resources.py)."""
