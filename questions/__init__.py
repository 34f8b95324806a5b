"""Data, not code: shipped as the package grader.data.questions (see grader/resources.py)."""
