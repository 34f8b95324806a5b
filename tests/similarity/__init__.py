"""Similarity report tests: a class built in code (classroom.py) where who copied from whom is known."""
