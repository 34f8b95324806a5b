"""Data, not code: shipped as the package grader.data.problems (see grader/resources.py)."""
