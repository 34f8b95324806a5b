"""Shipped data, not code: the build maps the repository's top-level `problems/`, `questions/` and
`sandbox/` folders here as `grader.data.problems`, `grader.data.questions` and `grader.data.sandbox`
(see pyproject.toml), and `grader.resources` finds them with importlib.resources."""
